/** The six moments a cue can be spoken (the product design's triggers). */
export const CUE_TRIGGERS = ["onboarding", "pre-start", "set-start", "set-end", "strainsync", "workout-end"] as const;
export type CueTrigger = (typeof CUE_TRIGGERS)[number];

/** What a cue is about, for ordering: rest-end > pr > form > pace > info. */
export type CueKind = "rest-end" | "pr" | "form" | "pace" | "info";
export const KIND_PRIORITY: Record<CueKind, number> = { "rest-end": 4, pr: 3, form: 2, pace: 1, info: 0 };

export const MAX_CUE_WORDS = 15;
export const MAX_ONBOARDING_WORDS = 200;
export const MAX_TOAST_CHARS = 49;

export type CuePersonaId = "alice" | "aiden";
export type WeightUnit = "kg" | "lb";

export interface SetFact {
  weightKg: number | null;
  reps: number | null;
  rpe?: number | null;
}

type PrKind = "weight" | "e1rm" | "reps" | "volume";

/**
 * Everything a cue may say. Every number in a cue comes from here — the lifter's log (last time,
 * the set just done, records) or the plan (target) — so a cue can be checked against its facts.
 */
export interface CueFacts {
  unit: WeightUnit;
  firstName?: string | null;
  workoutName?: string | null;
  exercise?: { name: string; setNumber: number; totalSets: number; compound: boolean } | null;
  /** The next set as prefilled: from the plan, else last time. */
  target?: SetFact | null;
  /** The same set last session. */
  lastTime?: (SetFact & { when?: string | null }) | null;
  /** The set just completed. */
  done?: SetFact | null;
  /** The previous completed set of this exercise in this workout. */
  previous?: SetFact | null;
  pr?: { kind: PrKind; value: number; previous: number | null; previousWhen?: string | null } | null;
  restSeconds?: number | null;
  strain?: { reason: "rpe-rising" | "reps-falling" | "long-rest"; from: number; to: number } | null;
  summary?: { sets: number; volumeKg: number; prs: number; minutes: number; lastVolumeKg?: number | null } | null;
  /** Coach safety: movements to avoid, and whether the lifter reported pain on this exercise. */
  safety?: { avoid: string[]; painReported?: boolean } | null;
}

export interface CueRequest {
  trigger: CueTrigger;
  persona: CuePersonaId;
  facts: CueFacts;
  /** Picks among templates deterministically (e.g. the set id), so retries say the same thing. */
  seed?: string;
}

export interface Cue {
  trigger: CueTrigger;
  kind: CueKind;
  persona: CuePersonaId;
  text: string;
  toast: string;
  /** "model" when the model seam wrote it, "template" for the offline templates and fallbacks. */
  source: "model" | "template";
  generationMs: number;
  /** Index of the template in TEMPLATES[persona][trigger] that wrote the text (null: model, pain or fallback). */
  template: number | null;
}

/**
 * What the offline cue model learned from lifters' thumbs (lib/training/offline-fit.ts): per persona
 * and trigger, one weight per template (same order as TEMPLATES). Higher is preferred.
 */
export type TemplatePreferences = Partial<Record<CuePersonaId, Partial<Record<CueTrigger, number[]>>>>;
