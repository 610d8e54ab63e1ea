import type { SophisticationLevel } from "@/db/tables/coach";
import { MAX_VOLUME_RAMP_PCT, type CoachCard } from "./card";

/**
 * Safety constraints from stated injuries and the lifter's level. Avoid phrases use the words the
 * offline coach's matcher understands (lib/ai/offline/coaching.ts: "overhead pressing" covers
 * push press and jerks, "deadlift" covers RDLs and rack pulls, and so on).
 */
const INJURY_AVOID: [RegExp, string[]][] = [
  [/shoulder/, ["overhead pressing", "behind-the-neck pressing", "dips"]],
  [/knee/, ["jumping and plyometrics", "deep lunges"]],
  [/back|spine|disc/, ["heavy deadlifts", "good mornings", "heavy axial loading"]],
  [/elbow/, ["skull crushers", "dips"]],
  [/wrist/, ["front rack holds", "flat-palm push-ups"]],
  [/hip/, ["deep loaded hip flexion", "sumo deadlifts"]],
  [/ankle/, ["running and jumping", "box jumps"]],
  [/neck/, ["shrugs", "behind-the-neck pressing"]],
  [/hamstring/, ["sprinting", "romanian deadlifts"]],
  [/pec/, ["heavy flyes", "dips"]],
];

export function avoidFor(injuries: string[], disliked: string[]): CoachCard["safety"]["avoid"] {
  const out: CoachCard["safety"]["avoid"] = [];
  const add = (movement: string, reason: string) => {
    if (!out.some((a) => a.movement === movement)) out.push({ movement, reason });
  };
  for (const injury of injuries) {
    for (const [re, moves] of INJURY_AVOID) if (re.test(injury)) for (const m of moves) add(m, `protects your ${injury}`);
  }
  for (const d of disliked) add(d, "you'd rather not do it");
  return out.slice(0, 16);
}

export function deloadFor(level: SophisticationLevel, recovery: { sleepHours: number | null; stress: string | null } | null): CoachCard["safety"]["deload"] {
  const everyWeeks = level === "beginner" ? 8 : level === "intermediate" ? 6 : 4;
  const rules = [
    level === "beginner"
      ? "Take a lighter week when the same lift stalls three sessions in a row."
      : "Deload (about half the sets, loads near 60–70 %) when e1RM drops two weeks running or joints ache.",
    "Cut volume for a week when sleep averages under 6 hours or stress is high.",
  ];
  if (recovery?.stress === "high" || (recovery?.sleepHours ?? 8) < 6) rules.push("Recovery is limited right now: start one step below the planned volume.");
  return { everyWeeks, rules };
}

export function volumeRampFor(level: SophisticationLevel, age: number | null): number {
  const base = MAX_VOLUME_RAMP_PCT[level];
  return age !== null && age >= 50 ? Math.max(2.5, base - 2.5) : base;
}

export function generalRules(level: SophisticationLevel, age: number | null, injuries: string[]): string[] {
  const rules = ["Stop any movement that causes sharp or worsening pain and suggest seeing a professional."];
  if (injuries.length) rules.push(`Work around: ${injuries.join(", ")}; pain-free range of motion only.`);
  if (level === "beginner") rules.push("Teach technique with light loads before adding weight.");
  if (age !== null && age >= 50) rules.push("Longer warm-ups and an extra rest day between hard sessions.");
  if (age !== null && age < 18) rules.push("Under 18: no maximal singles; technique and moderate loads.");
  return rules;
}
