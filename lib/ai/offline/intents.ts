import { looksLikeWorkoutLog } from "@/lib/workout-text/parse";
import { zonedTime } from "@/lib/time/zone";
import type { PromptContext } from "../system-prompt";
import { findExerciseMentions, type ExerciseRef } from "./exercises";
import { defaultRange, parseTimeRange, type TimeRange } from "./time-range";

export type BodyMetric = "bodyweight" | "sleep" | "resting_hr";

export type Intent =
  | { kind: "log"; text: string }
  | { kind: "progress"; exercise: ExerciseRef | null; range: TimeRange; bucket: "session" | "week" }
  | { kind: "compare"; exercises: ExerciseRef[]; range: TimeRange }
  | { kind: "volume"; range: TimeRange; bucket: "week" | "month"; byMuscle: boolean; exercise: ExerciseRef | null }
  | { kind: "records"; range: TimeRange | null; exercise: ExerciseRef | null }
  | { kind: "frequency"; range: TimeRange }
  | { kind: "last_workout" }
  | { kind: "body"; metric: BodyMetric; range: TimeRange }
  | { kind: "suggest"; muscle: string | null; exercise: ExerciseRef | null }
  | { kind: "greeting" }
  | { kind: "help" };

const has = (t: string, re: RegExp) => re.test(t);

/**
 * Keyword/regex intent detection, most specific first. Deterministic: the same message and
 * context always give the same intent.
 */
export function classifyIntent(message: string, ctx: PromptContext): Intent {
  const text = message.trim();
  const t = text.toLowerCase();
  const now = zonedTime(ctx.today, 12, 0, ctx.timezone);
  const logOpts = { unit: ctx.units, now, timezone: ctx.timezone };
  if (text && looksLikeWorkoutLog(text, logOpts)) return { kind: "log", text };
  // "can you log bench 3x5 at 80", "please add: squat 5x5 @ 100"
  const asked = text.match(/^(?:(?:can|could|would) you |please |pls )*(?:log|add|record|save|track|note)\b[:\s]*(?:this|that|my|a|the)?\s*(?:workout|session)?[:\s]*(.+)$/i);
  if (asked && looksLikeWorkoutLog(asked[1].replace(/[?.!\s]+$/, ""), logOpts)) return { kind: "log", text: asked[1].replace(/[?.!\s]+$/, "") };

  const range = parseTimeRange(t, ctx.today);
  const exercises = findExerciseMentions(t);

  if (has(t, /^(hi|hello|hey|yo|good (morning|evening|afternoon)|thanks|thank you|cheers)\b[\s!.,]*$/)) return { kind: "greeting" };
  if (has(t, /\b(what can you do|help|how do (i|you) use|what do you know|capabilities)\b/) && exercises.length === 0) return { kind: "help" };

  if (has(t, /\b(sleep|slept)\b/)) return { kind: "body", metric: "sleep", range: range ?? defaultRange(3, ctx.today) };
  if (has(t, /\b(resting (hr|heart)|rhr|heart ?rate|pulse)\b/)) return { kind: "body", metric: "resting_hr", range: range ?? defaultRange(3, ctx.today) };
  if (has(t, /\b(body ?weight|bodyweight|weigh (in|ins)|my weight|how much do i weigh|weight (trend|change)|scale)\b/) && exercises.length === 0) {
    return { kind: "body", metric: "bodyweight", range: range ?? defaultRange(3, ctx.today) };
  }

  if (has(t, /\b(suggest|recommend|what should i (do|train|add)|ideas? for|alternatives?|swap|replace|substitute|program)\b/)) {
    return { kind: "suggest", muscle: muscleIn(t), exercise: exercises[0] ?? null };
  }

  if (has(t, /\b(last|latest|previous|most recent|yesterday'?s?|today'?s?)\s+(workout|session|training|lift|gym)\b|\bwhat did i (do|lift|train)\b/)) return { kind: "last_workout" };

  if (exercises.length >= 2 && has(t, /\b(compare|comparison|vs\.?|versus|against|relative to|ratio|and)\b/)) {
    return { kind: "compare", exercises: exercises.slice(0, 3), range: range ?? defaultRange(6, ctx.today) };
  }

  if (has(t, /\b(how often|frequency|consisten\w*|streak|calendar|heat ?map|attendance|how many (workouts|sessions|times|days)|days? (did|have) i (train|work|lift)|(did|have) i (train|trained|work ?out|worked out|lift|lifted|been to the gym|go to the gym)|skipped|missed)\b/)) {
    return { kind: "frequency", range: range ?? defaultRange(6, ctx.today) };
  }

  if (has(t, /\b(volume|tonnage|total (weight|load|kg|lbs?)|work ?load|sets per|muscle groups?|per muscle|body ?parts?)\b/)) {
    const byMuscle = has(t, /\b(muscle|body ?part|by group|per group|split)\b/);
    const bucket = has(t, /\bmonth(ly)?\b/) && !has(t, /\b(last|past)\s+\d+\s+months?\b.*\bweek/) ? (has(t, /\b(weekly|per week|each week|by week)\b/) ? "week" : "month") : "week";
    return { kind: "volume", range: range ?? defaultRange(bucket === "month" ? 12 : 3, ctx.today), bucket, byMuscle, exercise: exercises[0] ?? null };
  }

  const progressWords = /\b(progress|progression|trend|over time|improv\w*|stronger|going|gains?|chart|graph|plot|history|e1rm|estimated|doing)\b/;
  const recordWords = /\b(prs?|personal (best|record)s?|records?|best|heaviest|max(es|imum)?|1rm|one rep max|strongest|top sets?)\b/;
  if (has(t, recordWords) && !has(t, progressWords)) return { kind: "records", range, exercise: exercises[0] ?? null };
  if (exercises.length > 0 || has(t, progressWords)) {
    const r = range ?? defaultRange(6, ctx.today);
    const bucket = has(t, /\b(per|each|every|by) (session|workout)\b/) || (r.days !== null && r.days <= 63) ? "session" : "week";
    if (exercises.length >= 2) return { kind: "compare", exercises: exercises.slice(0, 3), range: r };
    return { kind: "progress", exercise: exercises[0] ?? null, range: r, bucket };
  }
  return { kind: "help" };
}

const MUSCLE_WORDS: [RegExp, string][] = [
  [/\b(chest|pecs?)\b/, "chest"],
  [/\b(shoulders?|delts?|deltoids?)\b/, "shoulders"],
  [/\b(back|lats?)\b/, "back"],
  [/\b(legs?|quads?|quadriceps)\b/, "quads"],
  [/\b(hamstrings?|hams)\b/, "hamstrings"],
  [/\b(glutes?|butt)\b/, "glutes"],
  [/\b(biceps?|arms?)\b/, "biceps"],
  [/\b(triceps?)\b/, "triceps"],
  [/\b(core|abs|abdominals?)\b/, "core"],
  [/\b(calf|calves)\b/, "calves"],
];

export function muscleIn(t: string): string | null {
  return MUSCLE_WORDS.find(([re]) => re.test(t))?.[1] ?? null;
}
