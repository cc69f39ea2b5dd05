-- AlterTable
ALTER TABLE "Commune" ADD COLUMN "lat" REAL;
ALTER TABLE "Commune" ADD COLUMN "lon" REAL;
