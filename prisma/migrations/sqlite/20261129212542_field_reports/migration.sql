-- CreateTable
CREATE TABLE "FieldReport" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "addressId" TEXT NOT NULL,
    "inseeCode" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "technology" TEXT,
    "description" TEXT NOT NULL,
    "email" TEXT,
    "state" TEXT NOT NULL DEFAULT 'PENDING',
    "rejectionReason" TEXT,
    "publicationId" TEXT,
    "moderatedBy" TEXT,
    "moderatedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "FieldReport_addressId_fkey" FOREIGN KEY ("addressId") REFERENCES "Address" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "FieldReport_addressId_state_idx" ON "FieldReport"("addressId", "state");

-- CreateIndex
CREATE INDEX "FieldReport_inseeCode_state_idx" ON "FieldReport"("inseeCode", "state");
