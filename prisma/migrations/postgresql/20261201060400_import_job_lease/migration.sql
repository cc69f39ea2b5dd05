-- AlterTable
ALTER TABLE "ImportJob" ADD COLUMN     "appliedById" TEXT,
ADD COLUMN     "attempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "leaseUntil" TIMESTAMP(3),
ADD COLUMN     "queuedAt" TIMESTAMP(3),
ADD COLUMN     "workerId" TEXT;

-- CreateIndex
CREATE INDEX "ImportJob_state_workerId_idx" ON "ImportJob"("state", "workerId");
