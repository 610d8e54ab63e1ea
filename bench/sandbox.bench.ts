/**
 * SQL sandbox overhead on real PostgreSQL: ≥ 1 000 users and ≥ 1 M sets generated in bulk with
 * generate_series, then a set of coach-style analytic queries run (a) through runSandboxedQuery
 * (validation, wrapper, READ ONLY transaction, settings, SET ROLE + RLS, size guard, normalisation,
 * DISCARD ALL) and (b) directly: the same SQL over the same user-filtered CTEs on a pooled
 * connection as the app role; plus two intermediate modes (only the transaction; transaction and
 * settings) that show where the difference goes. Reports p50/p95 per query and the p50 ratio
 * (target ≤ 1.3).
 *
 *   TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run tsx -- bench/sandbox.bench.ts [iterations=40]
 *
 * Creates (and drops) its own database. Results go to the "SQL sandbox" section of docs/benchmarks.md.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { createPgHandle, setDbHandle } from "@/db/client";
import { migrate } from "@/db/migrate";
import { syncCatalog } from "@/lib/exercises/sync-catalog";
import { runSandboxedQuery } from "@/lib/sql";
import { SANDBOX_SETTINGS_SQL, sandboxSettingsValues } from "@/lib/sql/session-settings";
import { USER_SCOPED_CTES } from "@/lib/sql/wrap";
import { writeBenchmarkSection } from "./lib/benchmarks-doc";
import { loadAverage, machine } from "./lib/measure";

const ADMIN_URL = process.env.TEST_DATABASE_URL ?? process.env.BENCH_DATABASE_URL;
const ITERATIONS = Math.max(10, Number(process.argv[2] ?? 60));
const USERS = 1000;
const SESSIONS_PER_USER = 100;
const SETS_PER_SESSION = 10;
const TARGET_RATIO = 1.3;
/** A few users the size of the demo account (196 sessions, 4 316 sets), reported separately. */
const HEAVY_USERS = 20;
const HEAVY_SESSIONS = 200;
const HEAVY_SETS_PER_SESSION = 20;

const QUERIES: Record<string, string> = {
  "weekly volume (12 weeks)": `select date_trunc('week', performed_at)::date as week, sum(volume_kg) as volume
    from sets where performed_at >= timestamptz '2023-10-01' - interval '12 weeks' group by 1 order by 1`,
  "best e1RM per exercise": "select exercise_name, max(e1rm_kg) as best, count(*) as sets from sets group by 1 order by 2 desc nulls last",
  "volume by muscle group": `select m.muscle, sum(x.volume_kg) as volume from sets x join exercises e on e.id = x.exercise_id
    cross join lateral unnest(e.primary_muscles) as m(muscle) group by 1 order by 2 desc`,
  "longest weekly streak": `with w as (select distinct date_trunc('week', started_at) as wk from sessions),
    g as (select wk, wk - (row_number() over (order by wk)) * interval '1 week' as grp from w)
    select count(*) as streak, min(wk) as since from g group by grp order by 1 desc limit 1`,
  "top set per session (LATERAL, last 20)": `select s.started_at, t.exercise_name, t.weight_kg from (select * from sessions order by started_at desc limit 20) s
    cross join lateral (select x.exercise_name, x.weight_kg from sets x where x.session_id = s.id order by x.weight_kg desc nulls last limit 1) t
    order by s.started_at desc`,
  "median reps and bodyweight trend": `select (select percentile_cont(0.5) within group (order by reps) from sets) as median_reps,
    (select regr_slope(bodyweight_kg, extract(epoch from date::timestamp) / 86400) from body_metrics) as kg_per_day`,
};

/** `count` users `${prefix}1…`, each with `sessions` sessions of `setsPerSession` sets and 100 days of body metrics. */
async function seedUsers(pool: pg.Pool, prefix: string, count: number, sessions: number, setsPerSession: number) {
  await pool.query(`insert into users (id, email) select '${prefix}' || u, '${prefix}' || u || '@example.test' from generate_series(1, ${count}) u`);
  await pool.query(`insert into user_profiles (user_id) select id from users where id like '${prefix}%'`);
  await pool.query(`insert into workout_sessions (user_id, started_at, ended_at, name)
    select '${prefix}' || u, t, t + interval '70 minutes', 'Session ' || s
    from generate_series(1, ${count}) u, generate_series(1, ${sessions}) s,
         lateral (select timestamptz '2023-01-02 17:00+00' + (s * interval '3 days') + (u % 7) * interval '1 hour' as t) tt`);
  await pool.query(`insert into exercise_sets (session_id, user_id, exercise_id, position, set_number, set_type, weight_kg, reps, rpe)
    select ws.id, ws.user_id, ex.ids[1 + ((p + ws.started_at::date - date '2023-01-01') % array_length(ex.ids, 1))], p, 1 + p % 3,
           case when p = 0 then 'warmup' else 'normal' end, round((40 + random() * 120)::numeric, 1), 3 + (random() * 9)::int,
           case when random() < 0.5 then 7 + (random() * 3)::int end
    from workout_sessions ws, generate_series(0, ${setsPerSession - 1}) p,
         (select array_agg(id order by slug) as ids from exercises where owner_user_id is null and category in ('strength', 'machine')) ex
    where ws.user_id like '${prefix}%'`);
  await pool.query(`insert into body_metrics (user_id, date, bodyweight_kg, sleep_hours)
    select '${prefix}' || u, date '2023-01-01' + d, round((70 + (u % 30) + d * 0.01 + random())::numeric, 2), 7
    from generate_series(1, ${count}) u, generate_series(0, 99) d`);
}

