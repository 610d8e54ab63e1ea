import type { CoachPersona } from "@/lib/ai/system-prompt";
import type { CoachCard } from "./card";
import { goalLabel } from "./fields";
import { avoidList, describeRule, protectedPatterns } from "./safety";

/**
 * A coach card → the persona block AICORE's system prompt carries (lib/ai/system-prompt.ts):
 * name, tone words (which the offline model reacts to), focus, the avoid list, and short notes.
 */
export function personaFromCard(card: CoachCard): CoachPersona {
  const t = card.persona.traits;
  const tone: string[] = [];
  if (t.directness >= 0.7) tone.push("direct", "brief");
  if (t.supportiveness >= 0.75 || t.enthusiasm >= 0.8) tone.push("encouraging", "supportive");
  if (card.persona.template === "sage" || card.communication.learningStyle === "data") tone.push("technical", "analytical");
  if (t.enthusiasm >= 0.6 && t.directness >= 0.7) tone.push("motivational");
  if (tone.length === 0) tone.push("friendly", "clear");
  // Heavy-load and volume limits are not bans: the movement stays available, so they go in the notes.
  const keep = protectedPatterns(card.athlete.goals, card.athlete.competition, card.athlete.favoriteMovements);
  const avoid = avoidList(card.safety.avoid, keep);
  const limits = card.safety.avoid.filter((a) => !avoid.includes(a.movement)).map(describeRule);
  const notes = [
    `${card.methodology.label}.`,
    `Weekly volume +${card.safety.maxWeeklyVolumeIncreasePct}% max; deload every ${card.safety.deload.everyWeeks} weeks.`,
    card.athlete.level === "beginner"
      ? "Plain words, no jargon."
      : card.athlete.level === "advanced"
        ? "Advanced lifter: RPE, e1RM, blocks are fine."
        : "",
    card.safety.injuries.length ? `Injuries: ${card.safety.injuries.join(", ")}.` : "",
    limits.length ? `Limits: ${limits.join("; ")}.` : "",
  ]
    .filter(Boolean)
    .join(" ");
  return {
    name: card.name,
    tone: [...new Set(tone)].join(", "),
    focus: `${card.athlete.goals.map(goalLabel).join(", ")} · ${card.methodology.label}`,
    avoid,
    notes,
  };
}

/** The coach used when a user has none yet: friendly, beginner-safe, no restrictions. */
export const DEFAULT_CHAT_PERSONA: CoachPersona = {
  name: "Spotter Coach",
  tone: "friendly, encouraging",
  focus: "general strength and consistency",
  avoid: [],
  notes: "Default coach (no personal coach yet). Beginner-safe progression: weekly volume +10% max; suggest building a personal coach at /coach/new.",
};
