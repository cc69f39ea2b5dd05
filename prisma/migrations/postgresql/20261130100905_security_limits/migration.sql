-- AlterTable
ALTER TABLE "ActivityZone" ADD COLUMN     "displayOutline" TEXT;

-- AlterTable
ALTER TABLE "AuditEntry" ADD COLUMN     "actorIp" TEXT;

-- AlterTable
ALTER TABLE "LoginThrottle" ADD COLUMN     "account" TEXT;

-- CreateIndex
CREATE INDEX "LoginThrottle_account_idx" ON "LoginThrottle"("account");
