import { parseWorkoutText } from "@/lib/workout-text/parse";
import { zonedTime } from "@/lib/time/zone";
import type { WorkoutDraft } from "@/lib/workout-text/types";
import { addDays, daysBetween, formatSpan, parsePeriod, type Period } from "@/lib/time/periods";
import { capabilities, composeAnswer, greetingAnswer, notLoggedAnswer, painAnswer, suggestAnswer, type Fallback } from "./answers";
import { planChart } from "./charts";
import { findExerciseMentions } from "./exercises";
import { classifyIntent, exercisesOf, rangeOf, type Intent } from "./intents";
import type { ReadPrompt, ToolStep } from "./prompt";
import { planQuery, planResolve, planSpan, RESOLVE_PURPOSE, SPAN_PURPOSE, type QueryPlan } from "./sql";
import { pickVariant, type Variant, type VariantRow } from "./variants";

export type Action = { kind: "text"; text: string } | { kind: "tool"; toolName: string; input: Record<string, unknown> };

/** Tool calls per reply: resolve or span look-up, the query (and its one retry), the chart. The chat allows five steps. */
const MAX_TOOL_STEPS = 4;

type QueryOut = { error?: string; reason?: string; columns?: string[]; rows?: Record<string, unknown>[]; queryRef?: string; truncated?: boolean };

/**
 * The offline coach's policy, one step at a time, like an LLM in a tool loop:
 *   question about named lifts → which of the user's exercises match (query) → the query → chart → answer
 *   other data question → query → (nothing in the period: the span of the data → the query over it) → chart → answer
 *   a rejected query is retried once in a simpler form
 *   workout description → log_workout → answer
 *   pain → safety guidance from the coach's rules, no tools
 *   anything else → capabilities / greeting / suggestions, no tools
 * Pure: the same prompt always gives the same action.
 */
export function decide(p: ReadPrompt): Action {
  const intent = resolveIntent(p);
  const steps = p.steps;
  if (steps.length === 0) return firstStep(intent, p);
  const last = steps[steps.length - 1];
  switch (last.toolName) {
    case "query_training_data": {
      const out = last.output as QueryOut | undefined;
      if (last.failed || !out || out.error) {
        const reason = last.failed ?? out?.reason ?? "unknown error";
        const input = (last.input as { sql?: string; purpose?: string } | null) ?? {};
        const sameStage = steps.filter((s) => s.toolName === "query_training_data" && stageOf(s) === stageOf(last)).length;
        const retry = sameStage === 1 && steps.length < MAX_TOOL_STEPS ? replan(intent, p, stageOf(last), true) : null;
        if (retry && retry.sql !== input.sql) {
          return {
            kind: "tool",
            toolName: "query_training_data",
            input: { sql: retry.sql, purpose: `${retry.purpose} (simplified after: ${reason.slice(0, 120)})` },
          };
        }
        return {
          kind: "text",
          text: `I couldn't get that from your data: ${reason}\n\nTry rephrasing the question, or ask for a shorter time range.`,
        };
      }
      return next(intent, p);
    }
    case "show_chart":
      return { kind: "text", text: finalAnswer(intent, p) };
    case "log_workout":
      return { kind: "text", text: logAnswer(last) };
    default:
      return { kind: "text", text: capabilities(p.persona) };
  }
}

type Stage = "resolve" | "span" | "main";

function stageOf(step: ToolStep): Stage {
  const purpose = String((step.input as { purpose?: string } | null)?.purpose ?? "");
  if (purpose.startsWith(RESOLVE_PURPOSE)) return "resolve";
  if (purpose.startsWith(SPAN_PURPOSE)) return "span";
  return "main";
}

function okQuery(s: ToolStep): boolean {
  const out = s.output as QueryOut | undefined;
  return s.toolName === "query_training_data" && !s.failed && Boolean(out) && !out!.error;
}

/** What this turn has found so far. */
type State = {
  variants: Variant[] | null;
  span: { first: string; last: string; entries: number } | null;
  /** The latest successful main query, and whether it ran after the span look-up. */
  main: { out: QueryOut; afterSpan: boolean } | null;
  resolved: Intent;
  fallback: Fallback | null;
};

function analyse(intent: Intent, p: ReadPrompt): State {
  const refs = exercisesOf(intent);
  let variants: Variant[] | null = null;
  let span: State["span"] = null;
  let main: State["main"] = null;
  for (const s of p.steps) {
    if (!okQuery(s)) continue;
    const out = s.output as QueryOut;
    const stage = stageOf(s);
    if (stage === "resolve") variants = refs.map((r) => pickVariant(r, (out.rows ?? []) as VariantRow[]));
    else if (stage === "span") {
      const r = (out.rows ?? [])[0] ?? {};
      span = { first: String(r.first_day ?? ""), last: String(r.last_day ?? ""), entries: Number(r.entries ?? 0) };
    } else main = { out, afterSpan: span !== null };
  }
  let resolved = intent;
  let fallback: Fallback | null = null;
  if (variants) {
    const found = variants.filter((v) => v.chosen);
    resolved = withExercises(
      intent,
      found.map((v) => v.ref),
    );
    const range = rangeOf(intent);
    if (range && range.kind !== "all" && found.length > 0 && found.every((v) => v.chosen!.in_period === 0)) {
      const first = found.map((v) => v.chosen!.first_day).sort()[0];
      const last = found
        .map((v) => v.chosen!.last_day)
        .sort()
        .at(-1)!;
      fallback = makeFallback(range, first, last, p.context.today, "sets");
      resolved = withRange(resolved, fallback.range);
    }
  } else if (span && span.entries > 0) {
    const range = rangeOf(intent);
    if (range) {
      fallback = makeFallback(range, span.first, span.last, p.context.today, intent.kind === "body" ? "entries" : "training");
      resolved = withRange(intent, fallback.range);
    }
  }
  return { variants, span, main, resolved, fallback };
}

