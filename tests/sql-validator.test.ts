import { describe, expect, it } from "vitest";
import { validateSandboxSql } from "@/lib/sql";
import { parseIsolated, probeText } from "@/lib/sql/isolation";
import { assertWrappedIntact, wrapQuery } from "@/lib/sql/wrap";
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
    for (const deep of [
      `select ${"1+".repeat(4900)}1`,
      `select ${"array[".repeat(1400)}1${"]".repeat(1400)}`,
      `select ${"-x*(".repeat(1900)}1${")".repeat(1900)}`,
    ]) {
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

  describe("isolation probe (the text is validated exactly as it sits inside the wrapper)", () => {
    it.each([
      ["closing the parenthesis and joining another subquery", "select 1 as a) AS q CROSS JOIN (select 2 as b"],
      ["closing the parenthesis and adding a FROM item", "select 1 as a) AS q, (select 2 as b"],
      ["closing the parenthesis and starting a second statement", "select 1 as a) AS q; select (1"],
      ["an unterminated block comment swallowing the wrapper", "select 1 as a /* "],
      ["an unterminated string swallowing the wrapper", "select 'x as a"],
    ])("rejects %s", async (_name, sql) => {
      expect(await parseIsolated(sql)).toBeNull();
      const result = await validateSandboxSql(sql);
      expect(result.ok).toBe(false);
    });

    it("strips any run of trailing semicolons and whitespace", async () => {
      expect(await validateSandboxSql(`select 1 as x ${"; \n".repeat(2000)}`)).toMatchObject({ ok: true, sql: "select 1 as x" });
      expect(await validateSandboxSql(`select 1 as x /*${" ;".repeat(2000)}*/`)).toMatchObject({ ok: true });
    });

    it("finds the query inside the probe and nothing else", async () => {
      const isolated = await parseIsolated("select 1 as one -- a comment");
      expect(isolated).not.toBeNull();
      expect(Object.keys(isolated!.subquery as object)).toEqual(["SelectStmt"]);
      expect(probeText("select 1")).toBe("SELECT * FROM (\nselect 1\n) AS q LIMIT 1");
    });

    it("returns text that the wrapper embeds between the same delimiters", async () => {
      const result = await validateSandboxSql("select count(*) as n from sets -- trailing ) as q;\n;; ");
      if (!result.ok) throw new Error(result.reason);
      expect(result.sql).toBe("select count(*) as n from sets -- trailing ) as q");
      const wrapped = wrapQuery(result, 10);
      expect(() => assertWrappedIntact(wrapped, result)).not.toThrow();
      expect(() => assertWrappedIntact(wrapped.replace(result.sql, "select 2"), result)).toThrow();
    });
  });
});
