import "server-only";
import { sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import type { SetType } from "@/db/tables/training";
import { isUuid } from "@/lib/ids/is-uuid";
import { computeRecords, emptyBests, type ExerciseBests, type HistorySet, type RecordsResult } from "./records";

/**
 * The database side of personal records (the rules are in ./records.ts, which the browser may import).
 * Only working sets with reps ≥ 1 of exercises that are not assisted can hold records.
 */

interface HistoryRow {
  id: string;
  session_id: string;
  started_at: unknown;
  position: number;
  exercise_id: string;
  set_type: SetType;
  weight_kg: number | null;
  reps: number | null;
}

const toHistorySet = (x: HistoryRow): HistorySet => ({
  id: String(x.id),
  sessionId: String(x.session_id),
  startedAt: x.started_at instanceof Date ? x.started_at : new Date(String(x.started_at)),
  position: Number(x.position),
  exerciseId: String(x.exercise_id),
  setType: x.set_type,
  weightKg: x.weight_kg === null ? null : Number(x.weight_kg),
  reps: x.reps === null ? null : Number(x.reps),
});

const uuidArray = (ids: string[]) => `{${ids.join(",")}}`;

/**
 * The user's working sets that can hold records, oldest first — for the given exercises, or all.
 * Assisted exercises are left out (so their bests stay empty and nothing they do is a record). Sets of sessions started after `until` are left out.
 */
export async function loadRecordHistory(db: Queryable, userId: string, opts: { exerciseIds?: string[]; until?: Date } = {}): Promise<HistorySet[]> {
  const wanted = opts.exerciseIds?.filter(isUuid);
  if (wanted && wanted.length === 0) return [];
  const ids = wanted ? sql`and s.exercise_id = any(${uuidArray(wanted)}::uuid[])` : sql``;
  const until = opts.until ? sql`and w.started_at <= ${opts.until.toISOString()}::timestamptz` : sql``;
  const r = await db.execute(sql`
    select s.id, s.session_id, w.started_at, s.position, s.exercise_id, s.set_type,
           s.weight_kg::float8 as weight_kg, s.reps
    from exercise_sets s
    join workout_sessions w on w.id = s.session_id and w.user_id = s.user_id
    join exercises e on e.id = s.exercise_id
    where s.user_id = ${userId} and s.set_type <> 'warmup' and s.reps >= 1
      and e.name not ilike '%assisted%' ${ids} ${until}
    order by w.started_at, s.session_id, s.position
  `);
  return (r.rows as unknown as HistoryRow[]).map(toHistorySet);
}

/** Records of the given exercises across the user's whole history (live mode, the trainer's roster). */
export async function loadRecords(db: Queryable, userId: string, exerciseIds?: string[]): Promise<RecordsResult> {
  return computeRecords(await loadRecordHistory(db, userId, { exerciseIds }));
}

/**
 * The user's bests for one exercise from everything logged so far, optionally leaving one session
 * out (the one being logged live, whose sets the caller folds in with addSet as they happen).
 */
export async function loadExerciseBests(
  db: Queryable,
  userId: string,
  exerciseId: string,
  opts: { excludeSessionId?: string } = {},
): Promise<ExerciseBests> {
  const history = (await loadRecordHistory(db, userId, { exerciseIds: [exerciseId] })).filter((s) => s.sessionId !== opts.excludeSessionId);
  return computeRecords(history).bests.get(exerciseId) ?? emptyBests();
}
