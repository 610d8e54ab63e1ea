import "server-only";
import { randomUUID } from "node:crypto";
import type { Db } from "@/db/client";
import { getChatModel } from "@/lib/ai/provider";
import { deployedModel } from "@/lib/training/registry";
import { DEFAULT_COACH_PLAN, planFromCard } from "@/lib/ai/coach-plan";
import { buildSystemPrompt, type CoachPersona, type CoachPlan } from "@/lib/ai/system-prompt";
import { createCoachTools, type CoachChart, type QueryInfo } from "@/lib/ai/tools";
import { MAX_VISUALIZATION_ROWS } from "@/db/tables/chat";
import { getChatPersona } from "@/lib/coach/chat-persona";
import { getPrimaryCoach } from "@/lib/coach/coaches";
import { SANDBOX_SCHEMA_DOC } from "@/lib/sql/relations";
import { formatWeight, type Unit } from "@/lib/units";
import { getProfile } from "@/lib/users/profile";
import { localDate } from "@/lib/time/zone";
import { logError } from "@/lib/log/redact";
import { programmeToday } from "@/lib/trainer/programme-today";
import type { ChartPayload } from "./types";

export type ChatModelInfo = ReturnType<typeof getChatModel>;

/**
 * The model answering this request: { model, id, label, offline }. With OPENAI_API_KEY, a deployed
 * OpenAI fine-tune from the model registry (lib/training/registry.ts) answers instead of OPENAI_MODEL.
 */
export async function resolveChatModel(db: Db): Promise<ChatModelInfo> {
  return getChatModel(await deployedModel(db));
}

export type CoachTools = ReturnType<typeof createCoachTools>;

/**
 * The coach's tools for one reply, wired to the chat: queries are reported for the message's
 * query_executed/query_ms, charts get their visualization id up front and are streamed to the UI.
 */
export function createReplyTools(opts: {
  db: Db;
  userId: string;
  settings: CoachSettings;
  onQuery: (q: { sql: string; ms: number }) => void;
  onChart: (chart: ChartPayload) => void;
}): CoachTools {
  let lastOk = false;
  return createCoachTools({
    db: opts.db,
    userId: opts.userId,
    units: opts.settings.units,
    timeZone: opts.settings.timeZone,
    onQuery: (info: QueryInfo) => {
      // Prefer the last successful query; a failed one only counts when nothing worked yet.
      if (info.ok || !lastOk) opts.onQuery({ sql: info.sql, ms: info.ms });
      lastOk ||= info.ok;
    },
    onChart: (chart: CoachChart) => {
      const visualizationId = randomUUID();
      opts.onChart(toChartPayload(visualizationId, chart));
      return { chartId: visualizationId };
    },
  });
}

function toChartPayload(visualizationId: string, chart: CoachChart): ChartPayload {
  return {
    visualizationId,
    chartType: chart.type,
    option: chart.option,
    sql: chart.sql,
    columns: chart.columns,
    rows: chart.rows.slice(0, MAX_VISUALIZATION_ROWS),
    rowsTruncated: chart.truncated || chart.rows.length > MAX_VISUALIZATION_ROWS,
  };
}

export interface CoachSettings {
  units: Unit;
  timeZone: string;
  persona: CoachPersona | null;
  /** The primary coach's programme and safety rules (the default coach's when there is none). */
  plan?: CoachPlan | null;
}

/**
 * The user's units, time zone and coach persona: their primary coach's current version, or the
 * default coach when they have none (lib/coach/chat-persona.ts).
 */
export async function loadCoachSettings(db: Db, userId: string, now = new Date()): Promise<CoachSettings> {
  const [profile, persona, coach] = await Promise.all([
    getProfile(db, userId),
    getChatPersona(db, userId),
    getPrimaryCoach(db, userId).catch(() => null),
  ]);
  let plan: CoachPlan = DEFAULT_COACH_PLAN;
  try {
    if (coach) plan = planFromCard(coach.card);
  } catch {
    // a stored card that no longer has the expected shape: the default plan, like the persona
  }
  const assignedToday = await assignedSessionLines(db, { userId, units: profile.units, timeZone: profile.timeZone, plan, persona }, now);
  return { units: profile.units, timeZone: profile.timeZone, persona, plan: assignedToday ? { ...plan, assignedToday } : plan };
}

/**
 * Today's session from a programme a trainer assigned (the same source live mode starts from), as
 * the plan block's assigned_today lines: the programme's note, then "Back Squat: 5 × 5 at 82.5 kg".
 * A failure to read it is logged and the chat answers from the rotation.
 */
async function assignedSessionLines(
  db: Db,
  c: { userId: string; units: Unit; timeZone: string; plan: CoachPlan; persona: CoachPersona | null },
  now = new Date(),
): Promise<string[] | null> {
  try {
    const today = await programmeToday(db, {
      userId: c.userId,
      now,
      today: localDate(now, c.timeZone),
      timeZone: c.timeZone,
      plan: c.plan,
      persona: c.persona,
    });
    if (!today) return null;
    const lines = today.exercises.map((e) => {
      const s = e.sets[0];
      const same = e.sets.every((x) => x.weightKg === s.weightKg && x.reps === s.reps && x.rpe === s.rpe);
      const sets = same ? `${e.sets.length} × ${s.reps ?? "?"}` : e.sets.map((x) => x.reps ?? "?").join("/") + " reps";
      const load = s.weightKg !== null ? ` at ${formatWeight(s.weightKg, c.units)}` : "";
      const rpe = s.rpe ? ` @ RPE ${s.rpe}` : "";
      return `${e.name}: ${sets}${load}${rpe}`;
    });
    if (today.skipped.length) lines.push(`Left out (your coach avoids them): ${today.skipped.join(", ")}`);
    return [today.note ?? `Today in your programme: ${today.name}.`, ...lines];
  } catch (e) {
    logError("chat: reading the assigned programme", e);
    return null;
  }
}

/** The system prompt for this user, with the rolling summary of older turns when there is one. */
export function systemPromptFor(settings: CoachSettings, summary: string | null, now = new Date()): string {
  const base = buildSystemPrompt({
    persona: settings.persona,
    plan: settings.plan,
    units: settings.units,
    timeZone: settings.timeZone,
    today: localDate(now, settings.timeZone),
    schemaDoc: SANDBOX_SCHEMA_DOC,
  });
  if (!summary) return base;
  return `${base}\n\nEarlier in this conversation (older messages are not shown to you; this is a summary of them):\n${summary}`;
}
