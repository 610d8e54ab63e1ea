// Stands in for "server-only" under vitest (see vitest.config.ts): tests run server code on purpose.
export {};
