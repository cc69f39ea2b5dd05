-- Address search: prefixes of up to five letters get their own index (was up to three).
-- A half-typed word ("8 boulevard sain") is a prefix query; without a prefix index of its length,
-- FTS5 merges the lists of every indexed word that starts with it ("saint", "sainte", "saintes"…),
-- in time proportional to the number of addresses, whatever the LIMIT: at 26 M addresses that merge
-- made the search's p95 (README, « National benchmark »). With prefix indexes of 4 and 5 letters the
-- same query reads one list; longer prefixes match few words. Costs ~27 bytes per address.
-- The index is rebuilt from "Address" (minutes at national size, in this migration's transaction);
-- the triggers of 20261129180000_address_search name the table and stay as they are.
DROP TABLE "AddressSearchTerms";
DROP TABLE "AddressSearch";

CREATE VIRTUAL TABLE "AddressSearch" USING fts5(
  "searchKey",
  content = 'Address',
  content_rowid = 'rowid',
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '1 2 3 4 5'
);

CREATE VIRTUAL TABLE "AddressSearchTerms" USING fts5vocab("AddressSearch", 'row');

INSERT INTO "AddressSearch"("AddressSearch") VALUES ('rebuild');
