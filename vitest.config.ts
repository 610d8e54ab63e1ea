import path from "node:path";
import { defineConfig } from "vitest/config";

// Server modules `import "server-only"` (it throws outside Next's server build); tests run them on purpose.
const alias = { "@": path.resolve(import.meta.dirname), "server-only": path.resolve(import.meta.dirname, "scripts/empty-module.mjs") };
const withPg = Boolean(process.env.TEST_DATABASE_URL);
// next-auth imports "next/server" without an extension, which Node's ESM loader rejects: let Vite resolve it.
const server = { deps: { inline: ["next-auth"] } };

/**
 * Two projects: "unit" runs everything on embedded PGlite; "pg" re-runs the database suites
 * (*.db.test.ts) against the real PostgreSQL at TEST_DATABASE_URL, when it is set.
 */
export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "pglite",
          include: ["tests/**/*.test.ts"],
          environment: "node",
          testTimeout: 30_000,
          hookTimeout: 60_000,
          env: { SPOTTER_TEST_BACKEND: "pglite" },
          server,
          globalSetup: ["tests/setup/pglite-template.ts"],
        },
      },
      ...(withPg
        ? [
            {
              resolve: { alias },
              test: {
                name: "postgres",
                include: ["tests/**/*.db.test.ts"],
                environment: "node",
                testTimeout: 30_000,
                hookTimeout: 60_000,
                env: { SPOTTER_TEST_BACKEND: "postgres" },
                server,
                globalSetup: ["tests/setup/postgres-template.ts"],
              },
            },
          ]
        : []),
    ],
  },
});
