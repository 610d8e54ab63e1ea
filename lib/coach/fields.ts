import { z } from "zod";

/**
 * The interview checklist's value types. Each field has one zod schema; `FieldMap` (stored in
 * coach_interviews.fields) keeps, per field, the value and where it came from.
 */
export const GOALS = ["strength", "hypertrophy", "fat_loss", "general_fitness", "endurance", "powerlifting", "athletic", "health"] as const;
export const EQUIPMENT = ["full_gym", "home_gym", "minimal", "bodyweight"] as const;
export const COACHING_STYLES = ["encouraging", "balanced", "direct"] as const;
export const SUCCESS_METRICS = ["strength_numbers", "physique", "bodyweight", "consistency", "performance", "health_markers"] as const;
export const COMPETITIONS = ["none", "powerlifting", "weightlifting", "strongman", "crossfit", "bodybuilding", "other"] as const;
export const STRESS_LEVELS = ["low", "moderate", "high"] as const;
export const NUTRITION_INTEREST = ["none", "basic", "detailed"] as const;
export const LEARNING_STYLES = ["brief", "explained", "data"] as const;
export const CHECK_INS = ["every_session", "weekly", "monthly"] as const;
export const METHODOLOGY_IDS = [
  "novice_linear",
  "five_three_one",
  "hypertrophy_blocks",
  "conjugate",
  "conditioning",
  "rpe_blocks",
  "peaking",
] as const;
export const VOICES = ["alice", "aiden"] as const;
export const UNIT_VALUES = ["kg", "lb"] as const;

export type Goal = (typeof GOALS)[number];
export type Equipment = (typeof EQUIPMENT)[number];
export type MethodologyId = (typeof METHODOLOGY_IDS)[number];

const movementList = z.array(z.string().trim().min(1).max(60)).max(12);

/**
 * A safety restriction in the lifter's own scope: avoid the movement entirely, only its heavy
 * loads, only high volume of it, or just be careful with it. `quote` is what they said.
 */
export const RESTRICTION_SCOPES = ["avoid", "heavy", "volume", "caution"] as const;
export type RestrictionScope = (typeof RESTRICTION_SCOPES)[number];
export const SIDES = ["left", "right", "both"] as const;
export const INJURY_STATUSES = ["current", "past"] as const;

const restrictionSchema = z
  .object({
    movement: z.string().trim().min(1).max(60),
    scope: z.enum(RESTRICTION_SCOPES),
    quote: z.string().trim().max(200).default(""),
  })
  .strict();
export type Restriction = z.infer<typeof restrictionSchema>;

const injuryEntrySchema = z
  .object({
    /** Body area in our vocabulary ("shoulder", "lower back", "knee"…). */
    area: z.string().trim().min(1).max(40),
    side: z.enum(SIDES).nullable().default(null),
    status: z.enum(INJURY_STATUSES).default("current"),
    /** What it is, in the lifter's words when they gave one ("impingement", "disc bulge"). */
    condition: z.string().trim().max(40).nullable().default(null),
    /** The sentence the lifter said it in. */
    quote: z.string().trim().max(200).default(""),
    restrictions: z.array(restrictionSchema).max(8).default([]),
  })
  .strict();
export type InjuryEntry = z.infer<typeof injuryEntrySchema>;

/** Interviews saved before injuries were structured stored labels like "left shoulder". */
function legacyInjury(value: unknown): unknown {
  if (typeof value !== "string") return value;
  const m = /^(left|right|both)\s+(.+)$/.exec(value.trim());
  return { area: (m ? m[2] : value).trim() || value, side: m ? m[1] : null };
}
const injuryListSchema = z.array(z.preprocess(legacyInjury, injuryEntrySchema)).max(8);

function restrictionWords(r: Restriction): string {
  if (r.scope === "heavy") return `no heavy ${r.movement.replace(/^heavy\s+/, "")}`;
  if (r.scope === "volume") return `${r.movement} low-volume only`;
  if (r.scope === "caution") return `careful with ${r.movement}`;
  return `no ${r.movement}`;
}

