-- AlterTable
ALTER TABLE "ActivityZone" ADD COLUMN "contentHash" TEXT;
ALTER TABLE "ActivityZone" ADD COLUMN "lastRunId" TEXT;
ALTER TABLE "ActivityZone" ADD COLUMN "sourceName" TEXT;

-- CreateTable
CREATE TABLE "ImportRun" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "format" TEXT NOT NULL,
    "sourceKind" TEXT NOT NULL,
    "sourceName" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "fileDate" DATETIME,
    "encoding" TEXT,
    "status" TEXT NOT NULL,
    "isDryRun" BOOLEAN NOT NULL DEFAULT false,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "readCount" INTEGER NOT NULL DEFAULT 0,
    "createdCount" INTEGER NOT NULL DEFAULT 0,
    "updatedCount" INTEGER NOT NULL DEFAULT 0,
    "unchangedCount" INTEGER NOT NULL DEFAULT 0,
    "rejectedCount" INTEGER NOT NULL DEFAULT 0,
    "unmatchedCount" INTEGER NOT NULL DEFAULT 0,
    "withdrawnCount" INTEGER NOT NULL DEFAULT 0,
    "message" TEXT,
    "report" TEXT,
    "triggeredBy" TEXT NOT NULL,
    "organisationId" TEXT,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" DATETIME,
    CONSTRAINT "ImportRun_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Address" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "number" INTEGER,
    "suffix" TEXT,
    "street" TEXT NOT NULL,
    "locality" TEXT,
    "postcode" TEXT,
    "inseeCode" TEXT NOT NULL,
    "communeName" TEXT NOT NULL,
    "lat" REAL NOT NULL,
    "lon" REAL NOT NULL,
    "streetKey" TEXT NOT NULL,
    "searchKey" TEXT NOT NULL,
    "source" TEXT NOT NULL DEFAULT 'BAN',
    "contentHash" TEXT NOT NULL,
    "lastRunId" TEXT,
    "zoneId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Address_inseeCode_fkey" FOREIGN KEY ("inseeCode") REFERENCES "Commune" ("inseeCode") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Address_zoneId_fkey" FOREIGN KEY ("zoneId") REFERENCES "ActivityZone" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Address" ("communeName", "createdAt", "id", "inseeCode", "lat", "locality", "lon", "number", "postcode", "searchKey", "source", "street", "streetKey", "suffix", "updatedAt", "zoneId") SELECT "communeName", "createdAt", "id", "inseeCode", "lat", "locality", "lon", "number", "postcode", "searchKey", "source", "street", "streetKey", "suffix", "updatedAt", "zoneId" FROM "Address";
DROP TABLE "Address";
ALTER TABLE "new_Address" RENAME TO "Address";
CREATE INDEX "Address_inseeCode_streetKey_number_suffix_idx" ON "Address"("inseeCode", "streetKey", "number", "suffix");
CREATE INDEX "Address_lat_lon_idx" ON "Address"("lat", "lon");
CREATE INDEX "Address_zoneId_idx" ON "Address"("zoneId");
CREATE TABLE "new_Availability" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "factKey" TEXT NOT NULL,
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
    "importRunId" TEXT,
    "contentHash" TEXT,
    "withdrawnAt" DATETIME,
    "organisationId" TEXT,
    CONSTRAINT "Availability_addressId_fkey" FOREIGN KEY ("addressId") REFERENCES "Address" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Availability_buildingId_fkey" FOREIGN KEY ("buildingId") REFERENCES "Building" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Availability_zoneId_fkey" FOREIGN KEY ("zoneId") REFERENCES "ActivityZone" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Availability_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Availability_importRunId_fkey" FOREIGN KEY ("importRunId") REFERENCES "ImportRun" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Availability" ("addressId", "availableSince", "buildingId", "fileDate", "fileName", "id", "organisationId", "plannedDate", "plannedPrecision", "recordedAt", "sourceKind", "sourceName", "status", "technology", "zoneId") SELECT "addressId", "availableSince", "buildingId", "fileDate", "fileName", "id", "organisationId", "plannedDate", "plannedPrecision", "recordedAt", "sourceKind", "sourceName", "status", "technology", "zoneId" FROM "Availability";
DROP TABLE "Availability";
ALTER TABLE "new_Availability" RENAME TO "Availability";
CREATE UNIQUE INDEX "Availability_factKey_key" ON "Availability"("factKey");
CREATE INDEX "Availability_addressId_technology_idx" ON "Availability"("addressId", "technology");
CREATE INDEX "Availability_buildingId_technology_idx" ON "Availability"("buildingId", "technology");
CREATE INDEX "Availability_zoneId_technology_idx" ON "Availability"("zoneId", "technology");
CREATE TABLE "new_Building" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "externalId" TEXT NOT NULL,
    "addressId" TEXT,
    "lat" REAL,
    "lon" REAL,
    "dwellings" INTEGER,
    "type" TEXT,
    "source" TEXT NOT NULL,
    "sourceName" TEXT NOT NULL,
    "mciId" TEXT,
    "addressMatch" TEXT,
    "operatorCode" TEXT,
    "pmReference" TEXT,
    "contentHash" TEXT NOT NULL,
    "lastRunId" TEXT,
    "withdrawnAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Building_addressId_fkey" FOREIGN KEY ("addressId") REFERENCES "Address" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Building_operatorCode_fkey" FOREIGN KEY ("operatorCode") REFERENCES "Operator" ("code") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Building" ("addressId", "createdAt", "dwellings", "externalId", "id", "lat", "lon", "operatorCode", "source", "type", "updatedAt", "withdrawnAt") SELECT "addressId", "createdAt", "dwellings", "externalId", "id", "lat", "lon", "operatorCode", "source", "type", "updatedAt", "withdrawnAt" FROM "Building";
DROP TABLE "Building";
ALTER TABLE "new_Building" RENAME TO "Building";
CREATE UNIQUE INDEX "Building_externalId_key" ON "Building"("externalId");
CREATE UNIQUE INDEX "Building_mciId_key" ON "Building"("mciId");
CREATE INDEX "Building_addressId_idx" ON "Building"("addressId");
CREATE INDEX "Building_lat_lon_idx" ON "Building"("lat", "lon");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "ImportRun_sourceKind_sourceName_startedAt_idx" ON "ImportRun"("sourceKind", "sourceName", "startedAt");

-- CreateIndex
CREATE INDEX "ImportRun_organisationId_startedAt_idx" ON "ImportRun"("organisationId", "startedAt");
