import type { Queryable } from "@/db/client";
import { findExerciseByName } from "@/lib/exercises/resolver";
import { sessionName } from "./session-name";
import type { WorkoutDraft } from "./types";

/**
 * Read-only catalog lookup for a draft's card: each exercise gets the catalog/custom name it will be
 * saved under and `known: false` when saving would create a new custom exercise. Writes nothing.
 */
export async function resolveDraftNames(db: Queryable, userId: string, draft: WorkoutDraft): Promise<WorkoutDraft> {
  const cache = new Map<string, { name: string; known: boolean }>();
  const lookup = async (name: string) => {
    const key = name.toLowerCase();
    let hit = cache.get(key);
    if (!hit) {
      const found = await findExerciseByName(db, userId, name);
      hit = found ? { name: found.name, known: true } : { name, known: false };
      cache.set(key, hit);
    }
    return hit;
  };
  const workouts = [];
  for (const w of draft.workouts) {
    const exercises = [];
    for (const e of w.exercises) {
      const r = await lookup(e.name);
      exercises.push({ ...e, name: r.name, known: r.known });
    }
    // Only a generated name follows the resolved exercise names; "Leg Day" or a copied session's name stays.
    const generated = !w.basedOn && w.name === sessionName(w.exercises.map((e) => e.name));
    workouts.push({ ...w, exercises, name: generated ? sessionName(exercises.map((e) => e.name)) : w.name });
  }
  return { ...draft, workouts };
}
