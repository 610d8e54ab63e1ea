import "server-only";
import { sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import type { SetType } from "@/db/tables/training";
import { isUuid } from "@/lib/ids/is-uuid";

interface SessionListRow {
  id: string;
  name: string;
  startedAt: Date;
  endedAt: Date | null;
  durationMin: number | null;
  source: string;
  /** Distinct, in the order first performed. */
  exerciseNames: string[];
  setCount: number;
  /** Σ weight × reps over working sets (warm-ups left out) with both, in kg. */
  volumeKg: number;
}

export interface SessionPage {
  rows: SessionListRow[];
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
}

const MAX_PAGE_SIZE = 100;

export const SESSION_SOURCES = ["manual", "chat", "live", "import"] as const;
export type SessionSourceFilter = (typeof SESSION_SOURCES)[number];

export interface SessionFilters {
  /** Matches the session's name or any of its exercises' names (case-insensitive substring). */
  q?: string;
  /** Only sessions with at least one set of this exercise. */
  exerciseId?: string;
  source?: SessionSourceFilter;
}

function filterSql(userId: string, f: SessionFilters) {
  const parts = [sql`w.user_id = ${userId}`];
  const q = f.q?.trim().slice(0, 100);
  if (q) {
    const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    parts.push(sql`(w.name ilike ${like} or exists (
      select 1 from exercise_sets fs join exercises fe on fe.id = fs.exercise_id
      where fs.session_id = w.id and fs.user_id = ${userId} and fe.name ilike ${like}))`);
  }
  if (f.exerciseId && isUuid(f.exerciseId)) {
    parts.push(
      sql`exists (select 1 from exercise_sets fs where fs.session_id = w.id and fs.user_id = ${userId} and fs.exercise_id = ${f.exerciseId})`,
    );
  }
  if (f.source === "import") parts.push(sql`w.source like 'import:%'`);
  else if (f.source) parts.push(sql`w.source = ${f.source}`);
  return sql.join(parts, sql` and `);
}

const toDate = (v: unknown) => (v instanceof Date ? v : new Date(String(v)));
const toNum = (v: unknown) => (v === null || v === undefined ? null : Number(v));

/**
 * One page of the user's sessions, newest first, with per-session aggregates. Two statements:
 * the page (an index range scan on (user_id, started_at desc) + one lateral aggregate per row
 * over exercise_sets' (session_id, position) index) and the total count.
 */
export async function listSessions(
  db: Queryable,
  userId: string,
  opts: { page?: number; pageSize?: number } & SessionFilters = {},
): Promise<SessionPage> {
  const pageSize = Math.min(Math.max(Math.trunc(opts.pageSize ?? 20) || 20, 1), MAX_PAGE_SIZE);
  const page = Math.max(Math.trunc(opts.page ?? 1) || 1, 1);
  const offset = (page - 1) * pageSize;
  const where = filterSql(userId, opts);

  const rowsResult = await db.execute(sql`
    select p.id, p.name, p.started_at, p.ended_at, p.source,
           extract(epoch from (p.ended_at - p.started_at)) / 60.0 as duration_min,
           coalesce(agg.set_count, 0) as set_count,
           coalesce(agg.volume_kg, 0) as volume_kg,
           coalesce(names.exercise_names, '{}') as exercise_names
    from (
      select w.id, w.name, w.started_at, w.ended_at, w.source
      from workout_sessions w
      where ${where}
      order by w.started_at desc, w.id desc
      limit ${pageSize} offset ${offset}
    ) p
    left join lateral (
      select count(*)::int as set_count,
             sum(s.weight_kg * s.reps) filter (where s.set_type <> 'warmup')::float8 as volume_kg
      from exercise_sets s
      where s.session_id = p.id and s.user_id = ${userId}
    ) agg on true
    left join lateral (
      select array_agg(x.name order by x.first_position) as exercise_names
      from (
        select e.name, min(s.position) as first_position
        from exercise_sets s
        join exercises e on e.id = s.exercise_id
        where s.session_id = p.id and s.user_id = ${userId}
        group by e.id, e.name
      ) x
    ) names on true
    order by p.started_at desc, p.id desc
  `);
  const countResult = await db.execute(sql`select count(*)::int as n from workout_sessions w where ${where}`);
  const total = Number((countResult.rows[0] as { n: number }).n);

  const rows = (rowsResult.rows as Record<string, unknown>[]).map((r) => {
    const duration = toNum(r.duration_min);
    return {
      id: String(r.id),
      name: String(r.name),
      startedAt: toDate(r.started_at),
      endedAt: r.ended_at ? toDate(r.ended_at) : null,
      durationMin: duration === null ? null : Math.round(duration * 10) / 10,
      source: String(r.source),
      exerciseNames: (r.exercise_names as string[] | null) ?? [],
      setCount: Number(r.set_count),
      volumeKg: Number(r.volume_kg),
    };
  });
  return { rows, total, page, pageSize, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}

export interface SessionSet {
  id: string;
  position: number;
  setNumber: number;
  setType: SetType;
  weightKg: number | null;
  reps: number | null;
  rpe: number | null;
  durationSeconds: number | null;
  distanceM: number | null;
  notes: string | null;
}

interface SessionExerciseGroup {
  exerciseId: string;
  exerciseName: string;
  category: string;
  isCustom: boolean;
  sets: SessionSet[];
}

export interface SessionDetail {
  id: string;
  name: string;
  startedAt: Date;
  endedAt: Date | null;
  durationMin: number | null;
  notes: string | null;
  source: string;
  exercises: SessionExerciseGroup[];
  setCount: number;
  /** Σ weight × reps over working sets (warm-ups left out), in kg. */
  volumeKg: number;
}

/** The session with its sets grouped by exercise (in order of first set), or null if it is not the user's. */
export async function getSessionDetail(db: Queryable, userId: string, sessionId: string): Promise<SessionDetail | null> {
  if (!isUuid(sessionId)) return null;
  const head = await db.execute(sql`
    select id, name, started_at, ended_at, notes, source
    from workout_sessions
    where id = ${sessionId} and user_id = ${userId}
  `);
  const s = head.rows[0] as Record<string, unknown> | undefined;
  if (!s) return null;

  const setRows = await db.execute(sql`
    select s.id, s.exercise_id, e.name as exercise_name, e.category, (e.owner_user_id is not null) as is_custom,
           s.position, s.set_number, s.set_type, s.weight_kg::float8 as weight_kg, s.reps,
           s.rpe::float8 as rpe, s.duration_seconds, s.distance_m::float8 as distance_m, s.notes
    from exercise_sets s
    join exercises e on e.id = s.exercise_id
    where s.session_id = ${sessionId} and s.user_id = ${userId}
    order by s.position
  `);

  const groups = new Map<string, SessionExerciseGroup>();
  let volumeKg = 0;
  let setCount = 0;
  for (const r of setRows.rows as Record<string, unknown>[]) {
    const exerciseId = String(r.exercise_id);
    let g = groups.get(exerciseId);
    if (!g) {
      g = { exerciseId, exerciseName: String(r.exercise_name), category: String(r.category), isCustom: Boolean(r.is_custom), sets: [] };
      groups.set(exerciseId, g);
    }
    const set: SessionSet = {
      id: String(r.id),
      position: Number(r.position),
      setNumber: Number(r.set_number),
      setType: r.set_type as SetType,
      weightKg: toNum(r.weight_kg),
      reps: toNum(r.reps),
      rpe: toNum(r.rpe),
      durationSeconds: toNum(r.duration_seconds),
      distanceM: toNum(r.distance_m),
      notes: (r.notes as string | null) ?? null,
    };
    g.sets.push(set);
    setCount++;
    // Volume is weight × reps of working sets (warm-ups left out), as everywhere else in Spotter.
    if (set.setType !== "warmup" && set.weightKg !== null && set.reps !== null) volumeKg += set.weightKg * set.reps;
  }

  const startedAt = toDate(s.started_at);
  const endedAt = s.ended_at ? toDate(s.ended_at) : null;
  return {
    id: String(s.id),
    name: String(s.name),
    startedAt,
    endedAt,
    durationMin: endedAt ? Math.round((endedAt.getTime() - startedAt.getTime()) / 60_000) : null,
    notes: (s.notes as string | null) ?? null,
    source: String(s.source),
    exercises: [...groups.values()],
    setCount,
    volumeKg: Math.round(volumeKg * 100) / 100,
  };
}

/** Exercise names the user can pick: the built-in catalog plus their own custom exercises. */
export async function listExerciseOptions(db: Queryable, userId: string): Promise<{ id: string; name: string; custom: boolean }[]> {
  const r = await db.execute(sql`
    select id, name, (owner_user_id is not null) as custom
    from exercises
    where owner_user_id is null or owner_user_id = ${userId}
    order by name
  `);
  return (r.rows as Record<string, unknown>[]).map((x) => ({ id: String(x.id), name: String(x.name), custom: Boolean(x.custom) }));
}
