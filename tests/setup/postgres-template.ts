import pg from "pg";
import type { TestProject } from "vitest/node";
import { createPgHandle } from "@/db/client";
import { migrate } from "@/db/migrate";
import { syncCatalog } from "@/lib/exercises/sync-catalog";

/** A migrated template database on the real server; each test file clones it (CREATE DATABASE … TEMPLATE). */
export default async function setup(project: TestProject) {
  const adminUrl = process.env.TEST_DATABASE_URL!;
  const name = `spotter_tpl_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = createPgHandle(url.toString(), "pg", 2);
  await migrate(handle.db);
  await syncCatalog(handle.db);
  await handle.pool.end();
  project.provide("postgresTemplate", name);
  return async () => {
    const a = new pg.Client({ connectionString: adminUrl });
    await a.connect();
    await a.query(`drop database if exists ${name} with (force)`);
    await a.end();
  };
}
