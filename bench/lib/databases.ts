import { randomBytes } from "node:crypto";
import pg from "pg";
import { createEmbeddedHandle, createPgHandle, type Db } from "@/db/client";
import { migrate } from "@/db/migrate";
import { syncCatalog } from "@/lib/exercises/sync-catalog";
import { createUser } from "@/lib/users/create-user";

export interface BenchDatabase {
  label: string;
  db: Db;
  userId: string;
  dispose: () => Promise<void>;
}

async function prepare(db: Db): Promise<string> {
  await migrate(db);
  await syncCatalog(db);
  const user = await createUser(db, { email: `bench-${randomBytes(4).toString("hex")}@example.test` });
  return user.id;
}

/** A fresh in-memory PGlite (worker thread, as in the app), migrated, catalog loaded, one user. */
export async function freshPglite(): Promise<BenchDatabase> {
  const h = createEmbeddedHandle("memory://");
  const userId = await prepare(h.db);
  return { label: "PGlite (embedded, in memory)", db: h.db, userId, dispose: () => h.embedded.close() };
}

/** A throw-away database on the server at `adminUrl` (dropped afterwards). */
export async function freshPostgres(adminUrl: string): Promise<BenchDatabase> {
  const name = `spotter_bench_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const version = (await admin.query<{ v: string }>("select current_setting('server_version') as v")).rows[0].v;
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const h = createPgHandle(url.toString(), "pg", 2);
  const userId = await prepare(h.db);
  return {
    label: `PostgreSQL ${version.split(" ")[0]} (local server)`,
    db: h.db,
    userId,
    dispose: async () => {
      await h.pool.end();
      const a = new pg.Client({ connectionString: adminUrl });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}
