-- AlterTable
ALTER TABLE "Organisation" ADD COLUMN "publicEmail" TEXT;
ALTER TABLE "Organisation" ADD COLUMN "publicPhone" TEXT;
ALTER TABLE "Organisation" ADD COLUMN "publicUrl" TEXT;

-- CreateTable
CREATE TABLE "DirectoryOperator" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "website" TEXT,
    "offersUrl" TEXT,
    "eligibilityUrl" TEXT,
    "technologies" TEXT NOT NULL DEFAULT '[]',
    "isNational" BOOLEAN NOT NULL DEFAULT false,
    "departements" TEXT NOT NULL DEFAULT '[]',
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "OperatorReference" (
    "code" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "sourceName" TEXT NOT NULL,
    "fileDate" DATETIME,
    "lastRunId" TEXT,
    "updatedAt" DATETIME NOT NULL
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Operator" (
    "code" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "website" TEXT,
    "directoryOperatorId" TEXT,
    CONSTRAINT "Operator_directoryOperatorId_fkey" FOREIGN KEY ("directoryOperatorId") REFERENCES "DirectoryOperator" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Operator" ("code", "name", "role", "website") SELECT "code", "name", "role", "website" FROM "Operator";
DROP TABLE "Operator";
ALTER TABLE "new_Operator" RENAME TO "Operator";
CREATE INDEX "Operator_directoryOperatorId_idx" ON "Operator"("directoryOperatorId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "DirectoryOperator_name_key" ON "DirectoryOperator"("name");
