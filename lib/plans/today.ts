import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import type { CoachPersona, CoachPlan } from "@/lib/ai/system-prompt";
import { isAvoided } from "@/lib/ai/offline/coaching";
import { loadCoachSettings } from "@/lib/chat/coach";
import { mondayOf } from "@/lib/time/periods";
import { localDate, zoneOrUtc } from "@/lib/time/zone";
import { programmeToday } from "@/lib/trainer/programme-today";
import { chooseToday, nextInRotation, type RotationSession } from "./rotation";

/**
 * Today's plan as structured data — what the live workout screen starts from. Sources are tried
 * in order; the first that has a plan wins. Today: the lifter's own rotation (the same rule the
 * coach's "what should I do today?" answer uses, lib/plans/rotation.ts), shaped by the primary
 * coach's plan (days a week) and persona (avoided movements are left out).
 *
 * An assigned programme (lib/trainer/programme-today.ts) comes first: a client whose trainer
 * assigned one follows it; the rotation answers otherwise.
 */
export interface TodayPlan {
  name: string;
  source: "rotation" | "programme";
  /** A sentence for the screen: why this session, or why today might be a rest day. */
  note: string | null;
  exercises: { exerciseId: string; name: string; sets: { weightKg: number | null; reps: number | null; rpe?: number | null }[] }[];
  /** Exercises the coach's settings avoid, left out of the plan. */
  skipped: string[];
}

interface TodayContext {
  userId: string;
  now: Date;
  today: string;
  timeZone: string;
  plan: CoachPlan | null;
  persona: CoachPersona | null;
}

export type TodaySource = (db: Db, ctx: TodayContext) => Promise<TodayPlan | null>;

interface WindowSession extends RotationSession {
  id: string;
}

/** Sessions of the four weeks up to the last one (local days), newest first — the window the coach's answer uses. */
async function recentSessions(db: Db, userId: string, timeZone: string): Promise<WindowSession[]> {
  const tz = zoneOrUtc(timeZone);
  const r = await db.execute(sql`
    with s as (
      select w.id, w.name, w.started_at, (w.started_at at time zone ${tz})::date as day,
        bool_or(x.weight_kg is not null and x.set_type <> 'warmup') as lifting
      from workout_sessions w
      join exercise_sets x on x.session_id = w.id and x.user_id = w.user_id
      where w.user_id = ${userId}
      group by w.id
    )
    select id, name, day::text as day, lifting from s
    where day >= (select max(day) from s) - 27
    order by started_at desc
    limit 200
  `);
  return (r.rows as { id: string; name: string; day: string; lifting: boolean }[]).map((x) => ({
    id: String(x.id),
    name: x.name,
    day: String(x.day).slice(0, 10),
    lifting: Boolean(x.lifting),
  }));
}

const rotationToday: TodaySource = async (db, ctx) => {
  const sessions = await recentSessions(db, ctx.userId, ctx.timeZone);
  const choice = chooseToday(sessions, ctx.today, mondayOf(ctx.today), ctx.plan?.daysPerWeek);
  if (choice.kind === "none") return null;
  // The live screen still offers the next session on a rest day; the note says what the coach would.
  const next = choice.kind === "next" ? choice : nextInRotation(sessions)!;
  const note =
    choice.kind === "trained-today"
      ? `You've already trained today (${choice.session.name}) — recovery is today's job.`
      : choice.kind === "week-done"
        ? `You've done this week's ${ctx.plan?.daysPerWeek} sessions — an easy day is fine.`
        : `Next in your rotation, last done ${next.lastDone}.`;
  const r = await db.execute(sql`
    select s.exercise_id, e.name, s.set_type, s.weight_kg::float8 as weight_kg, s.reps, s.rpe::float8 as rpe
    from exercise_sets s join exercises e on e.id = s.exercise_id
    where s.session_id = ${next.template.id} and s.user_id = ${ctx.userId} and s.set_type <> 'warmup'
    order by s.position
  `);
  const exercises: TodayPlan["exercises"] = [];
  const skipped: string[] = [];
  for (const x of r.rows as { exercise_id: string; name: string; weight_kg: number | null; reps: number | null; rpe: number | null }[]) {
    if (isAvoided(x.name, ctx.persona)) {
      if (!skipped.includes(x.name)) skipped.push(x.name);
      continue;
    }
    let block = exercises[exercises.length - 1];
    if (!block || block.exerciseId !== String(x.exercise_id)) exercises.push((block = { exerciseId: String(x.exercise_id), name: x.name, sets: [] }));
    block.sets.push({
      weightKg: x.weight_kg === null ? null : Number(x.weight_kg),
      reps: x.reps === null ? null : Number(x.reps),
      rpe: x.rpe === null ? null : Number(x.rpe),
    });
  }
  if (!exercises.length) return null;
  return { name: next.name, source: "rotation", note, exercises, skipped };
};

/** Tried in order; the first plan wins. */
const TODAY_SOURCES: TodaySource[] = [programmeToday, rotationToday];

/** Today's plan for this user (their primary coach's plan and persona, their rotation), or null when there is nothing to build it from. */
export async function todayPlan(db: Db, userId: string, now = new Date()): Promise<TodayPlan | null> {
  const settings = await loadCoachSettings(db, userId);
  const ctx: TodayContext = {
    userId,
    now,
    today: localDate(now, settings.timeZone),
    timeZone: settings.timeZone,
    plan: settings.plan ?? null,
    persona: settings.persona,
  };
  for (const source of TODAY_SOURCES) {
    const plan = await source(db, ctx);
    if (plan) return plan;
  }
  return null;
}
