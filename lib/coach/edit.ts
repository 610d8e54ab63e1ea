import { ValidationError } from "@/lib/validation/validation-error";
import { z } from "zod";
import { coachCardSchema, type CoachCard } from "./card";
import { COACHING_STYLES, METHODOLOGY_IDS } from "./fields";
import { finalizeCard, methodologyBlock, personaBlock } from "./generate";
import { PERSONA_IDS } from "./templates/personas";

/**
 * What a user may edit on a coach: name, tone (template + the three traits), methodology, and
 * constraints (movements to avoid, volume ramp, deload interval). The result is re-validated in
 * full, so an edit cannot push the volume ramp past the level's safety limit.
 */
const trait = z.coerce.number().min(0, "Between 0 and 1.").max(1, "Between 0 and 1.");

export const coachEditSchema = z.object({
  coachId: z.string().min(1).max(64),
  name: z.string().trim().min(1, "Give your coach a name.").max(40, "At most 40 characters."),
  persona: z.enum(PERSONA_IDS),
  enthusiasm: trait,
  supportiveness: trait,
  directness: trait,
  style: z.enum(COACHING_STYLES),
  methodology: z.enum(METHODOLOGY_IDS),
  /** One movement per line. */
  avoid: z.string().max(2000).optional().default(""),
  maxWeeklyVolumeIncreasePct: z.coerce.number().min(0, "Cannot be negative.").max(10, "At most 10 % per week."),
  deloadEveryWeeks: z.coerce.number().int("Whole weeks.").min(3, "At least every 3 weeks.").max(12, "At most every 12 weeks."),
});
export type CoachEdit = z.infer<typeof coachEditSchema>;

export class CoachEditError extends ValidationError {
  constructor(fieldErrors: Record<string, string[]>) {
    super("Please check the highlighted fields.", fieldErrors);
  }
}

export function applyCoachEdit(card: CoachCard, edit: CoachEdit): { card: CoachCard; note: string } {
  const avoidLines = [
    ...new Set(
      edit.avoid
        .split(/\r?\n|;/)
        .map((l) => l.trim())
        .filter(Boolean),
    ),
  ];
  if (avoidLines.some((l) => l.length > 60)) throw new CoachEditError({ avoid: ["Keep each movement under 60 characters."] });
  if (avoidLines.length > 16) throw new CoachEditError({ avoid: ["At most 16 movements."] });
  const previous = new Map(card.safety.avoid.map((a) => [a.movement.toLowerCase(), a]));
  const persona = edit.persona === card.persona.template ? card.persona : personaBlock(edit.persona);
  const next = {
    ...card,
    name: edit.name,
    persona: { ...persona, traits: { enthusiasm: edit.enthusiasm, supportiveness: edit.supportiveness, directness: edit.directness } },
    methodology: edit.methodology === card.methodology.template ? card.methodology : methodologyBlock(edit.methodology),
    safety: {
      ...card.safety,
      // A kept line keeps its scope and where it came from; a new line is the lifter's own ban.
      avoid: avoidLines.map(
        (movement) =>
          previous.get(movement.toLowerCase()) ?? {
            movement,
            reason: "you added it on the card",
            scope: "avoid" as const,
            origin: "edited" as const,
            source: null,
          },
      ),
      maxWeeklyVolumeIncreasePct: edit.maxWeeklyVolumeIncreasePct,
      deload: { ...card.safety.deload, everyWeeks: edit.deloadEveryWeeks },
    },
    communication: { ...card.communication, style: edit.style },
  };
  const parsed = coachCardSchema.safeParse(finalizeCardSafe(next));
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) {
      const key =
        issue.path.at(-1) === "maxWeeklyVolumeIncreasePct"
          ? "maxWeeklyVolumeIncreasePct"
          : issue.path.includes("avoid")
            ? "avoid"
            : issue.path.includes("name")
              ? "name"
              : "form";
      (fieldErrors[key] ??= []).push(issue.message);
    }
    throw new CoachEditError(fieldErrors);
  }
  return { card: parsed.data, note: describeChanges(card, parsed.data) };
}

function finalizeCardSafe(card: CoachCard): unknown {
  try {
    return finalizeCard(card);
  } catch {
    return card; // let safeParse report the issues field by field
  }
}

function describeChanges(a: CoachCard, b: CoachCard): string {
  const changes: string[] = [];
  if (a.name !== b.name) changes.push("name");
  if (
    a.persona.template !== b.persona.template ||
    JSON.stringify(a.persona.traits) !== JSON.stringify(b.persona.traits) ||
    a.communication.style !== b.communication.style
  )
    changes.push("tone");
  if (a.methodology.template !== b.methodology.template) changes.push("methodology");
  if (JSON.stringify(a.safety) !== JSON.stringify(b.safety)) changes.push("constraints");
  return changes.length ? `Edited ${changes.join(", ")}` : "Saved without changes";
}
