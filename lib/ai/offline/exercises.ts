import { EXERCISE_CATALOG } from "@/lib/exercises/catalog";
import { analyseExerciseName, normalizeExerciseName, type EquipmentToken } from "@/lib/exercises/normalize";
import { displayExerciseName } from "@/lib/workout-text/names";

/**
 * Finding exercises in a question. Every catalog name and alias is normalised into one index
 * (the same keys the importer and resolver use), then the question's word windows — longest
 * first — are looked up, after expanding gym shorthand ("ohp", "bench"). A phrase no catalog
 * entry knows ("my zercher squat progress") becomes a case-insensitive pattern for custom names.
 */
export type ExerciseRef = {
  /** How the answer names it. */
  label: string;
  /** Exact exercise name (catalog) to match sets.exercise_name against. */
  name?: string;
  /** ILIKE pattern for names the catalog does not know. */
  pattern?: string;
  /** Primary muscles (catalog), for suggestions. */
  muscles?: string[];
  /** The words the user wrote ("dumbbell bench"), for matching against their own history. */
  phrase?: string;
  /** Equipment the user named ("dumbbell", "machine"); empty when they named none. */
  equipment?: EquipmentToken[];
};

type Entry = { name: string; muscles: string[] };
let index: Map<string, Entry> | null = null;

function catalogIndex(): Map<string, Entry> {
  if (index) return index;
  index = new Map();
  for (const e of EXERCISE_CATALOG) {
    for (const n of [e.name, ...e.aliases]) {
      const key = normalizeExerciseName(n);
      if (key && !index.has(key)) index.set(key, { name: e.name, muscles: [...e.primaryMuscles] });
    }
  }
  return index;
}

const STOP = new Set([
  "the",
  "a",
  "an",
  "my",
  "me",
  "i",
  "of",
  "and",
  "or",
  "vs",
  "versus",
  "against",
  "to",
  "for",
  "in",
  "on",
  "at",
  "is",
  "was",
  "how",
  "what",
  "when",
  "show",
  "chart",
  "plot",
  "graph",
  "compare",
  "progress",
  "over",
  "last",
  "this",
  "since",
  "past",
  "month",
  "months",
  "week",
  "weeks",
  "year",
  "years",
  "day",
  "days",
  "time",
  "best",
  "max",
  "pr",
  "prs",
  "record",
  "records",
  "volume",
  "weight",
  "heaviest",
  "strength",
  "trend",
  "doing",
  "going",
  "been",
  "has",
  "have",
  "with",
  "did",
  "do",
  "set",
  "sets",
  "rep",
  "reps",
  "one",
  "1rm",
  "e1rm",
  "estimated",
  "lift",
  "lifts",
  "lifting",
  "training",
  "workout",
  "workouts",
  "session",
  "sessions",
  "much",
  "many",
  "often",
  "improved",
  "improve",
  "improving",
  "up",
  "down",
  "all",
  "time",
  "per",
  "by",
  "each",
  "personal",
  "show",
  "total",
  "ever",
  "lifetime",
  "going",
  "whats",
  "what's",
  "hows",
  "how's",
  "s",
  "new",
  "latest",
  "recent",
]);
const MONTH_WORDS = /^(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*$/;

export function findExerciseMentions(question: string, max = 3): ExerciseRef[] {
  const words = question
    .toLowerCase()
    .replace(/[^a-z0-9\- ]+/g, " ")
    .split(/\s+/)
    .filter(Boolean);
  const taken = new Array(words.length).fill(false);
  const found: { at: number; ref: ExerciseRef }[] = [];
  const idx = catalogIndex();
  for (let n = Math.min(5, words.length); n >= 1; n--) {
    for (let i = 0; i + n <= words.length; i++) {
      if (taken.slice(i, i + n).some(Boolean)) continue;
      const slice = words.slice(i, i + n);
      if (slice.every((w) => STOP.has(w)) || STOP.has(slice[0]) || STOP.has(slice[n - 1])) continue;
      const phrase = slice.join(" ");
      const hit = idx.get(normalizeExerciseName(phrase)) ?? idx.get(normalizeExerciseName(displayExerciseName(phrase)));
      if (!hit) continue;
      if (found.some((f) => f.ref.name === hit.name)) {
        for (let k = i; k < i + n; k++) taken[k] = true;
        continue;
      }
      // "cable row": the catalog knows "row", the equipment word next to it still says which variant
      const around = [words[i - 1], words[i + n]].filter((w): w is string => Boolean(w)).flatMap((w) => analyseExerciseName(w).equipment);
      const equipment = [...new Set([...analyseExerciseName(phrase).equipment, ...around])];
      // and so does a qualifier before it that the catalog phrase did not take ("incline dumbbell bench")
      let k = i - 1;
      if (words[k] && analyseExerciseName(words[k]).equipment.length) k--;
      const qualifier =
        words[k] &&
        !taken[k] &&
        /^[a-z]{3,}$/.test(words[k]) &&
        !STOP.has(words[k]) &&
        !MONTH_WORDS.test(words[k]) &&
        !analyseExerciseName(words[k]).equipment.length
          ? [words[k]]
          : [];
      const before = i - 1 >= 0 && analyseExerciseName(words[i - 1]).equipment.length ? [words[i - 1]] : [];
      const after = words[i + n] && analyseExerciseName(words[i + n]).equipment.length ? [words[i + n]] : [];
      const written = [...qualifier, ...before, phrase, ...after].join(" ");
      found.push({ at: i, ref: { label: hit.name, name: hit.name, muscles: hit.muscles, phrase: written, equipment } });
      for (let k = i; k < i + n; k++) taken[k] = true;
    }
  }
  if (found.length === 0) {
    const custom = customMention(question);
    if (custom) return [custom];
  }
  return found
    .sort((a, b) => a.at - b.at)
    .slice(0, max)
    .map((f) => f.ref);
}

function customMention(question: string): ExerciseRef | null {
  const q = question.toLowerCase();
  const m =
    q.match(
      /\b(?:progress|trend|prs?|records?|e?1rm|max|best)\s+(?:on|for|in|at)\s+(?:my\s+|the\s+)?([a-z][a-z -]{2,40}?)(?=\s+(?:over|in|since|this|last|during|for)\b|[?.!,]|$)/,
    ) ?? q.match(/\bmy\s+([a-z][a-z -]{2,40}?)\s+(?:progress|trend|prs?|records?|e?1rm|max|going|numbers)\b/);
  if (!m) return null;
  const phrase = m[1].trim();
  if (!phrase || phrase.split(" ").every((w) => STOP.has(w))) return null;
  const escaped = phrase.replace(/[%_\\]/g, (c) => `\\${c}`);
  return { label: displayExerciseName(phrase), pattern: `%${escaped}%`, phrase, equipment: analyseExerciseName(phrase).equipment };
}
