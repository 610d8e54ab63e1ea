import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { runSandboxedQuery } from "@/lib/sql";
import { ANALYTIC_CASES } from "./fixtures/sql/analytic";
import { useSandboxDatabase } from "./fixtures/sql/db";
import { A_MARKERS, B_MARKERS, SEED, USER_A, USER_B } from "./fixtures/sql/seed";

describe("SQL sandbox: realistic analytic queries", () => {
  const db = useSandboxDatabase();

  it("has a realistic corpus", () => expect(ANALYTIC_CASES.length).toBeGreaterThanOrEqual(30));

  it.each(ANALYTIC_CASES.map((c) => [c.name, c] as const))("%s (user A)", async (_n, c) => {
    const r = await runSandboxedQuery({ userId: USER_A, sql: c.sql });
    expect(r.rows).toEqual(c.expected());
    expect(r.rowCount).toBe(r.rows.length);
    expect(r.truncated).toBe(false);
    expect(r.columns).toEqual(Object.keys(c.expected()[0] ?? {}));
    const text = JSON.stringify(r.rows);
    for (const marker of B_MARKERS) expect(text).not.toContain(marker);
  });

  it.each(ANALYTIC_CASES.map((c) => [c.name, c] as const))("%s (user B sees only B's data)", async (_n, c) => {
    const r = await runSandboxedQuery({ userId: USER_B, sql: c.sql });
    const text = JSON.stringify(r.rows);
    for (const marker of A_MARKERS) expect(text).not.toContain(marker);
  });

  it("scopes every relation to the querying user", async () => {
    const counts =
      "select (select count(*) from sessions) as sessions, (select count(*) from sets) as sets, (select count(*) from body_metrics) as metrics, (select count(*) from exercises where is_custom) as custom";
    expect((await runSandboxedQuery({ userId: USER_A, sql: counts })).rows).toEqual([
      { sessions: SEED.a.sessions.length, sets: SEED.a.sets.length, metrics: SEED.a.metrics.length, custom: 1 },
    ]);
    expect((await runSandboxedQuery({ userId: USER_B, sql: counts })).rows).toEqual([
      { sessions: SEED.b.sessions.length, sets: SEED.b.sets.length, metrics: SEED.b.metrics.length, custom: 1 },
    ]);
    const b = await runSandboxedQuery({ userId: USER_B, sql: "select distinct exercise_name, notes from sets order by 1" });
    expect(b.rows).toEqual([
      { exercise_name: "B Secret Press", notes: null },
      { exercise_name: "Squat", notes: "B-SECRET" },
    ]);
    expect((await runSandboxedQuery({ userId: "nobody", sql: counts })).rows).toEqual([{ sessions: 0, sets: 0, metrics: 0, custom: 0 }]);
  });

  it("evaluates dates in the user's time zone and returns ISO timestamps with its offset", async () => {
    const r = await runSandboxedQuery({
      userId: USER_B,
      sql: "select started_at, started_at::date as d, extract(hour from started_at) as h from sessions order by 1 limit 1",
    });
    // B trains at 10:00 UTC = 11:00 in Europe/Berlin (winter).
    expect(r.rows).toEqual([{ started_at: "2024-01-02T11:00:00+01:00", d: "2024-01-02", h: 11 }]);
  });

  it("honours maxRows and reports truncation", async () => {
    const r = await runSandboxedQuery({ userId: USER_A, sql: "select id from sets order by position", maxRows: 5 });
    expect([r.rowCount, r.truncated]).toEqual([5, true]);
    const all = await runSandboxedQuery({ userId: USER_A, sql: "select id from sets", maxRows: 50_000 });
    expect([all.rowCount, all.truncated]).toEqual([SEED.a.sets.length, false]);
  });

  it("returns columns for empty results and keeps duplicate names distinct", async () => {
    const r = await runSandboxedQuery({ userId: USER_A, sql: "select 1 as a, 2 as a, 3 as b from sets where false" });
    expect(r).toMatchObject({ columns: ["a", "a_2", "b"], rows: [], rowCount: 0, truncated: false });
    const d = await runSandboxedQuery({ userId: USER_A, sql: "select 1 as a, 2 as a" });
    expect(d.rows).toEqual([{ a: 1, a_2: 2 }]);
  });

  it("falls back to UTC when the profile's time zone is unknown to PostgreSQL", async () => {
    await db().db.execute(sql`update user_profiles set timezone = 'Mars/Olympus_Mons' where user_id = ${USER_A}`);
    try {
      const r = await runSandboxedQuery({
        userId: USER_A,
        sql: "select extract(hour from started_at) as h from sessions order by started_at limit 1",
      });
      expect(r.rows).toEqual([{ h: 10 }]);
    } finally {
      await db().db.execute(sql`update user_profiles set timezone = 'UTC' where user_id = ${USER_A}`);
    }
  });
});
