-- The exports read a commune's addresses a page at a time in id order (lib/data/exports.ts):
-- ("inseeCode", "id") holds them in that order. Without it PostgreSQL walked the primary key and
-- filtered: at 26 M addresses 5–14 s before the first page of a commune whose ids sort last. No query
-- read the street, number and suffix after the commune: the importers' matcher loads a commune whole.

-- DropIndex
DROP INDEX "Address_inseeCode_streetKey_number_suffix_idx";

-- CreateIndex
CREATE INDEX "Address_inseeCode_id_idx" ON "Address"("inseeCode", "id");
