import { looksLikeWorkoutLog } from "@/lib/workout-text/parse";
import { zonedTime } from "@/lib/time/zone";
import { defaultPeriod, parsePeriod, type Period } from "@/lib/time/periods";
import type { PromptContext } from "../system-prompt";
import { findExerciseMentions, type ExerciseRef } from "./exercises";

type BodyMetric = "bodyweight" | "sleep" | "resting_hr";
export type TimeRange = Period;

/** A muscle group as people say it, and the catalog muscles that count for it. */
type MuscleGroupRef = { label: string; muscles: string[] };

export type Intent =
  | { kind: "log"; text: string }
  | { kind: "progress"; exercise: ExerciseRef | null; range: TimeRange; bucket: "session" | "week" }
  | { kind: "compare"; exercises: ExerciseRef[]; range: TimeRange }
  | { kind: "volume"; range: TimeRange; bucket: "week" | "month"; byMuscle: boolean; exercise: ExerciseRef | null }
  | { kind: "muscle_sets"; muscle: MuscleGroupRef; range: TimeRange }
  | { kind: "records"; range: TimeRange | null; exercise: ExerciseRef | null }
  /** With an exercise: the days that lift was trained ("how many times did I deadlift in November?"). */
  | { kind: "frequency"; range: TimeRange; exercise: ExerciseRef | null; average?: boolean }
  | { kind: "last_workout" }
  | { kind: "body"; metric: BodyMetric; range: TimeRange }
  | { kind: "stalled" }
  | { kind: "today" }
  | { kind: "pain"; area: string | null; movement: string | null; deload: boolean }
  | { kind: "deload" }
  | { kind: "suggest"; muscle: string | null; exercise: ExerciseRef | null }
  | { kind: "greeting" }
  | { kind: "help" };

/** Intents whose SQL depends on which of the user's exercise names a question means. */
export function exercisesOf(intent: Intent): ExerciseRef[] {
  switch (intent.kind) {
    case "progress":
    case "records":
    case "volume":
    case "frequency":
      return intent.exercise ? [intent.exercise] : [];
    case "compare":
      return intent.exercises;
    default:
      return [];
  }
}

export function rangeOf(intent: Intent): TimeRange | null {
  return "range" in intent ? intent.range : null;
}

const has = (t: string, re: RegExp) => re.test(t);

const PAIN =
  /\b(hurts?|hurting|pain(ful)?|aches?|aching|achy|sore (knee|back|shoulder|elbow|wrist|hip|neck|joint)s?|injur(y|ed|ies)|tweak(ed)?|strain(ed)?|pulled (a|my)|sprain(ed)?|twinge|niggle|impinge\w*|swollen|swelling)\b/;
const BODY_PARTS: [RegExp, string][] = [
  [/\bknees?\b/, "knee"],
  [/\b(lower back|back|spine|disc)\b/, "back"],
  [/\bshoulders?\b/, "shoulder"],
  [/\belbows?\b/, "elbow"],
  [/\bwrists?\b/, "wrist"],
  [/\bhips?\b/, "hip"],
  [/\bneck\b/, "neck"],
  [/\bankles?\b/, "ankle"],
  [/\bhamstrings?\b/, "hamstring"],
  [/\b(pec|chest)\b/, "chest"],
];

