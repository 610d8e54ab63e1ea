import "server-only";
import { sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";

/**
 * What the training log says about a lifter, read once when an interview starts: how often they
 * train, how long they have logged, their main lifts and where those are heading. The interview
 * pre-fills from it and says so.
 */
export interface LiftTrend {
  exercise: string;
  status: "up" | "stalled" | "down";
  /** YYYY-MM: month of the best estimated 1RM (stalled/down) or of the latest month (up). */
  since: string;
}

export interface TrainingSummary {
  sessions: number;
  firstSessionAt: string;
  lastSessionAt: string;
  spanMonths: number;
  /** Sessions per week over the last 12 weeks of the log (rounded, ≥ 1). */
  perWeek: number;
  mainLifts: string[];
  trends: LiftTrend[];
  /** Share of working sets with an RPE recorded (0..1): a sophistication signal. */
  rpeShare: number;
}

/** Fewer sessions than this and the log says too little to pre-fill anything. */
const MIN_SESSIONS_FOR_SUMMARY = 4;

type Row = Record<string, unknown>;
const rowsOf = (r: unknown): Row[] => ((r as { rows?: Row[] }).rows ?? (r as Row[])) as Row[];

export async function loadTrainingSummary(db: Queryable, userId: string): Promise<TrainingSummary | null> {
  const [totals] = rowsOf(
    await db.execute(sql`
      select count(*)::int as sessions, min(s.started_at) as first_at, max(s.started_at) as last_at
      from workout_sessions s
      where s.user_id = ${userId} and exists (select 1 from exercise_sets x where x.session_id = s.id and x.user_id = ${userId})`),
  );
  const sessions = Number(totals?.sessions ?? 0);
  if (sessions < MIN_SESSIONS_FOR_SUMMARY) return null;
  const first = new Date(String(totals.first_at));
  const last = new Date(String(totals.last_at));
  const windowStart = new Date(Math.max(first.getTime(), last.getTime() - 84 * 86_400_000));
  const windowWeeks = Math.max(1, (last.getTime() - windowStart.getTime()) / (7 * 86_400_000));

  const [recent] = rowsOf(
    await db.execute(sql`
      select count(*)::int as n from workout_sessions s
      where s.user_id = ${userId} and s.started_at >= ${windowStart.toISOString()}::timestamptz
        and exists (select 1 from exercise_sets x where x.session_id = s.id and x.user_id = ${userId})`),
  );
  const perWeek = Math.max(1, Math.round(Number(recent?.n ?? 0) / windowWeeks));

  const lifts = rowsOf(
    await db.execute(sql`
      select e.name, count(*)::int as n, avg(case when x.rpe is not null then 1 else 0 end)::float as rpe_share
      from exercise_sets x
      join workout_sessions s on s.id = x.session_id and s.user_id = x.user_id
      join exercises e on e.id = x.exercise_id
      where x.user_id = ${userId} and x.set_type <> 'warmup' and e.category in ('strength', 'olympic')
        and s.started_at >= ${new Date(last.getTime() - 183 * 86_400_000).toISOString()}::timestamptz
      group by e.name order by n desc, e.name limit 3`),
  );
  const mainLifts = lifts.map((r) => String(r.name));
  const [rpe] = rowsOf(
    await db.execute(sql`select avg(case when rpe is not null then 1 else 0 end)::float as share from exercise_sets
      where user_id = ${userId} and set_type <> 'warmup'`),
  );

  const trends: LiftTrend[] = [];
  if (mainLifts.length) {
    const monthly = rowsOf(
      await db.execute(sql`
        select e.name, to_char(date_trunc('month', s.started_at at time zone 'UTC'), 'YYYY-MM') as month,
               max(x.weight_kg * (1 + x.reps / 30.0))::float as best
        from exercise_sets x
        join workout_sessions s on s.id = x.session_id and s.user_id = x.user_id
        join exercises e on e.id = x.exercise_id
        where x.user_id = ${userId} and x.set_type <> 'warmup' and x.reps between 1 and 12 and x.weight_kg > 0
          and e.name in (${sql.join(
            mainLifts.map((n) => sql`${n}`),
            sql`, `,
          )})
          and s.started_at >= ${new Date(last.getTime() - 365 * 86_400_000).toISOString()}::timestamptz
        group by 1, 2 order by 1, 2`),
    );
    for (const name of mainLifts) {
      const trend = liftTrend(monthly.filter((r) => r.name === name).map((r) => ({ month: String(r.month), best: Number(r.best) })));
      if (trend) trends.push({ exercise: name, ...trend });
    }
  }

  const spanMonths = Math.max(0, Math.round((last.getTime() - first.getTime()) / (30.44 * 86_400_000)));
  return {
    sessions,
    firstSessionAt: first.toISOString(),
    lastSessionAt: last.toISOString(),
    spanMonths,
    perWeek,
    mainLifts,
    // Stalls first: they are what a lifter most wants a coach to notice.
    trends: trends.sort((a, b) => rank(a.status) - rank(b.status)),
    rpeShare: Math.round(Number(rpe?.share ?? 0) * 100) / 100,
  };
}

const rank = (s: LiftTrend["status"]) => (s === "stalled" ? 0 : s === "down" ? 1 : 2);

/**
 * Month-by-month best e1RM → trend. Stalled: the best month is at least two months before the
 * latest and nothing since beat it by more than 1 %. Down: the latest month is 5 %+ below the best.
 */
export function liftTrend(months: { month: string; best: number }[]): Omit<LiftTrend, "exercise"> | null {
  if (months.length < 3) return null;
  let bestIdx = 0;
  months.forEach((m, i) => {
    if (m.best > months[bestIdx].best * 1.01) bestIdx = i;
  });
  const latest = months[months.length - 1];
  const best = months[bestIdx];
  if (latest.best < best.best * 0.95 && bestIdx < months.length - 1) return { status: "down", since: best.month };
  if (months.length - 1 - bestIdx >= 2) return { status: "stalled", since: best.month };
  return { status: "up", since: latest.month };
}
