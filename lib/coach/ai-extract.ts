import { generateText, Output } from "ai";
import { z } from "zod";
import type { LanguageModelV3 } from "@ai-sdk/provider";
import { getChatModel } from "@/lib/ai/provider";
import { extractAnswer, type AskKey, type Extraction } from "./extract";
import {
  CHECK_INS,
  COACHING_STYLES,
  COMPETITIONS,
  EQUIPMENT,
  FIELD_KEYS,
  GOALS,
  INJURY_STATUSES,
  RESTRICTION_SCOPES,
  SIDES,
  type FieldKey,
  type Goal,
  type InjuryEntry,
  type Restriction,
  LEARNING_STYLES,
  METHODOLOGY_IDS,
  NUTRITION_INTEREST,
  STRESS_LEVELS,
  SUCCESS_METRICS,
  UNIT_VALUES,
  validUpdates,
  VOICES,
} from "./fields";
import { logError } from "@/lib/log/redact";

/**
 * Extraction seam. Offline: the deterministic rules in extract.ts. With a hosted model: structured
 * output against a strict zod schema (every key present, nullable when not mentioned, no extra
 * keys), never free-form JSON parsing; values are re-validated per field, and the offline rules
 * fill anything the model left out. A model failure falls back to the offline rules.
 */
export type Extractor = (text: string, ctx: { asking: AskKey | null; question: string }) => Promise<Extraction>;

export const offlineExtractor: Extractor = async (text, ctx) => extractAnswer(text, { asking: ctx.asking });

const n = <T extends z.ZodType>(s: T) => s.nullable();
const modelRestriction = z
  .object({
    movement: z.string().max(60).describe("only the movement the lifter named, e.g. 'behind-the-neck pressing' — never a broader family"),
    scope: z
      .enum(RESTRICTION_SCOPES)
      .describe("avoid = they said no/can't; heavy = only heavy loads; volume = only high volume; caution = careful with / it hurts"),
    quote: z.string().max(200).describe("the exact words, copied verbatim"),
  })
  .strict();
export const modelExtractionSchema = z
  .object({
    goals: n(z.array(z.enum(GOALS))),
    timeline: n(z.string().max(80)),
    age: n(z.number().int()),
    experienceYears: n(z.number()),
    frequency: n(z.number().int()),
    sessionLength: n(z.number().int()).describe("minutes"),
    injuries: n(
      z.array(
        z
          .object({
            area: z
              .string()
              .max(40)
              .describe(
                "body area: shoulder, lower back, upper back, neck, knee, hip, elbow, wrist, ankle, foot, hamstring, quad, calf, pec, arm, or another plain name",
              ),
            side: n(z.enum(SIDES)),
            status: z.enum(INJURY_STATUSES).describe("past = old/healed, current = still affects training"),
            condition: n(z.string().max(40)).describe("e.g. impingement, disc bulge, ACL reconstruction"),
            quote: z.string().max(200).describe("the lifter's exact sentence about it, copied verbatim"),
            restrictions: z.array(modelRestriction).describe("only restrictions the lifter stated; never invent any"),
          })
          .strict(),
      ),
    ).describe(
      "injuries mentioned in THIS answer; a body part inside a movement name (behind-the-neck press, back squat) is not an injury; [] when they say they have none",
    ),
    restrictions: n(z.array(modelRestriction)).describe(
      "movement restrictions stated WITHOUT an injury or body part ('no behind-the-neck pressing please', 'it hurts when I press'), at the scope said; a dislike ('I hate burpees') is not one",
    ),
    equipment: n(z.enum(EQUIPMENT)),
    favoriteMovements: n(z.array(z.string().max(60))),
    dislikedMovements: n(z.array(z.string().max(60))),
    coachingStyle: n(z.enum(COACHING_STYLES)),
    motivation: n(z.string().max(200)),
    successMetrics: n(z.array(z.enum(SUCCESS_METRICS))),
    competition: n(z.enum(COMPETITIONS)),
    recovery: n(z.object({ sleepHours: n(z.number()), stress: n(z.enum(STRESS_LEVELS)) }).strict()),
    nutrition: n(z.enum(NUTRITION_INTEREST)),
    learningStyle: n(z.enum(LEARNING_STYLES)),
    checkIn: n(z.enum(CHECK_INS)),
    methodology: n(z.enum([...METHODOLOGY_IDS, "none"])),
    voice: n(z.enum(VOICES)),
    units: n(z.enum(UNIT_VALUES)),
    alreadyTold: z.boolean().describe("the user says they already answered this"),
    skip: z.boolean().describe("the user declines or does not know"),
    affirm: n(z.boolean()).describe("yes/no to a confirmation question"),
    corrects: z
      .array(z.enum(FIELD_KEYS as [FieldKey, ...FieldKey[]]))
      .describe("fields the lifter explicitly corrects in this answer (actually…, no I meant…, scratch that); [] otherwise"),
    removedGoals: z.array(z.enum(GOALS)).describe("goals the lifter takes back or says they do not want; [] otherwise"),
  })
  .strict();

