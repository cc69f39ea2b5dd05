-- CreateTable
CREATE TABLE "Establishment" (
    "siret" TEXT NOT NULL,
    "siren" TEXT NOT NULL,
    "tradeName" TEXT,
    "legalName" TEXT,
    "activityCode" TEXT,
    "headcountBand" TEXT,
    "number" INTEGER,
    "suffix" TEXT,
    "streetType" TEXT,
    "street" TEXT,
    "postcode" TEXT,
    "inseeCode" TEXT NOT NULL,
    "communeName" TEXT,
    "sourceAddressId" TEXT,
    "lat" DOUBLE PRECISION,
    "lon" DOUBLE PRECISION,
    "addressId" TEXT,
    "matchMethod" TEXT,
    "searchName" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "lastRunId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Establishment_pkey" PRIMARY KEY ("siret")
);

-- CreateTable
CREATE TABLE "LegalUnit" (
    "siren" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "lastRunId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LegalUnit_pkey" PRIMARY KEY ("siren")
);

-- CreateIndex
CREATE INDEX "Establishment_siren_idx" ON "Establishment"("siren");

-- CreateIndex
CREATE INDEX "Establishment_addressId_idx" ON "Establishment"("addressId");

-- CreateIndex
CREATE INDEX "Establishment_inseeCode_idx" ON "Establishment"("inseeCode");

-- CreateIndex
CREATE INDEX "Establishment_searchName_idx" ON "Establishment"("searchName");

-- AddForeignKey
ALTER TABLE "Establishment" ADD CONSTRAINT "Establishment_addressId_fkey" FOREIGN KEY ("addressId") REFERENCES "Address"("id") ON DELETE SET NULL ON UPDATE CASCADE;
