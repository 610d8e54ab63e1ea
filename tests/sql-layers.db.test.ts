import { describe, expect, it } from "vitest";
import type { EmbeddedClient } from "@/db/embedded";
import { validateSandboxSql } from "@/lib/sql";
import { SANDBOX_LIMITS } from "@/lib/sql/limits";
import { SANDBOX_SETTINGS_SQL, sandboxSettingsValues } from "@/lib/sql/session-settings";
import { wrapQuery } from "@/lib/sql/wrap";
import { useSandboxDatabase } from "./fixtures/sql/db";
import { EX, SEED, USER_A, USER_B } from "./fixtures/sql/seed";

type Q = (sql: string, params?: unknown[]) => Promise<Record<string, unknown>[]>;

/**
 * Each defence layer on its own (the validator alone is tests/sql-validator.test.ts):
 * the $1 user binding without role/RLS, and the role + RLS without validator or binding.
 */
describe("SQL sandbox layers in isolation", () => {
  const db = useSandboxDatabase();

  /** Runs fn in a transaction that is always rolled back, as whatever role fn switches to. */
  async function inTransaction<T>(fn: (q: Q) => Promise<T>, begin = "begin"): Promise<T> {
    const h = db();
    if (h.kind === "pglite") {
      return h.embedded.runWithDeadline(
        async (tx: EmbeddedClient) => fn(async (s, p = []) => (await tx.query(s, p)).rows as Record<string, unknown>[]),
        20_000,
        begin,
      );
    }
    const client = await h.pool.connect();
    try {
      await client.query(begin);
      return await fn(async (s, p = []) => (await client.query(s, p)).rows);
    } finally {
      await client.query("rollback").catch(() => {});
      client.release();
    }
  }

  async function sqlError(q: Q, sql: string): Promise<{ code?: string; message: string }> {
    try {
      await q(sql);
    } catch (e) {
      return e as { code?: string; message: string };
    }
    throw new Error(`expected "${sql}" to fail`);
  }

  async function asSandbox<T>(userSetting: string | null, fn: (q: Q) => Promise<T>, begin = "begin read only") {
    return inTransaction(async (q) => {
      if (userSetting !== null) await q("select set_config('spotter.sandbox_user_id', $1, true)", [userSetting]);
      await q("select set_config('role', 'spotter_sandbox', true)");
      return fn(q);
    }, begin);
  }

  describe("user binding by parameter alone (app role, no RLS setting)", () => {
    it("a validated query run for another user sees none of user A's rows", async () => {
      const v = await validateSandboxSql("select exercise_name, weight_kg from sets where exercise_name in ('A Custom Curl', 'Bench Press')");
      if (!v.ok) throw new Error(v.reason);
      const rows = await inTransaction((q) => q(wrapQuery(v, 1000), [USER_B]));
      // only the bookkeeping row: no data for B, nothing of A's
      expect(rows.filter((r) => r.exercise_name !== null)).toEqual([]);
      const asA = await inTransaction((q) => q(wrapQuery(v, 1000), [USER_A]));
      expect(asA.filter((r) => r.exercise_name !== null)).toHaveLength(
        SEED.a.sets.filter((s) => ["A Custom Curl", "Bench Press"].includes(s.exerciseName)).length,
      );
    });

    it("binds every relation, including custom exercises, to $1", async () => {
      const v = await validateSandboxSql(
        "select (select count(*) from sessions) as s, (select count(*) from sets) as x, (select count(*) from body_metrics) as m, (select string_agg(name, ',') from exercises where is_custom) as c",
      );
      if (!v.ok) throw new Error(v.reason);
      const [b] = await inTransaction((q) => q(wrapQuery(v, 10), [USER_B]));
      expect([Number(b.s), Number(b.x), Number(b.m), b.c]).toEqual([
        SEED.b.sessions.length,
        SEED.b.sets.length,
        SEED.b.metrics.length,
        "B Secret Press",
      ]);
    });
  });

  describe("role + RLS alone (raw SQL on the base tables, no validator, no binding)", () => {
    it("with user B's setting, sees nothing of user A", async () => {
      const r = await asSandbox(USER_B, async (q) => ({
        aSessions: await q("select count(*)::int as n from workout_sessions where user_id = $1", [USER_A]),
        sessions: await q("select count(*)::int as n from workout_sessions"),
        sets: await q("select count(*)::int as n from exercise_sets"),
        metrics: await q("select count(*)::int as n from body_metrics"),
        custom: await q("select name from exercises where owner_user_id is not null"),
        aCurl: await q("select count(*)::int as n from exercises where id = $1", [EX.curlA]),
      }));
      expect(r).toEqual({
        aSessions: [{ n: 0 }],
        sessions: [{ n: SEED.b.sessions.length }],
        sets: [{ n: SEED.b.sets.length }],
        metrics: [{ n: SEED.b.metrics.length }],
        custom: [{ name: "B Secret Press" }],
        aCurl: [{ n: 0 }],
      });
    });

    it("without the setting sees no user rows at all (only the built-in catalog)", async () => {
      const r = await asSandbox(null, async (q) => [
        await q("select count(*)::int as n from workout_sessions"),
        await q("select count(*)::int as n from exercise_sets"),
        await q("select count(*)::int as n from exercises where owner_user_id is not null"),
      ]);
      expect(r).toEqual([[{ n: 0 }], [{ n: 0 }], [{ n: 0 }]]);
    });

    it("cannot read anything else", async () => {
      for (const sql of [
        "select * from users",
        "select * from accounts",
        "select * from exercise_aliases",
        "select * from pg_authid",
        "select * from user_profiles",
      ]) {
        const e = await asSandbox(USER_A, (q) => sqlError(q, sql));
        expect(e.message, sql).toMatch(/permission denied/);
      }
    });

    it("cannot write: read-only transaction, and no privilege even in a read-write one", async () => {
      const insert = `insert into workout_sessions (user_id, started_at, name) values ('${USER_B}', now(), 'x')`;
      for (const sql of [insert, "create temp table sandbox_evil (x int)"]) {
        const ro = await asSandbox(USER_B, (q) => sqlError(q, sql));
        expect(ro.message, sql).toMatch(/read-only transaction/);
      }
      for (const sql of [insert, "update exercise_sets set reps = 1", "delete from body_metrics", "create table sandbox_evil (x int)"]) {
        const e = await asSandbox(USER_B, (q) => sqlError(q, sql), "begin");
        expect(e.message, sql).toMatch(/permission denied/);
      }
    });
  });

  describe("FORCE RLS keeps every other role working", () => {
    it("a non-superuser app role reads and writes all users' rows normally", async () => {
      const h = db();
      const setup = [
        "do $$ begin if not exists (select 1 from pg_roles where rolname = 'spotter_app_test') then create role spotter_app_test nologin; end if; exception when duplicate_object or unique_violation then null; end $$",
        "grant select, insert, update, delete on workout_sessions, exercise_sets, exercises, body_metrics to spotter_app_test",
        // like the real app role (the migration grants it membership so it can SET ROLE): policies
        // written TO spotter_sandbox also apply to members, so they must not narrow the app's view
        "grant spotter_sandbox to spotter_app_test",
      ];
      if (h.kind === "pglite") for (const s of setup) await h.embedded.query(s);
      else for (const s of setup) await h.pool.query(s);
      const r = await inTransaction(async (q) => {
        await q("set local role spotter_app_test");
        const before = await q("select count(*)::int as n from workout_sessions");
        await q(`insert into workout_sessions (user_id, started_at, name) values ('${USER_A}', now(), 'as app role')`);
        await q("update workout_sessions set notes = 'touched' where name = 'as app role'");
        const after = await q("select count(*)::int as n from workout_sessions where notes = 'touched'");
        await q(`insert into body_metrics (user_id, date, bodyweight_kg) values ('${USER_B}', date '2030-01-01', 70)`);
        const deleted = await q("delete from body_metrics where date = date '2030-01-01' returning 1");
        return { before, after, deleted: deleted.length, me: await q("select current_user as u") };
      });
      expect(r).toEqual({
        before: [{ n: SEED.a.sessions.length + SEED.b.sessions.length }],
        after: [{ n: 1 }],
        deleted: 1,
        me: [{ u: "spotter_app_test" }],
      });
    });
  });

  describe("execution settings", () => {
    it("the settings statement sets every limit, the user's zone, the user id and the role for this transaction only", async () => {
      const read = `select current_user::text as role, current_setting('statement_timeout') as statement_timeout,
        current_setting('lock_timeout') as lock_timeout, current_setting('idle_in_transaction_session_timeout') as idle,
        current_setting('max_parallel_workers_per_gather') as parallel, current_setting('search_path') as path,
        current_setting('TimeZone') as tz, current_setting('spotter.sandbox_user_id', true) as uid`;
      const before = await inTransaction((q) => q(read));
      const inside = await inTransaction(async (q) => {
        await q(SANDBOX_SETTINGS_SQL, sandboxSettingsValues(USER_B, "profile"));
        return q(read);
      }, "begin read only");
      expect(inside).toEqual([
        {
          role: "spotter_sandbox",
          statement_timeout: `${SANDBOX_LIMITS.statementTimeoutMs / 1000}s`,
          lock_timeout: `${SANDBOX_LIMITS.lockTimeoutMs}ms`,
          idle: `${SANDBOX_LIMITS.idleInTransactionTimeoutMs / 1000}s`,
          parallel: "0",
          path: "pg_catalog, pg_temp",
          tz: "Europe/Berlin",
          uid: USER_B,
        },
      ]);
      expect(before[0].role).not.toBe("spotter_sandbox");
      expect(await inTransaction((q) => q(read))).toEqual(before);
    });
  });
});
