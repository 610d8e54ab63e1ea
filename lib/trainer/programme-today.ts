import "server-only";
import type { Db } from "@/db/client";
import { isAvoided } from "@/lib/ai/offline/coaching";
import { findExerciseByName } from "@/lib/exercises/resolver";
import type { TodayPlan, TodaySource } from "@/lib/plans/today";
import { loadExerciseBests } from "@/lib/workouts/record-history";
import { schedule, type ProgrammeDay, type ScheduledDay } from "./programme-schema";
import { getActiveAssignment } from "./programmes";

/** Working weight for a %e1RM prescription from the athlete's best e1RM, to the nearest 2.5 kg; null without history. */
function weightFromE1rm(bestE1rmKg: number | null, percent: number): number | null {
  if (!bestE1rmKg || bestE1rmKg <= 0) return null;
  return Math.max(0, Math.round((bestE1rmKg * percent) / 100 / 2.5) * 2.5);
}

async function planExercises(db: Db, userId: string, day: ProgrammeDay, persona: Parameters<typeof isAvoided>[1]) {
  const exercises: TodayPlan["exercises"] = [];
  const skipped: string[] = [];
  const unknown: string[] = [];
  for (const p of day.exercises) {
    if (isAvoided(p.exercise, persona)) {
      skipped.push(p.exercise);
      continue;
    }
    const ex = await findExerciseByName(db, userId, p.exercise);
    if (!ex) {
      unknown.push(p.exercise);
      continue;
    }
    const best = p.intensity.kind === "e1rm" ? (await loadExerciseBests(db, userId, ex.id)).e1rmKg : null;
    const weightKg = p.intensity.kind === "e1rm" ? weightFromE1rm(best, p.intensity.percent) : null;
    const rpe = p.intensity.kind === "rpe" ? p.intensity.rpe : null;
    exercises.push({ exerciseId: ex.id, name: ex.name, sets: Array.from({ length: p.sets }, () => ({ weightKg, reps: p.reps, rpe })) });
  }
  return { exercises, skipped, unknown };
}

/**
 * An assigned programme as a source of today's plan (lib/plans/today.ts tries it before the
 * rotation): the day scheduled today, or on a rest day the next scheduled day, with a note saying so.
 */
export const programmeToday: TodaySource = async (db, ctx) => {
  const a = await getActiveAssignment(db, ctx.userId);
  if (!a) return null;
  const days = schedule(a.body, a.startDate);
  const todayDay = days.find((d) => d.date === ctx.today);
  const next: ScheduledDay | undefined = todayDay ?? days.find((d) => d.date > ctx.today);
  if (!next) return null; // finished: fall back to the rotation
  const { exercises, skipped, unknown } = await planExercises(db, ctx.userId, next.day, ctx.persona);
  if (!exercises.length) return null;
  const where = `${a.name}, week ${next.week}, ${next.day.name}`;
  const note = [
    todayDay ? `Today in your programme: ${where}.` : `Rest day in your programme; next is ${where} on ${next.date}.`,
    unknown.length ? `Not in your exercise list yet: ${unknown.join(", ")}.` : "",
  ]
    .filter(Boolean)
    .join(" ");
  return { name: `${next.day.name} (${a.name})`, source: "programme", note, exercises, skipped };
};
