import type { Db } from "@/db/client";

/** TODO(helper): upsert the built-in catalog (lib/exercises/catalog.ts) and its aliases. */
export async function syncCatalog(_db: Db): Promise<{ inserted: number; aliasesInserted: number }> {
  return { inserted: 0, aliasesInserted: 0 };
}
