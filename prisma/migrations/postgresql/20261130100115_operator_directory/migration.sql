-- AlterEnum
ALTER TYPE "SourceKind" ADD VALUE 'ARCEP_OPERATEURS';

-- AlterTable
ALTER TABLE "Operator" ADD COLUMN     "directoryOperatorId" TEXT;

-- AlterTable
ALTER TABLE "Organisation" ADD COLUMN     "publicEmail" TEXT,
ADD COLUMN     "publicPhone" TEXT,
ADD COLUMN     "publicUrl" TEXT;

-- CreateTable
CREATE TABLE "DirectoryOperator" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "website" TEXT,
    "offersUrl" TEXT,
    "eligibilityUrl" TEXT,
    "technologies" TEXT NOT NULL DEFAULT '[]',
    "isNational" BOOLEAN NOT NULL DEFAULT false,
    "departements" TEXT NOT NULL DEFAULT '[]',
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DirectoryOperator_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OperatorReference" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "sourceName" TEXT NOT NULL,
    "fileDate" TIMESTAMP(3),
    "lastRunId" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OperatorReference_pkey" PRIMARY KEY ("code")
);

-- CreateIndex
CREATE UNIQUE INDEX "DirectoryOperator_name_key" ON "DirectoryOperator"("name");

-- CreateIndex
CREATE INDEX "Operator_directoryOperatorId_idx" ON "Operator"("directoryOperatorId");

-- AddForeignKey
ALTER TABLE "Operator" ADD CONSTRAINT "Operator_directoryOperatorId_fkey" FOREIGN KEY ("directoryOperatorId") REFERENCES "DirectoryOperator"("id") ON DELETE SET NULL ON UPDATE CASCADE;
