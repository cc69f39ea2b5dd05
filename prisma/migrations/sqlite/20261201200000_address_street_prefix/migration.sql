-- Address search typed from its start ("7 impasse du ru"): the addresses of a number whose street
-- key begins with the words typed, read in order and stopped at the LIMIT (lib/search/street-prefix.ts).
-- Written by hand (db:check ignores search indexes, as the FTS5 tables): Prisma's schema would give
-- PostgreSQL the same index without the binary collation its range needs.
CREATE INDEX "Address_number_streetKey_idx" ON "Address"("number", "streetKey");
