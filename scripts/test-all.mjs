// `npm test`: every test. Unit + integration (vitest, PGlite and — when TEST_DATABASE_URL is
// set — the real PostgreSQL), then a production build and the browser tests (Playwright).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { chromiumPath, CHROMIUM_HELP } from "./chromium-path.mjs";

const started = Date.now();
if (!chromiumPath()) {
  console.error(CHROMIUM_HELP);
  process.exit(1);
}
// Not test-results/: Playwright empties that folder when it starts.
fs.mkdirSync("reports", { recursive: true });

function run(label, cmd, args, extraEnv = {}) {
  console.log(`\n=== ${label} ===`);
  const t = Date.now();
  const r = spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, ...extraEnv } });
  console.log(`=== ${label}: ${r.status === 0 ? "ok" : "FAILED"} in ${((Date.now() - t) / 1000).toFixed(1)} s ===`);
  return r.status === 0;
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

if (!process.env.TEST_DATABASE_URL) {
  console.log("note: TEST_DATABASE_URL is not set, so the database suites run on PGlite only.");
}
const unitOk = run("vitest", "npx", ["vitest", "run", "--reporter=default", "--reporter=json", "--outputFile=reports/vitest.json"]);
const buildOk = run("next build", "npx", ["next", "build"]);
const e2eOk = buildOk && run("playwright", "npx", ["playwright", "test"]);

const v = readJson("reports/vitest.json");
const p = readJson("reports/e2e.json");
let passed = (v?.numPassedTests ?? 0) + (p?.stats?.expected ?? 0) + (p?.stats?.flaky ?? 0);
let failed = (v?.numFailedTests ?? 0) + (p?.stats?.unexpected ?? 0);
const skipped = (v?.numPendingTests ?? 0) + (v?.numTodoTests ?? 0) + (p?.stats?.skipped ?? 0);
if (!unitOk && failed === 0) failed = 1;
if (!buildOk) failed += 1;
if (buildOk && !e2eOk && !(p?.stats?.unexpected > 0)) failed += 1;
console.log(
  `\nvitest ${unitOk ? "ok" : "FAILED"}, build ${buildOk ? "ok" : "FAILED"}, playwright ${e2eOk ? "ok" : buildOk ? "FAILED" : "not run"}; total ${((Date.now() - started) / 1000).toFixed(0)} s`,
);
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(unitOk && buildOk && e2eOk ? 0 : 1);
