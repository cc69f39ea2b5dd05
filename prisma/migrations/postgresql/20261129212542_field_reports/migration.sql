-- CreateEnum
CREATE TYPE "FieldReportKind" AS ENUM ('ORDER_REFUSED', 'ALREADY_AVAILABLE', 'WRONG_STATUS', 'WRONG_ADDRESS', 'OTHER');

-- CreateEnum
CREATE TYPE "FieldReportState" AS ENUM ('PENDING', 'ACCEPTED', 'REJECTED');

-- CreateTable
CREATE TABLE "FieldReport" (
    "id" TEXT NOT NULL,
    "addressId" TEXT NOT NULL,
    "inseeCode" TEXT NOT NULL,
    "kind" "FieldReportKind" NOT NULL,
    "technology" "Technology",
    "description" TEXT NOT NULL,
    "email" TEXT,
    "state" "FieldReportState" NOT NULL DEFAULT 'PENDING',
    "rejectionReason" TEXT,
    "publicationId" TEXT,
    "moderatedBy" TEXT,
    "moderatedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FieldReport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "FieldReport_addressId_state_idx" ON "FieldReport"("addressId", "state");

-- CreateIndex
CREATE INDEX "FieldReport_inseeCode_state_idx" ON "FieldReport"("inseeCode", "state");

-- AddForeignKey
ALTER TABLE "FieldReport" ADD CONSTRAINT "FieldReport_addressId_fkey" FOREIGN KEY ("addressId") REFERENCES "Address"("id") ON DELETE CASCADE ON UPDATE CASCADE;
