import type { SetRecord, SetType } from "@/lib/workouts/constants";
import { addDays, daysBetween, startOfIsoWeek } from "@/lib/time/calendar";
import { zonedTime } from "@/lib/time/zone";
import { createRng, hashSeed, type Rng } from "./prng";

/**
 * The demo lifter's year, generated without a database: an upper/lower split four days a week
 * (plus an occasional Sunday run), 4–6 week blocks that end in a deload, a fortnight off
 * about seven months ago, a squat stall a few months back and PR singles near block ends.
 *
 * Determinism: weeks are counted back from the current week, and every session and day draws
 * from its own PRNG seeded by its week/slot or day, so the history has the same shape and the
 * same numbers relative to "today" on every machine, only shifted in time.
 */

const DEMO_WEEKS = 53; // week 0 (oldest, partial) … week 52 (the current week)
export const DEMO_HOLIDAY_WEEKS = [20, 21] as const;
export const DEMO_DELOAD_WEEKS = [4, 9, 14, 19, 26, 31, 37, 42, 47] as const;
export const DEMO_SQUAT_STALL_WEEKS = [30, 38] as const;
/** Weeks with a planned heavy single on the named lift. */
export const DEMO_PR_WEEKS = { squat: [18, 45, 51], bench: [24, 46], deadlift: [17, 50] } as const;

export type MainLift = "squat" | "bench" | "deadlift" | "ohp" | "row";

/** e1RM keyframes (kg) by week; linear in between. The squat stalls between weeks 30 and 38. */
const STRENGTH: Record<MainLift, [number, number][]> = {
  squat: [
    [0, 120],
    [19, 136],
    [22, 129],
    [26, 135],
    [30, 140],
    [38, 141],
    [44, 150],
    [52, 157.5],
  ],
  bench: [
    [0, 92],
    [19, 101],
    [22, 97],
    [34, 104],
    [40, 104.5],
    [52, 112],
  ],
  deadlift: [
    [0, 160],
    [19, 176],
    [22, 170],
    [52, 195],
  ],
  ohp: [
    [0, 55],
    [19, 60],
    [22, 57.5],
    [52, 66],
  ],
  row: [
    [0, 85],
    [19, 92],
    [22, 89],
    [52, 101],
  ],
};

export const MAIN_LIFT_SLUGS: Record<MainLift, string> = {
  squat: "squat-barbell",
  bench: "bench-press-barbell",
  deadlift: "deadlift-barbell",
  ohp: "overhead-press-barbell",
  row: "bent-over-row-barbell",
};

interface DemoSet extends SetRecord {
  slug: string;
  notes: string | null;
}

export interface DemoSession {
  week: number;
  date: string;
  name: string;
  notes: string | null;
  startedAt: Date;
  endedAt: Date;
  deload: boolean;
  sets: DemoSet[];
}

export interface DemoMetric {
  date: string;
  bodyweightKg: number | null;
  sleepHours: number | null;
  restingHr: number | null;
  strain: number | null;
}

function e1rmAt(lift: MainLift, week: number): number {
  const frames = STRENGTH[lift];
  if (week <= frames[0][0]) return frames[0][1];
  for (let i = 1; i < frames.length; i++) {
    const [w1, v1] = frames[i];
    const [w0, v0] = frames[i - 1];
    if (week <= w1) return v0 + ((v1 - v0) * (week - w0)) / (w1 - w0);
  }
  return frames[frames.length - 1][1];
}

const round = (kg: number, step = 2.5) => Math.max(step, Math.round(kg / step) * step);
/** Fraction of e1RM for `reps` at `rpe` (reps in reserve added to Epley). */
const pct = (reps: number, rpe: number) => 1 / (1 + (reps + (10 - rpe)) / 30);

