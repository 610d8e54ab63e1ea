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
  GOALS,
  LEARNING_STYLES,
  METHODOLOGY_IDS,
  NUTRITION_INTEREST,
  STRESS_LEVELS,
  SUCCESS_METRICS,
  UNIT_VALUES,
  validUpdates,
  VOICES,
} from "./fields";

/**
 * Extraction seam. Offline: the deterministic rules in extract.ts. With a hosted model: structured
 * output against a strict zod schema (every key present, nullable when not mentioned, no extra
 * keys), never free-form JSON parsing; values are re-validated per field, and the offline rules
 * fill anything the model left out. A model failure falls back to the offline rules.
 */
export type Extractor = (text: string, ctx: { asking: AskKey | null; question: string }) => Promise<Extraction>;

export const offlineExtractor: Extractor = async (text, ctx) => extractAnswer(text, { asking: ctx.asking });

const n = <T extends z.ZodType>(s: T) => s.nullable();
export const modelExtractionSchema = z
  .object({
    goals: n(z.array(z.enum(GOALS))),
    timeline: n(z.string().max(80)),
    age: n(z.number().int()),
    experienceYears: n(z.number()),
    frequency: n(z.number().int()),
    sessionLength: n(z.number().int()).describe("minutes"),
    injuries: n(z.array(z.string().max(60))).describe("body parts with side, e.g. 'left shoulder'; [] when they say they have none"),
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
          "You extract facts from a lifter's answer in a coaching intake interview. Fill every field the answer states or clearly implies " +
          "(one answer may cover several fields); use null for anything not mentioned. Never guess.",
        prompt: `Question asked: ${ctx.question}\nField being asked: ${ctx.asking ?? "none"}\nAnswer: ${text.slice(0, 2000)}`,
        maxRetries: 1,
        timeout: 20_000,
      });
      const out = result.output;
      const { alreadyTold, skip, affirm, ...fields } = out;
      return {
        updates: { ...offline.updates, ...validUpdates(fields as Record<string, unknown>) },
        alreadyTold: alreadyTold || offline.alreadyTold,
        skip: skip && !offline.alreadyTold,
        affirm: affirm ?? offline.affirm,
      };
    } catch (error) {
      console.error("[coach] model extraction failed, using offline rules:", error instanceof Error ? error.message : error);
      return offline;
    }
  };
}

/** The extractor for the active model seam. */
export function getInterviewExtractor(): { extractor: Extractor; label: string; offline: boolean } {
  const chat = getChatModel();
  return chat.offline ? { extractor: offlineExtractor, label: chat.label, offline: true } : { extractor: createModelExtractor(chat.model), label: chat.label, offline: false };
}
