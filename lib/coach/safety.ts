import type { SophisticationLevel } from "@/db/tables/coach";
import { MAX_VOLUME_RAMP_PCT, type CoachCard } from "./card";
import { injuryLabel, type Goal, type InjuryEntry, type Restriction } from "./fields";

/**
 * Safety rules from what the lifter said. Every rule keeps its scope (a whole movement, its heavy
 * loads, its volume, or just care) and where it came from (`origin` + the lifter's words in
 * `source`), so the card can show why it exists.
 *
 * - Stated restrictions ("shoulder impingement: no behind-the-neck pressing") become rules exactly
 *   as stated, and replace the defaults for that injury: the lifter told us what matters.
 * - A current injury with no instructions gets cautious defaults for that area (never bans),
 *   except movements the goals depend on (a powerlifter's squat, bench and deadlift) or that the
 *   lifter named as favourites. Past injuries get no movement rules, only a general rule.
 * - Movement names use words the offline coach's matcher understands (lib/ai/offline/coaching.ts).
 */
export type SafetyRule = CoachCard["safety"]["avoid"][number];

const AREA_DEFAULTS: Record<string, string[]> = {
  shoulder: ["overhead pressing", "behind-the-neck pressing", "dips"],
  knee: ["jumping and plyometrics", "deep lunges"],
  "lower back": ["good mornings", "heavy deadlifts"],
  elbow: ["skull crushers", "dips"],
  wrist: ["front rack holds", "flat-palm push-ups"],
  hip: ["deep loaded hip flexion", "sumo deadlifts"],
  ankle: ["running and jumping", "box jumps"],
  foot: ["running and jumping"],
  neck: ["shrugs", "behind-the-neck pressing"],
  hamstring: ["sprinting", "romanian deadlifts"],
  pec: ["heavy flyes", "dips"],
};

const LIFT_FAMILIES: [RegExp, RegExp][] = [
  [/squat/, /squat|axial|spinal/],
  [/bench/, /bench/],
  [/deadlift|pull from the floor/, /deadlift|axial|spinal/],
  [/overhead|press(?!.*bench)|jerk/, /overhead|jerk|push press/],
  [/snatch|clean/, /snatch|clean/],
  [/carr/, /carr/],
];

/** Movement patterns the lifter's goals, sport and favourites depend on: defaults never touch them. */
export function protectedPatterns(goals: Goal[], competition: string | null, favorites: string[]): RegExp[] {
  const out: RegExp[] = [];
  if (goals.includes("powerlifting") || goals.includes("strength") || competition === "powerlifting") out.push(/squat|bench|deadlift|axial|spinal/);
  if (competition === "weightlifting") out.push(/snatch|clean|jerk|overhead|squat/);
  if (competition === "strongman") out.push(/deadlift|overhead|carr|press|squat/);
  for (const f of favorites) for (const [re, family] of LIFT_FAMILIES) if (re.test(f.toLowerCase())) out.push(family);
  return out;
}

export interface SafetyInput {
  injuries: InjuryEntry[];
  /** Restrictions stated without an injury ("no behind-the-neck pressing please"). */
  restrictions?: Restriction[];
  disliked: string[];
  goals: Goal[];
  competition: string | null;
  favorites: string[];
  /** The lifter's words for the dislikes (the answer that named them), when known. */
  dislikedSource?: string | null;
}

/**
 * The lift itself that the goals depend on ("squats", "deadlifts", "bench press"), not a variant
 * of it ("deficit deadlifts", "behind-the-neck pressing"): a dislike or a restriction without an
 * injury never bans it — it becomes care, and says why.
 */
function isGoalLift(movement: string, keep: RegExp[]): boolean {
  const m = movement.toLowerCase().trim();
  const bare =
    /^(?:(?:barbell|back|competition|comp|conventional|flat)\s+)?(?:squats?|squatting|deadlifts?|bench(?: press(?:ing)?)?|overhead press(?:ing)?|snatch(?:es)?|clean(?:s| and jerks?)?|jerks?)$/;
  return bare.test(m) && keep.some((re) => re.test(m));
}

const PAIN_WORDS = /\b(hurts?|hurting|pain\w*|aches?|sore|pinch\w*|flares?|aggravat\w*)\b/i;