function isDeload(week: number) {
  return (DEMO_DELOAD_WEEKS as readonly number[]).includes(week);
}
function isHoliday(week: number) {
  return (DEMO_HOLIDAY_WEEKS as readonly number[]).includes(week);
}
/** Week within the current block (0-based), for the rep scheme. */
function blockWeek(week: number): number {
  const starts = [0, ...DEMO_DELOAD_WEEKS.map((w) => w + 1), 22].filter((s) => s <= week).sort((a, b) => a - b);
  return week - starts[starts.length - 1];
}
/** Top-set scheme: volume early in a block, heavier triples late. */
function scheme(week: number): { reps: number; rpe: number } {
  return [
    { reps: 5, rpe: 7.5 },
    { reps: 5, rpe: 8 },
    { reps: 5, rpe: 8.5 },
    { reps: 3, rpe: 8.5 },
    { reps: 3, rpe: 9 },
  ][Math.min(blockWeek(week), 4)];
}

class SessionBuilder {
  sets: DemoSet[] = [];
  constructor(readonly rng: Rng) {}
  add(slug: string, s: Partial<DemoSet>) {
    this.sets.push({ slug, setType: "normal", weightKg: null, reps: null, rpe: null, durationSeconds: null, distanceM: null, notes: null, ...s });
  }

  /** `stalled`: the lifter repeats the same top set for weeks while it feels harder (RPE creeps up). */
  main(
    lift: MainLift,
    week: number,
    readiness: number,
    opts: { deload: boolean; pr?: boolean; backoffs?: number; stalled?: { weight: number; rpe: number } },
  ) {
    const slug = MAIN_LIFT_SLUGS[lift];
    const e1rm = e1rmAt(lift, week) * readiness;
    const { reps, rpe } = opts.pr
      ? { reps: 1, rpe: 9.5 }
      : opts.deload
        ? { reps: 5, rpe: 6 }
        : opts.stalled
          ? { reps: 5, rpe: opts.stalled.rpe }
          : scheme(week);
    const top = opts.stalled ? opts.stalled.weight : round(e1rm * pct(reps, rpe));
    const bar = lift === "deadlift" ? 60 : lift === "row" ? 40 : 20;
    let last = 0;
    for (const [p, r] of lift === "row"
      ? [[0.6, 8]]
      : [[0, lift === "deadlift" ? 5 : 10], [0.5, 5], [0.7, 3], [0.85, 1], ...(opts.pr ? [[0.92, 1]] : [])]) {
      const w = p === 0 ? bar : round(top * p);
      if (w <= last || w >= top) continue;
      this.add(slug, { setType: "warmup", weightKg: w, reps: r });
      last = w;
    }
    const felt = opts.stalled ? rpe : Math.min(10, rpe + this.rng.pick([-0.5, 0, 0, 0.5]));
    this.add(slug, { weightKg: top, reps, rpe: opts.pr ? 9.5 : felt, notes: opts.pr ? "PR single — felt fast" : null });
    const backoffs = opts.backoffs ?? (opts.deload ? 2 : 3);
    const backoffWeight = round(opts.pr ? top * 0.8 : top * (opts.deload ? 0.95 : 0.9));
    const backoffReps = opts.pr ? 3 : reps;
    for (let i = 0; i < backoffs; i++) {
      const missed = !opts.deload && i === backoffs - 1 && this.rng.chance(0.08);
      this.add(slug, { weightKg: backoffWeight, reps: missed ? backoffReps - 1 : backoffReps, setType: missed ? "failure" : "normal" });
    }
  }

  /** Straight sets with slow linear progression; `step` is the plate/dumbbell increment. */
  accessory(
    slug: string,
    week: number,
    o: { base: number; perWeek: number; sets: number; reps: [number, number]; step?: number; deload: boolean; lastSet?: SetType },
  ) {
    const step = o.step ?? 2.5;
    const weight = round((o.base + o.perWeek * week) * (o.deload ? 0.85 : 1) * (1 + this.rng.noise(0.02)), step);
    const sets = o.deload ? Math.max(2, o.sets - 1) : o.sets;
    for (let i = 0; i < sets; i++) {
      const reps = Math.max(o.reps[0], this.rng.int(o.reps[0], o.reps[1]) - i);
      const type: SetType = i === sets - 1 && o.lastSet && !o.deload && this.rng.chance(0.35) ? o.lastSet : "normal";
      const w = type === "drop" ? round(weight * 0.7, step) : weight;
      this.add(slug, {
        weightKg: w,
        reps: type === "drop" ? reps + 3 : reps,
        rpe: i === sets - 1 && this.rng.chance(0.4) ? this.rng.pick([8, 8.5, 9]) : null,
        setType: type,
      });
    }
  }

