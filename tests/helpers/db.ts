import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, inject } from "vitest";
import { createEmbeddedHandle, createPgHandle, setDbHandle, type DbHandle } from "@/db/client";
import { migrate } from "@/db/migrate";

export type TestBackend = "pglite" | "postgres";
export const testBackend: TestBackend = process.env.SPOTTER_TEST_BACKEND === "postgres" ? "postgres" : "pglite";

/**
 * A fresh database for one test file, already migrated with the built-in exercise catalog (cloned
 * from the template made by tests/setup/*-template.ts): in-memory PGlite, or a throw-away database
 * on the server at TEST_DATABASE_URL (dropped afterwards). Also installed as the app's database
 * handle so code under test that calls getDb() uses it.
 */
export async function createTestDatabase(): Promise<DbHandle & { dispose: () => Promise<void>; url?: string }> {
  if (testBackend === "pglite") {
    const handle = createEmbeddedHandle("memory://", inject("pgliteTemplate"));
    await migrate(handle.db); // no-op on the template; applies anything newer
    setDbHandle(handle);
    return { ...handle, dispose: () => handle.embedded.close() };
  }
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error("TEST_DATABASE_URL is not set");
  const name = `spotter_t_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name} template ${inject("postgresTemplate")}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = createPgHandle(url.toString(), "pg", 5);
  await migrate(handle.db);
  setDbHandle(handle);
  return {
    ...handle,
    url: url.toString(),
    dispose: async () => {
      await handle.pool.end();
      const a = new pg.Client({ connectionString: adminUrl });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

/** beforeAll/afterAll wiring; returns a getter because the handle exists only after beforeAll. */
export function useTestDatabase() {
  let handle: Awaited<ReturnType<typeof createTestDatabase>> | undefined;
  beforeAll(async () => {
    handle = await createTestDatabase();
  });
  afterAll(async () => {
    await handle?.dispose();
    setDbHandle(undefined);
  });
  return () => {
    if (!handle) throw new Error("test database not ready (use inside tests/hooks)");
    return handle;
  };
}
