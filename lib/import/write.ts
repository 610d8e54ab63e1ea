import "server-only";
import { createHash } from "node:crypto";
import { uuid7 } from "@/lib/ids/uuid7";
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

function sessionTimes(w: ParsedWorkout, timeZone: string): { startedAt: Date; endedAt: Date | null } {
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
  const fast = await prepareBulkLoad(tx, userId);

  // 1. Sessions. Ids are generated here (gen_random_uuid() per row is slow on embedded PGlite);
  //    rows that hit the import-key constraint are not returned: they exist from an earlier import.
  const inserted = new Set<string>();
  const fresh: { workout: ParsedWorkout; sessionId: string }[] = [];
  if (fast) await tx.execute(sql`set local session_replication_role = replica`);
  for (let from = 0; from < workouts.length; from += chunkSize) {
    const slice = workouts.slice(from, from + chunkSize);
    const ids: string[] = [];
    const started: string[] = [];
    const ended: (string | null)[] = [];
    const names: string[] = [];
    const notes: (string | null)[] = [];
    for (const w of slice) {
      const t = sessionTimes(w, timeZone);
      ids.push(uuid7());
      started.push(t.startedAt.toISOString());
      ended.push(t.endedAt?.toISOString() ?? null);
      names.push(w.name);
      notes.push(w.notes);
    }
    const res = await tx.execute<{ id: string }>(sql`
      insert into workout_sessions (id, user_id, started_at, ended_at, name, notes, source, import_key)
      select t.id, ${userId}, t.started_at, t.ended_at, t.name, t.notes, ${source}, t.import_key
      from unnest(${plain(ids)}::text::uuid[], ${plain(started)}::text::timestamptz[], ${plain(ended)}::text::timestamptz[],
                  ${text(names)}::text::text[], ${text(notes)}::text::text[], ${plain(keys.slice(from, from + chunkSize))}::text::text[])
        as t(id, started_at, ended_at, name, notes, import_key)
      on conflict (user_id, import_key) do nothing
      returning id`);
    for (const r of res.rows) inserted.add(r.id);
    slice.forEach((w, i) => {
      if (inserted.has(ids[i])) fresh.push({ workout: w, sessionId: ids[i] });
    });
    await opts.onProgress?.({ stage: "sessions", done: Math.min(from + chunkSize, workouts.length), total: workouts.length });
  }
  if (fast) await tx.execute(sql`set local session_replication_role = origin`);

  // 2. Exercise names of the new sessions only: a re-import must not create anything.
  const hints = new Map<string, ExerciseCategory | undefined>();
  for (const { workout } of fresh) {
    for (const s of workout.sets) if (!hints.get(s.exerciseName)) hints.set(s.exerciseName, s.categoryHint);
  }
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

  // 3. Sets, one statement per chunk; the next chunk is built while the previous one runs.
  //    Session and exercise ids travel once per chunk as small arrays, the rows carry 1-based
  //    indexes into them (parsing a uuid costs as much as the rest of the row on PGlite).
  const totalSets = fresh.reduce((n, f) => n + f.workout.sets.length, 0);
  const exerciseIds = [...new Set(exerciseIdByName.values())];
  const exerciseIndex = new Map(exerciseIds.map((id, i) => [id, i + 1]));
  const exerciseIndexByName = new Map([...exerciseIdByName].map(([name, id]) => [name, exerciseIndex.get(id)!]));
  if (totalSets > 0) await lockExercises(tx, userId, exerciseIds);
  if (fast) await tx.execute(sql`set local session_replication_role = replica`);
  const exerciseArray = plainArray(exerciseIds);
  let cols = emptySetColumns();
  let written = 0;
  let inflight: Promise<void> | null = null;
  const send = (c: SetColumns) =>
    tx
      .execute(
        sql`
        insert into exercise_sets (id, session_id, user_id, exercise_id, position, set_number, set_type,
                                   weight_kg, reps, rpe, duration_seconds, distance_m, notes)
        select t.id, (select ${plain(c.sessions)}::text::uuid[])[t.session], ${userId},
               (select ${sql.param(exerciseArray)}::text::uuid[])[t.exercise], t.position, t.set_number, t.set_type,
               t.weight_kg, t.reps, t.rpe, t.duration_seconds, t.distance_m, t.notes
        from unnest(${plain(c.id)}::text::uuid[], ${plain(c.session)}::text::int[], ${plain(c.exercise)}::text::int[],
                    ${plain(c.position)}::text::int[], ${plain(c.setNumber)}::text::int2[],
                    ${plain(c.setType)}::text::text[], ${plain(c.weight)}::text::numeric[],
                    ${plain(c.reps)}::text::int[], ${plain(c.rpe)}::text::numeric[],
                    ${plain(c.duration)}::text::int[], ${plain(c.distance)}::text::numeric[],
                    ${text(c.notes)}::text::text[])
          as t(id, session, exercise, position, set_number, set_type, weight_kg, reps, rpe, duration_seconds, distance_m, notes)`,
      )
      .then(async () => {
        written += c.id.length;
        await opts.onProgress?.({ stage: "sets", done: written, total: totalSets });
      });
  const flush = async () => {
    if (cols.id.length === 0) return;
    const ready = cols;
    cols = emptySetColumns();
    if (inflight) await inflight;
    inflight = send(ready);
  };

  for (const { workout, sessionId } of fresh) {
    cols.sessions.push(sessionId);
    const sessionIndex = cols.sessions.length;
    let setNumber = 0;
    let previous: string | null = null;
    workout.sets.forEach((s, position) => {
      setNumber = s.exerciseName === previous ? setNumber + 1 : 1;
      previous = s.exerciseName;
      cols.id.push(uuid7());
      cols.session.push(sessionIndex);
      cols.exercise.push(exerciseIndexByName.get(s.exerciseName)!);
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
    if (cols.id.length >= chunkSize) await flush();
  }
  await flush();
  if (inflight) await inflight;
  if (fast) await tx.execute(sql`set local session_replication_role = origin`);

  return {
    sessions: fresh.length,
    sets: written,
    alreadyPresentSessions: workouts.length - fresh.length,
    exercisesMatched,
    exercisesCreated,
  };
}

/**
 * Bulk loads spend about half their database time in the per-row foreign-key triggers (a
 * lookup plus a row lock per inserted row). This import does that work once instead: the user
 * row is locked here and every referenced exercise in lockExercises() — FOR KEY SHARE, exactly
 * the lock the triggers take, so a concurrent delete still waits for our commit — and the
 * sessions the sets reference are inserted by this very transaction for this very user.
 * Returns true when the triggers may then be skipped for our inserts (transaction-local
 * session_replication_role = replica): only in a superuser session (embedded PGlite always is)
 * and only if every other trigger on workout_sessions and exercise_sets is ENABLE ALWAYS (fires
 * in replica mode too), so no one else's trigger is ever bypassed. Otherwise the normal per-row
 * checks run.
 */
async function prepareBulkLoad(tx: Tx, userId: string): Promise<boolean> {
  const user = await tx.execute(sql`select id from users where id = ${userId} for key share`);
  if (user.rows.length !== 1) throw new Error(`user ${userId} does not exist`);
  const mode = await tx.execute<{ superuser: boolean; other_triggers: boolean }>(sql`
    select current_setting('is_superuser') = 'on' as superuser,
           exists (select 1 from pg_trigger
                   where tgrelid in ('workout_sessions'::regclass, 'exercise_sets'::regclass)
                     and not tgisinternal and tgenabled = 'O') as other_triggers`);
  return mode.rows[0].superuser === true && mode.rows[0].other_triggers === false;
}

async function lockExercises(tx: Tx, userId: string, exerciseIds: string[]) {
  const found = await tx.execute(sql`
    select id from exercises
    where id = any(${sql.param(plainArray(exerciseIds))}::text::uuid[]) and (owner_user_id is null or owner_user_id = ${userId})
    for key share`);
  if (found.rows.length !== exerciseIds.length) throw new Error("an exercise resolved for this import is not visible to the user");
}

type SetColumns = ReturnType<typeof emptySetColumns>;

function emptySetColumns() {
  return {
    /** Distinct session ids of the chunk; `session` holds 1-based indexes into it. */
    sessions: [] as string[],
    /** Generated here: gen_random_uuid() per row is a measurable cost on embedded PGlite. */
    id: [] as string[],
    session: [] as number[],
    exercise: [] as number[],
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
