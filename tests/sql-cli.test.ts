import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_EMAIL } from "@/lib/seed/demo";

const TSX = path.resolve("node_modules/.bin/tsx");

function admin(dataDir: string, args: string[]) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const { DATABASE_URL: _u, ...base } = process.env;
    const child = spawn(TSX, ["--import", "./scripts/server-only-hook.mjs", "scripts/admin.ts", ...args], {
      cwd: process.cwd(),
      env: { ...base, SPOTTER_DATA_DIR: dataDir, SPOTTER_SEED_DEMO: "1" },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

// `npm run admin -- query` goes through exactly the sandbox the coach uses (real CLI processes).
describe("admin query command", { timeout: 240_000 }, () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "spotter-sql-cli-"));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("prints columns and rows, and the reason for a rejected query with exit code 2", async () => {
    const ok = await admin(dir, ["query", "--email", DEMO_EMAIL, "select count(*) as n, count(distinct session_id) > 0 as any from sets"]);
    expect(ok.code).toBe(0);
    const body = JSON.parse(ok.stdout);
    expect(body.columns).toEqual(["n", "any"]);
    expect(body.rows[0].n).toBeGreaterThan(0);
    expect(body.rows[0].any).toBe(true);

    const bad = await admin(dir, ["query", "--email", DEMO_EMAIL, "select password_hash from users"]);
    expect(bad.code).toBe(2);
    expect(JSON.parse(bad.stdout)).toEqual({
      error: "rejected",
      reason: 'relation "users" is not available; query only sessions, sets, exercises, body_metrics (unqualified) or CTEs you define',
    });
  });

  it("--batch runs each line independently and prints one result per line", async () => {
    const file = path.join(dir, "batch.jsonl");
    fs.writeFileSync(
      file,
      [JSON.stringify("select 1 as one"), JSON.stringify("select pg_sleep(1)"), "", "not json", JSON.stringify("select 1/0 as x")].join("\n"),
    );
    const r = await admin(dir, ["query", "--email", DEMO_EMAIL, "--batch", file]);
    expect(r.code).toBe(2);
    const lines = r.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(4);
    expect(lines[0]).toEqual({ ok: true, columns: ["one"], rows: [{ one: 1 }] });
    expect(lines[1]).toMatchObject({ ok: false, error: "rejected", reason: expect.stringMatching(/^function pg_sleep is not allowed/) });
    expect(lines[2]).toEqual({ ok: false, error: "invalid", reason: "line 3 is not a JSON-encoded string" });
    expect(lines[3]).toEqual({ ok: false, error: "failed", reason: "division by zero" });
  });

  it("refuses bad invocations before opening the database", async () => {
    const r = await admin(path.join(dir, "none"), ["query", "--email", DEMO_EMAIL]);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stderr.split("\n")[0]).error).toBe("missing SQL (or --batch FILE)");
    expect(fs.existsSync(path.join(dir, "none"))).toBe(false);
  });
});
