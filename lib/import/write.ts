import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import type { ExerciseCategory } from "@/db/tables/exercises";
import { createExerciseResolver } from "@/lib/exercises/resolver";
import { localToUtc } from "./datetime";
import { plainArray, textArray } from "./pg-array";
import type { ImportApp, ParsedWorkout } from "./types";

const MAX_SESSION_MS = 24 * 3600 * 1000;

export interface ImportProgress {
  stage: "sessions" | "sets";
  done: number;
  total: number;
}

export interface WriteOptions {
  userId: string;
  app: ImportApp;
  timeZone: string;
  /** Rows per INSERT statement (each statement binds one array per column, so no bind limit applies). */
  chunkSize: number;
  onProgress?: (p: ImportProgress) => void | Promise<void>;
}

export interface WriteResult {
  sessions: number;
  sets: number;
  alreadyPresentSessions: number;
  exercisesMatched: number;
  exercisesCreated: number;
}

/** Stable per user: the same workout from any export of the same app gets the same key. */
export function importKey(app: ImportApp, identity: string): string {
  return createHash("sha256").update(`${app}\u0000${identity}`).digest("hex");
}

export function sessionTimes(w: ParsedWorkout, timeZone: string): { startedAt: Date; endedAt: Date | null } {
  const startedAt = localToUtc(w.start, timeZone);
  let endMs: number | null = null;
  if (w.end) endMs = localToUtc(w.end, timeZone).getTime();
  else if (w.durationSeconds !== null && w.durationSeconds > 0) endMs = startedAt.getTime() + Math.round(w.durationSeconds) * 1000;
  if (endMs !== null) {
    if (endMs < startedAt.getTime()) endMs = null;
    else endMs = Math.min(endMs, startedAt.getTime() + MAX_SESSION_MS);
  }
  return { startedAt, endedAt: endMs === null ? null : new Date(endMs) };
}

/** One text parameter holding a whole column, cast to the array type in SQL. */
const plain = (values: readonly (string | number | null)[]) => sql.param(plainArray(values));
const text = (values: readonly (string | null)[]) => sql.param(textArray(values));

/**
 * Writes the parsed workouts inside the caller's transaction: sessions first (`on conflict do
 * nothing` on the per-user import key, so workouts imported before are left alone), then the
 * exercise names of the new sessions are resolved, then their sets go in with
 * `insert … select from unnest(array, …)` — a few statements for any file size.
 */
