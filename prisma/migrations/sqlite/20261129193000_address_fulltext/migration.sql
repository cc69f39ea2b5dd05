-- Nothing on SQLite: its full-text index (FTS5, address_search) already serves whole words and
-- prefixes. This migration exists for PostgreSQL; both providers keep the same list of names.
SELECT 1;
