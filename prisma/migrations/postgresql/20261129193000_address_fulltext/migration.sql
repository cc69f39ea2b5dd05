-- Address search on PostgreSQL, by words (written by hand; db:check ignores search indexes): a
-- full-text index of "searchKey" with the 'simple' configuration (no stemming, no stop words:
-- the words are already normalised). Whole words and prefixes come from it; the trigram index
-- stays for the typo-tolerant fallback.
CREATE INDEX "Address_searchKey_fts_idx" ON "Address" USING GIN (to_tsvector('simple', "searchKey"));
