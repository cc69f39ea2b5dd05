-- Nothing on SQLite: the B-tree on ("number", "streetKey") that answers an address typed from its
-- start serves PostgreSQL only (see that provider's migration and lib/search/street-prefix.ts). FTS5
-- walks its lists in order and stops at the LIMIT; measured on 26 M addresses, the index left the
-- search's p95 where it was (10.3 → 10.2 ms, address candidates) for 720 MB and a BAN import ~13 %
-- slower (README, « National benchmark »). Both providers keep the same list of names.
SELECT 1;
