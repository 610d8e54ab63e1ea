import type { CoachCard } from "@/lib/coach/card";
import { describeRule } from "@/lib/coach/safety";
import type { CoachPlan } from "./system-prompt";

/**
 * The <coach_plan> block from the primary coach's card: programme, weekly days, progression,
 * deload and safety rules. Read-only use of the coach card (lib/coach owns it).
 */
export function planFromCard(card: CoachCard): CoachPlan {
  return {
    programme: `${card.methodology.label}: ${card.methodology.summary}`,
    daysPerWeek: card.athlete.daysPerWeek,
    progression: card.methodology.progression.slice(0, 3),
    deloadEveryWeeks: card.safety.deload.everyWeeks,
    deloadRules: card.safety.deload.rules.slice(0, 3),
    // Each rule at its scope: "Keep good mornings low-volume", not "Avoid good mornings".
    safety: [...card.safety.rules, ...card.safety.avoid.map((a) => `${describeRule(a)} (${a.reason})`)].slice(0, 8),
    injuries: card.safety.injuries,
  };
}

/** The plan of the default coach (no personal coach yet): general, beginner-safe rules. */
export const DEFAULT_COACH_PLAN: CoachPlan = {
  programme: "General strength: repeat your usual sessions and progress them gradually",
  progression: ["Add a little load when every working set moves well; otherwise repeat the weight"],
  deloadRules: [
    "Take a lighter week (about half the sets, lighter loads) when a lift stalls for several sessions or joints ache",
    "Cut volume for a week when sleep or recovery is poor",
  ],
  safety: ["Stop any movement that causes sharp or worsening pain and suggest seeing a professional."],
};
