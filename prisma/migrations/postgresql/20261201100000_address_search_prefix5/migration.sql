-- Nothing on PostgreSQL: this migration widens the SQLite FTS5 index's prefix lengths (its
-- trigram index answers prefixes already). Both providers keep the same list of names.
SELECT 1;
