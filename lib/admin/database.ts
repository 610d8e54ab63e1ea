import { dbHandle, type DbHandle } from "@/db/client";
import { prepareDatabase } from "@/lib/server/prepare-database";
import { env } from "@/lib/config/env";

/**
 * Opens the app's database for an operator command. Embedded mode is prepared exactly as the
 * app does at start (migrations, catalog, demo account unless SPOTTER_SEED_DEMO=0), so the CLI
 * works on a fresh checkout; server databases are migrated with `npm run db:migrate`.
 * Throws DatabaseInUseError (possibly wrapped) when a running app holds the embedded database.
 */
export async function openAdminDatabase(): Promise<DbHandle> {
  const handle = dbHandle();
  try {
    if (handle.kind === "pglite") await prepareDatabase(handle.db, { seedDemo: env().SPOTTER_SEED_DEMO !== "0" });
  } catch (error) {
    await closeAdminDatabase(handle).catch(() => {});
    throw error;
  }
  return handle;
}

export async function closeAdminDatabase(handle: DbHandle | undefined): Promise<void> {
  if (!handle) return;
  if (handle.kind === "pglite") await handle.embedded.close();
  else await handle.pool.end();
}
