import { describe, expect, it } from "vitest";
import { validateSandboxSql } from "@/lib/sql";
import { ANALYTIC_CASES } from "./fixtures/sql/analytic";
import { HOSTILE_CASES } from "./fixtures/sql/hostile";

// Layer 1 alone: the parser-based allowlist, without any database.
describe("SQL sandbox validator", () => {
  const rejected = HOSTILE_CASES.filter((c) => c.rejected);

  it("has a large hostile corpus", () => {
    expect(HOSTILE_CASES.length).toBeGreaterThanOrEqual(80);
    expect(rejected.length).toBeGreaterThanOrEqual(80);
  });

  it.each(rejected.map((c) => [c.group, c.sql.slice(0, 120), c] as const))("%s: rejects %s", async (_g, _s, c) => {
    const result = await validateSandboxSql(c.sql);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(c.rejected!);
  });

  it.each(HOSTILE_CASES.filter((c) => !c.rejected).map((c) => [c.group, c.sql.slice(0, 120), c] as const))(
    "%s: passes validation (contained later) %s",
    async (_g, _s, c) => {
      const result = await validateSandboxSql(c.sql);
      expect(result).toMatchObject({ ok: true });
    },
  );

  it.each(ANALYTIC_CASES.map((c) => [c.name, c] as const))("accepts analytic query: %s", async (_n, c) => {
    const result = await validateSandboxSql(c.sql);
    expect(result).toMatchObject({ ok: true });
  });

  it("returns the statement text without the trailing semicolon, and the parse tree", async () => {
    const result = await validateSandboxSql("  select 1 as one ;  ");
    expect(result).toMatchObject({ ok: true, sql: "select 1 as one" });
    if (result.ok) expect(Object.keys(result.ast)).toEqual(["SelectStmt"]);
  });

  it("slices multi-byte statements by bytes correctly", async () => {
    const result = await validateSandboxSql("select 'Développé couché' as name;");
    expect(result).toMatchObject({ ok: true, sql: "select 'Développé couché' as name" });
  });

  it("rejects non-strings, empty input and syntax errors with a reason", async () => {
    expect(await validateSandboxSql(42)).toEqual({ ok: false, reason: "the query must be a string" });
    expect(await validateSandboxSql("   ")).toEqual({ ok: false, reason: "the query is empty" });
    const bad = await validateSandboxSql("select from where");
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.reason).toMatch(/^syntax error: syntax error at or near "where" \(at character \d+\)/);
  });

  it("survives pathological nesting without recursing", async () => {
    // Redundant parentheses produce no parse nodes: harmless.
    expect(await validateSandboxSql(`select ${"(".repeat(4000)}1${")".repeat(4000)} as x`)).toMatchObject({ ok: true });
    for (const deep of [`select ${"1+".repeat(4900)}1`, `select ${"array[".repeat(1400)}1${"]".repeat(1400)}`, `select ${"-x*(".repeat(1900)}1${")".repeat(1900)}`]) {
      const result = await validateSandboxSql(deep);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.reason).toMatch(/^the query is too large or too deeply nested|^syntax error/);
    }
  });

  it("names the allowed functions, types and relations in its reasons", async () => {
    const fn = await validateSandboxSql("select pg_sleep(1)");
    if (fn.ok) throw new Error("expected rejection");
    expect(fn.reason).toContain("percentile_cont");
    expect(fn.reason).toContain("make_interval");
    const cast = await validateSandboxSql("select 1::money");
    if (cast.ok) throw new Error("expected rejection");
    expect(cast.reason).toMatch(/^cast to type money is not allowed; allowed types: .*timestamptz/);
    const rel = await validateSandboxSql("select * from users");
    if (rel.ok) throw new Error("expected rejection");
    expect(rel.reason).toContain("sessions, sets, exercises, body_metrics");
  });
});
