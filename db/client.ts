import "server-only";
import path from "node:path";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import { dataDir, databaseKind, env, type DatabaseKind, type Env } from "@/lib/config/env";
import type { DescribeService } from "@/lib/services/description";
import * as schema from "./schema";
import { EmbeddedDatabase } from "./embedded";
import pg, { type Pool as PgPool } from "pg";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { drizzle as drizzleNeon } from "drizzle-orm/neon-serverless";
import { Pool as NeonPool, neonConfig } from "@neondatabase/serverless";
import ws from "ws";
import { logError } from "@/lib/log/redact";

/**
 * The database seam. No DATABASE_URL → embedded PGlite under .data/ (worker thread,
 * migrated at start). postgres://… → node-postgres pool. Neon URL or DATABASE_DRIVER=neon →
 * @neondatabase/serverless. All three expose the same drizzle API; we type it as node-postgres.
 */
export type Db = NodePgDatabase<typeof schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
/** Anything that can run drizzle queries: the db or a transaction. */
export type Queryable = Db | Tx;

/**
 * The database seam's own words. The data directory is shown relative to the app; an absolute path
 * elsewhere shows only its last segment (server paths stay private). Never the URL or credentials.
 */
export const describeDatabase: DescribeService = (e: Env = env()) => {
  const kind = databaseKind(e);
  if (kind === "pglite") {
    const dir = dataDir(e);
    const rel = path.relative(process.cwd(), dir);
    const shown = !rel ? "./" : rel.startsWith("..") || path.isAbsolute(rel) ? path.basename(dir) + "/" : rel + "/";
    return { service: "database", title: "Database", id: "pglite", label: `Embedded PGlite (${shown})`, mode: "embedded" };
  }
  if (kind === "neon") return { service: "database", title: "Database", id: "neon", label: "Neon serverless PostgreSQL", mode: "external" };
  return { service: "database", title: "Database", id: "postgres", label: "PostgreSQL", mode: "external" };
};

type Handle = { kind: "pglite"; db: Db; embedded: EmbeddedDatabase } | { kind: "pg"; db: Db; pool: PgPool } | { kind: "neon"; db: Db; pool: PgPool };

const g = globalThis as unknown as { __spotterDb?: Handle };

export function createEmbeddedHandle(dir: string, loadDataDir?: string): Handle & { kind: "pglite" } {
  const embedded = new EmbeddedDatabase(dir, loadDataDir);
  const db = drizzlePglite({ client: embedded as never, schema, casing: "snake_case" }) as unknown as Db;
  return { kind: "pglite", db, embedded };
}

export function createPgHandle(url: string, kind: "pg" | "neon" = "pg", max = 10): Handle & { kind: "pg" | "neon" } {
  if (kind === "neon") {
    neonConfig.webSocketConstructor = ws;
    const pool = new NeonPool({ connectionString: url, max });
    const db = drizzleNeon({ client: pool, schema, casing: "snake_case" }) as unknown as Db;
    return { kind: "neon", db, pool: pool as unknown as PgPool };
  }
  const pool = new pg.Pool({ connectionString: url, max });
  pool.on("error", (err) => logError("[db] idle client error", err));
  const db = drizzlePg({ client: pool, schema, casing: "snake_case" });
  return { kind: "pg", db, pool };
}

function createHandle(): Handle {
  const kind: DatabaseKind = databaseKind();
  if (kind === "pglite") return createEmbeddedHandle(path.join(dataDir(), "pglite"));
  return createPgHandle(env().DATABASE_URL!, kind);
}

export function dbHandle(): Handle {
  if (!g.__spotterDb) g.__spotterDb = createHandle();
  return g.__spotterDb;
}

/** Lazily opened: importing this module never touches the database (safe during `next build`). */
export function getDb(): Db {
  return dbHandle().db;
}

/** Tests inject their own handle (PGlite in memory, or TEST_DATABASE_URL). */
export function setDbHandle(handle: Handle | undefined) {
  g.__spotterDb = handle;
}

export type { Handle as DbHandle };
