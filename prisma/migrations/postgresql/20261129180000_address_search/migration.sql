-- Address search (written by hand: Prisma does not model these indexes; db:check ignores them).
-- pg_trgm is a trusted extension (PostgreSQL 13+): the database owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Words of the normalised label, by substring, prefix and similarity (typos).
CREATE INDEX "Address_searchKey_trgm_idx" ON "Address" USING GIN ("searchKey" gin_trgm_ops);
