import type { SophisticationLevel } from "@/db/tables/coach";
import { coachCardSchema, CARD_SCHEMA_VERSION, type CoachCard } from "./card";
import { injuryLabel, valueOf, type FieldMap, type FieldValues, type MethodologyId } from "./fields";
import type { TrainingSummary } from "./history";
import { renderPrompts } from "./prompts";
import { deloadFor, generalRules, safetyRulesFor, volumeRampFor } from "./safety";
import { METHODOLOGIES } from "./templates/methodologies";
import { PERSONAS, type PersonaId } from "./templates/personas";

/**
 * The filled checklist → a coach card. Deterministic (the same answers give the same coach), so it
 * works offline and the card is explainable: every choice below follows from a stated answer.
 */
function chooseMethodology(
  f: {
    goals: FieldValues["goals"];
    equipment: FieldValues["equipment"];
    methodology?: FieldValues["methodology"];
    competition?: FieldValues["competition"];
  },
  level: SophisticationLevel,
): MethodologyId {
  if (f.methodology && f.methodology !== "none") return f.methodology;
  // Strength sports never get a physique template, whatever else is in the goals.
  const g = new Set(f.goals);
  if (g.has("endurance") || f.equipment === "bodyweight" || f.competition === "crossfit") return "conditioning";
  if (level === "beginner") return "novice_linear";
  if (g.has("powerlifting") || (f.competition && ["powerlifting", "strongman"].includes(f.competition)))
    return level === "advanced" ? "rpe_blocks" : "five_three_one";
  if (g.has("hypertrophy") && !g.has("strength")) return "hypertrophy_blocks";
  if (g.has("strength")) return level === "advanced" ? "rpe_blocks" : "five_three_one";
  if (g.has("fat_loss")) return "hypertrophy_blocks";
  return level === "advanced" ? "conjugate" : "five_three_one";
}

function choosePersona(
  style: FieldValues["coachingStyle"],
  learning: FieldValues["learningStyle"] | undefined,
  level: SophisticationLevel,
  voice: FieldValues["voice"],
): PersonaId {
  if (style === "encouraging") return "alice";
  if (style === "direct") return "aiden";
  if (learning === "data" || level === "advanced") return "sage";
  if (learning === "explained" || level === "beginner") return "morgan";
  return voice;
}

export function methodologyBlock(id: MethodologyId): CoachCard["methodology"] {
  const m = METHODOLOGIES[id];
  return { template: m.id, label: m.label, summary: m.summary, principles: [...m.principles], progression: [...m.progression] };
}

export function personaBlock(id: PersonaId): CoachCard["persona"] {
  const p = PERSONAS[id];
  return { template: p.id, label: p.label, description: p.description, traits: { ...p.traits } };
}

export interface GenerateInput {
  fields: FieldMap;
  /** The interview transcript, to quote the answers rules came from (optional). */
  transcript?: { role: string; text: string }[];
  level: SophisticationLevel;
  training: TrainingSummary | null;
  defaultUnits?: "kg" | "lb";
}

export function generateCoachCard({ fields, level, training, defaultUnits = "kg", transcript }: GenerateInput): CoachCard {
  const v = <K extends keyof FieldValues>(k: K) => valueOf(fields, k);
  const goals = v("goals") ?? ["general_fitness"];
  const equipment = v("equipment") ?? "full_gym";
  const style = v("coachingStyle") ?? "balanced";
  const voice = v("voice") ?? "alice";
  const injuries = v("injuries") ?? [];
  const age = v("age") ?? null;
  const personaId = choosePersona(style, v("learningStyle"), level, voice);
  const persona = PERSONAS[personaId];
  const method = METHODOLOGIES[chooseMethodology({ goals, equipment, methodology: v("methodology"), competition: v("competition") }, level)];
  const core: Omit<CoachCard, "prompts"> = {
    schemaVersion: CARD_SCHEMA_VERSION,
    name: persona.name,
    voice,
    persona: personaBlock(persona.id),
    methodology: methodologyBlock(method.id),
    athlete: {
      level,
      goals,
      experienceYears: v("experienceYears") ?? (level === "advanced" ? 5 : level === "intermediate" ? 2 : 0),
      daysPerWeek: v("frequency") ?? 3,
      sessionMinutes: v("sessionLength") ?? null,
      equipment,
      age,
      timeline: v("timeline") ?? null,
      competition: v("competition") ?? null,
      favoriteMovements: (v("favoriteMovements") ?? []).slice(0, 12),
      successMetrics: v("successMetrics") ?? [],
      mainLifts: (training?.mainLifts ?? []).slice(0, 5),
    },
    safety: {
      injuries: injuries.map(injuryLabel),
      avoid: safetyRulesFor({
        injuries,
        restrictions: v("restrictions") ?? [],
        disliked: v("dislikedMovements") ?? [],
        goals,
        competition: v("competition") ?? null,
        favorites: v("favoriteMovements") ?? [],
        dislikedSource: transcript?.[fields.dislikedMovements?.turn ?? -1]?.text ?? null,
      }),
      maxWeeklyVolumeIncreasePct: volumeRampFor(level, age),
      deload: deloadFor(level, v("recovery") ?? null),
      rules: generalRules(level, age, injuries),
    },
    communication: {
      style,
      learningStyle: v("learningStyle") ?? (level === "beginner" ? "explained" : level === "advanced" ? "data" : "explained"),
      checkIn: v("checkIn") ?? "weekly",
      units: v("units") ?? defaultUnits,
      motivation: v("motivation") ?? null,
      nutrition: v("nutrition") ?? "none",
    },
  };
  return coachCardSchema.parse({ ...core, prompts: renderPrompts(core) });
}

/** Re-renders prompts after an edit and validates the whole card. */
export function finalizeCard(card: Omit<CoachCard, "prompts"> & { prompts?: CoachCard["prompts"] }): CoachCard {
  const { prompts: _ignored, ...core } = card;
  return coachCardSchema.parse({ ...core, prompts: renderPrompts(core) });
}