  bodyweightReps(slug: string, sets: number, reps: [number, number]) {
    for (let i = 0; i < sets; i++) this.add(slug, { reps: Math.max(1, this.rng.int(reps[0], reps[1]) - i) });
  }

  timed(slug: string, sets: number, seconds: [number, number]) {
    for (let i = 0; i < sets; i++) this.add(slug, { durationSeconds: Math.round(this.rng.between(seconds[0], seconds[1]) / 5) * 5 });
  }

  cardio(slug: string, minutes: number, metresPerMinute: number) {
    const seconds = Math.round(minutes * 60);
    this.add(slug, { durationSeconds: seconds, distanceM: Math.round(minutes * metresPerMinute * (1 + this.rng.noise(0.03))) });
  }
}

type Slot = { day: number; kind: "lowerA" | "upperA" | "lowerB" | "upperB" | "run"; minutes: [number, number] };
const SLOTS: Slot[] = [
  { day: 0, kind: "lowerA", minutes: [17 * 60 + 45, 18 * 60 + 45] },
  { day: 1, kind: "upperA", minutes: [17 * 60 + 45, 18 * 60 + 45] },
  { day: 3, kind: "lowerB", minutes: [17 * 60 + 30, 19 * 60] },
  { day: 5, kind: "upperB", minutes: [9 * 60, 10 * 60 + 30] },
  { day: 6, kind: "run", minutes: [8 * 60, 9 * 60 + 30] },
];

const NAMES: Record<Slot["kind"], string> = {
  lowerA: "Lower A – Squat",
  upperA: "Upper A – Bench",
  lowerB: "Lower B – Deadlift",
  upperB: "Upper B – Overhead Press",
  run: "Easy Run",
};

const SESSION_NOTES = [
  "Felt strong today.",
  "Gym was busy, supersetted the accessories.",
  "Slept badly, kept the top set honest.",
  "Left knee a bit achy on the warm-ups, fine after.",
  "Good session, bar speed was there.",
  "Short on time, trimmed accessories.",
];

