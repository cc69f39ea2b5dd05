-- The typo-tolerant search works the same way on both databases (written by hand; db:check
-- ignores "AddressSearch*"): the words of the address index in a table, refreshed by the address
-- imports, among which lib/search/typos.ts finds those within one or two typos of an unknown word.
-- It replaces trigram similarity on the whole "Address" table, whose index slowed the imports and
-- whose scans at a low threshold took seconds on a million addresses.
CREATE TABLE "AddressSearchWords" ("word" TEXT NOT NULL PRIMARY KEY);
INSERT INTO "AddressSearchWords" ("word")
  SELECT DISTINCT unnest(tsvector_to_array(to_tsvector('simple', "searchKey"))) FROM "Address"
  ON CONFLICT DO NOTHING;
DROP INDEX "Address_searchKey_trgm_idx";
