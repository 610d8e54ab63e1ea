import "server-only";
import { sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { formatWeight, type Unit } from "@/lib/units";
import { isUuid } from "@/lib/ids/is-uuid";

/** Last time's sets of one exercise, ready to show: "Mon 15 Sep", ["100 kg × 5", "100 kg × 5"]. */
export interface PreviousPerformance {
  date: string;
  sets: string[];
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();
function day(d: Date, timeZone: string): string {
  let f = dayFormats.get(timeZone);
  if (!f) dayFormats.set(timeZone, (f = new Intl.DateTimeFormat("en-GB", { timeZone, weekday: "short", day: "numeric", month: "short" })));
  return f.format(d).replace(",", "");
}

function describe(
  s: { weight_kg: string | null; reps: number | null; duration_seconds: number | null; distance_m: string | null },
  unit: Unit,
): string {
  const w = s.weight_kg === null ? null : Number(s.weight_kg);
  if (w !== null && s.reps !== null) return `${formatWeight(w, unit)} × ${s.reps}`;
  if (w !== null) return formatWeight(w, unit);
  if (s.reps !== null) return `${s.reps} reps`;
  if (s.distance_m !== null) return `${Math.round(Number(s.distance_m))} m`;
  if (s.duration_seconds !== null) return `${s.duration_seconds} s`;
  return "—";
}

/**
 * For every exercise the user has logged, the working sets of the most recent session that had it
 * (before `before`, not counting the session being edited), keyed by lower-cased exercise name.
 * Scoped to `userId` in SQL: nothing of another user's can appear.
 */
export async function previousPerformances(
  db: Queryable,
  userId: string,
  opts: { unit: Unit; timeZone: string; before?: Date; excludeSessionId?: string },
): Promise<Record<string, PreviousPerformance>> {
  const before = (opts.before ?? new Date("9999-12-31T00:00:00Z")).toISOString();
  const exclude = opts.excludeSessionId && isUuid(opts.excludeSessionId) ? opts.excludeSessionId : null;
  const res = await db.execute(sql`
    with last as (
      select distinct on (s.exercise_id) s.exercise_id, s.session_id, w.started_at
      from exercise_sets s
      join workout_sessions w on w.id = s.session_id and w.user_id = s.user_id
      where s.user_id = ${userId}
        and w.started_at < ${before}::timestamptz
        and (${exclude}::uuid is null or w.id <> ${exclude}::uuid)
      order by s.exercise_id, w.started_at desc, w.id
    )
    select lower(e.name) as key, l.started_at, s.weight_kg, s.reps, s.duration_seconds, s.distance_m
    from last l
    join exercise_sets s on s.session_id = l.session_id and s.exercise_id = l.exercise_id and s.user_id = ${userId}
    join exercises e on e.id = l.exercise_id
    where s.set_type <> 'warmup'
    order by e.name, s.position
  `);
  const out: Record<string, PreviousPerformance> = {};
  for (const r of res.rows as {
    key: string;
    started_at: string | Date;
    weight_kg: string | null;
    reps: number | null;
    duration_seconds: number | null;
    distance_m: string | null;
  }[]) {
    const entry = (out[r.key] ??= { date: day(new Date(r.started_at), opts.timeZone), sets: [] });
    entry.sets.push(describe(r, opts.unit));
  }
  return out;
}

/** Last time's sets of one exercise, as numbers (live workout prefill, "last: 100 × 5", cue facts). */
export interface LastSets {
  sessionId: string;
  startedAt: string;
  sets: { setType: string; weightKg: number | null; reps: number | null; rpe: number | null }[];
}

/**
 * For each of the given exercises, every set of the most recent session before `before` that had
 * it (all set types, in order), keyed by exercise id. Scoped to `userId` in SQL.
 */
export async function lastSessionSets(db: Queryable, userId: string, exerciseIds: string[], before = new Date()): Promise<Map<string, LastSets>> {
  const ids = [...new Set(exerciseIds.filter(isUuid))];
  const out = new Map<string, LastSets>();
  if (ids.length === 0) return out;
  const res = await db.execute(sql`
    with last as (
      select distinct on (s.exercise_id) s.exercise_id, s.session_id, w.started_at
      from exercise_sets s
      join workout_sessions w on w.id = s.session_id and w.user_id = s.user_id
      where s.user_id = ${userId} and s.exercise_id = any(${`{${ids.join(",")}}`}::uuid[])
        and w.started_at < ${before.toISOString()}::timestamptz
      order by s.exercise_id, w.started_at desc, w.id
    )
    select l.exercise_id, l.session_id, l.started_at, s.set_type, s.weight_kg::float8 as weight_kg, s.reps, s.rpe::float8 as rpe
    from last l
    join exercise_sets s on s.session_id = l.session_id and s.exercise_id = l.exercise_id and s.user_id = ${userId}
    order by s.position
  `);
  for (const r of res.rows as Record<string, unknown>[]) {
    const id = String(r.exercise_id);
    let entry = out.get(id);
    if (!entry)
      out.set(
        id,
        (entry = {
          sessionId: String(r.session_id),
          startedAt: (r.started_at instanceof Date ? r.started_at : new Date(String(r.started_at))).toISOString(),
          sets: [],
        }),
      );
    entry.sets.push({
      setType: String(r.set_type),
      weightKg: r.weight_kg === null ? null : Number(r.weight_kg),
      reps: r.reps === null ? null : Number(r.reps),
      rpe: r.rpe === null ? null : Number(r.rpe),
    });
  }
  return out;
}
