import type { Unit } from "@/lib/units";
import { alignToWeeks, type Period } from "@/lib/time/periods";
import type { PromptContext } from "../system-prompt";
import type { ExerciseRef } from "./exercises";
import type { Intent } from "./intents";

/**
 * SQL the offline coach writes for each intent, against the sandbox relations only
 * (sessions, sets, exercises, body_metrics). Weights come out in the user's unit, with the unit
 * as the column suffix (_kg / _lb), and already rounded — so the answer can quote the numbers
 * exactly as the tool returned them. Periods are compared on the user's LOCAL date
 * ((performed_at at time zone '<zone>')::date), so "March" means March where the user lives.
 * Volume is always weight × reps of working sets: warm-ups are excluded everywhere.
 * `simple` is the retry variant after a rejection: no time zone conversion, no CTEs.
 */
export type QueryPlan = { sql: string; purpose: string };

const LB = 0.45359237;
const WORKING = "set_type <> 'warmup'";

/** Purposes of the helper queries (decide.ts recognises them by these prefixes). */
export const RESOLVE_PURPOSE = "which exercises in your history match";
export const SPAN_PURPOSE = "the span of your logged";

function lit(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

function tzLiteral(tz: string): string {
  return /^[A-Za-z0-9_+\-/]{1,64}$/.test(tz) ? lit(tz) : "'UTC'";
}

/** round(<agg of a kg column> [/ 0.45359237], digits) AS <name>_<unit> */
function weight(expr: string, name: string, units: Unit, digits = 1): string {
  const e = units === "lb" ? `${expr} / ${LB}` : expr;
  return `round(${e}, ${digits}) as ${name}_${units}`;
}

/** The user's local calendar date of a timestamptz column. */
function localDay(col: string, ctx: PromptContext, simple = false): string {
  return simple ? `${col}::date` : `(${col} at time zone ${tzLiteral(ctx.timeZone)})::date`;
}

function local(col: string, ctx: PromptContext, simple: boolean): string {
  return simple ? col : `(${col} at time zone ${tzLiteral(ctx.timeZone)})`;
}

/** Conditions for a period on a timestamptz column (local dates) or a date column. */
function inPeriod(col: string, range: Period | null, ctx: PromptContext, simple = false, isDate = false): string[] {
  if (!range) return [];
  const day = isDate ? col : localDay(col, ctx, simple);
  const out: string[] = [];
  if (range.from) out.push(`${day} >= ${lit(range.from)}`);
  if (range.to) out.push(`${day} < ${lit(range.to)}`);
  return out;
}

function exerciseFilter(ex: ExerciseRef, col = "exercise_name"): string {
  if (ex.name) return `${col} = ${lit(ex.name)}`;
  return `${col} ilike ${lit(ex.pattern ?? "%")}`;
}

function where(conds: string[]): string {
  return conds.length ? `where ${conds.join("\n  and ")}` : "";
}

/** Step one for questions about named lifts: every exercise in the history with its working sets, in and out of the period. */
export function planResolve(refs: ExerciseRef[], range: Period | null, ctx: PromptContext, simple = false): QueryPlan {
  const inRange = inPeriod("performed_at", range, ctx, simple);
  const periodCount = inRange.length ? `count(*) filter (where ${WORKING} and ${inRange.join(" and ")})` : `count(*) filter (where ${WORKING})`;
  return {
    purpose: `${RESOLVE_PURPOSE} ${refs.map((r) => `"${r.phrase ?? r.label}"`).join(", ")}`,
    sql: `select exercise_name, count(*) filter (where ${WORKING}) as working_sets, ${periodCount} as in_period,
  min(${localDay("performed_at", ctx, simple)}) as first_day, max(${localDay("performed_at", ctx, simple)}) as last_day
from sets
group by exercise_name
order by count(*) filter (where ${WORKING}) desc, exercise_name
limit 200`,
  };
}

/** When a period holds nothing: where the user's data starts and ends (sessions, or body metrics). */
export function planSpan(intent: Intent, ctx: PromptContext, simple = false): QueryPlan {
  if (intent.kind === "body") {
    const col = intent.metric === "bodyweight" ? "bodyweight_kg" : intent.metric === "sleep" ? "sleep_hours" : "resting_hr";
    return {
      purpose: `${SPAN_PURPOSE} ${intent.metric === "bodyweight" ? "bodyweight" : intent.metric === "sleep" ? "sleep" : "resting heart rate"} entries`,
      sql: `select min(date) as first_day, max(date) as last_day, count(*) as entries
from body_metrics
where ${col} is not null`,
    };
  }
  return {
    purpose: `${SPAN_PURPOSE} training`,
    sql: `select min(${localDay("started_at", ctx, simple)}) as first_day, max(${localDay("started_at", ctx, simple)}) as last_day, count(*) as entries
from sessions`,
  };
}

export function planQuery(intent: Intent, ctx: PromptContext, simple = false): QueryPlan | null {
  const u = ctx.units;
  switch (intent.kind) {
    case "progress": {
      const range = intent.bucket === "week" ? alignToWeeks(intent.range, true) : intent.range;
      const bucket =
        intent.bucket === "week" ? `date_trunc('week', ${local("performed_at", ctx, simple)})::date` : localDay("performed_at", ctx, simple);
      const label = intent.bucket === "week" ? "week" : "day";
      if (!intent.exercise) {
        // No exercise named: the three most-trained lifts in the period.
        const conds = [WORKING, "e1rm_kg is not null", ...inPeriod("performed_at", range, ctx, simple)];
        const top = `select exercise_name from sets ${where(conds)} group by exercise_name order by count(*) desc, exercise_name limit 3`;
        return {
          purpose: `best estimated 1RM per ${label} for the most-trained lifts, ${range.label}`,
          sql: `select ${bucket} as ${label}, exercise_name, ${weight("max(e1rm_kg)", "best_e1rm", u)}
from sets
${where([...conds, `exercise_name in (${top})`])}
group by 1, 2
order by 1, 2`,
        };
      }
      const conds = [exerciseFilter(intent.exercise), WORKING, ...inPeriod("performed_at", range, ctx, simple)];
      return {
        purpose: `${intent.exercise.label}: best estimated 1RM and top set per ${label}, ${range.label}`,
        sql: `select ${bucket} as ${label}, ${weight("max(e1rm_kg)", "best_e1rm", u)}, ${weight("max(weight_kg)", "top_weight", u)}, count(*) as sets
from sets
${where(conds)}
group by 1
order by 1`,
      };
    }
    case "compare": {
      const range = alignToWeeks(intent.range, true);
      const conds = [
        `(${intent.exercises.map((e) => exerciseFilter(e)).join(" or ")})`,
        WORKING,
        "e1rm_kg is not null",
        ...inPeriod("performed_at", range, ctx, simple),
      ];
      return {
        purpose: `best estimated 1RM per week: ${intent.exercises.map((e) => e.label).join(" vs ")}, ${range.label}`,
        sql: `select date_trunc('week', ${local("performed_at", ctx, simple)})::date as week, exercise_name, ${weight("max(e1rm_kg)", "best_e1rm", u)}
from sets
${where(conds)}
group by 1, 2
order by 1, 2`,
      };
    }
    case "volume": {
      const range = intent.bucket === "week" ? alignToWeeks(intent.range) : intent.range;
      // a named period's first week or month may start mid-way: label it from the period's first day, not before
      const raw = `date_trunc('${intent.bucket}', ${local("s.performed_at", ctx, simple)})::date`;
      const trunc = range.from && !simple ? `greatest(${raw}, ${lit(range.from)}::date)` : raw;
      const conds = [`s.${WORKING}`, ...inPeriod("s.performed_at", range, ctx, simple)];
      if (intent.exercise) conds.unshift(exerciseFilter(intent.exercise, "s.exercise_name"));
      if (intent.byMuscle) {
        return {
          purpose: `${intent.bucket}ly working sets per primary muscle group (a set counts for each), ${range.label}`,
          // Muscles ranked by sets; the 11 biggest keep their name, the rest are "other" (a chart shows at most 12 series).
          sql: `with per_muscle as (
  select ${trunc} as period, m.muscle, sum(s.volume_kg) as volume, count(*) as n
  from sets s
  join exercises e on e.id = s.exercise_id
  cross join lateral unnest(coalesce(nullif(e.primary_muscles, '{}'), array['other'])) as m(muscle)
  ${where(conds).replace(/\n/g, "\n  ")}
  group by 1, 2
), ranked as (
  select muscle, row_number() over (order by sum(n) desc, muscle) as r from per_muscle group by muscle
)
select p.period as ${intent.bucket}, case when r.r <= 11 then p.muscle else 'other' end as muscle,
       ${weight("sum(p.volume)", "volume", u, 0)}, sum(p.n)::int as sets
from per_muscle p
join ranked r on r.muscle = p.muscle
group by 1, 2
order by 1, 2`,
        };
      }
      return {
        purpose: `${intent.bucket}ly volume of working sets${intent.exercise ? ` for ${intent.exercise.label}` : ""}, ${range.label}`,
        sql: `select ${trunc} as ${intent.bucket}, ${weight("sum(s.volume_kg)", "volume", u, 0)}, count(*) as sets,
  ${weight("sum(sum(s.volume_kg)) over ()", "total_volume", u, 0)}, sum(count(*)) over () as total_sets, sum(sum(s.reps)) over () as total_reps
from sets s
${where(conds)}
group by 1
order by 1`,
      };
    }
    case "muscle_sets": {
      const muscles = `array[${intent.muscle.muscles.map(lit).join(", ")}]::text[]`;
      const conds = [`s.${WORKING}`, ...inPeriod("s.performed_at", intent.range, ctx, simple)];
      return {
        purpose: `working sets for ${intent.muscle.label} (exercises whose primary muscles include it), ${intent.range.label}`,
        sql: `select coalesce(s.exercise_name, '') as exercise_name,
  count(*) filter (where e.primary_muscles && ${muscles}) as sets,
  sum(count(*) filter (where e.primary_muscles && ${muscles})) over () as total_sets,
  count(distinct s.session_id) filter (where e.primary_muscles && ${muscles}) as sessions,
  sum(count(*) filter (where coalesce(cardinality(e.primary_muscles), 0) = 0)) over () as sets_without_muscles
from sets s
left join exercises e on e.id = s.exercise_id
${where(conds)}
group by s.exercise_name
order by 2 desc, 1`,
      };
    }
    case "records": {
      if (intent.exercise) {
        const conds = [
          exerciseFilter(intent.exercise),
          WORKING,
          "weight_kg is not null",
          "reps between 1 and 12",
          ...inPeriod("performed_at", intent.range, ctx, simple),
        ];
        return {
          purpose: `${intent.exercise.label}: heaviest working set for each rep count${intent.range ? `, ${intent.range.label}` : ""}`,
          sql: `select reps, ${weight("max(weight_kg)", "best_weight", u)}, ${weight("max(e1rm_kg)", "best_e1rm", u)}, count(*) as sets
from sets
${where(conds)}
group by reps
order by reps`,
        };
      }
      const conds = [WORKING, "weight_kg is not null", ...inPeriod("performed_at", intent.range, ctx, simple)];
      return {
        purpose: `personal records per exercise${intent.range ? `, ${intent.range.label}` : ""}`,
        sql: `select exercise_name, ${weight("max(e1rm_kg)", "best_e1rm", u)}, ${weight("max(weight_kg)", "heaviest", u)}, max(reps) as most_reps
from sets
${where(conds)}
group by exercise_name
order by max(e1rm_kg) desc nulls last, exercise_name
limit 10`,
      };
    }
    case "frequency": {
      if (intent.exercise) {
        // The days a lift was trained: sessions with at least one working set of it.
        const sday = localDay("performed_at", ctx, simple);
        const conds = [exerciseFilter(intent.exercise), WORKING, ...inPeriod("performed_at", intent.range, ctx, simple)];
        return {
          purpose: `${intent.exercise.label}: workouts with working sets of it, per day, ${intent.range.label}`,
          sql: `select ${sday} as day, count(distinct session_id) as sessions, count(*) as sets,
  sum(count(distinct session_id)) over () as total_sessions, count(*) over () as training_days, sum(count(*)) over () as total_sets,
  min(${sday}) over () as first_day, max(${sday}) over () as last_day
from sets
${where(conds)}
group by 1
order by 1`,
        };
      }
      const day = localDay("started_at", ctx, simple);
      const conds = inPeriod("started_at", intent.range, ctx, simple);
      return {
        purpose: `workouts per day, ${intent.range.label}`,
        // totals as window aggregates: every row carries them, so they hold even when the day rows are cut
        sql: `select ${day} as day, count(*) as sessions, sum(count(*)) over () as total_sessions, count(*) over () as training_days,
  min(${day}) over () as first_day, max(${day}) over () as last_day
from sessions
${where(conds)}
group by 1
order by 1`,
      };
    }
    case "last_workout": {
      const latest = "(select id from sessions order by started_at desc limit 1)";
      return {
        purpose: "the most recent session, per exercise (working sets)",
        sql: `select se.started_at, se.name as session_name, s.exercise_name, count(*) filter (where s.${WORKING}) as sets,
  count(*) filter (where s.set_type = 'warmup') as warmup_sets, ${weight(`max(s.weight_kg) filter (where s.${WORKING})`, "top_weight", u)},
  sum(s.reps) filter (where s.${WORKING}) as total_reps, ${weight(`sum(s.volume_kg) filter (where s.${WORKING})`, "volume", u, 0)}
from sets s
join sessions se on se.id = s.session_id
where se.id = ${latest}
group by se.started_at, se.name, s.exercise_name
order by min(s.position)`,
      };
    }
    case "body": {
      const conds = inPeriod("date", intent.range, ctx, simple, true);
      if (intent.metric === "bodyweight") {
        return {
          purpose: `bodyweight, ${intent.range.label}`,
          sql: `select date, ${u === "lb" ? `round(bodyweight_kg / ${LB}, 1) as bodyweight_lb` : "bodyweight_kg"}
from body_metrics
${where(["bodyweight_kg is not null", ...conds])}
order by date`,
        };
      }
      const col = intent.metric === "sleep" ? "sleep_hours" : "resting_hr";
      return {
        purpose: `${intent.metric === "sleep" ? "sleep" : "resting heart rate"}, ${intent.range.label}`,
        sql: `select date, ${col}
from body_metrics
${where([`${col} is not null`, ...conds])}
order by date`,
      };
    }
    case "stalled":
    case "deload":
      return planStalled(ctx, simple);
    case "today":
      return planRecentSessions(ctx, simple);
    default:
      return null;
  }
}

/** How many days "recent" covers for stall detection (six weeks up to the last session). */
const STALL_WINDOW_DAYS = 42;

/**
 * Stalled lifts: for every lift with an estimated 1RM, its best in the six weeks up to the
 * user's LAST session versus its best before that, and how many days it was trained in those six
 * weeks. A lift trained on at least 3 days whose recent best is not above its earlier best has
 * stalled. Anchored at the last session so an old import is judged on its own last weeks.
 */
function planStalled(ctx: PromptContext, simple = false): QueryPlan {
  const day = localDay("performed_at", ctx, simple);
  const u = ctx.units;
  return {
    purpose: "best estimated 1RM per lift: the last six weeks of training against everything before",
    sql: `with s as (
  select exercise_name, ${day} as day, e1rm_kg
  from sets
  where ${WORKING} and e1rm_kg is not null
), cutoff as (
  select max(day) - ${STALL_WINDOW_DAYS - 1} as d, max(day) as last_day from s
), agg as (
  select s.exercise_name,
    max(s.e1rm_kg) filter (where s.day >= c.d) as recent,
    max(s.e1rm_kg) filter (where s.day < c.d) as before,
    count(distinct s.day) filter (where s.day >= c.d) as recent_days
  from s cross join cutoff c
  group by s.exercise_name
)
select a.exercise_name, ${weight("a.recent", "recent_best", u)}, ${weight("a.before", "previous_best", u)}, a.recent_days,
  (select min(x.day) from s x where x.exercise_name = a.exercise_name and x.e1rm_kg >= a.before) as previous_best_day,
  (a.recent <= a.before) as stalled,
  (select c.d from cutoff c) as window_start, (select c.last_day from cutoff c) as window_end
from agg a
where a.recent_days >= 3 and a.before is not null
order by (a.recent <= a.before) desc, a.recent_days desc, a.exercise_name`,
  };
}

/** The last four weeks of sessions with what was done in each (for "what should I do today?"). */
function planRecentSessions(ctx: PromptContext, simple = false): QueryPlan {
  const u = ctx.units;
  const day = localDay("se.started_at", ctx, simple);
  return {
    purpose: "sessions of the four weeks up to the last one, per exercise (working sets)",
    sql: `select ${localDay("se.started_at", ctx, simple)} as day, se.name as session_name, s.exercise_name,
  count(*) filter (where s.${WORKING}) as sets, ${weight(`max(s.weight_kg) filter (where s.${WORKING})`, "top_weight", u)},
  max(s.reps) filter (where s.${WORKING}) as top_reps
from sessions se
join sets s on s.session_id = se.id
where ${day} >= (select max(${localDay("x.started_at", ctx, simple)}) from sessions x) - 27
group by se.id, se.started_at, se.name, s.exercise_name
order by se.started_at desc, min(s.position)
limit 200`,
  };
}
