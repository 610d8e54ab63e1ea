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
// One Playwright run per spec file, each on a fresh server and embedded database: the specs share
// the demo account and the local Stripe's test clock, so one file's state must not reach another.
const pw = { expected: 0, unexpected: 0, flaky: 0, skipped: 0 };
let e2eOk = buildOk;
if (buildOk) {
  for (const spec of fs
    .readdirSync("e2e")
    .filter((f) => f.endsWith(".spec.ts"))
    .sort()) {
    fs.rmSync("reports/e2e.json", { force: true });
    const ok = run(`playwright ${spec}`, "npx", ["playwright", "test", `e2e/${spec}`]);
    const r = readJson("reports/e2e.json");
    for (const k of Object.keys(pw)) pw[k] += r?.stats?.[k] ?? 0;
    if (!ok && !(r?.stats?.unexpected > 0)) pw.unexpected += 1;
    e2eOk = e2eOk && ok;
  }
}

const v = readJson("reports/vitest.json");
let passed = (v?.numPassedTests ?? 0) + pw.expected + pw.flaky;
let failed = (v?.numFailedTests ?? 0) + pw.unexpected;
const skipped = (v?.numPendingTests ?? 0) + (v?.numTodoTests ?? 0) + pw.skipped;
if (!unitOk && failed === 0) failed = 1;
if (!buildOk) failed += 1;
console.log(
  `\nvitest ${unitOk ? "ok" : "FAILED"}, build ${buildOk ? "ok" : "FAILED"}, playwright ${e2eOk ? "ok" : buildOk ? "FAILED" : "not run"}; total ${((Date.now() - started) / 1000).toFixed(0)} s`,
);
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(unitOk && buildOk && e2eOk ? 0 : 1);
