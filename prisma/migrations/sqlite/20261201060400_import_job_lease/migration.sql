-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ImportJob" (
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
    "queuedAt" DATETIME,
    "workerId" TEXT,
    "leaseUntil" DATETIME,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "appliedById" TEXT,
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
INSERT INTO "new_ImportJob" ("applyReport", "byteSize", "checkReport", "createdAt", "fileName", "filePath", "format", "id", "importRunId", "message", "organisationId", "progressPercent", "progressRows", "sourceName", "state", "updatedAt", "userEmail", "userId") SELECT "applyReport", "byteSize", "checkReport", "createdAt", "fileName", "filePath", "format", "id", "importRunId", "message", "organisationId", "progressPercent", "progressRows", "sourceName", "state", "updatedAt", "userEmail", "userId" FROM "ImportJob";
DROP TABLE "ImportJob";
ALTER TABLE "new_ImportJob" RENAME TO "ImportJob";
CREATE INDEX "ImportJob_organisationId_createdAt_idx" ON "ImportJob"("organisationId", "createdAt");
CREATE INDEX "ImportJob_state_workerId_idx" ON "ImportJob"("state", "workerId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
