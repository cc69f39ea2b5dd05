-- CreateTable
CREATE TABLE "PasswordResetToken" (
    "tokenHash" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "usedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PasswordResetToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "LoginThrottle" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "windowStart" DATETIME NOT NULL,
    "failures" INTEGER NOT NULL
);

-- CreateTable
CREATE TABLE "Publication" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "zoneId" TEXT,
    "inseeCode" TEXT,
    "addressIds" TEXT,
    "technology" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "plannedDate" DATETIME,
    "plannedPrecision" TEXT,
    "availableSince" DATETIME,
    "operatorCodes" TEXT NOT NULL DEFAULT '[]',
    "message" TEXT,
    "state" TEXT NOT NULL DEFAULT 'DRAFT',
    "version" INTEGER NOT NULL DEFAULT 1,
    "publishedAt" DATETIME,
    "createdById" TEXT,
    "updatedById" TEXT,
    "updatedByName" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Publication_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Publication_zoneId_fkey" FOREIGN KEY ("zoneId") REFERENCES "ActivityZone" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PublicationVersion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "publicationId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "content" TEXT NOT NULL,
    "publishedAt" DATETIME NOT NULL,
    "publishedBy" TEXT,
    CONSTRAINT "PublicationVersion_publicationId_fkey" FOREIGN KEY ("publicationId") REFERENCES "Publication" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ImportJob" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT,
    "userId" TEXT,
    "userEmail" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "sourceName" TEXT,
    "fileName" TEXT NOT NULL,
    "filePath" TEXT NOT NULL,
    "byteSize" INTEGER NOT NULL,
    "state" TEXT NOT NULL,
    "progressRows" INTEGER NOT NULL DEFAULT 0,
    "progressPercent" INTEGER,
    "checkReport" TEXT,
    "applyReport" TEXT,
    "message" TEXT,
    "importRunId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ImportJob_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AuditEntry" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT,
    "actorEmail" TEXT NOT NULL,
    "organisationId" TEXT,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "before" TEXT,
    "after" TEXT
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
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
    "publicationId" TEXT,
    CONSTRAINT "Availability_addressId_fkey" FOREIGN KEY ("addressId") REFERENCES "Address" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Availability_buildingId_fkey" FOREIGN KEY ("buildingId") REFERENCES "Building" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Availability_zoneId_fkey" FOREIGN KEY ("zoneId") REFERENCES "ActivityZone" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Availability_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Availability_importRunId_fkey" FOREIGN KEY ("importRunId") REFERENCES "ImportRun" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Availability_publicationId_fkey" FOREIGN KEY ("publicationId") REFERENCES "Publication" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Availability" ("addressId", "availableSince", "buildingId", "contentHash", "factKey", "fileDate", "fileName", "id", "importRunId", "organisationId", "plannedDate", "plannedPrecision", "recordedAt", "sourceKind", "sourceName", "status", "technology", "withdrawnAt", "zoneId") SELECT "addressId", "availableSince", "buildingId", "contentHash", "factKey", "fileDate", "fileName", "id", "importRunId", "organisationId", "plannedDate", "plannedPrecision", "recordedAt", "sourceKind", "sourceName", "status", "technology", "withdrawnAt", "zoneId" FROM "Availability";
DROP TABLE "Availability";
ALTER TABLE "new_Availability" RENAME TO "Availability";
CREATE UNIQUE INDEX "Availability_factKey_key" ON "Availability"("factKey");
CREATE INDEX "Availability_addressId_technology_idx" ON "Availability"("addressId", "technology");
CREATE INDEX "Availability_publicationId_idx" ON "Availability"("publicationId");
CREATE INDEX "Availability_buildingId_technology_idx" ON "Availability"("buildingId", "technology");
CREATE INDEX "Availability_zoneId_technology_idx" ON "Availability"("zoneId", "technology");
CREATE TABLE "new_User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "email" TEXT NOT NULL,
    "name" TEXT,
    "passwordHash" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "organisationId" TEXT,
    "disabledAt" DATETIME,
    "sessionVersion" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "User_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_User" ("createdAt", "email", "id", "name", "organisationId", "passwordHash", "role", "updatedAt") SELECT "createdAt", "email", "id", "name", "organisationId", "passwordHash", "role", "updatedAt" FROM "User";
DROP TABLE "User";
ALTER TABLE "new_User" RENAME TO "User";
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
CREATE INDEX "User_organisationId_idx" ON "User"("organisationId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "PasswordResetToken_userId_idx" ON "PasswordResetToken"("userId");

-- CreateIndex
CREATE INDEX "Publication_organisationId_state_idx" ON "Publication"("organisationId", "state");

-- CreateIndex
CREATE INDEX "Publication_zoneId_idx" ON "Publication"("zoneId");

-- CreateIndex
CREATE INDEX "Publication_inseeCode_idx" ON "Publication"("inseeCode");

-- CreateIndex
CREATE UNIQUE INDEX "PublicationVersion_publicationId_number_key" ON "PublicationVersion"("publicationId", "number");

-- CreateIndex
CREATE INDEX "ImportJob_organisationId_createdAt_idx" ON "ImportJob"("organisationId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEntry_organisationId_at_idx" ON "AuditEntry"("organisationId", "at");

-- CreateIndex
CREATE INDEX "AuditEntry_action_at_idx" ON "AuditEntry"("action", "at");

-- CreateIndex
CREATE INDEX "AuditEntry_entityType_entityId_idx" ON "AuditEntry"("entityType", "entityId");