export function safetyRulesFor({
  injuries,
  restrictions = [],
  disliked,
  goals,
  competition,
  favorites,
  dislikedSource = null,
}: SafetyInput): SafetyRule[] {
  const out: SafetyRule[] = [];
  const keep = protectedPatterns(goals, competition, favorites);
  const add = (rule: SafetyRule) => {
    const same = out.find((a) => a.movement === rule.movement);
    if (!same) out.push(rule);
    else if (same.origin === "injury_default" && rule.origin === "stated") Object.assign(same, rule);
  };
  for (const injury of injuries) {
    const label = injuryLabel(injury);
    for (const r of injury.restrictions) {
      add({
        movement: r.movement,
        scope: r.scope,
        reason: `protects your ${label}`.slice(0, 120),
        origin: "stated",
        source: (r.quote || injury.quote || null)?.slice(0, 200) ?? null,
      });
    }
    if (injury.restrictions.length || injury.status === "past") continue;
    for (const movement of AREA_DEFAULTS[injury.area] ?? []) {
      if (keep.some((re) => re.test(movement))) continue;
      add({
        movement,
        scope: "caution",
        reason: `${label} — a default; tell me what you can do`.slice(0, 120),
        origin: "injury_default",
        source: injury.quote || null,
      });
    }
  }
  for (const r of restrictions) {
    const core = r.scope === "avoid" && isGoalLift(r.movement, keep);
    add({
      movement: r.movement,
      scope: core ? "caution" : r.scope,
      reason: core
        ? "you asked to leave it out, but your goal depends on it — only what feels right"
        : PAIN_WORDS.test(r.quote ?? "")
          ? "you said it hurts — pain-free range and loads only"
          : "you asked for this",
      origin: "stated",
      source: r.quote?.slice(0, 200) || null,
    });
  }
  for (const d of disliked) {
    const core = isGoalLift(d, keep);
    add({
      movement: d,
      scope: core ? "caution" : "avoid",
      reason: core ? "you'd rather not, but your goal depends on it — we'll keep it lean" : "you'd rather not do it",
      origin: "disliked",
      source: dislikedSource?.slice(0, 200) ?? null,
    });
  }
  return out.slice(0, 16);
}

/** A rule as the lifter reads it: "No behind-the-neck pressing", "Keep good mornings low-volume". */
export function describeRule(rule: Pick<SafetyRule, "movement" | "scope">): string {
  switch (rule.scope) {
    case "heavy":
      return `No heavy ${rule.movement.replace(/^heavy\s+/, "")}`;
    case "volume":
      return `Keep ${rule.movement} low-volume`;
    case "caution":
      return `Careful with ${rule.movement}`;
    default:
      return `No ${rule.movement}`;
  }
}

/**
 * Rules the chat must steer suggestions away from (bans and cautions); heavy/volume limits go into
 * notes, and so does care with a lift the goals depend on (a powerlifter's squat stays in the plan).
 */
export function avoidList(rules: SafetyRule[], keep: RegExp[] = []): string[] {
  return rules.filter((r) => r.scope === "avoid" || (r.scope === "caution" && !isGoalLift(r.movement, keep))).map((r) => r.movement);
}

export function deloadFor(
  level: SophisticationLevel,
  recovery: { sleepHours: number | null; stress: string | null } | null,
): CoachCard["safety"]["deload"] {
  const everyWeeks = level === "beginner" ? 8 : level === "intermediate" ? 6 : 4;
  const rules = [
    level === "beginner"
      ? "Take a lighter week when the same lift stalls three sessions in a row."
      : "Deload (about half the sets, loads near 60–70 %) when e1RM drops two weeks running or joints ache.",
    "Cut volume for a week when sleep averages under 6 hours or stress is high.",
  ];
  if (recovery?.stress === "high" || (recovery?.sleepHours ?? 8) < 6)
    rules.push("Recovery is limited right now: start one step below the planned volume.");
  return { everyWeeks, rules };
}

export function volumeRampFor(level: SophisticationLevel, age: number | null): number {
  const base = MAX_VOLUME_RAMP_PCT[level];
  return age !== null && age >= 50 ? Math.max(2.5, base - 2.5) : base;
}

export function generalRules(level: SophisticationLevel, age: number | null, injuries: InjuryEntry[]): string[] {
  const rules = ["Stop any movement that causes sharp or worsening pain and suggest seeing a professional."];
  const current = injuries.filter((i) => i.status === "current").map(injuryLabel);
  const past = injuries.filter((i) => i.status === "past").map((i) => injuryLabel({ ...i, status: "current" }));
  if (current.length) rules.push(`Work around: ${current.join(", ")}; pain-free range of motion only.`.slice(0, 240));
  if (past.length) rules.push(`Past injuries — ${past.join(", ")}: warm up well and ask how they feel when loading them.`.slice(0, 240));
  if (level === "beginner") rules.push("Teach technique with light loads before adding weight.");
  if (age !== null && age >= 50) rules.push("Longer warm-ups and an extra rest day between hard sessions.");
  if (age !== null && age < 18) rules.push("Under 18: no maximal singles; technique and moderate loads.");
  return rules;
}
