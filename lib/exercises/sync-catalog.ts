import "server-only";
import { createHash } from "node:crypto";
import { and, isNull, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { exerciseAliases, exercises } from "@/db/schema";
import { EXERCISE_CATALOG, type CatalogExercise } from "./catalog";
import { normalizeExerciseName } from "./normalize";

/** Every normalised alias of a catalog exercise, its own name included, without duplicates. */
export function catalogAliasKeys(entry: CatalogExercise): string[] {
  return [...new Set([entry.name, ...entry.aliases].map(normalizeExerciseName).filter(Boolean))];
}

let fingerprint: string | undefined;

/**
 * A digest of the catalog as the database would hold it. The same text is built in SQL from the
 * stored rows (sorted bytewise on both sides), so equal digests mean there is nothing to sync.
 */
function catalogFingerprint(): string {
  if (fingerprint) return fingerprint;
  const byBytes = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const exerciseText = [...EXERCISE_CATALOG]
    .sort((a, b) => byBytes(a.slug, b.slug))
    .map((e) => [e.slug, e.name, e.category, e.equipment, e.primaryMuscles.join(","), e.secondaryMuscles.join(",")].join("|"))
    .join("\n");
  const aliasText = EXERCISE_CATALOG.flatMap((e) => catalogAliasKeys(e).map((a) => `${a}|${e.slug}`))
    .sort(byBytes)
    .join("\n");
  const md5 = (t: string) => createHash("md5").update(t, "utf8").digest("hex");
  fingerprint = md5(exerciseText) + md5(aliasText);
  return fingerprint;
}

async function storedFingerprint(db: Queryable): Promise<string> {
  const r = await db.execute<{ fp: string }>(sql`select
    md5(coalesce((select string_agg(slug || '|' || name || '|' || category || '|' || equipment || '|'
        || array_to_string(primary_muscles, ',') || '|' || array_to_string(secondary_muscles, ','), E'\n' order by slug collate "C")
      from exercises where owner_user_id is null), ''))
    || md5(coalesce((select string_agg(a.alias || '|' || e.slug, E'\n' order by (a.alias || '|' || e.slug) collate "C")
      from exercise_aliases a join exercises e on e.id = a.exercise_id where a.owner_user_id is null), '')) as fp`);
  return r.rows[0].fp;
}

/**
 * Upserts the built-in catalog (owner null) and its global aliases in two bulk statements.
 * Idempotent and cheap when nothing changed (rows whose values are equal are not rewritten).
 * Never deletes: exercises dropped from the catalog stay, because users' sets reference them,
 * and users' own aliases/custom exercises are never touched (they have an owner).
 * On an unchanged database (every app start) it costs one read: the fingerprints match.
 */
export async function syncCatalog(db: Queryable): Promise<{ inserted: number; updated: number; aliasesInserted: number }> {
  if ((await storedFingerprint(db)) === catalogFingerprint()) return { inserted: 0, updated: 0, aliasesInserted: 0 };
  const changed = await db
    .insert(exercises)
    .values(
      EXERCISE_CATALOG.map((e) => ({
        slug: e.slug,
        name: e.name,
        ownerUserId: null,
        category: e.category,
        equipment: e.equipment,
        primaryMuscles: e.primaryMuscles,
        secondaryMuscles: e.secondaryMuscles,
      })),
    )
    .onConflictDoUpdate({
      target: [exercises.ownerUserId, exercises.slug],
      set: {
        name: sql`excluded.name`,
        category: sql`excluded.category`,
        equipment: sql`excluded.equipment`,
        primaryMuscles: sql`excluded.primary_muscles`,
        secondaryMuscles: sql`excluded.secondary_muscles`,
      },
      setWhere: sql`(${exercises.name}, ${exercises.category}, ${exercises.equipment}, ${exercises.primaryMuscles}, ${exercises.secondaryMuscles})
        is distinct from (excluded.name, excluded.category, excluded.equipment, excluded.primary_muscles, excluded.secondary_muscles)`,
    })
    .returning({ inserted: sql<boolean>`(xmax = 0)` });
  const inserted = changed.filter((r) => r.inserted).length;

  const builtIn = await db.select({ id: exercises.id, slug: exercises.slug }).from(exercises).where(isNull(exercises.ownerUserId));
  const idBySlug = new Map(builtIn.map((r) => [r.slug, r.id]));
  const aliasRows = EXERCISE_CATALOG.flatMap((e) =>
    catalogAliasKeys(e).map((alias) => ({ alias, exerciseId: idBySlug.get(e.slug)!, ownerUserId: null })),
  );
  // A global alias that moved to another built-in exercise is re-pointed; users' aliases are separate rows.
  const aliasChanged = await db
    .insert(exerciseAliases)
    .values(aliasRows)
    .onConflictDoUpdate({
      target: [exerciseAliases.ownerUserId, exerciseAliases.alias],
      set: { exerciseId: sql`excluded.exercise_id` },
      setWhere: and(sql`${exerciseAliases.exerciseId} is distinct from excluded.exercise_id`, isNull(exerciseAliases.ownerUserId)),
    })
    .returning({ inserted: sql<boolean>`(xmax = 0)` });

  return {
    inserted,
    updated: changed.length - inserted,
    aliasesInserted: aliasChanged.filter((r) => r.inserted).length,
  };
}
