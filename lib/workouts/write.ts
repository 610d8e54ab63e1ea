import "server-only";
import { sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { uuid7 } from "@/lib/ids/uuid7";
import type { SetRecord } from "./constants";

/** One exercise block of a session: the resolved exercise (never an id from the client) and its sets. */
export interface ExerciseBlockToWrite {
  exerciseId: string;
  sets: SetRecord[];
}

export interface SessionToWrite {
  name: string;
  notes: string | null;
  startedAt: Date;
  endedAt: Date | null;
  source: "manual" | "chat" | "live";
  exercises: ExerciseBlockToWrite[];
}

/** Rows per statement: one JSON parameter each, far cheaper to build than thousands of bound parameters. */
const CHUNK = 2000;

async function inChunks<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

/**
 * Inserts the sets of sessions that already exist and belong to `userId`. Positions run 0… across
 * the whole session in order; set numbers count each exercise's sets within the session.
 */
export async function insertSessionSets(
  db: Queryable,
  userId: string,
  sessions: { sessionId: string; exercises: ExerciseBlockToWrite[] }[],
): Promise<number> {
  const rows = sessions.flatMap(({ sessionId, exercises }) => {
    const perExercise = new Map<string, number>();
    let position = 0;
    return exercises.flatMap((block) =>
      block.sets.map((s) => {
        const setNumber = (perExercise.get(block.exerciseId) ?? 0) + 1;
        perExercise.set(block.exerciseId, setNumber);
        return {
          session_id: sessionId,
          user_id: userId,
          exercise_id: block.exerciseId,
          position: position++,
          set_number: setNumber,
          set_type: s.setType,
          weight_kg: s.weightKg,
          reps: s.reps,
          rpe: s.rpe,
          duration_seconds: s.durationSeconds,
          distance_m: s.distanceM,
          notes: s.notes ?? null,
        };
      }),
    );
  });
  await inChunks(rows, (chunk) =>
    db.execute(sql`insert into exercise_sets (session_id, user_id, exercise_id, position, set_number, set_type,
        weight_kg, reps, rpe, duration_seconds, distance_m, notes)
      select * from json_to_recordset(${JSON.stringify(chunk)}::json)
        as x(session_id uuid, user_id text, exercise_id uuid, position int, set_number smallint, set_type text,
             weight_kg numeric, reps int, rpe numeric, duration_seconds int, distance_m numeric, notes text)`),
  );
  return rows.length;
}

/**
 * Writes whole sessions with their sets: the one writer behind the session form, confirmed chat
 * drafts and the demo seed (the importer has its own bulk path with dedup keys). Run it inside a
 * transaction; the database checks (limits, owner of every set) still apply.
 */
export async function writeSessions(db: Queryable, userId: string, sessions: SessionToWrite[]): Promise<{ ids: string[]; sets: number }> {
  const ids = sessions.map(() => uuid7());
  const rows = sessions.map((s, i) => ({
    id: ids[i],
    user_id: userId,
    started_at: s.startedAt.toISOString(),
    ended_at: s.endedAt ? s.endedAt.toISOString() : null,
    name: s.name,
    notes: s.notes,
    source: s.source,
  }));
  await inChunks(rows, (chunk) =>
    db.execute(sql`insert into workout_sessions (id, user_id, started_at, ended_at, name, notes, source)
      select * from json_to_recordset(${JSON.stringify(chunk)}::json)
        as x(id uuid, user_id text, started_at timestamptz, ended_at timestamptz, name text, notes text, source text)`),
  );
  const sets = await insertSessionSets(
    db,
    userId,
    sessions.map((s, i) => ({ sessionId: ids[i], exercises: s.exercises })),
  );
  return { ids, sets };
}

export async function writeSession(db: Queryable, userId: string, session: SessionToWrite): Promise<{ id: string; sets: number }> {
  const { ids, sets } = await writeSessions(db, userId, [session]);
  return { id: ids[0], sets };
}
