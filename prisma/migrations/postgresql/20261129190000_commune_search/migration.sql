-- Commune search (written by hand like address_search; db:check ignores gin_trgm_ops indexes):
-- word starts anywhere in "Commune"."searchName" through a trigram index.
CREATE INDEX "Commune_searchName_trgm_idx" ON "Commune" USING GIN ("searchName" gin_trgm_ops);
