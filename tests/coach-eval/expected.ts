import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import type { Lifter } from "./harness";

/**
 * Expected figures, computed from the base tables with plain SQL written here — never with the
 * coach's SQL, its period parser or its answer code. Periods are spelled out as literal local
 * dates for the evaluation's pinned clock (Thursday 3 Dec 2026), converted with each lifter's
 * zone by PostgreSQL. Definitions (the documented ones): working set = set_type <> 'warmup';
 * e1RM = Epley weight × (1 + reps/30) for 1–12 reps, rounded to 0.01, none for assisted
 * exercises; volume = weight × reps of working sets.
 */
type Row = Record<string, unknown>;

async function rows(db: Db, text: ReturnType<typeof sql>): Promise<Row[]> {
  return (await db.execute(text)).rows as Row[];
}

const n = (v: unknown) => (v === null || v === undefined ? null : Number(v));

function localDay(col: ReturnType<typeof sql>, tz: string) {
  return sql`(${col} at time zone ${tz})::date`;
}

/** [from, to) local dates; null = open. */
export type Span = [string | null, string | null];

function within(day: ReturnType<typeof sql>, span: Span) {
  const [from, to] = span;
  return sql`${from ? sql`${day} >= ${from}::date` : sql`true`} and ${to ? sql`${day} < ${to}::date` : sql`true`}`;
}

export async function sessionCount(
  db: Db,
  l: Lifter,
  span: Span,
): Promise<{ sessions: number; days: number; first: string | null; last: string | null }> {
  const day = localDay(sql`started_at`, l.timeZone);
  const [r] = await rows(
    db,
    sql`select count(*)::int as sessions, count(distinct ${day})::int as days, min(${day})::text as first, max(${day})::text as last
        from workout_sessions where user_id = ${l.userId} and ${within(day, span)}`,
  );
  return { sessions: Number(r.sessions), days: Number(r.days), first: (r.first as string) ?? null, last: (r.last as string) ?? null };
}

const SETS = (l: Lifter) => sql`exercise_sets es
  join workout_sessions ws on ws.id = es.session_id
  join exercises e on e.id = es.exercise_id
  where ws.user_id = ${l.userId} and es.set_type <> 'warmup'`;

const E1RM = sql`case when es.reps between 1 and 12 and e.name not ilike '%assisted%' then round(es.weight_kg * (1 + es.reps / 30.0), 2) end`;

/** Best e1RM (rounded to 0.1 like an answer) of an exercise in a span. */
export async function bestE1rm(db: Db, l: Lifter, exercise: string, span: Span): Promise<number | null> {
  const day = localDay(sql`ws.started_at`, l.timeZone);
  const [r] = await rows(db, sql`select round(max(${E1RM}), 1) as v from ${SETS(l)} and e.name = ${exercise} and ${within(day, span)}`);
  return n(r.v);
}

export async function heaviest(db: Db, l: Lifter, exercise: string): Promise<number | null> {
  const [r] = await rows(db, sql`select round(max(es.weight_kg), 1) as v from ${SETS(l)} and e.name = ${exercise} and es.reps between 1 and 12`);
  return n(r.v);
}

/** Per-session best e1RM of an exercise in a span, oldest first: [local day, value]. */
export async function e1rmBySession(db: Db, l: Lifter, exercise: string, span: Span): Promise<[string, number][]> {
  const day = localDay(sql`ws.started_at`, l.timeZone);
  const r = await rows(
    db,
    sql`select ${day}::text as d, round(max(${E1RM}), 1) as v from ${SETS(l)} and e.name = ${exercise} and ${within(day, span)}
        group by 1 having max(${E1RM}) is not null order by 1`,
  );
  return r.map((x) => [String(x.d), Number(x.v)]);
}

/** Per-week (Monday-start, local) best e1RM of an exercise in a span, oldest first: [monday, value]. */
export async function e1rmByWeek(db: Db, l: Lifter, exercise: string, span: Span): Promise<[string, number][]> {
  const day = localDay(sql`ws.started_at`, l.timeZone);
  const r = await rows(
    db,
    sql`select (${day} - ((extract(isodow from ${day})::int - 1)))::text as w, round(max(${E1RM}), 1) as v from ${SETS(l)} and e.name = ${exercise} and ${within(day, span)}
        group by 1 having max(${E1RM}) is not null order by 1`,
  );
  return r.map((x) => [String(x.w), Number(x.v)]);
}

/** Working sets of an exercise and its first/last local day. */
export async function exerciseStats(db: Db, l: Lifter, exercise: string): Promise<{ sets: number; first: string; last: string }> {
  const day = localDay(sql`ws.started_at`, l.timeZone);
  const [r] = await rows(
    db,
    sql`select count(*)::int as sets, min(${day})::text as first, max(${day})::text as last from ${SETS(l)} and e.name = ${exercise}`,
  );
  return { sets: Number(r.sets), first: String(r.first), last: String(r.last) };
}

