import "server-only";
import { and, asc, desc, eq, gte, inArray } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { exercises, exerciseSets, workoutSessions } from "@/db/schema";
import type { RecentSession } from "./types";

/** The user's sessions of the last `days` days with their sets, for "same as Monday" references. */
export async function loadRecentSessions(db: Queryable, userId: string, now: Date, days = 35, limit = 30): Promise<RecentSession[]> {
  const since = new Date(now.getTime() - days * 86_400_000);
  const sessions = await db
    .select({ id: workoutSessions.id, startedAt: workoutSessions.startedAt, name: workoutSessions.name })
    .from(workoutSessions)
    .where(and(eq(workoutSessions.userId, userId), gte(workoutSessions.startedAt, since)))
    .orderBy(desc(workoutSessions.startedAt))
    .limit(limit);
  if (sessions.length === 0) return [];
  const sets = await db
    .select({
      sessionId: exerciseSets.sessionId,
      name: exercises.name,
      setType: exerciseSets.setType,
      reps: exerciseSets.reps,
      weightKg: exerciseSets.weightKg,
      rpe: exerciseSets.rpe,
      durationSeconds: exerciseSets.durationSeconds,
      distanceM: exerciseSets.distanceM,
    })
    .from(exerciseSets)
    .innerJoin(exercises, eq(exercises.id, exerciseSets.exerciseId))
    .where(
      and(
        eq(exerciseSets.userId, userId),
        inArray(
          exerciseSets.sessionId,
          sessions.map((s) => s.id),
        ),
      ),
    )
    .orderBy(asc(exerciseSets.sessionId), asc(exerciseSets.position));
  return sessions.map((s) => {
    const blocks: RecentSession["exercises"] = [];
    for (const row of sets) {
      if (row.sessionId !== s.id) continue;
      let block = blocks[blocks.length - 1];
      if (!block || block.name !== row.name) {
        block = { name: row.name, sets: [] };
        blocks.push(block);
      }
      block.sets.push({
        setType: row.setType,
        reps: row.reps,
        weightKg: row.weightKg === null ? null : Number(row.weightKg),
        rpe: row.rpe === null ? null : Number(row.rpe),
        durationSeconds: row.durationSeconds,
        distanceM: row.distanceM === null ? null : Number(row.distanceM),
      });
    }
    return { id: s.id, startedAt: s.startedAt, name: s.name, exercises: blocks };
  });
}
