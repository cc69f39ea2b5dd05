-- Nothing on SQLite: "AddressSearchWords" exists since the commune_search migration. This one
-- gives PostgreSQL the same table; both providers keep the same list of names.
SELECT 1;