function buildSession(slot: Slot, week: number, rng: Rng): { sets: DemoSet[]; notes: string | null; name: string; deload: boolean } {
  const deload = isDeload(week);
  const b = new SessionBuilder(rng);
  const readiness = 1 + rng.noise(0.015);
  let notes: string | null = rng.chance(0.12) ? rng.pick(SESSION_NOTES) : null;
  switch (slot.kind) {
    case "lowerA": {
      const pr = (DEMO_PR_WEEKS.squat as readonly number[]).includes(week);
      const [stallFrom, stallTo] = DEMO_SQUAT_STALL_WEEKS;
      const stalled =
        !deload && week >= stallFrom && week <= stallTo
          ? {
              weight: round(e1rmAt("squat", stallFrom) * pct(5, 8)),
              rpe: Math.min(9.5, 8 + Math.round(((week - stallFrom) / (stallTo - stallFrom)) * 3) / 2),
            }
          : undefined;
      b.main("squat", week, readiness, { deload, pr, stalled });
      if (pr) notes = "Squat PR day.";
      else if (stalled && week > stallFrom && rng.chance(0.6)) notes = "Squat stuck at the same weight again, felt heavier.";
      b.accessory("romanian-deadlift-barbell", week, { base: 90, perWeek: 0.45, sets: 3, reps: [8, 8], deload });
      b.accessory("leg-press-machine", week, { base: 160, perWeek: 1.2, sets: 3, reps: [10, 12], step: 5, deload });
      b.accessory("seated-leg-curl-machine", week, { base: 45, perWeek: 0.25, sets: 3, reps: [10, 12], deload, lastSet: "failure" });
      b.accessory("standing-calf-raise-machine", week, { base: 70, perWeek: 0.4, sets: 4, reps: [10, 15], step: 5, deload });
      b.timed("plank", deload ? 2 : 3, [45, 75 + week / 2]);
      break;
    }
    case "upperA": {
      const pr = (DEMO_PR_WEEKS.bench as readonly number[]).includes(week);
      b.main("bench", week, readiness, { deload, pr });
      if (pr) notes = "Bench single, new best.";
      b.main("row", week, readiness, { deload, backoffs: deload ? 2 : 3 });
      b.accessory("incline-bench-press-dumbbell", week, { base: 26, perWeek: 0.12, sets: 3, reps: [8, 10], step: 2, deload });
      b.accessory("lat-pulldown-cable", week, { base: 60, perWeek: 0.3, sets: 3, reps: [10, 12], deload });
      b.accessory("lateral-raise-dumbbell", week, { base: 9, perWeek: 0.05, sets: 3, reps: [12, 15], step: 1, deload, lastSet: "drop" });
      b.accessory("triceps-pushdown-cable", week, { base: 30, perWeek: 0.15, sets: 3, reps: [10, 12], deload, lastSet: "drop" });
      b.accessory("bicep-curl-dumbbell", week, { base: 12, perWeek: 0.06, sets: 3, reps: [10, 12], step: 1, deload });
      break;
    }
    case "lowerB": {
      const pr = (DEMO_PR_WEEKS.deadlift as readonly number[]).includes(week);
      b.main("deadlift", week, readiness, { deload, pr, backoffs: deload ? 1 : 2 });
      if (pr) notes = "Deadlift PR!";
      const volume = round(e1rmAt("squat", week) * readiness * (deload ? 0.6 : 0.68));
      for (let i = 0; i < (deload ? 2 : 3); i++) b.add("squat-barbell", { weightKg: volume, reps: 8, rpe: i === 2 ? rng.pick([7, 7.5, 8]) : null });
      b.accessory("walking-lunge-dumbbell", week, { base: 18, perWeek: 0.1, sets: 3, reps: [10, 12], step: 2, deload });
      b.accessory("leg-extension-machine", week, { base: 50, perWeek: 0.3, sets: 3, reps: [12, 15], deload, lastSet: "failure" });
      b.bodyweightReps("hanging-leg-raise", deload ? 2 : 3, [10, 15]);
      break;
    }
    case "upperB": {
      b.main("ohp", week, readiness, { deload });
      b.bodyweightReps("pull-up", deload ? 3 : 4, [Math.round(6 + week / 12), Math.round(8 + week / 10)]);
      b.accessory("bench-press-dumbbell", week, { base: 30, perWeek: 0.12, sets: 3, reps: [8, 10], step: 2, deload });
      b.accessory("seated-row-cable", week, { base: 60, perWeek: 0.35, sets: 3, reps: [10, 12], deload });
      b.accessory("face-pull-cable", week, { base: 20, perWeek: 0.1, sets: 3, reps: [15, 15], deload });
      b.accessory("hammer-curl-dumbbell", week, { base: 14, perWeek: 0.06, sets: 3, reps: [10, 12], step: 1, deload });
      b.accessory("skullcrusher-barbell", week, { base: 30, perWeek: 0.12, sets: 3, reps: [10, 12], deload });
      if (rng.chance(0.5)) {
        const kind = rng.pick(["treadmill", "rowing-machine", "stationary-bike"] as const);
        if (kind === "treadmill") b.cardio("treadmill", rng.int(15, 20), rng.between(150, 175));
        else if (kind === "rowing-machine")
          b.add("rowing-machine", { distanceM: 2000, durationSeconds: Math.round(rng.between(450, 480) - week * 0.4) });
        else b.cardio("stationary-bike", rng.int(15, 25), rng.between(450, 520));
      }
      break;
    }
    case "run": {
      const km = rng.pick([5, 5, 6, 8, 10]);
      const minutesPerKm = rng.between(5.3, 5.9) - week * 0.004;
      b.add("running", { distanceM: km * 1000 + rng.int(-40, 60), durationSeconds: Math.round(km * minutesPerKm * 60) });
      break;
    }
  }
  return { sets: b.sets, notes, name: deload && slot.kind !== "run" ? `${NAMES[slot.kind]} (deload)` : NAMES[slot.kind], deload };
}