/** "left shoulder (impingement)", "lower back (old disc bulge)". */
export function injuryLabel(i: InjuryEntry): string {
  const where = i.side === "left" || i.side === "right" ? `${i.side} ${i.area}` : i.area;
  const what = [i.side === "both" ? "both sides" : null, [i.status === "past" ? "past" : null, i.condition].filter(Boolean).join(" ")]
    .filter(Boolean)
    .join(", ");
  return (what ? `${where} (${what})` : where).slice(0, 60);
}

export const FIELD_SCHEMAS = {
  goals: z.array(z.enum(GOALS)).min(1).max(6),
  timeline: z.string().trim().min(1).max(80),
  age: z.number().int().min(13).max(100),
  experienceYears: z.number().min(0).max(60),
  frequency: z.number().int().min(1).max(14),
  sessionLength: z.number().int().min(10).max(300),
  injuries: injuryListSchema,
  /** Restrictions stated without an injury ("no behind-the-neck pressing please"), at their scope. */
  restrictions: z.array(restrictionSchema).max(12),
  equipment: z.enum(EQUIPMENT),
  favoriteMovements: movementList,
  dislikedMovements: movementList,
  coachingStyle: z.enum(COACHING_STYLES),
  motivation: z.string().trim().min(1).max(200),
  successMetrics: z.array(z.enum(SUCCESS_METRICS)).min(1).max(6),
  competition: z.enum(COMPETITIONS),
  recovery: z.object({ sleepHours: z.number().min(0).max(16).nullable(), stress: z.enum(STRESS_LEVELS).nullable() }).strict(),
  nutrition: z.enum(NUTRITION_INTEREST),
  learningStyle: z.enum(LEARNING_STYLES),
  checkIn: z.enum(CHECK_INS),
  methodology: z.enum([...METHODOLOGY_IDS, "none"]),
  voice: z.enum(VOICES),
  units: z.enum(UNIT_VALUES),
} as const;

export type FieldKey = keyof typeof FIELD_SCHEMAS;
export const FIELD_KEYS = Object.keys(FIELD_SCHEMAS) as FieldKey[];
export type FieldValues = { [K in FieldKey]: z.infer<(typeof FIELD_SCHEMAS)[K]> };
export type FieldUpdates = Partial<FieldValues>;

/**
 * answer: the user said it · history: read from the training log (confirmed or not) · default:
 * filled in for them · skipped: they passed · implied: suggested by other answers (e.g. "peaking
 * for a meet" → a peaking block); still asked, used if they never answer.
 */
const FIELD_SOURCES = ["answer", "history", "default", "skipped", "implied"] as const;

const fieldEntrySchema = z
  .object({
    value: z.unknown(),
    source: z.enum(FIELD_SOURCES),
    /** 0..1: explicit answers 0.9, pattern guesses from other answers lower. */
    confidence: z.number().min(0).max(1),
    /** Transcript index of the turn that set it (-1: before the interview, e.g. training history). */
    turn: z.number().int().min(-1),
    /** History values become confirmed when the user agrees. */
    confirmed: z.boolean().optional(),
  })
  .strict();
type FieldEntry = z.infer<typeof fieldEntrySchema>;
export type FieldMap = Partial<Record<FieldKey, FieldEntry>>;

export const fieldMapSchema = z.partialRecord(z.enum(FIELD_KEYS as [FieldKey, ...FieldKey[]]), fieldEntrySchema);

/** The value of a field, or undefined when unknown or skipped. */
export function valueOf<K extends FieldKey>(fields: FieldMap, key: K): FieldValues[K] | undefined {
  const entry = fields[key];
  if (!entry || entry.source === "skipped") return undefined;
  const parsed = FIELD_SCHEMAS[key].safeParse(entry.value);
  return parsed.success ? (parsed.data as FieldValues[K]) : undefined;
}

