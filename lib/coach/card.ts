import { z } from "zod";
import { SOPHISTICATION_LEVELS, type SophisticationLevel } from "@/db/tables/coach";
import {
  RESTRICTION_SCOPES,
  CHECK_INS,
  COACHING_STYLES,
  COMPETITIONS,
  EQUIPMENT,
  GOALS,
  LEARNING_STYLES,
  METHODOLOGY_IDS,
  NUTRITION_INTEREST,
  SUCCESS_METRICS,
  UNIT_VALUES,
  VOICES,
} from "./fields";
import { PERSONA_IDS } from "./templates/personas";

/**
 * The coach card: everything a coach is, validated before every save (strict: unknown keys are
 * errors, so nothing unvalidated reaches the prompts). Stored as coach_versions.card.
 */
export const CARD_SCHEMA_VERSION = 1;

/** Maximum weekly volume increase by level (the safety rule; editing can only lower it). */
export const MAX_VOLUME_RAMP_PCT: Record<SophisticationLevel, number> = { beginner: 10, intermediate: 7.5, advanced: 5 };

const unit = z.number().min(0).max(1);
const shortText = (max: number) => z.string().trim().min(1).max(max);

/** Where a safety rule came from. null: a card saved before rules carried their origin. */
const RULE_ORIGINS = ["stated", "injury_default", "disliked", "edited"] as const;

const avoidItemSchema = z
  .object({
    movement: shortText(60),
    reason: shortText(120),
    /** avoid: the whole movement · heavy: only heavy loads · volume: only high volume · caution: care, not a ban. */
    scope: z.enum(RESTRICTION_SCOPES).default("avoid"),
    origin: z.enum(RULE_ORIGINS).nullable().default(null),
    /** The lifter's words the rule came from. */
    source: z.string().trim().max(200).nullable().default(null),
  })
  .strict();

export const coachCardSchema = z
  .object({
    schemaVersion: z.literal(CARD_SCHEMA_VERSION),
    name: shortText(40),
    voice: z.enum(VOICES),
    persona: z
      .object({
        template: z.enum(PERSONA_IDS),
        label: shortText(60),
        description: shortText(200),
        traits: z.object({ enthusiasm: unit, supportiveness: unit, directness: unit }).strict(),
      })
      .strict(),
    methodology: z
      .object({
        template: z.enum(METHODOLOGY_IDS),
        label: shortText(60),
        summary: shortText(300),
        principles: z.array(shortText(200)).min(1).max(8),
        progression: z.array(shortText(240)).min(1).max(8),
      })
      .strict(),
    athlete: z
      .object({
        level: z.enum(SOPHISTICATION_LEVELS),
        goals: z.array(z.enum(GOALS)).min(1).max(6),
        experienceYears: z.number().min(0).max(60),
        daysPerWeek: z.number().int().min(1).max(14),
        sessionMinutes: z.number().int().min(10).max(300).nullable(),
        equipment: z.enum(EQUIPMENT),
        age: z.number().int().min(13).max(100).nullable(),
        timeline: z.string().max(80).nullable(),
        competition: z.enum(COMPETITIONS).nullable(),
        favoriteMovements: z.array(shortText(60)).max(12),
        successMetrics: z.array(z.enum(SUCCESS_METRICS)).max(6).default([]),
        mainLifts: z.array(shortText(80)).max(5),
      })
      .strict(),
    safety: z
      .object({
        injuries: z.array(shortText(60)).max(8),
        avoid: z.array(avoidItemSchema).max(16),
        maxWeeklyVolumeIncreasePct: z.number().min(0).max(10),
        deload: z.object({ everyWeeks: z.number().int().min(3).max(12), rules: z.array(shortText(240)).min(1).max(6) }).strict(),
        rules: z.array(shortText(240)).max(8),
      })
      .strict(),
    communication: z
      .object({
        style: z.enum(COACHING_STYLES),
        learningStyle: z.enum(LEARNING_STYLES),
        checkIn: z.enum(CHECK_INS),
        units: z.enum(UNIT_VALUES),
        motivation: z.string().max(200).nullable(),
        nutrition: z.enum(NUTRITION_INTEREST).default("none"),
      })
      .strict(),
    prompts: z
      .object({
        personality: shortText(1200),
        safety: shortText(1500),
        motivation: shortText(800),
        methodology: shortText(1500),
        communication: shortText(800),
      })
      .strict(),
  })
  .strict()
  .superRefine((card, ctx) => {
    const max = MAX_VOLUME_RAMP_PCT[card.athlete.level];
    if (card.safety.maxWeeklyVolumeIncreasePct > max) {
      ctx.addIssue({
        code: "custom",
        path: ["safety", "maxWeeklyVolumeIncreasePct"],
        message: `Weekly volume may rise at most ${max} % for a ${card.athlete.level} lifter.`,
      });
    }
  });

export type CoachCard = z.infer<typeof coachCardSchema>;