/** Twelve months of training ending `today` (a date in `timeZone`), oldest first; nothing after `now`. */
export function generateDemoSessions(today: string, timeZone: string, now: Date = new Date()): DemoSession[] {
  const start = addDays(today, -364);
  const monday = startOfIsoWeek(today);
  const out: DemoSession[] = [];
  for (let week = 0; week < DEMO_WEEKS; week++) {
    if (isHoliday(week)) continue;
    const weekMonday = addDays(monday, -7 * (DEMO_WEEKS - 1 - week));
    for (const slot of SLOTS) {
      const date = addDays(weekMonday, slot.day);
      if (date < start || date > today) continue;
      const rng = createRng(hashSeed("demo", week, slot.kind));
      const prWeek = Object.values(DEMO_PR_WEEKS).some((weeks) => (weeks as readonly number[]).includes(week));
      if (slot.kind === "run" ? !rng.chance(0.3) : !prWeek && rng.chance(0.1)) continue;
      const built = buildSession(slot, week, rng);
      const startMin = Math.round(rng.between(slot.minutes[0], slot.minutes[1]) / 5) * 5;
      const startedAt = zonedTime(date, 0, startMin, timeZone);
      const work = built.sets.reduce((s, x) => s + (x.durationSeconds && !x.reps ? x.durationSeconds / 60 : 0), 0);
      const lifting = built.sets.filter((x) => x.reps !== null || x.weightKg !== null).length;
      const minutes = slot.kind === "run" ? work + rng.int(4, 10) : Math.max(35, Math.min(110, 8 + lifting * 2.3 + work + rng.noise(5)));
      const endedAt = new Date(startedAt.getTime() + Math.round(minutes) * 60_000);
      if (endedAt > now) continue;
      out.push({ week, date, name: built.name, notes: built.notes, startedAt, endedAt, deload: built.deload, sets: built.sets });
    }
  }
  return out;
}

/** Body metrics for most days: a slow bulk, better resting HR over the year, worse sleep on holiday. */
export function generateDemoMetrics(today: string, trainingDates: Set<string>): DemoMetric[] {
  const start = addDays(today, -364);
  const holidayStart = addDays(startOfIsoWeek(today), -7 * (DEMO_WEEKS - 1 - DEMO_HOLIDAY_WEEKS[0]));
  const out: DemoMetric[] = [];
  for (let i = 0; i <= 364; i++) {
    const date = addDays(start, i);
    const rng = createRng(hashSeed("metrics", daysBetween(date, today)));
    if (!rng.chance(0.9)) continue;
    const sinceHoliday = daysBetween(holidayStart, date);
    const holidayBump =
      sinceHoliday >= 0 && sinceHoliday < 14 ? 0.08 * sinceHoliday : sinceHoliday >= 14 ? 1.1 * Math.exp(-(sinceHoliday - 14) / 20) : 0;
    const onHoliday = sinceHoliday >= 0 && sinceHoliday < 14;
    const trained = trainingDates.has(date);
    const m: DemoMetric = {
      date,
      bodyweightKg: rng.chance(0.8) ? Math.round((80.5 + (2.5 * i) / 364 + holidayBump + rng.noise(0.35)) * 10) / 10 : null,
      sleepHours: rng.chance(0.92) ? Math.round(Math.min(10, Math.max(4.5, (onHoliday ? 8 : 7.2) + rng.noise(onHoliday ? 0.9 : 0.6))) * 4) / 4 : null,
      restingHr: rng.chance(0.92) ? Math.round(58 - (5 * i) / 364 + (onHoliday ? 3 : 0) + rng.noise(1.5)) : null,
      strain: Math.round(Math.min(100, Math.max(0, trained ? rng.between(55, 85) : onHoliday ? rng.between(20, 45) : rng.between(10, 35)))),
    };
    out.push(m);
  }
  return out;
}