export async function volume(db: Db, l: Lifter, span: Span): Promise<{ volume: number; sets: number }> {
  const day = localDay(sql`ws.started_at`, l.timeZone);
  const [r] = await rows(
    db,
    sql`select round(sum(case when e.name ilike '%assisted%' then null else es.weight_kg * es.reps end), 0) as v, count(*)::int as sets
        from ${SETS(l)} and ${within(day, span)}`,
  );
  return { volume: Number(r.v ?? 0), sets: Number(r.sets) };
}

/** Working sets of exercises whose primary muscles include any of `muscles`, counted once each. */
export async function muscleSets(
  db: Db,
  l: Lifter,
  muscles: string[],
  span: Span,
): Promise<{ sets: number; perExercise: Map<string, number>; unknown: number }> {
  const day = localDay(sql`ws.started_at`, l.timeZone);
  const list = sql.join(
    muscles.map((m) => sql`${m}`),
    sql`, `,
  );
  const r = await rows(
    db,
    sql`select e.name, count(*)::int as sets from ${SETS(l)} and ${within(day, span)}
        and exists (select 1 from unnest(e.primary_muscles) m where m in (${list})) group by e.name`,
  );
  const [u] = await rows(
    db,
    sql`select count(*)::int as n from ${SETS(l)} and ${within(day, span)} and coalesce(cardinality(e.primary_muscles), 0) = 0`,
  );
  const perExercise = new Map(r.map((x) => [String(x.name), Number(x.sets)]));
  return { sets: [...perExercise.values()].reduce((a, b) => a + b, 0), perExercise, unknown: Number(u.n) };
}

/**
 * Stalled lifts, by the definition the coach states: the six weeks (42 days) up to the lifter's
 * last day with an e1RM set; a lift trained on ≥ 3 of those days whose best e1RM there is not
 * above its best before them.
 */
export async function stalledLifts(db: Db, l: Lifter): Promise<{ stalled: string[]; moving: string[] }> {
  const day = localDay(sql`ws.started_at`, l.timeZone);
  const r = await rows(
    db,
    sql`with s as (select e.name, ${day} as d, ${E1RM} as v from ${SETS(l)}),
        w as (select max(d) - 41 as start from s where v is not null)
        select s.name,
          max(v) filter (where d >= w.start) as recent, max(v) filter (where d < w.start) as before,
          count(distinct d) filter (where d >= w.start and v is not null) as days
        from s cross join w group by s.name, w.start`,
  );
  const stalled: string[] = [];
  const moving: string[] = [];
  for (const x of r) {
    if (Number(x.days) < 3 || x.before === null || x.recent === null) continue;
    (Number(x.recent) <= Number(x.before) ? stalled : moving).push(String(x.name));
  }
  return { stalled, moving };
}

/** The last session: its local day, name, and the top working weight per exercise. */
export async function lastSession(db: Db, l: Lifter): Promise<{ day: string; name: string; tops: Map<string, number | null> }> {
  const [s] = await rows(
    db,
    sql`select id, ${localDay(sql`started_at`, l.timeZone)}::text as d, name from workout_sessions where user_id = ${l.userId} order by started_at desc limit 1`,
  );
  const r = await rows(
    db,
    sql`select e.name, round(max(es.weight_kg) filter (where es.set_type <> 'warmup'), 1) as top
        from exercise_sets es join exercises e on e.id = es.exercise_id where es.session_id = ${s.id} group by e.name`,
  );
  return { day: String(s.d), name: String(s.name), tops: new Map(r.map((x) => [String(x.name), n(x.top)])) };
}

/**
 * "What should I do today?": among lifting session types (name without "(deload)") done at least
 * twice in the 28 days up to the last session, the one done longest ago; and the top working
 * weights of its last normal (non-deload) session.
 */
export async function nextSession(db: Db, l: Lifter): Promise<{ name: string; tops: Map<string, number> }> {
  const day = localDay(sql`ws.started_at`, l.timeZone);
  const r = await rows(
    db,
    sql`with recent as (
          select ws.id, ${day} as d, ws.started_at, regexp_replace(ws.name, '\\s*\\((deload|light|easy)\\)\\s*$', '', 'i') as type, ws.name
          from workout_sessions ws where ws.user_id = ${l.userId}
            and ${day} >= (select max(${localDay(sql`x.started_at`, l.timeZone)}) from workout_sessions x where x.user_id = ${l.userId}) - 27
            and exists (select 1 from exercise_sets es where es.session_id = ws.id and es.weight_kg is not null and es.set_type <> 'warmup')
        ), types as (select type, max(d) as last, count(*) as times from recent group by type)
        select type from types where times >= 2 order by last, type limit 1`,
  );
  const name = String(r[0].type);
  const [s] = await rows(
    db,
    sql`select ws.id from workout_sessions ws where ws.user_id = ${l.userId} and ws.name = ${name} order by ws.started_at desc limit 1`,
  );
  const tops = await rows(
    db,
    sql`select e.name, round(max(es.weight_kg), 1) as top from exercise_sets es join exercises e on e.id = es.exercise_id
        where es.session_id = ${s.id} and es.set_type <> 'warmup' and es.weight_kg is not null group by e.name`,
  );
  return { name, tops: new Map(tops.map((x) => [String(x.name), Number(x.top)])) };
}

