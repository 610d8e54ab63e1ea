import { CLOSE, OPEN } from "./isolation";
import { SANDBOX_LIMITS } from "./limits";
import type { ValidatedQuery } from "./validate";

/**
 * The user binding (layer 2): the four relations are CTEs over the base tables filtered by the
 * bind parameter $1 (the user id), defined outside the model's query so it cannot redefine them.
 * Base tables are schema-qualified; the model's text sits inside a subquery in its own CTE.
 * Sets are bound through their session: the composite foreign key (session_id, user_id) makes a
 * set's user its session's user. (Filtering es.user_id as well made the planner AND a scan of all
 * the user's sets into every per-session lookup: O(sessions × sets), 3× slower at 1 000 sets.)
 * An assisted exercise's weight is the assistance, so its sets have no volume or e1RM (NULL).
 */
export const USER_SCOPED_CTES = `sessions AS (
  SELECT ws.id, ws.started_at, ws.ended_at,
         round((extract(epoch FROM ws.ended_at - ws.started_at) / 60)::numeric, 1) AS duration_min,
         ws.name, ws.notes, ws.source
  FROM public.workout_sessions ws
  WHERE ws.user_id = $1::text
), sets AS (
  SELECT es.id, es.session_id, es.exercise_id, e.name AS exercise_name, ws.started_at AS performed_at,
         es.position, es.set_number::int AS set_number, es.set_type, es.weight_kg, es.reps, es.rpe,
         es.duration_seconds, es.distance_m,
         CASE WHEN e.name ILIKE '%assisted%' THEN NULL ELSE es.weight_kg * es.reps END AS volume_kg,
         CASE WHEN es.reps BETWEEN 1 AND 12 AND coalesce(e.name, '') NOT ILIKE '%assisted%' THEN round(es.weight_kg * (1 + es.reps / 30.0), 2) END AS e1rm_kg,
         es.notes
  FROM public.workout_sessions ws
  JOIN public.exercise_sets es ON es.session_id = ws.id
  LEFT JOIN public.exercises e ON e.id = es.exercise_id AND (e.owner_user_id IS NULL OR e.owner_user_id = $1::text)
  WHERE ws.user_id = $1::text
), exercises AS (
  SELECT e.id, e.name, e.category, e.equipment, e.primary_muscles, e.secondary_muscles,
         e.owner_user_id IS NOT NULL AS is_custom
  FROM public.exercises e
  WHERE e.owner_user_id IS NULL OR e.owner_user_id = $1::text
), body_metrics AS (
  SELECT bm.date, bm.bodyweight_kg, bm.sleep_hours, bm.resting_hr::int AS resting_hr, bm.strain::int AS strain
  FROM public.body_metrics bm
  WHERE bm.user_id = $1::text
)`;

/** Trailing bookkeeping columns appended to every row by the wrapper. */
export const WRAPPER_COLUMNS = 3;

/**
 * Wraps a validated query. The result carries the model's columns, then spotter_row and
 * spotter_bytes (running text size), then spotter_total: rows past the byte cap are never sent.
 * When nothing fits (or there are no rows) one row of NULLs with spotter_total comes back.
 */
export function wrapQuery(q: ValidatedQuery, maxRows: number): string {
  const limit = Math.floor(maxRows) + 1;
  return `WITH ${USER_SCOPED_CTES},
spotter_result AS MATERIALIZED (${OPEN}${q.sql}${CLOSE}${limit}),
spotter_sized AS (
  SELECT r.*, row_number() OVER () AS spotter_row,
         sum(octet_length(r::text)) OVER (ROWS UNBOUNDED PRECEDING) AS spotter_bytes
  FROM spotter_result AS r
)
SELECT s.*, t.spotter_total
FROM (SELECT count(*) AS spotter_total FROM spotter_result) AS t
LEFT JOIN spotter_sized AS s ON s.spotter_bytes <= ${SANDBOX_LIMITS.maxResultBytes}
ORDER BY s.spotter_row`;
}

/**
 * The wrapped text must embed the validated text between exactly the delimiters it was validated
 * in (validate.ts parses it inside them), so it parses the same way here.
 */
export function assertWrappedIntact(wrapped: string, q: ValidatedQuery): void {
  if (!wrapped.includes(`${OPEN}${q.sql}${CLOSE}`)) throw new Error("wrapped query does not embed the validated text");
}
