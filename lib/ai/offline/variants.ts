import { analyseExerciseName, normalizeExerciseName } from "@/lib/exercises/normalize";
import { displayExerciseName } from "@/lib/workout-text/names";
import type { ExerciseRef } from "./exercises";

/**
 * Which of the user's own exercises a question means. The catalog turns "bench" into
 * "Bench Press (Barbell)", but a lifter who only ever logged "Bench Press (Dumbbell)", or who
 * wrote "machine row", means their own variant. Rules, in order:
 *   1. equipment the user wrote ("dumbbell", "cable") keeps only variants with that equipment;
 *   2. the closest name wins: the exact name written > the same movement > a name containing
 *      every word written ("incline bench press" for "bench" only when no flat bench exists);
 *   3. a tie goes to the variant with working sets in the period, then the most-logged one;
 *   4. every other variant of the same closeness is named in the answer.
 */
export type VariantRow = { exercise_name: string; working_sets: number; in_period: number; first_day: string; last_day: string };

export type Variant = {
  ref: ExerciseRef;
  /** The exercise name to query, or null when nothing in the history matches. */
  chosen: VariantRow | null;
  /** Other names just as close (the ambiguity to name). */
  others: string[];
  /** A sentence for the answer when the choice is not the obvious one. */
  note: string | null;
};

function base(name: string): string[] {
  return analyseExerciseName(name).base;
}

function sameSet(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((w) => b.includes(w));
}

/** 4: the exact name written; otherwise 2 for containing every word written + 1 for being the same movement. */
function closeness(ref: ExerciseRef, candidate: string): number {
  const key = normalizeExerciseName(candidate);
  const phrase = ref.phrase ?? ref.label;
  if (key === normalizeExerciseName(phrase) || key === normalizeExerciseName(displayExerciseName(phrase))) return 4;
  const cb = base(candidate);
  const catalogBase = ref.name ? base(ref.name) : [];
  const phraseBase = base(displayExerciseName(phrase));
  const containsWritten = phraseBase.length > 0 && phraseBase.every((w) => cb.includes(w));
  const sameMovement = (catalogBase.length > 0 && sameSet(cb, catalogBase)) || (phraseBase.length > 0 && sameSet(cb, phraseBase));
  let score = (containsWritten ? 2 : 0) + (sameMovement ? 1 : 0);
  if (score === 0 && ref.pattern) {
    const needle = ref.pattern
      .replace(/^%|%$/g, "")
      .replace(/\\([%_\\])/g, "$1")
      .toLowerCase();
    if (candidate.toLowerCase().includes(needle)) score = 2;
  }
  return score;
}

export function pickVariant(ref: ExerciseRef, rows: VariantRow[]): Variant {
  let scored = rows
    .map((r) => ({ r, c: closeness(ref, r.exercise_name), eq: analyseExerciseName(r.exercise_name).equipment }))
    .filter((x) => x.c > 0);
  const wanted = ref.equipment ?? [];
  if (wanted.length) {
    const withEq = scored.filter((x) => wanted.every((e) => x.eq.includes(e)));
    if (withEq.length) scored = withEq;
  }
  if (scored.length === 0) return { ref, chosen: null, others: [], note: null };
  const top = Math.max(...scored.map((x) => x.c));
  const best = scored
    .filter((x) => x.c === top)
    .sort(
      (a, b) =>
        Number(b.r.in_period > 0) - Number(a.r.in_period > 0) ||
        b.r.working_sets - a.r.working_sets ||
        a.r.exercise_name.localeCompare(b.r.exercise_name),
    );
  const chosen = best[0].r;
  const others = best.slice(1).map((x) => x.r.exercise_name);
  let note: string | null = null;
  if (others.length) {
    note = `You have ${listNames([chosen.exercise_name, ...others])} — showing ${chosen.exercise_name}, the one you ${chosen.in_period > 0 && best.some((x) => x.r !== chosen && x.r.in_period === 0) ? "trained in this period" : "log most"}; name the equipment to see another.`;
  } else if (wanted.length && !wanted.every((e) => analyseExerciseName(chosen.exercise_name).equipment.includes(e))) {
    note = `You haven't logged a ${wanted.join(" ")} version — showing ${chosen.exercise_name}, the closest name in your history.`;
  } else if (top < 3 && ref.name && chosen.exercise_name !== ref.name) {
    // A different movement that only shares the words ("deadlift" → Romanian Deadlift): say so.
    note = `You haven't logged ${ref.name} — showing ${chosen.exercise_name}, the closest name in your history.`;
  }
  return { ref: { ...ref, label: chosen.exercise_name, name: chosen.exercise_name, pattern: undefined }, chosen, others, note };
}

export function listNames(names: string[]): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}
