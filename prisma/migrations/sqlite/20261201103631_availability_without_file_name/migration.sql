-- A fact no longer repeats its file's name (~50 bytes a row): its import run holds it
-- ("importRunId" → "ImportRun"."fileName"), and no reader used the copy.
-- (Written by hand: DROP COLUMN keeps the table, its indexes and triggers, where Prisma's
-- generated RedefineTables would copy every fact into a new table.)
ALTER TABLE "Availability" DROP COLUMN "fileName";
