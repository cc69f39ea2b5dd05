-- Establishment search (written by hand like commune_search; db:check ignores "EstablishmentSearch*"):
-- an FTS5 index over "Establishment"."searchName" (trade and legal names, normalised), so a word
-- typed finds the start of any word of a name without reading every establishment. Kept in step
-- by triggers, so the SIRENE importer, its withdrawals and the tests keep it right.
-- Establishment has no INTEGER PRIMARY KEY: never VACUUM without rebuilding it afterwards
-- (INSERT INTO "EstablishmentSearch"("EstablishmentSearch") VALUES ('rebuild')).
CREATE VIRTUAL TABLE "EstablishmentSearch" USING fts5(
  "searchName",
  content = 'Establishment',
  content_rowid = 'rowid',
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3'
);

CREATE TRIGGER "Establishment_search_insert" AFTER INSERT ON "Establishment" BEGIN
  INSERT INTO "EstablishmentSearch"(rowid, "searchName") VALUES (new.rowid, new."searchName");
END;

CREATE TRIGGER "Establishment_search_delete" AFTER DELETE ON "Establishment" BEGIN
  INSERT INTO "EstablishmentSearch"("EstablishmentSearch", rowid, "searchName") VALUES ('delete', old.rowid, old."searchName");
END;

CREATE TRIGGER "Establishment_search_update" AFTER UPDATE OF "searchName" ON "Establishment"
WHEN old."searchName" IS NOT new."searchName" BEGIN
  INSERT INTO "EstablishmentSearch"("EstablishmentSearch", rowid, "searchName") VALUES ('delete', old.rowid, old."searchName");
  INSERT INTO "EstablishmentSearch"(rowid, "searchName") VALUES (new.rowid, new."searchName");
END;

INSERT INTO "EstablishmentSearch"("EstablishmentSearch") VALUES ('rebuild');