export async function bodyFirstLast(db: Db, l: Lifter, col: "bodyweight_kg" | "sleep_hours", span: Span): Promise<{ first: number; last: number }> {
  const c = sql.raw(col);
  const r = await rows(
    db,
    sql`select ${c} as v from body_metrics where user_id = ${l.userId} and ${c} is not null and ${within(sql`date`, span)} order by date`,
  );
  return { first: Number(r[0].v), last: Number(r[r.length - 1].v) };
}

/** The exercise the lifter logs most (working sets) among `names`. */
export async function mostLogged(db: Db, l: Lifter, names: string[]): Promise<string> {
  const list = sql.join(
    names.map((x) => sql`${x}`),
    sql`, `,
  );
  const r = await rows(
    db,
    sql`select e.name, count(*) as c from ${SETS(l)} and e.name in (${list}) group by e.name order by count(*) desc, e.name limit 1`,
  );
  return String(r[0].name);
}

/**
 * The lifter's primary coach, read from the stored card (coaches → its current coach_versions row):
 * the programme's label and first progression rule, the deload interval, and each safety rule as
 * the chat must show it — general rules as written, movement rules at their scope with their reason.
 */
export async function primaryCard(db: Db, l: Lifter): Promise<{ label: string; progression: string; deloadEvery: number; rules: string[] }> {
  const [r] = await rows(
    db,
    sql`select v.card from coaches c join coach_versions v on v.coach_id = c.id and v.version = c.current_version
        where c.user_id = ${l.userId} and c.is_primary`,
  );
  if (!r) throw new Error(`${l.key} has no primary coach`);
  const card = (typeof r.card === "string" ? JSON.parse(r.card) : r.card) as {
    methodology: { label: string; progression: string[] };
    safety: { rules: string[]; deload: { everyWeeks: number }; avoid: { movement: string; scope: string; reason: string }[] };
  };
  const words = (a: { movement: string; scope: string }) =>
    a.scope === "heavy"
      ? `No heavy ${a.movement.replace(/^heavy /, "")}`
      : a.scope === "volume"
        ? `Keep ${a.movement} low-volume`
        : a.scope === "caution"
          ? `Careful with ${a.movement}`
          : `No ${a.movement}`;
  return {
    label: card.methodology.label,
    progression: card.methodology.progression[0],
    deloadEvery: card.safety.deload.everyWeeks,
    rules: [...card.safety.rules, ...card.safety.avoid.map((a) => `${words(a)} (${a.reason})`)].slice(0, 8),
  };
}

/** Workouts, training days and working sets of one exercise in a span (a session counts once, on its local start day). */
export async function exerciseDays(
  db: Db,
  l: Lifter,
  exercise: string,
  span: Span,
): Promise<{ sessions: number; days: number; sets: number; first: string | null; last: string | null }> {
  const day = localDay(sql`ws.started_at`, l.timeZone);
  const [r] = await rows(
    db,
    sql`select count(distinct ws.id)::int as sessions, count(distinct ${day})::int as days, count(*)::int as sets,
          min(${day})::text as first, max(${day})::text as last
        from ${SETS(l)} and e.name = ${exercise} and ${within(day, span)}`,
  );
  return {
    sessions: Number(r.sessions),
    days: Number(r.days),
    sets: Number(r.sets),
    first: r.first ? String(r.first) : null,
    last: r.last ? String(r.last) : null,
  };
}

/** Working sets, reps and volume of one exercise in a span. */
export async function liftSets(db: Db, l: Lifter, exercise: string, span: Span): Promise<{ sets: number; reps: number; volume: number }> {
  const day = localDay(sql`ws.started_at`, l.timeZone);
  const [r] = await rows(
    db,
    sql`select count(*)::int as sets, coalesce(sum(es.reps), 0)::int as reps, round(coalesce(sum(es.weight_kg * es.reps), 0), 0) as v
        from ${SETS(l)} and e.name = ${exercise} and ${within(day, span)}`,
  );
  return { sets: Number(r.sets), reps: Number(r.reps), volume: Number(r.v) };
}
