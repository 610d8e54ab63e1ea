import { generateText } from "ai";
import type { LanguageModelV3 } from "@ai-sdk/provider";
import { words } from "./format";
import { ungroundedNumbers } from "./grounding";
import { CUE_PERSONAS } from "./personas";
import { noPush, safetyViolation } from "./safety";
import { REPEAT_TEMPLATES, repeatsPrevious, TEMPLATES } from "./templates";
import { toastFor } from "./toast";
import {
  MAX_CUE_WORDS,
  MAX_ONBOARDING_WORDS,
  type Cue,
  type CueFacts,
  type CueKind,
  type CueRequest,
  type CueTrigger,
  type TemplatePreferences,
} from "./types";

const CUE_DEADLINE_MS = 800;

function kindFor(trigger: CueTrigger, f: CueFacts): CueKind {
  if (f.safety?.painReported) return "form";
  if (trigger === "set-start") return "rest-end";
  if (trigger === "set-end") return f.pr ? "pr" : "pace";
  if (trigger === "strainsync") return f.strain?.reason === "rpe-rising" ? "form" : "pace";
  return "info";
}

function wordLimit(trigger: CueTrigger): number {
  return trigger === "onboarding" ? MAX_ONBOARDING_WORDS : MAX_CUE_WORDS;
}

/** Why a cue text is unusable for these facts (too long, invented numbers, unsafe), or null. */
export function cueProblem(text: string, trigger: CueTrigger, f: CueFacts): string | null {
  if (!text.trim()) return "empty";
  if (words(text) > wordLimit(trigger)) return `longer than ${wordLimit(trigger)} words`;
  const invented = ungroundedNumbers(text, f);
  if (invented.length) return `numbers not in the log or plan: ${invented.join(", ")}`;
  return safetyViolation(text, f);
}

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** The cue when no template fits (also a common phrase: lib/cues/common-phrases.ts). */
export const LAST_RESORT: Record<CueTrigger, string> = {
  onboarding: "Welcome. Tap to complete each set; rest starts on its own. Stop if anything hurts.",
  "pre-start": "Warm up first.",
  "set-start": "Next set.",
  "set-end": "Set logged.",
  strainsync: "Slow down. Clean reps only.",
  "workout-end": "Workout done.",
};
export const PAIN = "If it hurts, stop. Sharp pain ends this lift today.";

/** MurmurHash3's finalizer: every input bit affects every output bit. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * The order in which templates are tried. Without preferences: a seed-chosen start, then rotation.
 * With learned preferences (the deployed offline model): the seed picks the first template with
 * probability proportional to its weight, then the rest by weight — liked templates are said more
 * often, disliked ones rarely, and none is lost when the preferred one lacks its facts.
 */
export function templateOrder(length: number, seed: string, weights?: number[]): number[] {
  const h = hash(seed);
  if (!weights || weights.length !== length || weights.some((w) => !(w >= 0))) {
    const start = h % length;
    return Array.from({ length }, (_, i) => (start + i) % length);
  }
  const total = weights.reduce((a, b) => a + b, 0);
  // FNV's high bits barely change between similar seeds ("set-1", "set-2"): mix before scaling.
  const mixed = fmix32(h);
  const byWeight = Array.from({ length }, (_, i) => i).sort((a, b) => weights[b] - weights[a] || a - b);
  if (total <= 0) return byWeight;
  let point = (mixed / 2 ** 32) * total;
  let first = byWeight[0];
  for (let i = 0; i < length; i++) {
    point -= weights[i];
    if (point < 0) {
      first = i;
      break;
    }
  }
  return [first, ...byWeight.filter((i) => i !== first)];
}

/** The deterministic cue: the first valid template from a seed-chosen start. Never fails. */
export function templateCue(req: CueRequest, started = performance.now(), preferences?: TemplatePreferences | null): Cue {
  const { trigger, persona, facts } = req;
  const kind = kindFor(trigger, facts);
  const done = (text: string, template: number | null = null): Cue => ({
    trigger,
    kind,
    persona,
    text,
    toast: toastFor(facts.safety?.painReported ? "strainsync" : trigger, facts),
    source: "template",
    generationMs: performance.now() - started,
    template,
  });
  if (facts.safety?.painReported && trigger !== "onboarding") return done(PAIN);
  const list =
    (trigger === "set-start" || trigger === "set-end") && repeatsPrevious(trigger, facts)
      ? REPEAT_TEMPLATES[persona][trigger]
      : TEMPLATES[persona][trigger];
  const blockPush = noPush(facts);
  const seed = req.seed ?? `${trigger}:${facts.exercise?.name ?? ""}:${facts.exercise?.setNumber ?? ""}`;
  // Records are always announced first when there is one (priority PR), otherwise rotate.
  const order = facts.pr && trigger === "set-end" ? list.map((_, i) => i) : templateOrder(list.length, seed, preferences?.[persona]?.[trigger]);
  for (const i of order) {
    const tpl = list[i];
    if (tpl.push && blockPush && !facts.pr) continue;
    const text = tpl.render(facts);
    if (text && !cueProblem(text, trigger, facts)) return done(text, i);
  }
  return done(LAST_RESORT[trigger]);
}

function prompt(req: CueRequest): string {
  const p = CUE_PERSONAS[req.persona];
  return [
    `You are ${p.name}, a strength coach speaking into a lifter's earbuds during a workout.`,
    `Traits (0-1): enthusiasm ${p.enthusiasm}, supportiveness ${p.supportiveness}, directness ${p.directness}.`,
    `How you answer: ${p.patterns.join(" ")}`,
    `Write ONE ${req.trigger} cue of at most ${wordLimit(req.trigger)} words. Plain text, no quotes, no emoji.`,
    "Use only numbers that appear in the facts, written the same way (weights are already in the lifter's unit). Never invent a number.",
    "Safety: never encourage training through pain or to failure; if the lifter reported pain, tell them to stop.",
    `Facts (weights in kg; say them in ${req.facts.unit}): ${JSON.stringify(req.facts)}`,
  ].join("\n");
}

/**
 * A cue from the model seam when one is given (OpenAI when keyed), checked for length,
 * grounding and safety; past the deadline, or when the text fails a check, the template cue.
 */
export async function generateCue(
  req: CueRequest,
  opts: { model?: LanguageModelV3 | null; deadlineMs?: number; preferences?: TemplatePreferences | null } = {},
): Promise<Cue & { fallbackReason?: string }> {
  const started = performance.now();
  const fallback = () => templateCue(req, started, opts.preferences);
  if (!opts.model || req.trigger === "onboarding" || req.facts.safety?.painReported) return fallback();
  const deadline = opts.deadlineMs ?? CUE_DEADLINE_MS;
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  try {
    const text = await Promise.race([
      generateText({ model: opts.model, prompt: prompt(req), abortSignal: controller.signal, maxOutputTokens: 60, temperature: 0.7 }).then((r) =>
        r.text.trim().replace(/^["']|["']$/g, ""),
      ),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no cue within ${deadline} ms`)), deadline);
      }),
    ]);
    const problem = cueProblem(text, req.trigger, req.facts);
    if (problem) return { ...fallback(), fallbackReason: problem };
    return { ...fallback(), text, source: "model", generationMs: performance.now() - started, template: null };
  } catch (err) {
    controller.abort();
    return { ...fallback(), fallbackReason: err instanceof Error ? err.message : String(err) };
  } finally {
    clearTimeout(timer);
  }
}
