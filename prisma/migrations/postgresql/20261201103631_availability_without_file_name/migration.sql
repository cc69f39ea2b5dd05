-- A fact no longer repeats its file's name (~50 bytes a row): its import run holds it
-- ("importRunId" → "ImportRun"."fileName"), and no reader used the copy. Instant: PostgreSQL
-- marks the column dropped; its space is reused as rows are rewritten (VACUUM FULL reclaims it at once).
ALTER TABLE "Availability" DROP COLUMN "fileName";
