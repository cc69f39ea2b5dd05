// Stand-in for the "server-only" package under vitest: tests run on the server side.
export {};
