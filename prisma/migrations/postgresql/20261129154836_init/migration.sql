-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Technology" AS ENUM ('FTTH', 'FTTH_PRO', 'FTTE', 'FTTO');

-- CreateEnum
CREATE TYPE "DeploymentStatus" AS ENUM ('DEPLOYE', 'RAD', 'RAD_EN_COURS', 'EN_COURS', 'SIGNE', 'CIBLE', 'PREVU', 'ABANDONNE', 'NON_PREVU');

-- CreateEnum
CREATE TYPE "DatePrecision" AS ENUM ('DAY', 'MONTH', 'QUARTER', 'HALF', 'YEAR');

-- CreateEnum
CREATE TYPE "SourceKind" AS ENUM ('IPE', 'ARCEP_IMMEUBLES', 'ARCEP_MCI', 'BAN', 'BAL', 'ZONES', 'PUBLICATION');

-- CreateEnum
CREATE TYPE "OperatorRole" AS ENUM ('INFRASTRUCTURE', 'COMMERCIAL', 'BOTH');

-- CreateEnum
CREATE TYPE "CommuneKind" AS ENUM ('COMMUNE', 'ARRONDISSEMENT');

-- CreateEnum
CREATE TYPE "OrganisationKind" AS ENUM ('COLLECTIVITE', 'RIP', 'EPCI', 'CCI', 'OTHER');

-- CreateEnum
CREATE TYPE "UserRole" AS ENUM ('ADMIN', 'ORG_ADMIN', 'EDITOR');

-- CreateTable
CREATE TABLE "Region" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "Region_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "Departement" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "regionCode" TEXT NOT NULL,

    CONSTRAINT "Departement_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "Epci" (
    "siren" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "population" INTEGER,

    CONSTRAINT "Epci_pkey" PRIMARY KEY ("siren")
);

-- CreateTable
CREATE TABLE "Commune" (
    "inseeCode" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "searchName" TEXT NOT NULL,
    "kind" "CommuneKind" NOT NULL DEFAULT 'COMMUNE',
    "parentInseeCode" TEXT,
    "departementCode" TEXT NOT NULL,
    "regionCode" TEXT NOT NULL,
    "epciSiren" TEXT,
    "population" INTEGER,

    CONSTRAINT "Commune_pkey" PRIMARY KEY ("inseeCode")
);

-- CreateTable
CREATE TABLE "CommunePostcode" (
    "postcode" TEXT NOT NULL,
    "inseeCode" TEXT NOT NULL,

    CONSTRAINT "CommunePostcode_pkey" PRIMARY KEY ("postcode","inseeCode")
);