type Mode = "direct" | "transaction" | "settings" | "sandboxed";

function pct(values: number[], p: number) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** A different, reproducible order of the modes for every run. */
function shuffled<T>(items: T[], seed: number): T[] {
  const out = [...items];
  let x = (seed + 1) * 2654435761;
  for (let i = out.length - 1; i > 0; i--) {
    x = (x * 1103515245 + 12345) % 2147483648;
    const j = x % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

async function main() {
  if (!ADMIN_URL) throw new Error("set TEST_DATABASE_URL (a PostgreSQL server where databases can be created)");
  const name = `spotter_sbx_bench_${randomBytes(3).toString("hex")}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const version = (await admin.query<{ v: string }>("select current_setting('server_version') as v")).rows[0].v.split(" ")[0];
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const handle = createPgHandle(url.toString(), "pg", 4);
  setDbHandle(handle);
  const pool = handle.pool;
  try {
    await migrate(handle.db);
    await syncCatalog(handle.db);
    const t0 = performance.now();
    await seedUsers(pool, "bench-u", USERS, SESSIONS_PER_USER, SETS_PER_SESSION);
    await seedUsers(pool, "bench-h", HEAVY_USERS, HEAVY_SESSIONS, HEAVY_SETS_PER_SESSION);
    await pool.query("vacuum analyze");
    const counts = (
      await pool.query<{ u: string; s: string }>(
        "select (select count(*) from users where id like 'bench-u%') as u, (select count(*) from exercise_sets where user_id like 'bench-u%') as s",
      )
    ).rows[0];
    const seedSeconds = (performance.now() - t0) / 1000;
    console.log(`seeded ${counts.u} users, ${counts.s} sets in ${seedSeconds.toFixed(0)} s`);

    const userIds = Array.from({ length: USERS }, (_, i) => `bench-u${i + 1}`);
    const pick = (i: number) => userIds[(i * 7919) % USERS];
    const bare = (sql: string) => `WITH ${USER_SCOPED_CTES} SELECT * FROM (\n${sql}\n) AS q LIMIT 1001`;
    // The modes, each a step closer to the sandbox, so the report shows where the overhead goes.
    const inTransaction = async (sql: string, userId: string, settings: boolean) => {
      const client = await pool.connect();
      try {
        await client.query("BEGIN READ ONLY");
        if (settings) await client.query({ text: SANDBOX_SETTINGS_SQL, values: sandboxSettingsValues(userId, "profile") });
        await client.query({ text: bare(sql), values: [userId] });
      } finally {
        void client.query("ROLLBACK").finally(() => client.release());
      }
    };
    const MODES: Record<Mode, (sql: string, userId: string) => Promise<unknown>> = {
      direct: async (sql, userId) => {
        const client = await pool.connect();
        try {
          await client.query({ text: bare(sql), values: [userId] });
        } finally {
          client.release();
        }
      },
      transaction: (sql, userId) => inTransaction(sql, userId, false),
      settings: (sql, userId) => inTransaction(sql, userId, true),
      sandboxed: (sql, userId) => runSandboxedQuery({ userId, sql }),
    };
    const modes = Object.keys(MODES) as Mode[];
    const all: Record<Mode, number[]> = { direct: [], transaction: [], settings: [], sandboxed: [] };
    const rows: string[] = [];
    for (const [label, sql] of Object.entries(QUERIES)) {
      for (let i = 0; i < 5; i++) for (const mode of modes) await MODES[mode](sql, pick(i));
      const t: Record<Mode, number[]> = { direct: [], transaction: [], settings: [], sandboxed: [] };
      for (let i = 0; i < ITERATIONS; i++) {
        const user = pick(i + 100);
        // Every mode reads the same user's rows, already in shared buffers: this measures what the
        // sandbox adds, not which mode happened to read the user's pages from disk first.
        await MODES.direct(sql, user);
        for (const mode of shuffled(modes, i)) {
          const started = performance.now();
          await MODES[mode](sql, user);
          t[mode].push(performance.now() - started);
        }
      }
      for (const mode of modes) all[mode].push(...t[mode]);
      const [d, s] = [t.direct, t.sandboxed];
      rows.push(
        `| ${label} | ${fmt(pct(d, 50))} | ${fmt(pct(d, 95))} | ${fmt(pct(s, 50))} | ${fmt(pct(s, 95))} | ${(pct(s, 50) / pct(d, 50)).toFixed(2)} |`,
      );
      console.log(rows[rows.length - 1]);
    }
    // Demo-sized users: the same queries, direct and sandboxed only.
    const heavy: Record<"direct" | "sandboxed", number[]> = { direct: [], sandboxed: [] };
    for (const sql of Object.values(QUERIES)) {
      for (let i = 0; i < ITERATIONS / 2; i++) {
        const user = `bench-h${1 + (i % HEAVY_USERS)}`;
        await MODES.direct(sql, user);
        for (const mode of i % 2 ? (["sandboxed", "direct"] as const) : (["direct", "sandboxed"] as const)) {
          const started = performance.now();
          await MODES[mode](sql, user);
          heavy[mode].push(performance.now() - started);
        }
      }
    }
    const [d, s] = [all.direct, all.sandboxed];
    const overall = pct(s, 50) / pct(d, 50);
    const met = overall <= TARGET_RATIO;
    rows.push(`| **all queries** | ${fmt(pct(d, 50))} | ${fmt(pct(d, 95))} | ${fmt(pct(s, 50))} | ${fmt(pct(s, 95))} | **${overall.toFixed(2)}** |`);
    const step = (mode: Mode, prev: Mode | null, what: string) =>
      `| ${what} | ${pct(all[mode], 50).toFixed(2)} ms | ${prev ? `+${(pct(all[mode], 50) - pct(all[prev], 50)).toFixed(2)} ms` : "—"} |`;
    const ladder = [
      step("direct", null, "direct: the query over the user-scoped CTEs, one statement"),
      step("transaction", "direct", "+ `BEGIN READ ONLY` … `ROLLBACK` (one more round-trip before the query)"),
      step("settings", "transaction", "+ the settings statement: limits, time zone, user id, `SET ROLE` → RLS"),
      step("sandboxed", "settings", "+ parse and allowlist check, row/byte-cap wrapper, JSON-safe values, `DISCARD ALL` (= `runSandboxedQuery`)"),
    ];
    const body = `Coach analytic queries through \`runSandboxedQuery\` versus the same SQL run directly (same user-scoped CTEs over the
base tables, pooled connection, app role, one statement) — \`bench/sandbox.bench.ts\` on PostgreSQL ${version} with
${Number(counts.u).toLocaleString("en")} users and ${Number(counts.s).toLocaleString("en")} sets (generated with \`generate_series\`, then \`VACUUM ANALYZE\`; ${seedSeconds.toFixed(0)} s),
${ITERATIONS} runs per query and mode for random users; before each run every mode's user is read once, and the modes run in
shuffled order, so all of them see warm buffers.

Target: p50 ratio ≤ ${TARGET_RATIO} — **${met ? "met" : "missed"}** (${overall.toFixed(2)}; ${(pct(s, 50) - pct(d, 50)).toFixed(1)} ms per query at p50).

| Query | direct p50 | direct p95 | sandboxed p50 | sandboxed p95 | p50 ratio |
|---|---:|---:|---:|---:|---:|
${rows.join("\n")}

The ${HEAVY_USERS} demo-sized users (${HEAVY_SESSIONS} sessions, ${(HEAVY_SESSIONS * HEAVY_SETS_PER_SESSION).toLocaleString("en")} sets each — the demo account has 196 and 4,316), same queries:
direct p50 ${fmt(pct(heavy.direct, 50))}, sandboxed p50 ${fmt(pct(heavy.sandboxed, 50))}, ratio ${(pct(heavy.sandboxed, 50) / pct(heavy.direct, 50)).toFixed(2)} (not the target's population; shown
because the sandbox's cost is fixed per query, so its ratio depends on how much data a query reads).

Where the fixed cost goes (p50 over all queries; each row adds one layer to the one above):

| Mode | p50 | added |
|---|---:|---:|
${ladder.join("\n")}

Measured ${new Date().toISOString().slice(0, 10)} on ${machine()} (shared; load average ${loadAverage()}).
Run: \`TEST_DATABASE_URL=postgres://… npm run tsx -- bench/sandbox.bench.ts [iterations]\`. docs/sql-sandbox.md discusses the numbers.`;
    writeBenchmarkSection("SQL sandbox", body);
    console.log(ladder.join("\n"));
    console.log(`demo-sized users: direct ${fmt(pct(heavy.direct, 50))}, sandboxed ${fmt(pct(heavy.sandboxed, 50))}`);
    console.log(`overall p50 ratio ${overall.toFixed(2)} (target ≤ ${TARGET_RATIO}) → docs/benchmarks.md`);
  } finally {
    await pool.end();
    setDbHandle(undefined);
    const a = new pg.Client({ connectionString: ADMIN_URL });
    await a.connect();
    await a.query(`drop database if exists ${name} with (force)`);
    await a.end();
  }
}

await main();
