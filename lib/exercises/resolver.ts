import "server-only";
import { UserError } from "@/lib/errors/user-error";
import { and, eq, isNull, or, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { exerciseAliases, exercises, type ExerciseCategory } from "@/db/schema";
import { analyseExerciseName, normalizeExerciseName, type EquipmentToken } from "./normalize";
import type { Equipment } from "./vocabulary";

interface ResolveResult {
  exerciseId: string;
  /** The name matched an existing exercise (built-in or the user's). */
  matched: boolean;
  /** This call created the user's custom exercise for the name. */
  created: boolean;
}

export interface ExerciseResolver {
  resolve(name: string, hint?: { category?: ExerciseCategory }): Promise<ResolveResult>;
  /** Distinct names (normalised keys) matched to an existing exercise / created as custom ones. */
  stats(): { matched: number; created: number };
}

class ExerciseNameError extends UserError {
  constructor(name: string) {
    super(`"${name.slice(0, 80)}" is not a usable exercise name (it has no letters or digits).`);
    this.name = "ExerciseNameError";
  }
}

/**
 * Every name key visible to the user → exercise id: global aliases, then the normalised display
 * names of built-in and the user's own exercises (covers custom exercises created without an
 * alias), then the user's own aliases, which win over everything else.
 */
export async function loadAliasMap(db: Queryable, userId: string): Promise<Map<string, string>> {
  const [aliasRows, exerciseRows] = await Promise.all([
    db
      .select({ alias: exerciseAliases.alias, exerciseId: exerciseAliases.exerciseId, owner: exerciseAliases.ownerUserId })
      .from(exerciseAliases)
      .where(or(isNull(exerciseAliases.ownerUserId), eq(exerciseAliases.ownerUserId, userId))),
    db
      .select({ id: exercises.id, name: exercises.name, owner: exercises.ownerUserId })
      .from(exercises)
      .where(or(isNull(exercises.ownerUserId), eq(exercises.ownerUserId, userId))),
  ]);
  const map = new Map<string, string>();
  for (const r of aliasRows) if (r.owner === null) map.set(r.alias, r.exerciseId);
  for (const owner of [null, userId]) {
    for (const e of exerciseRows) {
      if (e.owner !== owner) continue;
      const key = normalizeExerciseName(e.name);
      if (key && (owner !== null || !map.has(key))) map.set(key, e.id);
    }
  }
  for (const r of aliasRows) if (r.owner !== null) map.set(r.alias, r.exerciseId);
  return map;
}

/** Keys tried in order for a name: the exact key, then without a redundant "bodyweight" qualifier. */
export function candidateKeys(name: string): string[] {
  const key = normalizeExerciseName(name);
  const keys = [key];
  const { base, equipment } = analyseExerciseName(name);
  if (equipment.includes("bodyweight")) keys.push([...base, ...equipment.filter((e) => e !== "bodyweight")].join(" "));
  return keys.filter(Boolean);
}

const EQUIPMENT_FROM_TOKEN: Record<EquipmentToken, Equipment> = {
  barbell: "barbell",
  dumbbell: "dumbbell",
  kettlebell: "kettlebell",
  ezbar: "ez-bar",
  trapbar: "trap-bar",
  smith: "smith-machine",
  cable: "cable",
  machine: "machine",
  band: "band",
  bodyweight: "bodyweight",
  weighted: "other",
  assisted: "machine",
};

const CARDIO_WORDS =
  /\b(run|running|jog|jogging|walk|walking|treadmill|cycling|bike|biking|row(ing)? (machine|erg)|rower|elliptical|swim|swimming|stair|hike|hiking|skierg|ski erg|sprint|cardio)\b/;

/** Best guess of category and equipment for a name nobody catalogued, from its words and qualifier. */
export function guessExerciseKind(name: string, hint?: { category?: ExerciseCategory }): { category: ExerciseCategory; equipment: Equipment } {
  const { base, equipment } = analyseExerciseName(name);
  const eq: Equipment = equipment.length ? EQUIPMENT_FROM_TOKEN[equipment[0]] : "other";
  if (hint?.category) return { category: hint.category, equipment: hint.category === "cardio" && !equipment.length ? "none" : eq };
  const words = base.join(" ");
  if (CARDIO_WORDS.test(words)) return { category: "cardio", equipment: equipment.length ? eq : "none" };
  if (/\b(stretch|stretching|mobility|yoga|foam)\b/.test(words)) return { category: "mobility", equipment: "none" };
  if (/\b(snatch|clean|jerk)\b/.test(words)) return { category: "olympic", equipment: equipment.length ? eq : "barbell" };
  if (equipment.some((e) => e === "machine" || e === "cable" || e === "smith" || e === "assisted")) return { category: "machine", equipment: eq };
  if (equipment.includes("bodyweight")) return { category: "bodyweight", equipment: "bodyweight" };
  if (equipment.length) return { category: "strength", equipment: eq };
  if (/\b(pullup|chinup|pushup|situp|dip|plank|crunch|burpee|hang)\b/.test(words)) return { category: "bodyweight", equipment: "bodyweight" };
  return { category: "strength", equipment: "other" };
}

function slugify(name: string): string {
  const s = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/g, "");
  return s || "exercise";
}

