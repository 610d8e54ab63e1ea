import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runAdmin } from "@/lib/admin/run";
import { resetEnvCache } from "@/lib/config/env";

const TSX = path.resolve("node_modules/.bin/tsx");

function admin(dataDir: string, args: string[], env: Record<string, string> = {}) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const { DATABASE_URL: _u, ...base } = process.env;
    const child = spawn(TSX, ["--import", "./scripts/server-only-hook.mjs", "scripts/admin.ts", ...args], {
      cwd: process.cwd(),
      env: { ...base, SPOTTER_DATA_DIR: dataDir, SPOTTER_SEED_DEMO: "0", ...env },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

function errorOf(stderr: string): string {
  return JSON.parse(stderr.split("\n")[0]).error;
}

// Each case spawns real CLI processes (tsx start-up + embedded database); generous for a loaded machine.
describe("admin CLI", { timeout: 240_000 }, () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "spotter-admin-"));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("prints help without touching the database", async () => {
    const r = await admin(path.join(dir, "nodb"), ["--help"]);
    expect(r.code).toBe(0);
    for (const c of ["create-user", "list-users", "set-plan", "import"]) expect(r.stdout).toContain(c);
    expect(fs.existsSync(path.join(dir, "nodb"))).toBe(false);
    const sub = await admin(path.join(dir, "nodb"), ["import", "--help"]);
    expect(sub.code).toBe(0);
    expect(sub.stdout).toContain("--email EMAIL");
  });

  it("creates a user, lists it, changes its plan, and releases the database", async () => {
    const data = path.join(dir, "main");
    const created = await admin(data, ["create-user", "--email", "Coach@Example.com", "--password", "lift-heavy-22", "--name", "Coach"]);
    expect(created.stderr).toBe("");
    expect(created.code).toBe(0);
    const user = JSON.parse(created.stdout);
    expect(user).toMatchObject({ email: "coach@example.com", name: "Coach", plan: "free" });
    expect(fs.existsSync(path.join(data, "pglite.pid"))).toBe(false);

    const listed = await admin(data, ["list-users"]);
    expect(listed.code).toBe(0);
    expect(JSON.parse(listed.stdout).users).toEqual([
      expect.objectContaining({ id: user.id, email: "coach@example.com", plan: "free", sessions: 0, sets: 0 }),
    ]);

    const plan = await admin(data, ["set-plan", "--email", "coach@example.com", "--plan", "trainer"]);
    expect(plan.code).toBe(0);
    expect(JSON.parse(plan.stdout)).toMatchObject({ previousPlan: "free", plan: "trainer" });
    const relisted = JSON.parse((await admin(data, ["list-users"])).stdout);
    expect(relisted.users[0].plan).toBe("trainer");

    const dup = await admin(data, ["create-user", "--email", "coach@example.com", "--password", "lift-heavy-22"]);
    expect(dup.code).toBe(1);
    expect(errorOf(dup.stderr)).toMatch(/already exists/);
  });

  it("rejects bad arguments with a non-zero exit and a JSON error", async () => {
    const data = path.join(dir, "main");
    const cases: [string[], RegExp, number][] = [
      [["set-plan", "--email", "x@example.com", "--plan", "gold"], /must be one of free, pro, trainer/, 2],
      [["set-plan", "--email", "nobody@example.com", "--plan", "pro"], /No user with the email nobody@example.com/, 1],
      [["import", "--email", "coach@example.com", "/nonexistent/file.csv"], /cannot read .*no such file/, 1],
    ];
    for (const [args, message, code] of cases) {
      const r = await admin(data, args);
      expect(r.code, args.join(" ")).toBe(code);
      expect(r.stdout, args.join(" ")).toBe("");
      expect(errorOf(r.stderr), args.join(" ")).toMatch(message);
    }
  });

  it("validates arguments before opening the database (in process)", async () => {
    // a safety net: nothing here may open a database, least of all the checkout's .data/
    process.env.SPOTTER_DATA_DIR = path.join(dir, "never-opened");
    resetEnvCache();
    const cases: [string[], RegExp][] = [
      [["create-user", "--email", "x@example.com"], /--password is required/],
      [["list-users", "--bogus"], /Unknown option '--bogus'/],
      [["frobnicate"], /unknown command/],
      [["import", "--email", "x@example.com"], /missing argument/],
      [["import", "--email", "x@example.com", "a.csv", "b.csv"], /unexpected argument "b.csv"/],
      [["import", "--email", "x@example.com", "--unit", "stone", "a.csv"], /--unit must be one of kg, lb/],
    ];
    for (const [args, message] of cases) {
      let out = "";
      let err = "";
      const code = await runAdmin(args, { stdout: (t) => (out += t), stderr: (t) => (err += t) });
      expect(code, args.join(" ")).toBe(2);
      expect(out).toBe("");
      expect(errorOf(err), args.join(" ")).toMatch(message);
    }
    let err = "";
    expect(await runAdmin([], { stdout: () => {}, stderr: (t) => (err += t) })).toBe(2);
    expect(err).toContain("Commands:");
    expect(fs.existsSync(path.join(dir, "never-opened"))).toBe(false);
  });

  it("says clearly when a running app holds the embedded database", async () => {
    const data = path.join(dir, "busy");
    fs.mkdirSync(path.join(data, "pglite"), { recursive: true });
    // this test process is alive and is not the CLI: it plays the running app
    fs.writeFileSync(path.join(data, "pglite.pid"), String(process.pid));
    const r = await admin(data, ["list-users"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(errorOf(r.stderr)).toMatch(new RegExp(`in use by another running Spotter process \\(pid ${process.pid}\\)`));
    expect(fs.readFileSync(path.join(data, "pglite.pid"), "utf8")).toBe(String(process.pid));
  });

  it("prepares a fresh embedded database like the app does, demo account included", async () => {
    const r = await admin(path.join(dir, "fresh"), ["list-users"], { SPOTTER_SEED_DEMO: "1" });
    expect(r.stderr).toBe("");
    expect(JSON.parse(r.stdout).users).toEqual([
      expect.objectContaining({ email: "demo@spotter.local", name: "Demo Lifter", plan: "pro", sessions: expect.any(Number) }),
    ]);
    expect(JSON.parse(r.stdout).users[0].sessions).toBeGreaterThan(150);
  });

  it("imports a file once: the second run creates nothing", async () => {
    const data = path.join(dir, "import");
    await admin(data, ["create-user", "--email", "lifter@example.com", "--password", "lift-heavy-22"]);
    const file = path.join(import.meta.dirname, "fixtures/imports/strong-sample.csv");
    const first = await admin(data, ["import", "--email", "lifter@example.com", "--unit", "kg", file]);
    expect(first.stderr).toBe("");
    const a = JSON.parse(first.stdout);
    expect(a.format).toMatch(/^strong/);
    expect(a.sessions).toBeGreaterThan(0);
    expect(a.sets).toBeGreaterThan(a.sessions);
    expect(a.skipped).toHaveProperty("reasons");
    const b = JSON.parse((await admin(data, ["import", "--email", "lifter@example.com", file])).stdout);
    expect(b).toMatchObject({ sessions: 0, sets: 0 });
  });
});