/** The movement the lifter says hurts ("it hurts when I press", "squats hurt my knee"), in our words. */
const PAIN_MOVES: [RegExp, string][] = [
  [/\b(?:overhead press\w*|press\w* overhead|ohp|military press\w*)\b/, "overhead pressing"],
  [/\bbench\w*\b/, "bench press"],
  [/\bpush[- ]?ups?\b/, "push-ups"],
  [/\bdips?\b|\bdipping\b/, "dips"],
  [/\bpress(?:es|ing)?\b/, "pressing"],
  [/\bsquat\w*\b/, "squats"],
  [/\bdeadlift\w*\b/, "deadlifts"],
  [/\blunge[sd]?\b|\blunging\b/, "lunges"],
  [/\bpull[- ]?ups?\b|\bchin[- ]?ups?\b/, "pull-ups"],
  [/\brows?\b|\browing\b/, "rows"],
  [/\bpull(?:s|ing)?\b/, "pulling"],
  [/\bcurl\w*\b/, "curls"],
  [/\b(?:run|running|jog\w*)\b/, "running"],
  [/\bjump\w*\b/, "jumping"],
];
function painMovement(t: string): string | null {
  // "when I press", "while benching", "during squats", "after deadlifts", "squats hurt", "pressing hurts"
  const m =
    /\b(?:when|while|whenever|during|after|if)\s+(?:i\s+|i'm\s+|doing\s+|i do\s+|my\s+)?([a-z -]{2,30})/.exec(t) ??
    /\b([a-z-]+(?: [a-z-]+)?)\s+(?:hurts?|is painful|are painful|aggravates?|bothers?|kills?)\b/.exec(t);
  if (!m) return null;
  return PAIN_MOVES.find(([re]) => re.test(m[1]))?.[1] ?? null;
}

/**
 * Keyword/regex intent detection, most specific first. Deterministic: the same message and
 * context always give the same intent.
 */
export function classifyIntent(message: string, ctx: PromptContext): Intent {
  const text = message.trim();
  const t = text.toLowerCase().replace(/[’]/g, "'");
  const now = zonedTime(ctx.today, 12, 0, ctx.timeZone);
  const logOpts = { unit: ctx.units, now, timeZone: ctx.timeZone };
  // Pain first: "my knee hurts after 5x5 squats" is a safety question, not a log.
  const sore = has(t, /\b(sore|tender|stiff|swollen|clicking|grinding)\b/) && BODY_PARTS.some(([re]) => re.test(t));
  if ((has(t, PAIN) || sore) && !has(t, /\b(no|without) (pain|ache)\b/)) {
    return {
      kind: "pain",
      area: BODY_PARTS.find(([re]) => re.test(t))?.[1] ?? null,
      movement: painMovement(t),
      deload: has(t, /\bdeload|back off|rest|skip|take (a )?(break|week)/),
    };
  }
  if (text && looksLikeWorkoutLog(text, logOpts)) return { kind: "log", text };
  // "can you log bench 3x5 at 80", "please add: squat 5x5 @ 100"
  const asked = text.match(
    /^(?:(?:can|could|would) you |please |pls )*(?:log|add|record|save|track|note)\b[:\s]*(?:this|that|my|a|the)?\s*(?:workout|session)?[:\s]*(.+)$/i,
  );
  if (asked && looksLikeWorkoutLog(asked[1].replace(/[?.!\s]+$/, ""), logOpts)) return { kind: "log", text: asked[1].replace(/[?.!\s]+$/, "") };

  const range = parsePeriod(t, ctx.today);
  const exercises = findExerciseMentions(t);

  if (has(t, /^(hi|hello|hey|yo|good (morning|evening|afternoon)|thanks|thank you|cheers)\b[\s!.,]*$/)) return { kind: "greeting" };
  if (has(t, /\b(what can you do|help|how do (i|you) use|what do you know|capabilities)\b/) && exercises.length === 0) return { kind: "help" };

  if (has(t, /\b(should i|do i need (a|to)|time (for|to)|is it time)\b.*\bdeload|\bdeload\b.*\?|\bneed a (deload|break|rest week)\b/))
    return { kind: "deload" };
  if (
    has(
      t,
      /\b(stall(ed|ing|s)?|plateau(ed|ing|s)?|stuck|not (progressing|improving|moving)|stopped (progressing|improving)|no progress|flatlin\w*|going nowhere)\b/,
    )
  )
    return { kind: "stalled" };
  if (
    has(
      t,
      /\b(what|which) (should|do|shall|can) i (do|train|lift|work on|hit)\b.*\b(today|tonight|now|next)\b|\bwhat'?s (on )?(the plan|my (plan|workout|session)|next)\b.*\b(today|tonight|next)?|\b(plan|workout|session) for today\b|\bwhat (should|do) i (do|train) (next|now)\b|\bwhat'?s next\b|\bwhat should i train\b/,
    )
  ) {
    return { kind: "today" };
  }

  if (has(t, /\b(sleep|slept)\b/)) return { kind: "body", metric: "sleep", range: range ?? defaultPeriod(3, ctx.today) };
  if (has(t, /\b(resting (hr|heart)|rhr|heart ?rate|pulse)\b/))
    return { kind: "body", metric: "resting_hr", range: range ?? defaultPeriod(3, ctx.today) };
  if (has(t, /\b(body ?weight|bodyweight|weigh (in|ins)|my weight|how much do i weigh|weight (trend|change)|scale)\b/) && exercises.length === 0) {
    return { kind: "body", metric: "bodyweight", range: range ?? defaultPeriod(3, ctx.today) };
  }

  if (has(t, /\b(suggest|recommend|what should i (add|train for)|ideas? for|alternatives?|swap|replace|substitute|program)\b/)) {
    return { kind: "suggest", muscle: muscleIn(t), exercise: exercises[0] ?? null };
  }

  if (
    has(
      t,
      /\b(last|latest|previous|most recent|yesterday'?s?|today'?s?)\s+(workout|session|training|lift|gym)\b|\bwhat did i (do|lift|train)\b(?!.*\b(in|on|during|since|between|last|this) )/,
    )
  )
    return { kind: "last_workout" };

  // "How many sets of chest did I do last week?", "chest sets this month", "how much back work"
  const group = muscleGroupIn(t);
  if (
    group &&
    exercises.length === 0 &&
    has(t, /\b(sets?|how much|work|volume|train(ed)?|hit)\b/) &&
    !has(t, /\b(suggest|exercise ideas)\b/) &&
    !has(t, /\b(by|per|each) muscle\b/)
  ) {
    return { kind: "muscle_sets", muscle: group, range: range ?? defaultPeriod(1, ctx.today) };
  }

  if (exercises.length >= 2 && has(t, /\b(compare|comparison|vs\.?|versus|against|relative to|ratio|and)\b/)) {
    return { kind: "compare", exercises: exercises.slice(0, 3), range: range ?? defaultPeriod(6, ctx.today) };
  }

  const volumeWords =
    /\b(volume|tonnage|total (weight|load|kg|lbs?)|work ?load|sets per|muscle groups?|per muscle|body ?parts?|how many (sets|reps)|total reps|how much weight|how much (did|have) i (lift|lifted|move|moved)|total (lifted|moved))\b/;
  if (
    !has(t, volumeWords) &&
    has(
      t,
      /\b(how often|frequency|consisten\w*|streak|calendar|heat ?map|attendance|how many (workouts|sessions|times|days|gym (visits|sessions))|number of (workouts|sessions)|(workouts|sessions) (did|have) i|days? (did|have) i (train|work|lift)|(did|have) i (train|trained|work ?out|worked out|lift|lifted|been to the gym|go to the gym)|skipped|missed|count (my )?(workouts|sessions))\b/,
    )
  ) {
    return {
      kind: "frequency",
      range: range ?? defaultPeriod(6, ctx.today),
      exercise: exercises.length === 1 ? exercises[0] : null,
      average: has(t, /\b(average|avg|per week|a week|each week|weekly)\b/),
    };
  }

  if (has(t, volumeWords)) {
    const byMuscle = has(t, /\b(muscle|body ?part|by group|per group|split)\b/);
    let bucket: "week" | "month" = has(t, /\bmonth(ly)?\b/) && !has(t, /\b(weekly|per week|each week|by week)\b/) ? "month" : "week";
    const r = range ?? defaultPeriod(bucket === "month" ? 12 : 3, ctx.today);
    // Weekly rows per muscle for more than sixteen weeks would not fit one answer: months instead.
    if (byMuscle && bucket === "week" && (r.days === null || r.days > 112)) bucket = "month";
    return { kind: "volume", range: r, bucket, byMuscle, exercise: exercises[0] ?? null };
  }

  const progressWords =
    /\b(progress|progression|progressing|trend|over time|improv\w*|stronger|going|gains?|chart|graph|plot|history|e1rm|estimated|doing|coming along)\b/;
  const recordWords = /\b(prs?|personal (best|record)s?|records?|best|heaviest|max(es|imum)?|1rm|one rep max|strongest|top sets?|most weight)\b/;
  if (has(t, recordWords) && !has(t, progressWords))
    return { kind: "records", range: range && range.kind !== "all" ? range : null, exercise: exercises[0] ?? null };
  if (exercises.length > 0 || has(t, progressWords)) {
    const r = range ?? defaultPeriod(6, ctx.today);
    const bucket = has(t, /\b(per|each|every|by) (session|workout)\b/) || (r.days !== null && r.days <= 63) ? "session" : "week";
    if (exercises.length >= 2) return { kind: "compare", exercises: exercises.slice(0, 3), range: r };
    return { kind: "progress", exercise: exercises[0] ?? null, range: r, bucket };
  }
  // "workouts year to date", "all time workouts", "sessions in q3"
  if (has(t, /\b(workouts|sessions|training days|gym days)\b/))
    return {
      kind: "frequency",
      range: range ?? defaultPeriod(6, ctx.today),
      exercise: null,
      average: has(t, /\b(average|avg|per week|a week|each week|weekly)\b/),
    };
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

function muscleIn(t: string): string | null {
  return MUSCLE_WORDS.find(([re]) => re.test(t))?.[1] ?? null;
}

/** Muscle groups as asked about, mapped onto catalog muscles (a set counts once per group). */
const GROUPS: [RegExp, MuscleGroupRef][] = [
  [/\b(chest|pecs?)\b/, { label: "chest", muscles: ["chest"] }],
  [/\b(upper )?back\b|\blats?\b/, { label: "back", muscles: ["back", "lats"] }],
  [/\b(shoulders?|delts?|deltoids?)\b/, { label: "shoulders", muscles: ["shoulders"] }],
  [/\b(legs?|lower body)\b/, { label: "legs", muscles: ["quads", "hamstrings", "glutes", "calves", "adductors", "abductors"] }],
  [/\b(quads?|quadriceps)\b/, { label: "quads", muscles: ["quads"] }],
  [/\b(hamstrings?|hams)\b/, { label: "hamstrings", muscles: ["hamstrings"] }],
  [/\b(glutes?|butt)\b/, { label: "glutes", muscles: ["glutes"] }],
  [/\barms?\b/, { label: "arms", muscles: ["biceps", "triceps", "forearms"] }],
  [/\bbiceps?\b/, { label: "biceps", muscles: ["biceps"] }],
  [/\btriceps?\b/, { label: "triceps", muscles: ["triceps"] }],
  [/\b(core|abs|abdominals?)\b/, { label: "core", muscles: ["core"] }],
  [/\b(calf|calves)\b/, { label: "calves", muscles: ["calves"] }],
];

function muscleGroupIn(t: string): MuscleGroupRef | null {
  return GROUPS.find(([re]) => re.test(t))?.[1] ?? null;
}
