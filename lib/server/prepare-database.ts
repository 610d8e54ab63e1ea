import "server-only";
import type { Db } from "@/db/client";
import { migrate } from "@/db/migrate";
import { syncCatalog } from "@/lib/exercises/sync-catalog";
import { seedDemoIfEmpty } from "@/lib/seed/demo";

export interface PrepareOptions {
  /** Seed the demo account when the database has no users (embedded mode). */
  seedDemo: boolean;
  log?: (line: string) => void;
}

/** Migrations, then the built-in exercise catalog, then (embedded mode) the demo account. */
export async function prepareDatabase(db: Db, { seedDemo, log = () => {} }: PrepareOptions) {
  const applied = await migrate(db);
  if (applied.length) log(`applied migrations: ${applied.join(", ")}`);
  const catalog = await syncCatalog(db);
  if (catalog.inserted || catalog.aliasesInserted) log(`exercise catalog: +${catalog.inserted} exercises, +${catalog.aliasesInserted} aliases`);
  if (seedDemo) {
    const demo = await seedDemoIfEmpty(db);
    if (demo.created) log(`seeded demo account ${demo.email} (${demo.sessions} sessions, ${demo.sets} sets)`);
  }
}
