import { SANDBOX_LIMITS } from "./limits";

/**
 * The only relations sandboxed SQL may name. Each is a CTE over a base table, filtered by the
 * querying user's id (a bind parameter); see wrap.ts. Column order here is the CTE's order.
 */
export const SANDBOX_RELATIONS = {
  sessions: ["id", "started_at", "ended_at", "duration_min", "name", "notes", "source"],
  sets: [
    "id",
    "session_id",
    "exercise_id",
    "exercise_name",
    "performed_at",
    "position",
    "set_number",
    "set_type",
    "weight_kg",
    "reps",
    "rpe",
    "duration_seconds",
    "distance_m",
    "volume_kg",
    "e1rm_kg",
    "notes",
  ],
  exercises: ["id", "name", "category", "equipment", "primary_muscles", "secondary_muscles", "is_custom"],
  body_metrics: ["date", "bodyweight_kg", "sleep_hours", "resting_hr", "strain"],
} as const satisfies Record<string, readonly string[]>;

export type SandboxRelation = keyof typeof SANDBOX_RELATIONS;
export const SANDBOX_RELATION_NAMES = Object.keys(SANDBOX_RELATIONS) as SandboxRelation[];

export function isSandboxRelation(name: string): name is SandboxRelation {
  return Object.hasOwn(SANDBOX_RELATIONS, name);
}

/** For system prompts: what the model may query and how. */
export const SANDBOX_SCHEMA_DOC = `You can run ONE read-only PostgreSQL SELECT over the current user's own training data.
Relations (already limited to this user; do not filter by user):
- sessions(id uuid, started_at timestamptz, ended_at timestamptz, duration_min numeric, name text, notes text, source text)
  source is 'manual', 'chat' or 'import:<app>'.
- sets(id uuid, session_id uuid, exercise_id uuid, exercise_name text, performed_at timestamptz, position int,
  set_number int, set_type text, weight_kg numeric, reps int, rpe numeric, duration_seconds int, distance_m numeric,
  volume_kg numeric /* weight_kg*reps, null if either missing or the exercise is assisted (its weight is the assistance) */,
  e1rm_kg numeric /* Epley weight_kg*(1+reps/30) for 1..12 reps, else null (also for assisted exercises); rounded to 0.01 */, notes text)
  set_type is 'normal', 'warmup', 'failure' or 'drop'; performed_at is the session's start; weights are kilograms.
- exercises(id uuid, name text, category text, equipment text, primary_muscles text[], secondary_muscles text[], is_custom boolean)
  the built-in catalog plus the user's own exercises; join sets.exercise_id = exercises.id.
- body_metrics(date date, bodyweight_kg numeric, sleep_hours numeric, resting_hr int, strain int)
Rules: a single SELECT (WITH ... SELECT allowed; no recursive CTEs, no writes, no $1 parameters); reference only
these relations (unqualified) and CTEs you define (CTE names must differ from the relation names); qualify columns
as alias.column; common aggregate, window, math, date/time (date_trunc, extract, age, make_interval, to_char,
generate_series with constant bounds), text, array (unnest) and JSON-building functions are available; casts to
numeric/int/bigint/float8/text/date/timestamptz/interval/boolean/json(b)/uuid. Dates and times use the user's time zone.
At most ${SANDBOX_LIMITS.maxRows} rows are returned (aggregate instead of listing raw sets) and the query is stopped after ${
  SANDBOX_LIMITS.statementTimeoutMs / 1000
} s.`;
