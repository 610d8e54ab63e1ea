import type { Unit } from "@/lib/units";
import type { PromptContext } from "../system-prompt";
import type { ExerciseRef } from "./exercises";
import type { Intent } from "./intents";
import type { TimeRange } from "./time-range";

/**
 * SQL the offline coach writes for each intent, against the sandbox relations only
 * (sessions, sets, exercises, body_metrics). Weights come out in the user's unit, with the unit
 * as the column suffix (_kg / _lb), and already rounded — so the answer can quote the numbers
 * exactly as the tool returned them. `simple` is the retry variant after a rejection: no time
 * zone conversion, no CTEs, no scalar subqueries.
 */
export type QueryPlan = { sql: string; purpose: string };

const LB = 0.45359237;

export function lit(value: string): string {
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

function local(col: string, ctx: PromptContext, simple: boolean): string {
  return simple ? col : `(${col} at time zone ${tzLiteral(ctx.timezone)})`;
}

function since(col: string, range: TimeRange | null): string[] {
  if (!range) return [];
  const out: string[] = [];
  if (range.from) out.push(`${col} >= ${lit(range.from)}`);
  if (range.to) out.push(`${col} < ${lit(range.to)}`);
  return out;
}

/** A catalog lift by its exact name; a custom one by the user's most-logged name that matches the pattern. */
function exerciseFilter(ex: ExerciseRef, col = "exercise_name"): string {
  if (ex.name) return `${col} = ${lit(ex.name)}`;
  return `${col} = (select x.exercise_name from sets x where x.exercise_name ilike ${lit(ex.pattern ?? "%")} group by x.exercise_name order by count(*) desc limit 1)`;
}

function where(conds: string[]): string {
  return conds.length ? `where ${conds.join("\n  and ")}` : "";
}

export function planQuery(intent: Intent, ctx: PromptContext, simple = false): QueryPlan | null {
  const u = ctx.units;
  switch (intent.kind) {
    case "progress": {
      const bucket = intent.bucket === "week" ? `date_trunc('week', ${local("performed_at", ctx, simple)})::date` : `${local("performed_at", ctx, simple)}::date`;
      const label = intent.bucket === "week" ? "week" : "day";
      if (!intent.exercise) {
        // No exercise named: the three most-trained lifts in the period.
        const conds = ["set_type <> 'warmup'", "e1rm_kg is not null", ...since("performed_at", intent.range)];
        const top = `select exercise_name from sets ${where(conds)} group by exercise_name order by count(*) desc limit 3`;
        return {
          purpose: `best estimated 1RM per ${label} for the most-trained lifts, ${intent.range.label}`,
          sql: `select ${bucket} as ${label}, exercise_name, ${weight("max(e1rm_kg)", "best_e1rm", u)}
from sets
${where([...conds, `exercise_name in (${top})`])}
group by 1, 2
order by 1, 2`,
        };
      }
      const conds = [exerciseFilter(intent.exercise), "set_type <> 'warmup'", ...since("performed_at", intent.range)];
      return {
        purpose: `${intent.exercise.label}: best estimated 1RM and top set per ${label}, ${intent.range.label}`,
        sql: `select ${bucket} as ${label}, ${weight("max(e1rm_kg)", "best_e1rm", u)}, ${weight("max(weight_kg)", "top_weight", u)}, count(*) as sets
from sets
${where(conds)}
group by 1
order by 1`,
      };
    }
    case "compare": {
      const conds = [`(${intent.exercises.map((e) => exerciseFilter(e)).join(" or ")})`, "set_type <> 'warmup'", "e1rm_kg is not null", ...since("performed_at", intent.range)];
      return {
        purpose: `best estimated 1RM per week: ${intent.exercises.map((e) => e.label).join(" vs ")}, ${intent.range.label}`,
        sql: `select date_trunc('week', ${local("performed_at", ctx, simple)})::date as week, exercise_name, ${weight("max(e1rm_kg)", "best_e1rm", u)}
from sets
${where(conds)}
group by 1, 2
order by 1, 2`,
      };
    }
    case "volume": {
      const trunc = `date_trunc('${intent.bucket}', ${local("s.performed_at", ctx, simple)})::date`;
      const conds = ["s.set_type <> 'warmup'", ...since("s.performed_at", intent.range)];
      if (intent.exercise) conds.unshift(exerciseFilter(intent.exercise, "s.exercise_name"));
      if (intent.byMuscle) {
        return {
          purpose: `${intent.bucket}ly sets and volume per primary muscle group (a set counts for each), ${intent.range.label}`,
          // The 11 muscles with the most sets keep their name, the rest are "other" (a chart shows at most 12 series).
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
        purpose: `${intent.bucket}ly training volume${intent.exercise ? ` for ${intent.exercise.label}` : ""}, ${intent.range.label}`,
        sql: `select ${trunc} as ${intent.bucket}, ${weight("sum(s.volume_kg)", "volume", u, 0)}, count(*) as sets
from sets s
${where(conds)}
group by 1
order by 1`,
      };
    }
    case "records": {
      if (intent.exercise) {
        const conds = [exerciseFilter(intent.exercise), "set_type <> 'warmup'", "weight_kg is not null", "reps between 1 and 12", ...since("performed_at", intent.range)];
        return {
          purpose: `${intent.exercise.label}: heaviest weight for each rep count${intent.range ? `, ${intent.range.label}` : ""}`,
          sql: `select reps, ${weight("max(weight_kg)", "best_weight", u)}, ${weight("max(e1rm_kg)", "best_e1rm", u)}, count(*) as sets
from sets
${where(conds)}
group by reps
order by reps`,
        };
      }
      const conds = ["set_type <> 'warmup'", "weight_kg is not null", ...since("performed_at", intent.range)];
      return {
        purpose: `personal records per exercise${intent.range ? `, ${intent.range.label}` : ""}`,
        sql: `select exercise_name, ${weight("max(e1rm_kg)", "best_e1rm", u)}, ${weight("max(weight_kg)", "heaviest", u)}, max(reps) as most_reps
from sets
${where(conds)}
group by exercise_name
order by max(e1rm_kg) desc nulls last
limit 10`,
      };
    }
    case "frequency": {
      const day = `${local("started_at", ctx, simple)}::date`;
      const conds = since("started_at", intent.range);
      if (simple) {
        return {
          purpose: `sessions per day, ${intent.range.label}`,
          sql: `select ${day} as day, count(*) as sessions
from sessions
${where(conds)}
group by 1
order by 1`,
        };
      }
      return {
        purpose: `training days and sessions, ${intent.range.label}`,
        sql: `with days as (
  select ${day} as day, count(*) as sessions
  from sessions
  ${where(conds)}
  group by 1
)
select day, sessions,
  (select sum(sessions) from days) as total_sessions,
  (select count(*) from days) as training_days,
  round((select sum(sessions) from days) / greatest(1.0, (${lit(ctx.today)}::date - (select min(day) from days) + 1) / 7.0), 1) as sessions_per_week
from days
order by day`,
      };
    }
    case "last_workout": {
      const latest = "(select id from sessions order by started_at desc limit 1)";
      return {
        purpose: "the most recent session, per exercise",
        sql: `select se.started_at, se.name as session_name, s.exercise_name, count(*) as sets, ${weight("max(s.weight_kg)", "top_weight", u)}, sum(s.reps) as total_reps, ${weight("sum(s.volume_kg)", "volume", u, 0)}
from sets s
join sessions se on se.id = s.session_id
where se.id = ${latest}
group by se.started_at, se.name, s.exercise_name
order by min(s.position)`,
      };
    }
    case "body": {
      const conds = since("date", intent.range);
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
    default:
      return null;
  }
}
