-- AlterTable
ALTER TABLE "Building" ADD COLUMN "inseeCode" TEXT;
ALTER TABLE "Building" ADD COLUMN "statedAddress" TEXT;

-- CreateIndex
CREATE INDEX "Building_inseeCode_idx" ON "Building"("inseeCode");
