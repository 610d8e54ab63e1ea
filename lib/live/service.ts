import "server-only";
import type { z } from "zod";
import type { Db } from "@/db/client";
import type { LastSets } from "@/lib/workouts/previous";
import { UserError } from "@/lib/errors/user-error";
import { lastTimeFor, sessionAsStart, startLiveWorkout, type LiveWorkout, type startSchema } from "./workout";
import { templateAsStart } from "./templates";
import { todayPlan } from "@/lib/plans/today";

/** What the live screen needs after every load or save: the workout and last time's numbers per exercise. */
export interface LiveView {
  workout: LiveWorkout | null;
  last: Record<string, LastSets>;
}

export async function viewOf(db: Db, userId: string, workout: LiveWorkout | null): Promise<LiveView> {
  return { workout, last: workout ? await lastTimeFor(db, userId, workout.state) : {} };
}

/** Starts a workout from nothing, today's plan, a past session or a template — every source scoped to the user. */
export async function startFrom(db: Db, userId: string, from: z.output<typeof startSchema>, now = new Date()): Promise<LiveWorkout> {
  if (from.kind === "empty") return startLiveWorkout(db, userId, { origin: "empty", name: "Workout", exercises: [] }, now);
  if (from.kind === "repeat") {
    const s = await sessionAsStart(db, userId, from.sessionId);
    return startLiveWorkout(db, userId, { origin: "repeat", ...s }, now);
  }
  if (from.kind === "template") {
    const t = await templateAsStart(db, userId, from.templateId);
    return startLiveWorkout(db, userId, { origin: "template", ...t }, now);
  }
  const plan = await todayPlan(db, userId, now);
  if (!plan) throw new UserError("There is no plan for today yet: log a few workouts or start an empty one.", { code: "no_plan", status: 422 });
  return startLiveWorkout(
    db,
    userId,
    { origin: "plan", name: plan.name, exercises: plan.exercises.map((e) => ({ exerciseId: e.exerciseId, sets: e.sets })) },
    now,
  );
}
