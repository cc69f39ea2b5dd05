-- DropIndex
DROP INDEX "Availability_sourceKind_sourceName_idx";

-- AlterTable
ALTER TABLE "ActivityZone" ADD COLUMN     "contentHash" TEXT,
ADD COLUMN     "lastRunId" TEXT,
ADD COLUMN     "sourceName" TEXT;

-- AlterTable
ALTER TABLE "Address" ADD COLUMN     "contentHash" TEXT NOT NULL,
ADD COLUMN     "lastRunId" TEXT,
ALTER COLUMN "postcode" DROP NOT NULL;

-- AlterTable
ALTER TABLE "Availability" ADD COLUMN     "contentHash" TEXT,
ADD COLUMN     "factKey" TEXT NOT NULL,
ADD COLUMN     "importRunId" TEXT,
ADD COLUMN     "withdrawnAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Building" ADD COLUMN     "addressMatch" TEXT,
ADD COLUMN     "contentHash" TEXT NOT NULL,
ADD COLUMN     "lastRunId" TEXT,
ADD COLUMN     "mciId" TEXT,
ADD COLUMN     "pmReference" TEXT,
ADD COLUMN     "sourceName" TEXT NOT NULL;

-- CreateTable
CREATE TABLE "ImportRun" (
    "id" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "sourceKind" "SourceKind" NOT NULL,
    "sourceName" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "fileDate" TIMESTAMP(3),
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
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "ImportRun_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ImportRun_sourceKind_sourceName_startedAt_idx" ON "ImportRun"("sourceKind", "sourceName", "startedAt");

-- CreateIndex
CREATE INDEX "ImportRun_organisationId_startedAt_idx" ON "ImportRun"("organisationId", "startedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Availability_factKey_key" ON "Availability"("factKey");

-- CreateIndex
CREATE UNIQUE INDEX "Building_mciId_key" ON "Building"("mciId");

-- AddForeignKey
ALTER TABLE "Availability" ADD CONSTRAINT "Availability_importRunId_fkey" FOREIGN KEY ("importRunId") REFERENCES "ImportRun"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportRun" ADD CONSTRAINT "ImportRun_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;