/** The period to answer over when the asked one holds nothing: the same length up to the last data, or all of it. */
function makeFallback(requested: Period, first: string, last: string, today: string, what: Fallback["what"]): Fallback {
  const end = addDays(last, 1);
  let from = first;
  if ((requested.kind === "default" || requested.kind === "rolling") && requested.days) {
    const candidate = addDays(end, -requested.days);
    if (candidate > first) from = candidate;
  }
  const label =
    from === first
      ? `all of it (${formatSpan(first, last)})`
      : `the ${requested.days && requested.days % 7 === 0 && requested.days <= 70 ? `${requested.days / 7} weeks` : requested.label.replace(/^the last /, "")} up to your last entry (${formatSpan(from, last)})`;
  const range: Period = { from, to: end, label: formatSpan(from, last), kind: "between", days: daysBetween(from, end), partial: end > today };
  return { requested, first, last, range, what, label };
}

function withRange(intent: Intent, range: Period): Intent {
  if (!("range" in intent)) return intent;
  return { ...intent, range } as Intent;
}

function withExercises(intent: Intent, refs: ReturnType<typeof exercisesOf>): Intent {
  switch (intent.kind) {
    case "progress":
    case "records":
    case "volume":
    case "frequency":
      return { ...intent, exercise: refs[0] ?? intent.exercise };
    case "compare":
      return refs.length >= 2 ? { ...intent, exercises: refs } : { kind: "progress", exercise: refs[0], range: intent.range, bucket: "week" };
    default:
      return intent;
  }
}

function replan(intent: Intent, p: ReadPrompt, stage: Stage, simple: boolean): QueryPlan | null {
  if (stage === "resolve") return planResolve(exercisesOf(intent), rangeOf(intent), p.context, simple);
  if (stage === "span") return planSpan(intent, p.context, simple);
  return planQuery(analyse(intent, p).resolved, p.context, simple);
}

const query = (plan: QueryPlan): Action => ({ kind: "tool", toolName: "query_training_data", input: { sql: plan.sql, purpose: plan.purpose } });

function next(intent: Intent, p: ReadPrompt): Action {
  const state = analyse(intent, p);
  const tooMany = p.steps.length >= MAX_TOOL_STEPS;
  if (exercisesOf(intent).length > 0 && state.variants) {
    const missing = state.variants.filter((v) => !v.chosen);
    if (missing.length === state.variants.length)
      return {
        kind: "text",
        text: notLoggedAnswer(
          missing.map((v) => v.ref),
          p.steps,
        ),
      };
    if (!state.main) {
      const plan = planQuery(state.resolved, p.context);
      if (!plan || tooMany) return { kind: "text", text: finalAnswer(intent, p) };
      return query(plan);
    }
  } else if (state.main) {
    const rows = state.main.out.rows ?? [];
    const range = rangeOf(intent);
    if (rows.length === 0 && !state.span && range && range.kind !== "all" && !tooMany) return query(planSpan(intent, p.context));
  }
  if (state.span && state.span.entries > 0 && (!state.main || !state.main.afterSpan) && state.fallback) {
    const plan = planQuery(state.resolved, p.context);
    if (plan && !tooMany) return query(plan);
  }
  // The result is in: a chart when one fits (and a step is left for the answer), then the answer.
  const last = p.steps[p.steps.length - 1];
  if (stageOf(last) === "main" && state.main && p.tools.has("show_chart") && !tooMany) {
    const out = state.main.out;
    const chart = planChart(state.resolved, out.columns ?? [], out.rows ?? [], p.context);
    if (chart) return { kind: "tool", toolName: "show_chart", input: { ...chart, ...(out.queryRef ? { queryRef: out.queryRef } : {}) } };
  }
  return { kind: "text", text: finalAnswer(intent, p) };
}

