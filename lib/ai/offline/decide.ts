import { parseWorkoutText } from "@/lib/workout-text/parse";
import { zonedTime } from "@/lib/time/zone";
import type { WorkoutDraft } from "@/lib/workout-text/types";
import { capabilities, composeAnswer, greetingAnswer, suggestAnswer } from "./answers";
import { planChart } from "./charts";
import { findExerciseMentions } from "./exercises";
import { classifyIntent, type Intent } from "./intents";
import type { ReadPrompt, ToolStep } from "./prompt";
import { planQuery } from "./sql";
import { parseTimeRange } from "./time-range";

export type Action = { kind: "text"; text: string } | { kind: "tool"; toolName: string; input: Record<string, unknown> };

const MAX_STEPS = 4;

/**
 * The offline coach's policy, one step at a time, like an LLM in a tool loop:
 *   question → query_training_data → (retry once on a rejection) → show_chart → answer
 *   workout description → log_workout → answer
 *   anything else → capabilities / greeting / suggestions, no tools
 * Pure: the same prompt always gives the same action.
 */
export function decide(p: ReadPrompt): Action {
  const intent = resolveIntent(p);
  const steps = p.steps;
  if (steps.length === 0) return firstStep(intent, p);
  if (steps.length >= MAX_STEPS) return { kind: "text", text: finalFromSteps(intent, p) };
  const last = steps[steps.length - 1];
  switch (last.toolName) {
    case "query_training_data": {
      const out = last.output as { error?: string; reason?: string; columns?: string[]; rows?: Record<string, unknown>[]; queryRef?: string } | undefined;
      if (last.failed || !out || out.error) {
        const reason = last.failed ?? out?.reason ?? "unknown error";
        const attempts = steps.filter((s) => s.toolName === "query_training_data").length;
        const retry = attempts === 1 ? planQuery(intent, p.context, true) : null;
        const previousSql = (last.input as { sql?: string } | null)?.sql;
        if (retry && retry.sql !== previousSql) {
          return { kind: "tool", toolName: "query_training_data", input: { sql: retry.sql, purpose: `${retry.purpose} (simplified after: ${reason.slice(0, 120)})` } };
        }
        return { kind: "text", text: `I couldn't get that from your data: ${reason}\n\nTry rephrasing the question, or ask for a shorter time range.` };
      }
      const rows = out.rows ?? [];
      const chart = p.tools.has("show_chart") ? planChart(intent, out.columns ?? [], rows, p.context) : null;
      if (chart) return { kind: "tool", toolName: "show_chart", input: { ...chart, ...(out.queryRef ? { queryRef: out.queryRef } : {}) } };
      return { kind: "text", text: composeAnswer({ intent, rows, ctx: p.context, persona: p.persona, chartShown: false }) };
    }
    case "show_chart":
      return { kind: "text", text: finalFromSteps(intent, p) };
    case "log_workout":
      return { kind: "text", text: logAnswer(last) };
    default:
      return { kind: "text", text: capabilities(p.persona) };
  }
}

/** "and for bench?" — a follow-up that only names an exercise or a period reuses the previous question's intent. */
function resolveIntent(p: ReadPrompt): Intent {
  const intent = classifyIntent(p.userText, p.context);
  if (intent.kind !== "help" || !p.previousUserText) return intent;
  const mentions = findExerciseMentions(p.userText);
  const range = parseTimeRange(p.userText, p.context.today);
  if (mentions.length === 0 && !range) return intent;
  const previous = classifyIntent(p.previousUserText, p.context);
  if (previous.kind === "help" || previous.kind === "log" || previous.kind === "greeting") return intent;
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
    case "log": {
      const now = zonedTime(p.context.today, 12, 0, p.context.timezone);
      const parsed = parseWorkoutText(intent.text, { unit: p.context.units, now, timezone: p.context.timezone });
      if (!p.tools.has("log_workout")) return { kind: "text", text: "Logging isn't available in this conversation." };
      if (parsed.needsHistory || parsed.workouts.length === 0) return { kind: "tool", toolName: "log_workout", input: { text: intent.text } };
      return { kind: "tool", toolName: "log_workout", input: { text: intent.text, draft: toModelDraft(parsed) } };
    }
    default: {
      const plan = planQuery(intent, p.context);
      if (!plan || !p.tools.has("query_training_data")) return { kind: "text", text: capabilities(p.persona) };
      return { kind: "tool", toolName: "query_training_data", input: { sql: plan.sql, purpose: plan.purpose } };
    }
  }
}

/** The answer after the query (and chart) steps: built from the last successful query result. */
function finalFromSteps(intent: Intent, p: ReadPrompt): string {
  const query = [...p.steps].reverse().find((s) => s.toolName === "query_training_data" && !s.failed && s.output && !(s.output as { error?: string }).error);
  const chart = [...p.steps].reverse().find((s) => s.toolName === "show_chart");
  const chartShown = Boolean(chart && !chart.failed && chart.output && !(chart.output as { error?: string }).error);
  if (!query) return "I couldn't get an answer from your data this time. Please try again.";
  const rows = ((query.output as { rows?: Record<string, unknown>[] }).rows ?? []) as Record<string, unknown>[];
  return composeAnswer({ intent, rows, ctx: p.context, persona: p.persona, chartShown });
}

function logAnswer(step: ToolStep): string {
  const out = step.output as
    | { status?: string; summary?: string; draft?: WorkoutDraft; error?: string; reason?: string; warnings?: string[] }
    | undefined;
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
export function toModelDraft(draft: WorkoutDraft) {
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
