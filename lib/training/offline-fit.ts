import { createHash } from "node:crypto";
import { CUE_PERSONAS } from "@/lib/cues/personas";
import { TEMPLATES } from "@/lib/cues/templates";
import type { CuePersonaId, CueTrigger, TemplatePreferences } from "@/lib/cues/types";

/**
 * The embedded model's training: per persona × trigger × template, how often lifters gave the cue a
 * thumbs up. Fitted on most of a batch's cue records and validated on a held-out fifth (chosen by a
 * hash of the record id, so a re-run splits the same way). Pure: no database.
 */
export interface FeedbackExample {
  id: string;
  persona: string;
  trigger: string;
  template: number;
  feedback: -1 | 1;
}

export interface OfflineMetrics {
  [key: string]: number | boolean;
  trainExamples: number;
  heldOutExamples: number;
  /** Mean squared error of the predicted thumbs-up probability on held-out feedback (lower is better). */
  brier: number;
  /** The same for the model it would replace (the deployed preferences, or no preference: 0.25). */
  baselineBrier: number;
  /** Held-out thumbs predicted on the right side of 0.5. */
  accuracy: number;
}

/** Fewer held-out examples than this and the run cannot show it learned anything: validation fails. */
const MIN_HELD_OUT = 10;

export function isHeldOut(id: string): boolean {
  return createHash("sha256").update(id).digest()[0] % 5 === 0;
}

function templateCount(persona: string, trigger: string): number {
  return TEMPLATES[persona as CuePersonaId]?.[trigger as CueTrigger]?.length ?? 0;
}

/** Laplace-smoothed thumbs-up rate per template; 0.5 where nobody said anything. */
function fitPreferences(examples: readonly FeedbackExample[]): TemplatePreferences {
  const counts = new Map<string, { up: number; n: number }>();
  for (const e of examples) {
    if (e.template < 0 || e.template >= templateCount(e.persona, e.trigger)) continue;
    const k = `${e.persona}|${e.trigger}|${e.template}`;
    const c = counts.get(k) ?? { up: 0, n: 0 };
    c.n++;
    if (e.feedback === 1) c.up++;
    counts.set(k, c);
  }
  const prefs: TemplatePreferences = {};
  for (const persona of Object.keys(CUE_PERSONAS) as CuePersonaId[]) {
    for (const trigger of Object.keys(TEMPLATES[persona]) as CueTrigger[]) {
      const n = templateCount(persona, trigger);
      const weights = Array.from({ length: n }, (_, i) => {
        const c = counts.get(`${persona}|${trigger}|${i}`);
        return c ? Math.round(((c.up + 1) / (c.n + 2)) * 1000) / 1000 : 0.5;
      });
      if (weights.some((w) => w !== 0.5)) (prefs[persona] ??= {})[trigger] = weights;
    }
  }
  return prefs;
}

function predictThumbsUp(prefs: TemplatePreferences | null | undefined, e: Pick<FeedbackExample, "persona" | "trigger" | "template">): number {
  return prefs?.[e.persona as CuePersonaId]?.[e.trigger as CueTrigger]?.[e.template] ?? 0.5;
}

function brier(prefs: TemplatePreferences | null | undefined, examples: readonly FeedbackExample[]): number {
  if (!examples.length) return 0.25;
  return examples.reduce((sum, e) => sum + (predictThumbsUp(prefs, e) - (e.feedback === 1 ? 1 : 0)) ** 2, 0) / examples.length;
}

/**
 * Fits on the training split, validates on the held-out split. Passes only with enough held-out
 * feedback and a Brier score strictly better than the model it would replace.
 */
export function trainOffline(
  examples: readonly FeedbackExample[],
  current: TemplatePreferences | null = null,
): { preferences: TemplatePreferences; metrics: OfflineMetrics; passed: boolean; reason: string | null } {
  const train = examples.filter((e) => !isHeldOut(e.id));
  const heldOut = examples.filter((e) => isHeldOut(e.id));
  const preferences = fitPreferences(train);
  const metrics: OfflineMetrics = {
    trainExamples: train.length,
    heldOutExamples: heldOut.length,
    brier: round(brier(preferences, heldOut)),
    baselineBrier: round(brier(current, heldOut)),
    accuracy: round(heldOut.length ? heldOut.filter((e) => predictThumbsUp(preferences, e) > 0.5 === (e.feedback === 1)).length / heldOut.length : 0),
  };
  const reason =
    heldOut.length < MIN_HELD_OUT
      ? `only ${heldOut.length} held-out thumbs (need ${MIN_HELD_OUT})`
      : metrics.brier >= metrics.baselineBrier
        ? `held-out Brier ${metrics.brier} is not better than the current model's ${metrics.baselineBrier}`
        : null;
  return { preferences, metrics, passed: reason === null, reason };
}

function round(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}
