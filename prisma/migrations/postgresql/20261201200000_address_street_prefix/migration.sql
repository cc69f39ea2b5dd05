-- Address search typed from its start ("7 impasse du ru"): the addresses of a number whose street
-- key begins with the words typed, read in order and stopped at the LIMIT (lib/search/street-prefix.ts).
-- The range compares keys byte by byte, whatever the database's collation (in most locales a space
-- sorts as if absent): the column is indexed in the "C" collation the query names. Written by hand
-- (db:check ignores search indexes); Prisma's schema cannot say the collation.
CREATE INDEX "Address_number_streetKey_idx" ON "Address"("number", "streetKey" COLLATE "C");
