/**
 * Startup data work of an embedded install: `npm run tsx -- bench/demo-seed.bench.ts [runs=3] [--no-doc]`.
 *
 * On a fresh in-memory PGlite (worker thread, as the app runs it) — and on PostgreSQL when
 * TEST_DATABASE_URL is set — measures
 *   - syncCatalog on an empty catalog, then again with nothing to change (every app start),
 *   - seedDemoIfEmpty: the demo account with a year of training in one transaction.
 * Target: demo seed < 3 s on PGlite. Rewrites the "Catalog and demo seed" section of docs/benchmarks.md.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { createEmbeddedHandle, createPgHandle, type Db } from "@/db/client";
import { migrate } from "@/db/migrate";
import { EXERCISE_CATALOG } from "@/lib/exercises/catalog";
import { syncCatalog } from "@/lib/exercises/sync-catalog";
import { seedDemoIfEmpty } from "@/lib/seed/demo";
import { writeBenchmarkSection } from "./lib/benchmarks-doc";
import { loadAverage, machine, measure } from "./lib/measure";

const RUNS = Math.max(1, Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 3));
const WRITE_DOC = !process.argv.includes("--no-doc");
const TARGET_MS = 3000;

interface Fresh {
  label: string;
  db: Db;
  dispose: () => Promise<void>;
}

async function pglite(): Promise<Fresh> {
  const h = createEmbeddedHandle("memory://");
  await migrate(h.db);
  return { label: "PGlite (embedded, in memory)", db: h.db, dispose: () => h.embedded.close() };
}

async function postgres(adminUrl: string): Promise<Fresh> {
  const name = `spotter_bench_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const version = (await admin.query<{ server_version: string }>("show server_version")).rows[0].server_version;
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const h = createPgHandle(url.toString(), "pg", 2);
  await migrate(h.db);
  return {
    label: `PostgreSQL ${version.split(" ")[0]} (local server)`,
    db: h.db,
    dispose: async () => {
      await h.pool.end();
      const a = new pg.Client({ connectionString: adminUrl });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x: number) => `${Math.round(x)} ms`;

async function bench(open: () => Promise<Fresh>) {
  const rows: { sync: number[]; noop: number[]; seed: number[]; seedCpu: number[]; label: string; sessions: number; sets: number } = {
    sync: [],
    noop: [],
    seed: [],
    seedCpu: [],
    label: "",
    sessions: 0,
    sets: 0,
  };
  for (let i = 0; i < RUNS; i++) {
    const fresh = await open();
    rows.label = fresh.label;
    try {
      rows.sync.push((await measure(() => syncCatalog(fresh.db))).wallMs);
      rows.noop.push((await measure(() => syncCatalog(fresh.db))).wallMs);
      const seeded = await measure(() => seedDemoIfEmpty(fresh.db));
      if (!seeded.result.created) throw new Error("demo seed did not run");
      rows.seed.push(seeded.wallMs);
      rows.seedCpu.push(seeded.cpuMs);
      rows.sessions = seeded.result.sessions;
      rows.sets = seeded.result.sets;
    } finally {
      await fresh.dispose();
    }
    console.log(`${rows.label} run ${i + 1}: sync ${ms(rows.sync.at(-1)!)}, no-op sync ${ms(rows.noop.at(-1)!)}, seed ${ms(rows.seed.at(-1)!)}`);
  }
  return rows;
}

const results = [await bench(pglite)];
if (process.env.TEST_DATABASE_URL) results.push(await bench(() => postgres(process.env.TEST_DATABASE_URL!)));

const pgliteSeed = median(results[0].seed);
const body = `
Work an embedded install does on its data at start (\`bench/demo-seed.bench.ts\`), on a fresh migrated database:
\`syncCatalog\` loads the built-in catalog (${EXERCISE_CATALOG.length} exercises and their aliases, two bulk upserts) and
runs again on every start with nothing to change; \`seedDemoIfEmpty\` creates the demo account (argon2id password hash,
profile, Pro plan) with a year of training — ${results[0].sessions} sessions, ${results[0].sets} sets and daily body
metrics — in one transaction (JSON-recordset bulk inserts). Medians of ${RUNS} run(s).

Target: demo seed < 3 s on PGlite — **${pgliteSeed < TARGET_MS ? "met" : "missed"}** (${ms(pgliteSeed)}).

| Database | catalog sync (empty) | catalog sync (no change) | demo seed (wall) | demo seed (process CPU) |
|---|---:|---:|---:|---:|
${results.map((r) => `| ${r.label} | ${ms(median(r.sync))} | ${ms(median(r.noop))} | ${ms(median(r.seed))} | ${ms(median(r.seedCpu))} |`).join("\n")}

Measured ${new Date().toISOString().slice(0, 10)} on ${machine()}; load average ${loadAverage()} (shared machine).
Run: \`npm run tsx -- bench/demo-seed.bench.ts [runs]\`.
`;
console.log(body);
if (WRITE_DOC) writeBenchmarkSection("Catalog and demo seed", body);
