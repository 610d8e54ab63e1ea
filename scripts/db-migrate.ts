import { dbHandle } from "@/db/client";
import { prepareDatabase } from "@/lib/server/prepare-database";
import { databaseKind, env } from "@/lib/config/env";

const kind = databaseKind();
const handle = dbHandle();
try {
  await prepareDatabase(handle.db, {
    seedDemo: kind === "pglite" && env().SPOTTER_SEED_DEMO !== "0",
    log: (l) => console.log(l),
  });
  console.log(`database (${kind}) is up to date`);
} catch (e) {
  console.error(`migration failed: ${(e as Error).message}`);
  process.exitCode = 1;
} finally {
  if (handle.kind === "pglite") await handle.embedded.close();
  else await handle.pool.end();
}
