import "server-only";
import { UserError } from "@/lib/errors/user-error";
import type { Db, Queryable } from "@/db/client";
import { createExerciseResolver } from "@/lib/exercises/resolver";
import { writeSessions, type SessionToWrite } from "@/lib/workouts/write";
import { workoutDraftSchema, type WorkoutDraft } from "./types";

export class WorkoutDraftError extends UserError {
  constructor(message: string) {
    super(message);
    this.name = "WorkoutDraftError";
  }
}

/**
 * Writes a confirmed draft: one workout_session (source 'chat') per workout plus its sets, all in
 * one transaction. The draft comes back from the browser, so it is validated again here and
 * exercise names are resolved afresh for this user — ids in the draft are never trusted.
 * Accepts the db or a transaction (then it nests as a savepoint).
 */
export async function saveWorkoutDraft(db: Queryable, userId: string, draft: WorkoutDraft): Promise<{ sessionIds: string[]; sets: number }> {
  const parsed = workoutDraftSchema.safeParse(draft);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new WorkoutDraftError(`The workout draft is invalid (${issue.path.join(".") || "draft"}: ${issue.message}).`);
  }
  const workouts = parsed.data.workouts;
  if (workouts.length === 0) throw new WorkoutDraftError("The draft holds no workouts to save.");

  // Inside a caller's transaction this becomes a savepoint, so the caller's work and ours commit together.
  return (db as Db).transaction(async (tx) => {
    const resolver = createExerciseResolver(tx, userId);
    const sessions: SessionToWrite[] = [];
    for (const w of workouts) {
      const exercises = [];
      for (const ex of w.exercises) {
        const { exerciseId } = await resolver.resolve(ex.name, ex.cardio ? { category: "cardio" } : undefined);
        exercises.push({ exerciseId, sets: ex.sets });
      }
      sessions.push({ name: w.name, notes: null, startedAt: new Date(w.startedAt), endedAt: null, source: "chat", exercises });
    }
    const { ids, sets } = await writeSessions(tx, userId, sessions);
    return { sessionIds: ids, sets };
  });
}