export async function writeWorkouts(tx: Tx, workouts: ParsedWorkout[], opts: WriteOptions): Promise<WriteResult> {
  const { userId, app, timeZone, chunkSize } = opts;
  const source = `import:${app}`;
  const keys = workouts.map((w) => importKey(app, w.identity));

  const idByKey = new Map<string, string>();
  for (let from = 0; from < workouts.length; from += chunkSize) {
    const slice = workouts.slice(from, from + chunkSize);
    const started: string[] = [];
    const ended: (string | null)[] = [];
    const names: string[] = [];
    const notes: (string | null)[] = [];
    for (const w of slice) {
      const t = sessionTimes(w, timeZone);
      started.push(t.startedAt.toISOString());
      ended.push(t.endedAt?.toISOString() ?? null);
      names.push(w.name);
      notes.push(w.notes);
    }
    const res = await tx.execute<{ id: string; import_key: string }>(sql`
      insert into workout_sessions (user_id, started_at, ended_at, name, notes, source, import_key)
      select ${userId}, t.started_at, t.ended_at, t.name, t.notes, ${source}, t.import_key
      from unnest(${plain(started)}::text::timestamptz[], ${plain(ended)}::text::timestamptz[], ${text(names)}::text::text[],
                  ${text(notes)}::text::text[], ${plain(keys.slice(from, from + chunkSize))}::text::text[])
        as t(started_at, ended_at, name, notes, import_key)
      on conflict (user_id, import_key) do nothing
      returning id, import_key`);
    for (const r of res.rows) idByKey.set(r.import_key, r.id);
    await opts.onProgress?.({ stage: "sessions", done: Math.min(from + chunkSize, workouts.length), total: workouts.length });
  }

  const fresh: { workout: ParsedWorkout; sessionId: string }[] = [];
  workouts.forEach((workout, i) => {
    const sessionId = idByKey.get(keys[i]);
    if (sessionId) fresh.push({ workout, sessionId });
  });

  // Exercise names of the new sessions only: a re-import must not create anything.
  const hints = new Map<string, ExerciseCategory | undefined>();
  for (const { workout } of fresh) for (const s of workout.sets) if (!hints.has(s.exerciseName) || (!hints.get(s.exerciseName) && s.categoryHint)) hints.set(s.exerciseName, s.categoryHint);
  const resolver = createExerciseResolver(tx, userId);
  const exerciseIdByName = new Map<string, string>();
  let exercisesMatched = 0;
  let exercisesCreated = 0;
  for (const [name, category] of hints) {
    const r = await resolver.resolve(name, category ? { category } : undefined);
    exerciseIdByName.set(name, r.exerciseId);
    if (r.created) exercisesCreated++;
    else exercisesMatched++;
  }

  const totalSets = fresh.reduce((n, f) => n + f.workout.sets.length, 0);
  let cols = emptySetColumns();
  let written = 0;
  const flush = async () => {
    if (cols.session.length === 0) return;
    await tx.execute(sql`
      insert into exercise_sets (session_id, user_id, exercise_id, position, set_number, set_type,
                                 weight_kg, reps, rpe, duration_seconds, distance_m, notes)
      select t.session_id, ${userId}, t.exercise_id, t.position, t.set_number, t.set_type,
             t.weight_kg, t.reps, t.rpe, t.duration_seconds, t.distance_m, t.notes
      from unnest(${plain(cols.session)}::text::uuid[], ${plain(cols.exercise)}::text::uuid[],
                  ${plain(cols.position)}::text::int[], ${plain(cols.setNumber)}::text::int2[],
                  ${plain(cols.setType)}::text::text[], ${plain(cols.weight)}::text::numeric[],
                  ${plain(cols.reps)}::text::int[], ${plain(cols.rpe)}::text::numeric[],
                  ${plain(cols.duration)}::text::int[], ${plain(cols.distance)}::text::numeric[],
                  ${text(cols.notes)}::text::text[])
        as t(session_id, exercise_id, position, set_number, set_type, weight_kg, reps, rpe, duration_seconds, distance_m, notes)`);
    written += cols.session.length;
    cols = emptySetColumns();
    await opts.onProgress?.({ stage: "sets", done: written, total: totalSets });
  };

  for (const { workout, sessionId } of fresh) {
    let setNumber = 0;
    let previous: string | null = null;
    workout.sets.forEach((s, position) => {
      setNumber = s.exerciseName === previous ? setNumber + 1 : 1;
      previous = s.exerciseName;
      cols.session.push(sessionId);
      cols.exercise.push(exerciseIdByName.get(s.exerciseName)!);
      cols.position.push(position);
      cols.setNumber.push(Math.min(setNumber, 32_767));
      cols.setType.push(s.setType);
      cols.weight.push(s.weightKg);
      cols.reps.push(s.reps);
      cols.rpe.push(s.rpe);
      cols.duration.push(s.durationSeconds);
      cols.distance.push(s.distanceM);
      cols.notes.push(s.notes);
    });
    if (cols.session.length >= chunkSize) await flush();
  }
  await flush();

  return {
    sessions: fresh.length,
    sets: written,
    alreadyPresentSessions: workouts.length - fresh.length,
    exercisesMatched,
    exercisesCreated,
  };
}

function emptySetColumns() {
  return {
    session: [] as string[],
    exercise: [] as string[],
    position: [] as number[],
    setNumber: [] as number[],
    setType: [] as string[],
    weight: [] as (number | null)[],
    reps: [] as (number | null)[],
    rpe: [] as (number | null)[],
    duration: [] as (number | null)[],
    distance: [] as (number | null)[],
    notes: [] as (string | null)[],
  };
}
