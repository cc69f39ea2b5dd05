-- Address search (written by hand: Prisma does not model full-text indexes; db:check ignores them).
-- An FTS5 index over "Address"."searchKey" (external content: the text lives in "Address" only),
-- kept in step by triggers, so every writer — importers, admin, tests — keeps it right.
-- Address has no INTEGER PRIMARY KEY: never VACUUM without rebuilding it afterwards
-- (INSERT INTO "AddressSearch"("AddressSearch") VALUES ('rebuild')).
CREATE VIRTUAL TABLE "AddressSearch" USING fts5(
  "searchKey",
  content = 'Address',
  content_rowid = 'rowid',
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '1 2 3'
);

-- The words of the index, for the typo-tolerant search (terms close to an unknown word).
CREATE VIRTUAL TABLE "AddressSearchTerms" USING fts5vocab("AddressSearch", 'row');

CREATE TRIGGER "Address_search_insert" AFTER INSERT ON "Address" BEGIN
  INSERT INTO "AddressSearch"(rowid, "searchKey") VALUES (new.rowid, new."searchKey");
END;

CREATE TRIGGER "Address_search_delete" AFTER DELETE ON "Address" BEGIN
  INSERT INTO "AddressSearch"("AddressSearch", rowid, "searchKey") VALUES ('delete', old.rowid, old."searchKey");
END;

CREATE TRIGGER "Address_search_update" AFTER UPDATE OF "searchKey" ON "Address"
WHEN old."searchKey" IS NOT new."searchKey" BEGIN
  INSERT INTO "AddressSearch"("AddressSearch", rowid, "searchKey") VALUES ('delete', old.rowid, old."searchKey");
  INSERT INTO "AddressSearch"(rowid, "searchKey") VALUES (new.rowid, new."searchKey");
END;

INSERT INTO "AddressSearch"("AddressSearch") VALUES ('rebuild');
