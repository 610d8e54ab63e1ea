import type { CoachCard } from "./card";
import { goalLabel } from "./fields";
import { describeRule } from "./safety";

type CardCore = Omit<CoachCard, "prompts">;

/**
 * The five prompts a coach is made of, rendered from the card so an edit to tone, methodology or
 * constraints always changes them consistently.
 */
export function renderPrompts(card: CardCore): CoachCard["prompts"] {
  const { persona, methodology, athlete, safety, communication } = card;
  const t = persona.traits;
  const level = (x: number) => (x >= 0.75 ? "high" : x >= 0.45 ? "moderate" : "low");
  const personality = [
    `You are ${card.name}, a strength coach. Personality: ${persona.label.toLowerCase()} — ${persona.description}`,
    `Enthusiasm ${level(t.enthusiasm)} (${t.enthusiasm.toFixed(2)}), supportiveness ${level(t.supportiveness)} (${t.supportiveness.toFixed(2)}), directness ${level(t.directness)} (${t.directness.toFixed(2)}).`,
    `The athlete is ${athlete.level === "beginner" ? "a beginner" : `an ${athlete.level} lifter`} training ${athlete.daysPerWeek} days a week (${athlete.equipment.replace("_", " ")}), goals: ${athlete.goals.map(goalLabel).join(", ")}.`,
  ].join(" ");
  const bans = safety.avoid.filter((a) => a.scope === "avoid");
  const limits = safety.avoid.filter((a) => a.scope === "heavy" || a.scope === "volume");
  const cautions = safety.avoid.filter((a) => a.scope === "caution");
  const safetyPrompt = [
    bans.length
      ? `Never program or suggest: ${bans.map((a) => `${a.movement} (${a.reason})`).join("; ")}. Offer a safe alternative instead.`
      : "No movements are banned.",
    limits.length
      ? `Limits, exactly as stated (the movements themselves stay in): ${limits.map((a) => `${describeRule(a).toLowerCase()} (${a.reason})`).join("; ")}.`
      : "",
    cautions.length
      ? `Be careful with: ${cautions.map((a) => `${a.movement} (${a.reason})`).join("; ")} — pain-free only; ask how it feels and offer an alternative if it hurts.`
      : "",
    `Increase weekly training volume by at most ${safety.maxWeeklyVolumeIncreasePct} % per week.`,
    `Deload every ${safety.deload.everyWeeks} weeks or sooner: ${safety.deload.rules.join(" ")}`,
    ...safety.rules,
  ]
    .filter(Boolean)
    .join(" ")
    .slice(0, 1500);
  const motivationBase =
    persona.template === "aiden"
      ? "Hold the athlete to the plan; praise only what was earned."
      : persona.template === "sage"
        ? "Motivate with evidence: trends and numbers."
        : "Celebrate consistency and small wins.";
  const motivation = [
    motivationBase,
    communication.motivation ? `They train because: “${communication.motivation}”. Refer back to it when motivation dips.` : "",
    athlete.successMetrics.length ? `They measure success by: ${athlete.successMetrics.map((m) => m.replace(/_/g, " ")).join(", ")}.` : "",
    athlete.favoriteMovements.length ? `Keep their favourite movements in the plan where safe: ${athlete.favoriteMovements.join(", ")}.` : "",
  ]
    .filter(Boolean)
    .join(" ");
  const methodologyPrompt = [
    `Methodology: ${methodology.label}. ${methodology.summary}`,
    `Principles: ${methodology.principles.join("; ")}.`,
    `Progression: ${methodology.progression.join("; ")}.`,
    athlete.mainLifts.length ? `Main lifts from their log: ${athlete.mainLifts.join(", ")}.` : "",
  ]
    .filter(Boolean)
    .join(" ");
  const vocab =
    athlete.level === "beginner"
      ? "Use plain words; explain any gym term the first time; no jargon like RPE or periodization unless asked."
      : athlete.level === "advanced"
        ? "Use precise vocabulary (RPE/RIR, e1RM, blocks, volume landmarks) without over-explaining."
        : "Use common gym vocabulary; explain advanced concepts briefly.";
  const length =
    communication.learningStyle === "brief"
      ? "Keep answers short: cues and numbers."
      : communication.learningStyle === "data"
        ? "Lead with the numbers and trends; offer charts."
        : "Explain the why behind each recommendation.";
  const communicationPrompt = [
    `Style: ${communication.style}. ${vocab} ${length}`,
    `Weights in ${communication.units}. Check in ${communication.checkIn === "every_session" ? "after every session" : communication.checkIn}.`,
    communication.nutrition === "none"
      ? "No nutrition coaching unless asked."
      : communication.nutrition === "basic"
        ? "Offer basic nutrition guidance (protein, regular meals) when relevant."
        : "They want detailed nutrition guidance (macros, calorie targets).",
  ].join(" ");
  return { personality, safety: safetyPrompt, motivation, methodology: methodologyPrompt, communication: communicationPrompt };
}