-- CreateTable
CREATE TABLE "Address" (
    "id" TEXT NOT NULL,
    "number" INTEGER,
    "suffix" TEXT,
    "street" TEXT NOT NULL,
    "locality" TEXT,
    "postcode" TEXT NOT NULL,
    "inseeCode" TEXT NOT NULL,
    "communeName" TEXT NOT NULL,
    "lat" DOUBLE PRECISION NOT NULL,
    "lon" DOUBLE PRECISION NOT NULL,
    "streetKey" TEXT NOT NULL,
    "searchKey" TEXT NOT NULL,
    "source" "SourceKind" NOT NULL DEFAULT 'BAN',
    "zoneId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Address_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Building" (
    "id" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "addressId" TEXT,
    "lat" DOUBLE PRECISION,
    "lon" DOUBLE PRECISION,
    "dwellings" INTEGER,
    "type" TEXT,
    "source" "SourceKind" NOT NULL,
    "operatorCode" TEXT,
    "withdrawnAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Building_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Operator" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" "OperatorRole" NOT NULL,
    "website" TEXT,

    CONSTRAINT "Operator_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "ActivityZone" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "searchName" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "vocation" TEXT,
    "inseeCode" TEXT NOT NULL,
    "communeName" TEXT,
    "epciSiren" TEXT,
    "epciName" TEXT,
    "grossAreaHa" DOUBLE PRECISION,
    "hasFibreNetwork" BOOLEAN,
    "outline" TEXT NOT NULL,
    "minLon" DOUBLE PRECISION NOT NULL,
    "minLat" DOUBLE PRECISION NOT NULL,
    "maxLon" DOUBLE PRECISION NOT NULL,
    "maxLat" DOUBLE PRECISION NOT NULL,
    "sourceUpdatedOn" TIMESTAMP(3),
    "contact" TEXT,
    "organisationId" TEXT,
    "archivedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ActivityZone_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Availability" (
    "id" TEXT NOT NULL,
    "addressId" TEXT,
    "buildingId" TEXT,
    "zoneId" TEXT,
    "technology" "Technology" NOT NULL,
    "status" "DeploymentStatus" NOT NULL,
    "availableSince" TIMESTAMP(3),
    "plannedDate" TIMESTAMP(3),
    "plannedPrecision" "DatePrecision",
    "sourceKind" "SourceKind" NOT NULL,
    "sourceName" TEXT NOT NULL,
    "fileName" TEXT,
    "fileDate" TIMESTAMP(3),
    "recordedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "organisationId" TEXT,

    CONSTRAINT "Availability_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AvailabilityOperator" (
    "availabilityId" TEXT NOT NULL,
    "operatorCode" TEXT NOT NULL,
    "role" "OperatorRole" NOT NULL,

    CONSTRAINT "AvailabilityOperator_pkey" PRIMARY KEY ("availabilityId","operatorCode","role")
);

-- CreateTable
CREATE TABLE "Organisation" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "OrganisationKind" NOT NULL,
    "siren" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Organisation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OrganisationCommune" (
    "organisationId" TEXT NOT NULL,
    "inseeCode" TEXT NOT NULL,

    CONSTRAINT "OrganisationCommune_pkey" PRIMARY KEY ("organisationId","inseeCode")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT,
    "passwordHash" TEXT NOT NULL,
    "role" "UserRole" NOT NULL,
    "organisationId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Departement_regionCode_idx" ON "Departement"("regionCode");

-- CreateIndex
CREATE INDEX "Commune_searchName_idx" ON "Commune"("searchName");

-- CreateIndex
CREATE INDEX "Commune_departementCode_idx" ON "Commune"("departementCode");

-- CreateIndex
CREATE INDEX "Commune_epciSiren_idx" ON "Commune"("epciSiren");

-- CreateIndex
CREATE INDEX "Commune_population_idx" ON "Commune"("population");

-- CreateIndex
CREATE INDEX "CommunePostcode_inseeCode_idx" ON "CommunePostcode"("inseeCode");

-- CreateIndex
CREATE INDEX "Address_inseeCode_streetKey_number_suffix_idx" ON "Address"("inseeCode", "streetKey", "number", "suffix");

-- CreateIndex
CREATE INDEX "Address_lat_lon_idx" ON "Address"("lat", "lon");

-- CreateIndex
CREATE INDEX "Address_zoneId_idx" ON "Address"("zoneId");

-- CreateIndex
CREATE UNIQUE INDEX "Building_externalId_key" ON "Building"("externalId");

-- CreateIndex
CREATE INDEX "Building_addressId_idx" ON "Building"("addressId");

-- CreateIndex
CREATE INDEX "Building_lat_lon_idx" ON "Building"("lat", "lon");

-- CreateIndex
CREATE INDEX "ActivityZone_inseeCode_idx" ON "ActivityZone"("inseeCode");

-- CreateIndex
CREATE INDEX "ActivityZone_epciSiren_idx" ON "ActivityZone"("epciSiren");

-- CreateIndex
CREATE INDEX "ActivityZone_searchName_idx" ON "ActivityZone"("searchName");

-- CreateIndex
CREATE INDEX "ActivityZone_minLon_maxLon_minLat_maxLat_idx" ON "ActivityZone"("minLon", "maxLon", "minLat", "maxLat");

-- CreateIndex
CREATE INDEX "Availability_addressId_technology_idx" ON "Availability"("addressId", "technology");

-- CreateIndex
CREATE INDEX "Availability_buildingId_technology_idx" ON "Availability"("buildingId", "technology");

-- CreateIndex
CREATE INDEX "Availability_zoneId_technology_idx" ON "Availability"("zoneId", "technology");

-- CreateIndex
CREATE INDEX "Availability_sourceKind_sourceName_idx" ON "Availability"("sourceKind", "sourceName");

-- CreateIndex
CREATE INDEX "AvailabilityOperator_operatorCode_idx" ON "AvailabilityOperator"("operatorCode");

-- CreateIndex
CREATE UNIQUE INDEX "Organisation_siren_key" ON "Organisation"("siren");

-- CreateIndex
CREATE INDEX "OrganisationCommune_inseeCode_idx" ON "OrganisationCommune"("inseeCode");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "User_organisationId_idx" ON "User"("organisationId");

-- AddForeignKey
ALTER TABLE "Departement" ADD CONSTRAINT "Departement_regionCode_fkey" FOREIGN KEY ("regionCode") REFERENCES "Region"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Commune" ADD CONSTRAINT "Commune_departementCode_fkey" FOREIGN KEY ("departementCode") REFERENCES "Departement"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Commune" ADD CONSTRAINT "Commune_regionCode_fkey" FOREIGN KEY ("regionCode") REFERENCES "Region"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Commune" ADD CONSTRAINT "Commune_epciSiren_fkey" FOREIGN KEY ("epciSiren") REFERENCES "Epci"("siren") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommunePostcode" ADD CONSTRAINT "CommunePostcode_inseeCode_fkey" FOREIGN KEY ("inseeCode") REFERENCES "Commune"("inseeCode") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Address" ADD CONSTRAINT "Address_inseeCode_fkey" FOREIGN KEY ("inseeCode") REFERENCES "Commune"("inseeCode") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Address" ADD CONSTRAINT "Address_zoneId_fkey" FOREIGN KEY ("zoneId") REFERENCES "ActivityZone"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Building" ADD CONSTRAINT "Building_addressId_fkey" FOREIGN KEY ("addressId") REFERENCES "Address"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Building" ADD CONSTRAINT "Building_operatorCode_fkey" FOREIGN KEY ("operatorCode") REFERENCES "Operator"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActivityZone" ADD CONSTRAINT "ActivityZone_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Availability" ADD CONSTRAINT "Availability_addressId_fkey" FOREIGN KEY ("addressId") REFERENCES "Address"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Availability" ADD CONSTRAINT "Availability_buildingId_fkey" FOREIGN KEY ("buildingId") REFERENCES "Building"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Availability" ADD CONSTRAINT "Availability_zoneId_fkey" FOREIGN KEY ("zoneId") REFERENCES "ActivityZone"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Availability" ADD CONSTRAINT "Availability_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AvailabilityOperator" ADD CONSTRAINT "AvailabilityOperator_availabilityId_fkey" FOREIGN KEY ("availabilityId") REFERENCES "Availability"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AvailabilityOperator" ADD CONSTRAINT "AvailabilityOperator_operatorCode_fkey" FOREIGN KEY ("operatorCode") REFERENCES "Operator"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrganisationCommune" ADD CONSTRAINT "OrganisationCommune_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrganisationCommune" ADD CONSTRAINT "OrganisationCommune_inseeCode_fkey" FOREIGN KEY ("inseeCode") REFERENCES "Commune"("inseeCode") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;
