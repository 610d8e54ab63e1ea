import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { exerciseSets, workoutSessions } from "@/db/tables/training";
import { createExerciseResolver } from "@/lib/exercises/resolver";
import { storedKg } from "@/lib/units";
import { isUuid } from "@/lib/ids/is-uuid";
import type { SessionInput } from "./schemas";
import { zonedLocalToUtc } from "@/lib/time/local";
import { insertSessionSets, writeSession, type ExerciseBlockToWrite } from "./write";

export interface SaveContext {
  /** The user's profile time zone: the form's wall-clock start time is read in it. */
  timeZone: string;
}

/**
 * Exercise names → ids. A name that equals a catalog (or the user's own) exercise name is that
 * exercise — what the picker offers always maps back exactly; anything else goes through the
 * alias resolver, which matches spelling variants or creates the user's custom exercise once.
 */
async function resolveExerciseIds(tx: Tx, userId: string, names: string[]): Promise<Map<string, string>> {
  const wanted = [...new Set(names.map((n) => n.toLowerCase()))];
  const exact = await tx.execute(sql`
    select distinct on (lower(name)) id, lower(name) as key
    from exercises
    where (owner_user_id is null or owner_user_id = ${userId})
      and lower(name) in (${sql.join(
        wanted.map((w) => sql`${w}`),
        sql`, `,
      )})
    order by lower(name), owner_user_id nulls first
  `);
  const ids = new Map<string, string>();
  for (const r of exact.rows as { id: string; key: string }[]) ids.set(r.key, r.id);
  const resolver = createExerciseResolver(tx, userId);
  for (const name of names) {
    const key = name.toLowerCase();
    if (!ids.has(key)) ids.set(key, (await resolver.resolve(name)).exerciseId);
  }
  return ids;
}

function sessionTimes(input: SessionInput, ctx: SaveContext) {
  const startedAt = zonedLocalToUtc(input.startedAt, ctx.timeZone);
  const endedAt = input.durationMin ? new Date(startedAt.getTime() + input.durationMin * 60_000) : null;
  return { startedAt, endedAt };
}

/** The form's blocks with exercise names resolved for this user and weights in stored kg. */
async function blocksToWrite(tx: Tx, userId: string, input: SessionInput): Promise<ExerciseBlockToWrite[]> {
  const ids = await resolveExerciseIds(
    tx,
    userId,
    input.exercises.map((b) => b.exerciseName),
  );
  return input.exercises.map((block) => ({
    exerciseId: ids.get(block.exerciseName.toLowerCase())!,
    sets: block.sets.map((set) => ({
      setType: set.setType,
      weightKg: set.weight === undefined ? null : storedKg(set.weight, input.unit),
      reps: set.reps ?? null,
      rpe: set.rpe ?? null,
      durationSeconds: set.durationSeconds ?? null,
      distanceM: set.distanceM ?? null,
      notes: set.notes ?? null,
    })),
  }));
}

export async function createSession(db: Db, userId: string, input: SessionInput, ctx: SaveContext): Promise<{ id: string; sets: number }> {
  const { startedAt, endedAt } = sessionTimes(input, ctx);
  return db.transaction(async (tx) => {
    const exercises = await blocksToWrite(tx, userId, input);
    return writeSession(tx, userId, { name: input.name, notes: input.notes ?? null, startedAt, endedAt, source: "manual", exercises });
  });
}

/** Replaces the session's fields and all its sets. null when the session is not the user's. */
export async function updateSession(
  db: Db,
  userId: string,
  sessionId: string,
  input: SessionInput,
  ctx: SaveContext,
): Promise<{ id: string; sets: number } | null> {
  if (!isUuid(sessionId)) return null;
  const { startedAt, endedAt } = sessionTimes(input, ctx);
  return db.transaction(async (tx) => {
    const owned = and(eq(workoutSessions.id, sessionId), eq(workoutSessions.userId, userId));
    const [session] = await tx.select({ id: workoutSessions.id }).from(workoutSessions).where(owned).for("update");
    if (!session) return null;
    await tx
      .update(workoutSessions)
      .set({ name: input.name, notes: input.notes ?? null, startedAt, endedAt, updatedAt: new Date() })
      .where(owned);
    await tx.delete(exerciseSets).where(and(eq(exerciseSets.sessionId, sessionId), eq(exerciseSets.userId, userId)));
    const sets = await insertSessionSets(tx, userId, [{ sessionId, exercises: await blocksToWrite(tx, userId, input) }]);
    return { id: sessionId, sets };
  });
}

/** true if a session of the user's was deleted (its sets go with it); false if there was none. */
export async function deleteSession(db: Db, userId: string, sessionId: string): Promise<boolean> {
  if (!isUuid(sessionId)) return false;
  const deleted = await db
    .delete(workoutSessions)
    .where(and(eq(workoutSessions.id, sessionId), eq(workoutSessions.userId, userId)))
    .returning({ id: workoutSessions.id });
  return deleted.length > 0;
}
