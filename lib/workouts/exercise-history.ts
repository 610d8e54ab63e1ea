import "server-only";
import { sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import type { SetType } from "@/db/tables/training";
import { isUuid } from "@/lib/ids/is-uuid";
import { loadRecordHistory } from "./record-history";
import { computeRecords, e1rmKg, isAssistedExercise, type ExerciseBests, type HistorySet, type SessionRecord } from "./records";

export interface ExerciseInfo {
  id: string;
  name: string;
  category: string;
  isCustom: boolean;
  assisted: boolean;
}

interface ExerciseSessionSets {
  sessionId: string;
  sessionName: string;
  startedAt: Date;
  sets: { id: string; setNumber: number; setType: SetType; weightKg: number | null; reps: number | null; rpe: number | null }[];
}

export interface ExerciseHistory {
  exercise: ExerciseInfo;
  bests: ExerciseBests | null;
  /** Best e1RM per session, oldest first. */
  trend: { sessionId: string; startedAt: Date; e1rmKg: number }[];
  /** Every record this exercise has set, newest first. */
  records: (SessionRecord & { startedAt: Date })[];
  /** The set that holds each all-time best, with its date. */
  bestSets: { label: string; set: HistorySet }[];
  /** The latest sessions with this exercise, newest first (all their sets of it, warm-ups included). */
  recent: ExerciseSessionSets[];
  sessionCount: number;
  recordSetIds: Map<string, string[]>;
}

/** A catalog exercise or the user's own; null for anybody else's custom exercise (answer 404). */
export async function findExercise(db: Queryable, userId: string, exerciseId: string): Promise<ExerciseInfo | null> {
  if (!isUuid(exerciseId)) return null;
  const r = await db.execute(sql`
    select id, name, category, (owner_user_id is not null) as is_custom
    from exercises where id = ${exerciseId} and (owner_user_id is null or owner_user_id = ${userId})`);
  const row = r.rows[0] as Record<string, unknown> | undefined;
  if (!row) return null;
  const name = String(row.name);
  return { id: String(row.id), name, category: String(row.category), isCustom: Boolean(row.is_custom), assisted: isAssistedExercise(name) };
}

export async function getExerciseHistory(db: Queryable, userId: string, exerciseId: string, recentLimit = 20): Promise<ExerciseHistory | null> {
  const exercise = await findExercise(db, userId, exerciseId);
  if (!exercise) return null;

  const history = await loadRecordHistory(db, userId, { exerciseIds: [exercise.id] });
  const result = computeRecords(history);
  const bests = result.bests.get(exercise.id) ?? null;

  const bySession = new Map<string, { startedAt: Date; best: number }>();
  for (const s of history) {
    const e = e1rmKg(s.weightKg, s.reps);
    if (e === null) continue;
    const cur = bySession.get(s.sessionId);
    if (!cur || e > cur.best) bySession.set(s.sessionId, { startedAt: s.startedAt, best: e });
  }
  const trend = [...bySession.entries()]
    .map(([sessionId, v]) => ({ sessionId, startedAt: v.startedAt, e1rmKg: v.best }))
    .sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime());

  const started = new Map(history.map((s) => [s.sessionId, s.startedAt]));
  const records = [...result.bySession.values()]
    .flat()
    .map((r) => ({ ...r, startedAt: started.get(r.sessionId)! }))
    .sort((a, b) => b.startedAt.getTime() - a.startedAt.getTime());

  const first = (pred: (s: HistorySet) => boolean) => history.find(pred);
  const bestSets: { label: string; set: HistorySet }[] = [];
  if (bests?.weightKg != null) {
    const s = first((x) => x.weightKg === bests.weightKg);
    if (s) bestSets.push({ label: "Heaviest", set: s });
  }
  if (bests?.e1rmKg != null) {
    const s = first((x) => e1rmKg(x.weightKg, x.reps) === bests.e1rmKg);
    if (s) bestSets.push({ label: "Best e1RM", set: s });
  }
  for (const p of bests?.repsFrontier ?? []) {
    const s = first((x) => (x.weightKg ?? 0) === p.weightKg && x.reps === p.reps);
    if (s && !bestSets.some((b) => b.set.id === s.id)) bestSets.push({ label: "Most reps", set: s });
  }

  const recentRows = await db.execute(sql`
    with recent as (
      select w.id, w.name, w.started_at
      from workout_sessions w
      where w.user_id = ${userId}
        and exists (select 1 from exercise_sets x where x.session_id = w.id and x.user_id = ${userId} and x.exercise_id = ${exercise.id})
      order by w.started_at desc, w.id desc
      limit ${recentLimit}
    )
    select r.id as session_id, r.name as session_name, r.started_at, s.id, s.set_number, s.set_type,
           s.weight_kg::float8 as weight_kg, s.reps, s.rpe::float8 as rpe
    from recent r
    join exercise_sets s on s.session_id = r.id and s.user_id = ${userId} and s.exercise_id = ${exercise.id}
    order by r.started_at desc, r.id desc, s.position`);
  const recent: ExerciseSessionSets[] = [];
  for (const row of recentRows.rows as Record<string, unknown>[]) {
    const sessionId = String(row.session_id);
    let g = recent.at(-1);
    if (!g || g.sessionId !== sessionId) {
      g = {
        sessionId,
        sessionName: String(row.session_name),
        startedAt: row.started_at instanceof Date ? row.started_at : new Date(String(row.started_at)),
        sets: [],
      };
      recent.push(g);
    }
    g.sets.push({
      id: String(row.id),
      setNumber: Number(row.set_number),
      setType: row.set_type as SetType,
      weightKg: row.weight_kg === null ? null : Number(row.weight_kg),
      reps: row.reps === null ? null : Number(row.reps),
      rpe: row.rpe === null ? null : Number(row.rpe),
    });
  }
  const count = await db.execute(sql`
    select count(distinct session_id)::int as n from exercise_sets where user_id = ${userId} and exercise_id = ${exercise.id}`);

  return {
    exercise,
    bests,
    trend,
    records,
    bestSets,
    recent,
    sessionCount: Number((count.rows[0] as { n: number }).n),
    recordSetIds: new Map([...result.bySet.entries()].map(([k, v]) => [k, v as string[]])),
  };
}
