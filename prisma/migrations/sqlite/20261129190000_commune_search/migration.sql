-- Commune search (written by hand like address_search; db:check ignores "CommuneSearch*"): an
-- FTS5 index over "Commune"."searchName", so a word typed finds the start of any word of a name
-- without reading all 35,000 communes. Kept in step by triggers.
CREATE VIRTUAL TABLE "CommuneSearch" USING fts5(
  "searchName",
  content = 'Commune',
  content_rowid = 'rowid',
  tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER "Commune_search_insert" AFTER INSERT ON "Commune" BEGIN
  INSERT INTO "CommuneSearch"(rowid, "searchName") VALUES (new.rowid, new."searchName");
END;

CREATE TRIGGER "Commune_search_delete" AFTER DELETE ON "Commune" BEGIN
  INSERT INTO "CommuneSearch"("CommuneSearch", rowid, "searchName") VALUES ('delete', old.rowid, old."searchName");
END;

CREATE TRIGGER "Commune_search_update" AFTER UPDATE OF "searchName" ON "Commune"
WHEN old."searchName" IS NOT new."searchName" BEGIN
  INSERT INTO "CommuneSearch"("CommuneSearch", rowid, "searchName") VALUES ('delete', old.rowid, old."searchName");
  INSERT INTO "CommuneSearch"(rowid, "searchName") VALUES (new.rowid, new."searchName");
END;

INSERT INTO "CommuneSearch"("CommuneSearch") VALUES ('rebuild');

-- The words of the address index, for the typo-tolerant search: looking them up in
-- "AddressSearchTerms" (fts5vocab) reads each word's whole list of addresses, this table does
-- not. Refreshed from the index at the end of every address import; a word no address uses any
-- more only costs an alternative that matches nothing.
CREATE TABLE "AddressSearchWords" ("word" TEXT NOT NULL PRIMARY KEY) WITHOUT ROWID;
INSERT INTO "AddressSearchWords"("word") SELECT term FROM "AddressSearchTerms";
