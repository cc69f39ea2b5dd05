-- CreateTable
CREATE TABLE "Region" (
    "code" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "Departement" (
    "code" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "regionCode" TEXT NOT NULL,
    CONSTRAINT "Departement_regionCode_fkey" FOREIGN KEY ("regionCode") REFERENCES "Region" ("code") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Epci" (
    "siren" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "population" INTEGER
);

-- CreateTable
CREATE TABLE "Commune" (
    "inseeCode" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "searchName" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'COMMUNE',
    "parentInseeCode" TEXT,
    "departementCode" TEXT NOT NULL,
    "regionCode" TEXT NOT NULL,
    "epciSiren" TEXT,
    "population" INTEGER,
    CONSTRAINT "Commune_departementCode_fkey" FOREIGN KEY ("departementCode") REFERENCES "Departement" ("code") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Commune_regionCode_fkey" FOREIGN KEY ("regionCode") REFERENCES "Region" ("code") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Commune_epciSiren_fkey" FOREIGN KEY ("epciSiren") REFERENCES "Epci" ("siren") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CommunePostcode" (
    "postcode" TEXT NOT NULL,
    "inseeCode" TEXT NOT NULL,

    PRIMARY KEY ("postcode", "inseeCode"),
    CONSTRAINT "CommunePostcode_inseeCode_fkey" FOREIGN KEY ("inseeCode") REFERENCES "Commune" ("inseeCode") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Address" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "number" INTEGER,
    "suffix" TEXT,
    "street" TEXT NOT NULL,
    "locality" TEXT,
    "postcode" TEXT NOT NULL,
    "inseeCode" TEXT NOT NULL,
    "communeName" TEXT NOT NULL,
    "lat" REAL NOT NULL,
    "lon" REAL NOT NULL,
    "streetKey" TEXT NOT NULL,
    "searchKey" TEXT NOT NULL,
    "source" TEXT NOT NULL DEFAULT 'BAN',
    "zoneId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Address_inseeCode_fkey" FOREIGN KEY ("inseeCode") REFERENCES "Commune" ("inseeCode") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Address_zoneId_fkey" FOREIGN KEY ("zoneId") REFERENCES "ActivityZone" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Building" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "externalId" TEXT NOT NULL,
    "addressId" TEXT,
    "lat" REAL,
    "lon" REAL,
    "dwellings" INTEGER,
    "type" TEXT,
    "source" TEXT NOT NULL,
    "operatorCode" TEXT,
    "withdrawnAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Building_addressId_fkey" FOREIGN KEY ("addressId") REFERENCES "Address" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Building_operatorCode_fkey" FOREIGN KEY ("operatorCode") REFERENCES "Operator" ("code") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Operator" (
    "code" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "website" TEXT
);

-- CreateTable
CREATE TABLE "ActivityZone" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "searchName" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "vocation" TEXT,
    "inseeCode" TEXT NOT NULL,
    "communeName" TEXT,
    "epciSiren" TEXT,
    "epciName" TEXT,
    "grossAreaHa" REAL,
    "hasFibreNetwork" BOOLEAN,
    "outline" TEXT NOT NULL,
    "minLon" REAL NOT NULL,
    "minLat" REAL NOT NULL,
    "maxLon" REAL NOT NULL,
    "maxLat" REAL NOT NULL,
    "sourceUpdatedOn" DATETIME,
    "contact" TEXT,
    "organisationId" TEXT,
    "archivedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ActivityZone_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Availability" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "addressId" TEXT,
    "buildingId" TEXT,
    "zoneId" TEXT,
    "technology" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "availableSince" DATETIME,
    "plannedDate" DATETIME,
    "plannedPrecision" TEXT,
    "sourceKind" TEXT NOT NULL,
    "sourceName" TEXT NOT NULL,
    "fileName" TEXT,
    "fileDate" DATETIME,
    "recordedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "organisationId" TEXT,
    CONSTRAINT "Availability_addressId_fkey" FOREIGN KEY ("addressId") REFERENCES "Address" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Availability_buildingId_fkey" FOREIGN KEY ("buildingId") REFERENCES "Building" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Availability_zoneId_fkey" FOREIGN KEY ("zoneId") REFERENCES "ActivityZone" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Availability_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AvailabilityOperator" (
    "availabilityId" TEXT NOT NULL,
    "operatorCode" TEXT NOT NULL,
    "role" TEXT NOT NULL,

    PRIMARY KEY ("availabilityId", "operatorCode", "role"),
    CONSTRAINT "AvailabilityOperator_availabilityId_fkey" FOREIGN KEY ("availabilityId") REFERENCES "Availability" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "AvailabilityOperator_operatorCode_fkey" FOREIGN KEY ("operatorCode") REFERENCES "Operator" ("code") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Organisation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "siren" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "OrganisationCommune" (
    "organisationId" TEXT NOT NULL,
    "inseeCode" TEXT NOT NULL,

    PRIMARY KEY ("organisationId", "inseeCode"),
    CONSTRAINT "OrganisationCommune_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "OrganisationCommune_inseeCode_fkey" FOREIGN KEY ("inseeCode") REFERENCES "Commune" ("inseeCode") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "email" TEXT NOT NULL,
    "name" TEXT,
    "passwordHash" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "organisationId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "User_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE SET NULL ON UPDATE CASCADE
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
