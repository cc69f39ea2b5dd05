-- CreateTable
CREATE TABLE "Establishment" (
    "siret" TEXT NOT NULL PRIMARY KEY,
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
    "lat" REAL,
    "lon" REAL,
    "addressId" TEXT,
    "matchMethod" TEXT,
    "searchName" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "lastRunId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Establishment_addressId_fkey" FOREIGN KEY ("addressId") REFERENCES "Address" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "LegalUnit" (
    "siren" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "lastRunId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "Establishment_siren_idx" ON "Establishment"("siren");

-- CreateIndex
CREATE INDEX "Establishment_addressId_idx" ON "Establishment"("addressId");

-- CreateIndex
CREATE INDEX "Establishment_inseeCode_idx" ON "Establishment"("inseeCode");

-- CreateIndex
CREATE INDEX "Establishment_searchName_idx" ON "Establishment"("searchName");
