-- A fact is keyed by its subject, technology and source, no longer by a "factKey" string that spelt
-- them out ("b:<building id>|FTTH|IPE|<source name>", ~47 bytes a row, repeated by its unique index).
-- The new unique index also serves the building's lookups, so the (buildingId, technology) one goes.
-- Every existing building fact's factKey was exactly this tuple, so the unique index builds.
-- (Written by hand: DROP COLUMN keeps the table, its indexes and triggers, where Prisma's
-- generated RedefineTables would copy every fact into a new table.)
DROP INDEX "Availability_factKey_key";
DROP INDEX "Availability_buildingId_technology_idx";
ALTER TABLE "Availability" DROP COLUMN "factKey";
CREATE UNIQUE INDEX "Availability_buildingId_technology_sourceKind_sourceName_key" ON "Availability"("buildingId", "technology", "sourceKind", "sourceName");