/** Keeps only updates whose values pass their field schema (a model or a regex can be wrong). */
export function validUpdates(updates: Record<string, unknown>): FieldUpdates {
  const out: Record<string, unknown> = {};
  for (const key of FIELD_KEYS) {
    if (!(key in updates) || updates[key] === undefined || updates[key] === null) continue;
    const parsed = FIELD_SCHEMAS[key].safeParse(updates[key]);
    if (parsed.success) out[key] = parsed.data;
  }
  return out as FieldUpdates;
}

const GOAL_LABELS: Record<Goal, string> = {
  strength: "get stronger",
  hypertrophy: "build muscle",
  fat_loss: "lose fat",
  general_fitness: "general fitness",
  endurance: "endurance and conditioning",
  powerlifting: "powerlifting",
  athletic: "athletic performance",
  health: "health and longevity",
};
const EQUIPMENT_LABELS: Record<Equipment, string> = {
  full_gym: "a full gym",
  home_gym: "a home gym with a barbell",
  minimal: "dumbbells, kettlebells or bands",
  bodyweight: "bodyweight only",
};

export function goalLabel(g: Goal): string {
  return GOAL_LABELS[g];
}
export function equipmentLabel(e: Equipment): string {
  return EQUIPMENT_LABELS[e];
}

function list(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** A field's value in plain words, for acknowledgements and the coach card. */
export function describeValue<K extends FieldKey>(key: K, value: FieldValues[K]): string {
  const v = value as unknown;
  switch (key) {
    case "goals":
      return list((v as Goal[]).map(goalLabel));
    case "experienceYears": {
      const y = v as number;
      if (y === 0) return "new to training";
      if (y < 1) return `${Math.round(y * 12)} months of training`;
      return `${y} year${y === 1 ? "" : "s"} of training`;
    }
    case "frequency":
      return `${v} day${v === 1 ? "" : "s"} a week`;
    case "sessionLength":
      return `${v}-minute sessions`;
    case "injuries": {
      // Say back the restrictions as understood, so a misreading is caught in the interview.
      const items = v as InjuryEntry[];
      if (!items.length) return "no injuries";
      const rules = items.flatMap((i) => i.restrictions.map(restrictionWords));
      return `${list(items.map(injuryLabel))} to protect${rules.length ? ` (${rules.join("; ")})` : ""}`;
    }
    case "restrictions": {
      const items = v as Restriction[];
      return items.length ? items.map(restrictionWords).join("; ") : "no movement restrictions";
    }
    case "equipment":
      return equipmentLabel(v as Equipment);
    case "age":
      return `age ${v}`;
    case "coachingStyle":
      return v === "direct" ? "direct coaching" : v === "encouraging" ? "encouraging coaching" : "a balanced coaching style";
    case "voice":
      return `${v === "alice" ? "Alice" : "Aiden"}'s voice`;
    case "units":
      return v === "lb" ? "pounds" : "kilograms";
    case "favoriteMovements":
      return `likes ${list(v as string[])}`;
    case "dislikedMovements":
      return (v as string[]).length ? `no ${list(v as string[])}` : "no dislikes";
    case "recovery": {
      const r = v as FieldValues["recovery"];
      return [r.sleepHours !== null ? `about ${r.sleepHours} h sleep` : null, r.stress ? `${r.stress} stress` : null].filter(Boolean).join(", ");
    }
    case "competition":
      return v === "none" ? "no competitions" : `${v} competition`;
    case "successMetrics":
      return list((v as string[]).map((m) => m.replace(/_/g, " ")));
    case "methodology":
      return v === "none" ? "no methodology preference" : v === "peaking" ? "a powerlifting peaking block" : String(v).replace(/_/g, " ");
    case "checkIn":
      return v === "every_session" ? "check-ins after every session" : `${v} check-ins`;
    case "learningStyle":
      return v === "brief" ? "short answers" : v === "data" ? "numbers and charts" : "explanations with the why";
    case "nutrition":
      return v === "none" ? "no nutrition coaching" : `${v} nutrition guidance`;
    default:
      return String(v);
  }
}