/** "and for bench?" — a follow-up that only names an exercise or a period reuses the previous question's intent. */
function resolveIntent(p: ReadPrompt): Intent {
  const intent = classifyIntent(p.userText, p.context);
  if (intent.kind !== "help" || !p.previousUserText) return intent;
  const mentions = findExerciseMentions(p.userText);
  const range = parsePeriod(p.userText, p.context.today);
  if (mentions.length === 0 && !range) return intent;
  const previous = classifyIntent(p.previousUserText, p.context);
  if (["help", "log", "greeting", "pain", "today", "suggest"].includes(previous.kind)) return intent;
  const merged: Intent = { ...previous } as Intent;
  if (range && "range" in merged) (merged as { range: unknown }).range = range;
  if (mentions.length > 0) {
    if ("exercise" in merged) (merged as { exercise: unknown }).exercise = mentions[0];
    if (merged.kind === "compare" && mentions.length >= 2) merged.exercises = mentions;
    if (merged.kind === "compare" && mentions.length === 1) return { kind: "progress", exercise: mentions[0], range: merged.range, bucket: "week" };
  }
  return merged;
}

function firstStep(intent: Intent, p: ReadPrompt): Action {
  switch (intent.kind) {
    case "help":
      return { kind: "text", text: capabilities(p.persona) };
    case "greeting":
      return { kind: "text", text: greetingAnswer(p.persona) };
    case "suggest":
      return { kind: "text", text: suggestAnswer(intent, p.persona) };
    case "pain":
      return { kind: "text", text: painAnswer(intent, p.plan, p.persona) };
    case "log": {
      const now = zonedTime(p.context.today, 12, 0, p.context.timeZone);
      const parsed = parseWorkoutText(intent.text, { unit: p.context.units, now, timeZone: p.context.timeZone });
      if (!p.tools.has("log_workout")) return { kind: "text", text: "Logging isn't available in this conversation." };
      if (parsed.needsHistory || parsed.workouts.length === 0) return { kind: "tool", toolName: "log_workout", input: { text: intent.text } };
      return { kind: "tool", toolName: "log_workout", input: { text: intent.text, draft: toModelDraft(parsed) } };
    }
    default: {
      if (!p.tools.has("query_training_data")) return { kind: "text", text: capabilities(p.persona) };
      const refs = exercisesOf(intent);
      if (refs.length > 0) return query(planResolve(refs, rangeOf(intent), p.context));
      const plan = planQuery(intent, p.context);
      if (!plan) return { kind: "text", text: capabilities(p.persona) };
      return query(plan);
    }
  }
}

/** The answer from the latest successful main query of this turn. */
function finalAnswer(intent: Intent, p: ReadPrompt): string {
  const state = analyse(intent, p);
  if (!state.main) {
    if (state.span && state.span.entries === 0)
      return composeAnswer({
        intent,
        rows: [],
        truncated: false,
        ctx: p.context,
        persona: p.persona,
        plan: p.plan,
        fallback: null,
        notes: [],
        noDataAtAll: true,
      });
    return "I couldn't get an answer from your data this time. Please try again.";
  }
  const notes = (state.variants ?? []).map((v) => v.note).filter((n): n is string => Boolean(n));
  const missing = (state.variants ?? []).filter((v) => !v.chosen).map((v) => `You have no sets of ${v.ref.label} logged.`);
  return composeAnswer({
    intent: state.main.afterSpan || state.variants ? state.resolved : intent,
    rows: state.main.out.rows ?? [],
    truncated: Boolean(state.main.out.truncated),
    ctx: p.context,
    persona: p.persona,
    plan: p.plan,
    fallback: state.fallback && (state.main.afterSpan || state.variants) ? state.fallback : null,
    notes: [...missing, ...notes],
    noDataAtAll: Boolean(state.span && state.span.entries === 0),
  });
}

function logAnswer(step: ToolStep): string {
  const out = step.output as
    { status?: string; summary?: string; draft?: WorkoutDraft; error?: string; reason?: string; warnings?: string[] } | undefined;
  if (step.failed || !out) return `I couldn't prepare that workout: ${step.failed ?? "no result"}.`;
  if (out.error || out.status !== "draft") {
    const warnings = out.warnings?.length ? `\n\n${out.warnings.map((w) => `- ${w}`).join("\n")}` : "";
    return `I couldn't read a workout in that: ${out.reason ?? "unknown problem"}${warnings}`;
  }
  const lines = ["Here's what I understood — check the card and save it if it's right:", out.summary ?? ""];
  const unknown = (out.draft?.workouts ?? []).flatMap((w) => w.exercises.filter((e) => e.known === false).map((e) => e.name));
  if (unknown.length) lines.push(`New to your exercise list: ${[...new Set(unknown)].join(", ")}.`);
  if (out.draft?.warnings?.length) lines.push(out.draft.warnings.map((w) => `Note: ${w}`).join("\n"));
  return lines.filter(Boolean).join("\n\n");
}

/** The parser's draft in the shape the log_workout tool takes from a model (kg, explicit). */
function toModelDraft(draft: WorkoutDraft) {
  return {
    workouts: draft.workouts.map((w) => ({
      date: w.date,
      name: w.name,
      exercises: w.exercises.map((e) => ({
        name: e.name,
        sets: e.sets.map((s) => ({
          reps: s.reps,
          weight: s.weightKg,
          unit: "kg" as const,
          setType: s.setType,
          rpe: s.rpe,
          durationSeconds: s.durationSeconds,
          distanceM: s.distanceM,
        })),
      })),
    })),
  };
}
