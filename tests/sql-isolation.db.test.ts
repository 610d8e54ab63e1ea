import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { bodyMetrics } from "@/db/schema";
import { SandboxExecutionError, runSandboxedQuery } from "@/lib/sql";
import { useSandboxDatabase } from "./fixtures/sql/db";
import { SEED, USER_A, USER_B } from "./fixtures/sql/seed";

const RUNAWAY = "select count(*) as n from generate_series(1, 10000) a, generate_series(1, 10000) b, generate_series(1, 10000) c";

/** Counts event-loop ticks while a promise is pending: a blocked main thread cannot tick. */
async function withTicker<T>(work: Promise<T>) {
  let ticks = 0;
  const timer = setInterval(() => ticks++, 50);
  const started = Date.now();
  try {
    const value = await work.then(
      (v) => ({ ok: true as const, v }),
      (e: unknown) => ({ ok: false as const, e }),
    );
    return { ...value, ticks, ms: Date.now() - started };
  } finally {
    clearInterval(timer);
  }
}

describe("SQL sandbox: runaway queries and concurrent requests", () => {
  const db = useSandboxDatabase();

  it("stops a deliberately expensive query within 5 s, keeps the app responsive and loses no data", async () => {
    const h = db();
    const started = Date.now();
    let stoppedAt: number | null = null;
    // On PGlite the query is stopped by terminating the worker (restarts increments at that moment).
    const restartsBefore = h.kind === "pglite" ? h.embedded.restarts : 0;
    const watch = setInterval(() => {
      if (stoppedAt === null && h.kind === "pglite" && h.embedded.restarts > restartsBefore) stoppedAt = Date.now();
    }, 20);
    const run = withTicker(runSandboxedQuery({ userId: USER_A, sql: RUNAWAY }));
    // Another request arrives while the runaway query runs.
    const other = (async () => {
      await new Promise((r) => setTimeout(r, 300));
      return db().db.execute<{ n: number }>(sql`select count(*)::int as n from workout_sessions`);
    })();
    const result = await run;
    clearInterval(watch);
    stoppedAt ??= Date.now();

    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.e).toBeInstanceOf(SandboxExecutionError);
      expect((result.e as SandboxExecutionError).reason).toMatch(/ran longer than 2 s and was stopped/);
    }
    expect(stoppedAt - started).toBeLessThan(5000);
    // the main thread kept ticking the whole time (≥ half the possible 50 ms ticks)
    expect(result.ticks).toBeGreaterThanOrEqual(Math.floor(result.ms / 50 / 2));
    expect(Number((await other).rows[0].n)).toBe(SEED.a.sessions.length + SEED.b.sessions.length);
    const after = await runSandboxedQuery({ userId: USER_A, sql: "select count(*) as n from sets" });
    expect(after.rows).toEqual([{ n: SEED.a.sets.length }]);
  }, 60_000);

  it("never lets a concurrent request run inside another user's sandbox transaction", async () => {
    const h = db();
    const heavy = "select count(*) as n, max(x.weight_kg) as top from sets x, generate_series(1, 3000) g";
    const probe = sql`select current_user::text as u, coalesce(current_setting('spotter.sandbox_user_id', true), '') as setting,
      current_setting('transaction_read_only') as ro`;
    const [a, b, written, probes, readB] = await Promise.all([
      runSandboxedQuery({ userId: USER_A, sql: heavy }),
      runSandboxedQuery({ userId: USER_B, sql: heavy }),
      h.db.insert(bodyMetrics).values({ userId: USER_A, date: "2031-01-01", bodyweightKg: 81 }).returning(),
      Promise.all(Array.from({ length: 6 }, () => h.db.execute<{ u: string; setting: string; ro: string }>(probe))),
      h.db.execute<{ n: number }>(sql`select count(*)::int as n from workout_sessions where user_id = ${USER_B}`),
    ]);
    expect(a.rows).toEqual([{ n: SEED.a.sets.length * 3000, top: Math.max(...SEED.a.sets.map((s) => s.weightKg)) }]);
    expect(b.rows).toEqual([{ n: SEED.b.sets.length * 3000, top: 1234.5 }]);
    expect(written).toHaveLength(1);
    for (const p of probes) expect(p.rows[0]).toMatchObject({ setting: "", ro: "off" });
    for (const p of probes) expect(p.rows[0].u).not.toBe("spotter_sandbox");
    expect(Number(readB.rows[0].n)).toBe(SEED.b.sessions.length);
    // the concurrent write committed outside the read-only sandbox transactions
    const rows = await h.db.execute<{ n: number }>(sql`select count(*)::int as n from body_metrics where date = '2031-01-01'`);
    expect(Number(rows.rows[0].n)).toBe(1);
    const seen = await runSandboxedQuery({ userId: USER_A, sql: "select bodyweight_kg from body_metrics where date = date '2031-01-01'" });
    expect(seen.rows).toEqual([{ bodyweight_kg: 81 }]);
    await h.db.execute(sql`delete from body_metrics where date = '2031-01-01'`);
  }, 60_000);

  it("returns pooled connections clean (no role, setting, timeout or read-only state leaks)", async () => {
    const h = db();
    for (let i = 0; i < 3; i++) await runSandboxedQuery({ userId: i % 2 ? USER_A : USER_B, sql: "select count(*) as n from sets" });
    const rows = await Promise.all(
      Array.from({ length: 8 }, () =>
        h.db.execute<{ u: string; setting: string; timeout: string; tz: string }>(
          sql`select current_user::text as u, coalesce(current_setting('spotter.sandbox_user_id', true), '') as setting,
              current_setting('statement_timeout') as timeout, current_setting('search_path') as path`,
        ),
      ),
    );
    for (const r of rows) {
      expect(r.rows[0]).toMatchObject({ setting: "", timeout: "0" });
      expect(r.rows[0].u).not.toBe("spotter_sandbox");
      expect(String((r.rows[0] as Record<string, unknown>).path)).not.toBe("pg_catalog, pg_temp");
    }
    // and writes through the same pool still work
    const [w] = await h.db.insert(bodyMetrics).values({ userId: USER_B, date: "2032-01-01", strain: 5 }).returning();
    expect(w.strain).toBe(5);
  });

  it("cleans up after rejected and failing queries whose transaction was already open", async () => {
    const h = db();
    // BEGIN is sent while the query is still being validated: a rejection or a runtime error
    // must still roll back and reset that connection before it serves anyone else.
    const attempts = Array.from({ length: 12 }, (_, i) =>
      runSandboxedQuery({ userId: USER_A, sql: i % 2 ? "select * from users" : "select 1 / (count(*) - count(*)) as x from sets" }).then(
        () => "ok",
        (e: Error) => e.name,
      ),
    );
    expect(new Set(await Promise.all(attempts))).toEqual(new Set(["SandboxRejectedError", "SandboxExecutionError"]));
    const ok = await runSandboxedQuery({ userId: USER_A, sql: "select count(*) as n from sets" });
    expect(ok.rows).toEqual([{ n: SEED.a.sets.length }]);
    if (h.kind !== "pglite") {
      await new Promise((r) => setTimeout(r, 100)); // the reset runs after the caller has its answer
      const busy = await h.db.execute<{ n: number }>(
        sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() and state like 'idle in transaction%'`,
      );
      expect(busy.rows[0].n).toBe(0);
    }
    const [w] = await h.db.insert(bodyMetrics).values({ userId: USER_B, date: "2032-02-01", strain: 6 }).returning();
    expect(w.strain).toBe(6);
  });
});
