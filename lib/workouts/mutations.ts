import { and, eq, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { exerciseSets, workoutSessions } from "@/db/tables/training";
import { createExerciseResolver } from "@/lib/exercises/resolver";
import { storedKg } from "@/lib/units";
import { isUuid } from "./queries";
import type { SessionInput } from "./schemas";
import { zonedLocalToUtc } from "@/lib/time/local";

export interface SaveContext {
  /** The user's profile time zone: the form's wall-clock start time is read in it. */
  timezone: string;
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
      and lower(name) in (${sql.join(wanted.map((w) => sql`${w}`), sql`, `)})
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
  const startedAt = zonedLocalToUtc(input.startedAt, ctx.timezone);
  const endedAt = input.durationMin ? new Date(startedAt.getTime() + input.durationMin * 60_000) : null;
  return { startedAt, endedAt };
}

/** Positions run 0… across the whole session in form order; set numbers restart per exercise. */
async function insertSets(tx: Tx, userId: string, sessionId: string, input: SessionInput) {
  const ids = await resolveExerciseIds(tx, userId, input.exercises.map((b) => b.exerciseName));
  let position = 0;
  const rows: (typeof exerciseSets.$inferInsert)[] = [];
  for (const block of input.exercises) {
    const exerciseId = ids.get(block.exerciseName.toLowerCase())!;
    block.sets.forEach((set, i) => {
      rows.push({
        sessionId,
        userId,
        exerciseId,
        position: position++,
        setNumber: i + 1,
        setType: set.setType,
        weightKg: set.weight === undefined ? null : storedKg(set.weight, input.unit),
        reps: set.reps ?? null,
        rpe: set.rpe ?? null,
        durationSeconds: set.durationSeconds ?? null,
        distanceM: set.distanceM ?? null,
        notes: set.notes ?? null,
      });
    });
  }
  if (rows.length > 0) await tx.insert(exerciseSets).values(rows);
  return rows.length;
}

export async function createSession(db: Db, userId: string, input: SessionInput, ctx: SaveContext): Promise<{ id: string; sets: number }> {
  const { startedAt, endedAt } = sessionTimes(input, ctx);
  return db.transaction(async (tx) => {
    const [session] = await tx
      .insert(workoutSessions)
      .values({ userId, name: input.name, notes: input.notes ?? null, startedAt, endedAt, source: "manual" })
      .returning({ id: workoutSessions.id });
    const sets = await insertSets(tx, userId, session.id, input);
    return { id: session.id, sets };
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
    const sets = await insertSets(tx, userId, sessionId, input);
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
