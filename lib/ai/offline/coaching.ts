import { EXERCISE_CATALOG } from "@/lib/exercises/catalog";
import type { CoachPersona } from "../system-prompt";

/**
 * Coaching suggestions that respect the persona's "avoid" list. An avoid phrase excludes a
 * suggestion when all of its word stems appear in it ("overhead pressing" → overhead + press), or
 * when it names a movement family we know ("overhead pressing" also covers military and push press).
 * Suggestions never contain digits: the answer's numbers must all come from the tool results.
 */
const FAMILIES: [RegExp, RegExp][] = [
  [/\boverhead\b|\bmilitary\b|\bover ?head\b/, /overhead|shoulder press|military|push press|jerk|arnold|handstand|z press|snatch|thruster/i],
  [/\bdeadlift/, /deadlift|rdl|good morning|rack pull/i],
  [/\bsquat|\bknee/, /squat|lunge|pistol|leg press|hack|split/i],
  [/\brun|\bjog/, /run|treadmill|sprint|jog/i],
  [/\bjump|\bplyo/, /jump|box|plyo|burpee/i],
  [/\bbench/, /bench/i],
  [/\bspine|\baxial|\bspinal/, /squat|deadlift|good morning|overhead|military/i],
];

function stems(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[^a-z ]+/g, " ")
    .split(/\s+/)
    .filter((w) => w.length > 2)
    .map((w) => w.replace(/(ing|es|s)$/, ""));
}

export function isAvoided(text: string, persona: CoachPersona | null): boolean {
  const avoid = persona?.avoid ?? [];
  if (avoid.length === 0) return false;
  const have = new Set(stems(text));
  for (const phrase of avoid) {
    const want = stems(phrase);
    if (want.length > 0 && want.every((w) => have.has(w))) return true;
    const p = phrase.toLowerCase();
    for (const [trigger, family] of FAMILIES) if (trigger.test(p) && family.test(text)) return true;
  }
  return false;
}

/** The first suggestion not excluded by the persona, or null. */
function pickSuggestion(options: string[], persona: CoachPersona | null): string | null {
  return options.find((o) => !isAvoided(o, persona)) ?? null;
}

const VARIATIONS: [RegExp, string[]][] = [
  [
    /bench/i,
    ["Paused bench press and close-grip bench press are good ways to break a bench plateau.", "Add dips or push-ups as extra pressing volume."],
  ],
  [
    /squat/i,
    [
      "Paused squats or front squats for a few weeks often restart squat progress.",
      "Add Bulgarian split squats to build leg strength around the squat.",
    ],
  ],
  [
    /deadlift/i,
    [
      "Romanian deadlifts or deficit deadlifts strengthen the weak points of the pull.",
      "Hip thrusts and back extensions add posterior-chain work without heavy pulls.",
    ],
  ],
  [
    /overhead|press/i,
    [
      "Push press (overhead) lets you handle heavier loads to drive the press.",
      "Lateral raises and face pulls build the shoulders with no extra pressing.",
    ],
  ],
];

export function progressAdvice(exerciseName: string | null, trend: "up" | "flat" | "down", persona: CoachPersona | null): string | null {
  if (trend === "up") {
    return pickSuggestion(
      [
        "Keep the same progression: add a little load when every working set moves well.",
        "Keep doing what works; note how hard the top sets feel so you know when to push.",
      ],
      persona,
    );
  }
  const specific = VARIATIONS.find(([re]) => exerciseName && re.test(exerciseName))?.[1] ?? [];
  const general =
    trend === "down"
      ? ["Check recovery first — sleep and weekly volume — before adding load again.", "Take a lighter week, then build back up."]
      : ["Add a back-off set after your top set to build volume at a lighter load.", "Vary the rep range for a few weeks to get moving again."];
  return pickSuggestion([...specific, ...general], persona);
}

const MUSCLE_ADVICE: Record<string, string[]> = {
  shoulders: [
    "Overhead pressing builds the shoulders directly.",
    "Lateral raises and face pulls train the shoulders without pressing anything above your head.",
  ],
  back: ["Rows and pull-ups balance all the pressing.", "Lat pulldowns and cable rows add back volume."],
  chest: ["Bench press and dips cover the chest.", "Push-ups and cable flyes add chest volume at low cost."],
  quads: ["Squats and leg presses cover the quads.", "Lunges and leg extensions add quad work."],
  hamstrings: ["Romanian deadlifts and leg curls cover the hamstrings.", "Leg curls and back extensions train the hamstrings."],
  glutes: ["Hip thrusts are the most direct glute work.", "Bulgarian split squats train the glutes one side at a time."],
};

export function muscleAdvice(muscle: string, persona: CoachPersona | null): string | null {
  return pickSuggestion(MUSCLE_ADVICE[muscle] ?? [], persona);
}

/** Catalog exercises for a muscle group that the persona does not rule out (common ones first). */
export function exercisesFor(muscle: string, persona: CoachPersona | null, max = 5): string[] {
  const primary = EXERCISE_CATALOG.filter((e) => e.primaryMuscles.includes(muscle as never) && e.category !== "mobility");
  // Exercises that mainly train the muscle first (lateral raise before incline bench for shoulders).
  const ranked = [...primary.filter((e) => e.primaryMuscles[0] === muscle), ...primary.filter((e) => e.primaryMuscles[0] !== muscle)];
  const seen = new Set<string>();
  const out: string[] = [];
  for (const { name } of ranked) {
    const movement = name.replace(/\s*\(.*\)\s*$/, "").toLowerCase(); // one entry per movement, not per equipment
    if (seen.has(movement) || isAvoided(name, persona)) continue;
    seen.add(movement);
    out.push(name);
    if (out.length >= max) break;
  }
  return out;
}
