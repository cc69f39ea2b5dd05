-- Establishment search (written by hand like commune_search; db:check ignores gin_trgm_ops indexes):
-- word starts anywhere in "Establishment"."searchName" through a trigram index.
CREATE INDEX "Establishment_searchName_trgm_idx" ON "Establishment" USING GIN ("searchName" gin_trgm_ops);