export function createModelExtractor(model: LanguageModelV3): Extractor {
  return async (text, ctx) => {
    const offline = extractAnswer(text, { asking: ctx.asking });
    try {
      const result = await generateText({
        model,
        output: Output.object({ schema: modelExtractionSchema, name: "interview_fields", description: "Fields stated in the lifter's answer" }),
        system:
          "You extract facts from a lifter's answer in a coaching intake interview. Fill every field THIS answer states or clearly implies " +
          "(one answer may cover several fields); use null for anything not mentioned. Never guess. Report only what this answer says: " +
          'earlier answers are merged by the app, so list every goal in the answer ("get stronger and lose a bit of belly fat" is two goals) ' +
          "and never repeat or drop earlier ones. Injuries: copy the lifter's restrictions at the scope they said (one movement, a load, a volume); " +
          "never widen them into bans of whole movement families.",
        prompt: `Question asked: ${ctx.question}\nField being asked: ${ctx.asking ?? "none"}\nAnswer: ${text.slice(0, 2000)}`,
        maxRetries: 1,
        timeout: 20_000,
      });
      const out = result.output;
      const { alreadyTold, skip, affirm, corrects, removedGoals, ...fields } = out;
      if (fields.injuries) fields.injuries = groundQuotes(fields.injuries as InjuryEntry[], text);
      if (fields.restrictions) fields.restrictions = groundRestrictions(fields.restrictions, text);
      const removes = { ...offline.removes };
      if (removedGoals.length) removes.goals = [...new Set<Goal>([...(removes.goals ?? []), ...removedGoals])];
      return {
        updates: { ...offline.updates, ...validUpdates(fields as Record<string, unknown>) },
        alreadyTold: alreadyTold || offline.alreadyTold,
        skip: skip && !offline.alreadyTold,
        affirm: affirm ?? offline.affirm,
        corrects: [...new Set([...offline.corrects, ...corrects])],
        removes,
        implied: offline.implied,
      };
    } catch (error) {
      logError("[coach] model extraction failed, using offline rules", error);
      return offline;
    }
  };
}

/**
 * A rule shows where it came from, so its quote must be the lifter's words: a model quote that is
 * not in the answer is replaced by the answer's sentence that names the movement (or the answer).
 */
export function groundQuotes(injuries: InjuryEntry[], text: string): InjuryEntry[] {
  const answer = text.replace(/\s+/g, " ").trim();
  const sentences = answer.split(/(?<=[.!?;])\s+/);
  const ground = (quote: string | undefined, hint: string) => {
    if (quote && answer.toLowerCase().includes(quote.toLowerCase().trim())) return quote.trim().slice(0, 200);
    const words = hint
      .toLowerCase()
      .split(/\W+/)
      .filter((w) => w.length > 3);
    return (sentences.find((s) => words.some((w) => s.toLowerCase().includes(w))) ?? answer).slice(0, 200);
  };
  return injuries.map((i) => ({
    ...i,
    quote: ground(i.quote, `${i.area} ${i.condition ?? ""}`),
    restrictions: (i.restrictions ?? []).map((r) => ({ ...r, quote: ground(r.quote, r.movement) })),
  }));
}

/** The same grounding for restrictions stated without an injury. */
function groundRestrictions(restrictions: Restriction[], text: string): Restriction[] {
  const [holder] = groundQuotes([{ area: "-", side: null, status: "current", condition: null, quote: text, restrictions }], text);
  return holder.restrictions;
}

/** The extractor for the active model seam. */
export function getInterviewExtractor(): { extractor: Extractor; label: string; offline: boolean } {
  const chat = getChatModel();
  return chat.offline
    ? { extractor: offlineExtractor, label: chat.label, offline: true }
    : { extractor: createModelExtractor(chat.model), label: chat.label, offline: false };
}