function displayName(name: string): string {
  return name.replace(/\s+/g, " ").trim().slice(0, 120);
}

/**
 * Creates the user's custom exercise for `name` and its alias. Safe against a concurrent creator
 * (another import of the same user): alias conflicts fall back to the row that won.
 */
async function createCustomExercise(db: Queryable, userId: string, name: string, key: string, hint?: { category?: ExerciseCategory }) {
  const { category, equipment } = guessExerciseKind(name, hint);
  const base = slugify(name);
  let exerciseId: string | undefined;
  for (let attempt = 0; attempt < 20 && !exerciseId; attempt++) {
    const slug = attempt === 0 ? base : `${base}-${attempt + 1}`;
    const [row] = await db
      .insert(exercises)
      .values({ slug, name: displayName(name), ownerUserId: userId, category, equipment })
      .onConflictDoNothing({ target: [exercises.ownerUserId, exercises.slug] })
      .returning({ id: exercises.id });
    exerciseId = row?.id;
  }
  if (!exerciseId) throw new Error(`could not create a custom exercise for "${displayName(name)}"`);
  const [alias] = await db
    .insert(exerciseAliases)
    .values({ alias: key, exerciseId, ownerUserId: userId })
    .onConflictDoNothing({ target: [exerciseAliases.ownerUserId, exerciseAliases.alias] })
    .returning({ exerciseId: exerciseAliases.exerciseId });
  if (alias) return { exerciseId, created: true };
  // Someone else mapped this name meanwhile: use theirs and drop the orphan we just made.
  const [existing] = await db
    .select({ exerciseId: exerciseAliases.exerciseId })
    .from(exerciseAliases)
    .where(and(eq(exerciseAliases.ownerUserId, userId), eq(exerciseAliases.alias, key)));
  await db.delete(exercises).where(and(eq(exercises.id, exerciseId), eq(exercises.ownerUserId, userId)));
  return { exerciseId: existing.exerciseId, created: false };
}

/**
 * Maps exercise names onto exercise ids for one user, for bulk work (imports call it per row).
 * All aliases visible to the user are loaded once; results are memoised per normalised key,
 * and concurrent calls for the same unknown name share one creation.
 * Pass the transaction as `db` when called inside one.
 */
export function createExerciseResolver(db: Queryable, userId: string): ExerciseResolver {
  let aliases: Promise<Map<string, string>> | null = null;
  const byKey = new Map<string, Promise<ResolveResult>>();
  let matched = 0;
  let created = 0;

  async function lookup(name: string, hint?: { category?: ExerciseCategory }): Promise<ResolveResult> {
    const keys = candidateKeys(name);
    if (!keys.length) throw new ExerciseNameError(name);
    aliases ??= loadAliasMap(db, userId);
    const map = await aliases;
    for (const k of keys) {
      const id = map.get(k);
      if (id) return { exerciseId: id, matched: true, created: false };
    }
    const result = await createCustomExercise(db, userId, name, keys[0], hint);
    map.set(keys[0], result.exerciseId);
    return { exerciseId: result.exerciseId, matched: !result.created, created: result.created };
  }

  return {
    async resolve(name, hint) {
      const key = normalizeExerciseName(name);
      let pending = byKey.get(key);
      const first = !pending;
      if (!pending) {
        pending = lookup(name, hint);
        byKey.set(key, pending);
        pending.catch(() => byKey.delete(key));
      }
      const r = await pending;
      if (first) {
        if (r.created) created++;
        else matched++;
        return r;
      }
      // Later rows with the same name reuse the exercise; only the first one "created" it.
      return { exerciseId: r.exerciseId, matched: true, created: false };
    },
    stats: () => ({ matched, created }),
  };
}

export interface ExerciseSummary {
  id: string;
  slug: string;
  name: string;
  category: ExerciseCategory;
  equipment: string;
  primaryMuscles: string[];
  secondaryMuscles: string[];
  isCustom: boolean;
}

const summaryColumns = {
  id: exercises.id,
  slug: exercises.slug,
  name: exercises.name,
  category: exercises.category,
  equipment: exercises.equipment,
  primaryMuscles: exercises.primaryMuscles,
  secondaryMuscles: exercises.secondaryMuscles,
  isCustom: sql<boolean>`(${exercises.ownerUserId} is not null)`,
};

/**
 * The exercise a person means by `name` (built-in or the user's own), or null: exactly what
 * the resolver would match, but read-only — it never creates anything.
 */
export async function findExerciseByName(db: Queryable, userId: string, name: string): Promise<ExerciseSummary | null> {
  const keys = candidateKeys(name);
  if (!keys.length) return null;
  const map = await loadAliasMap(db, userId);
  const id = keys.map((k) => map.get(k)).find(Boolean);
  if (!id) return null;
  const [row] = await db
    .select(summaryColumns)
    .from(exercises)
    .where(and(eq(exercises.id, id), or(isNull(exercises.ownerUserId), eq(exercises.ownerUserId, userId))))
    .limit(1);
  return row ?? null;
}
