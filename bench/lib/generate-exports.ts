/**
 * Deterministic, realistic large exports for the import benchmark: years of 4–5 sessions a
 * week, 5–7 exercises per session, warm-up sets, progressive weights, the odd note and RPE.
 */

const EXERCISES = [
  "Squat (Barbell)",
  "Bench Press (Barbell)",
  "Deadlift (Barbell)",
  "Overhead Press (Barbell)",
  "Bent Over Row (Barbell)",
  "Pull Up",
  "Chin Up",
  "Lat Pulldown (Cable)",
  "Seated Row (Cable)",
  "Leg Press",
  "Leg Extension (Machine)",
  "Seated Leg Curl (Machine)",
  "Lying Leg Curl (Machine)",
  "Romanian Deadlift (Barbell)",
  "Hip Thrust (Barbell)",
  "Incline Bench Press (Dumbbell)",
  "Bench Press (Dumbbell)",
  "Shoulder Press (Dumbbell)",
  "Lateral Raise (Dumbbell)",
  "Bicep Curl (Barbell)",
  "Bicep Curl (Dumbbell)",
  "Hammer Curl (Dumbbell)",
  "Triceps Pushdown (Cable - Straight Bar)",
  "Triceps Extension (Cable)",
  "Skullcrusher (Barbell)",
  "Chest Fly (Dumbbell)",
  "Pec Deck (Machine)",
  "Face Pull (Cable)",
  "Calf Raise (Machine)",
  "Standing Calf Raise (Smith Machine)",
  "Front Squat (Barbell)",
  "Lunge (Dumbbell)",
  "Bulgarian Split Squat (Dumbbell)",
  "Goblet Squat (Kettlebell)",
  "Hack Squat",
  "Shrug (Dumbbell)",
  "Cable Crunch",
  "Plank",
  "Hanging Leg Raise",
  "Dip",
  "Push Up",
  "Incline Bench Press (Barbell)",
  "Arnold Press (Dumbbell)",
  "Preacher Curl (Machine)",
  "Rear Delt Fly (Machine)",
  "Chest Press (Machine)",
  "Shoulder Press (Machine)",
  "Good Morning (Barbell)",
  "Sumo Deadlift (Barbell)",
  "T Bar Row",
  "Pendlay Row (Barbell)",
  "Power Clean",
  "Hip Abductor (Machine)",
  "Hip Adductor (Machine)",
  "Glute Kickback (Cable)",
  "Back Extension",
  "Running (Treadmill)",
  "Rowing (Machine)",
  "Cycling (Indoor)",
  "My Odd Custom Movement",
];

function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface GenSet {
  exercise: string;
  order: "W" | number;
  weight: number;
  reps: number;
  rpe: number | null;
  seconds: number;
  distance: number;
  note: string;
}
interface GenSession {
  start: Date;
  name: string;
  minutes: number;
  notes: string;
  sets: GenSet[];
}

function* sessions(rows: number, seed: number): Generator<GenSession> {
  const r = rng(seed);
  let emitted = 0;
  let t = Date.UTC(2012, 0, 2, 17, 30, 0);
  const names = ["Push", "Pull", "Legs", "Upper", "Lower", "Full Body", "Evening Workout"];
  while (emitted < rows) {
    t += (1 + Math.floor(r() * 2)) * 86_400_000 + Math.floor(r() * 3600) * 1000 - 1800_000;
    const sets: GenSet[] = [];
    const exercises = 5 + Math.floor(r() * 3);
    for (let e = 0; e < exercises && emitted + sets.length < rows; e++) {
      const exercise = EXERCISES[Math.floor(r() * EXERCISES.length)];
      const cardio = /Running|Rowing|Cycling/.test(exercise);
      const base = 20 + Math.floor(r() * 120);
      if (!cardio && r() < 0.5) sets.push({ exercise, order: "W", weight: base / 2, reps: 10, rpe: null, seconds: 0, distance: 0, note: "" });
      const n = cardio ? 1 : 3 + Math.floor(r() * 2);
      for (let i = 1; i <= n && emitted + sets.length < rows; i++) {
        sets.push({
          exercise,
          order: i,
          weight: cardio ? 0 : base + 2.5 * Math.floor(r() * 4),
          reps: cardio ? 0 : 5 + Math.floor(r() * 8),
          rpe: r() < 0.3 ? 6 + Math.floor(r() * 9) / 2 : null,
          seconds: cardio ? 600 + Math.floor(r() * 1800) : 0,
          distance: cardio ? Math.round(r() * 800) / 100 : 0,
          note: r() < 0.02 ? 'felt strong, "grindy" last rep' : "",
        });
      }
    }
    emitted += sets.length;
    yield {
      start: new Date(t),
      name: names[Math.floor(r() * names.length)],
      minutes: 35 + Math.floor(r() * 60),
      notes: r() < 0.05 ? "Slept badly.\nKept it light." : "",
      sets,
    };
  }
}

const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
const pad = (n: number) => String(n).padStart(2, "0");
const ymdhms = (d: Date) =>
  `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
const MON = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const hevyDate = (d: Date) => `${d.getUTCDate()} ${MON[d.getUTCMonth()]} ${d.getUTCFullYear()}, ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;

/** Strong comma export (current dialect) with `rows` set rows. */
export function generateStrongExport(rows: number, seed = 1): string {
  const out = ["Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE"];
  for (const s of sessions(rows, seed)) {
    const date = ymdhms(s.start);
    const duration = s.minutes >= 60 ? `${Math.floor(s.minutes / 60)}h ${s.minutes % 60}m` : `${s.minutes}m`;
    for (const x of s.sets) {
      out.push(
        [
          date,
          q(s.name),
          duration,
          q(x.exercise),
          x.order,
          x.weight.toFixed(1),
          x.reps.toFixed(1),
          x.distance,
          x.seconds.toFixed(1),
          x.note ? q(x.note) : "",
          s.notes ? q(s.notes) : "",
          x.rpe ?? "",
        ].join(","),
      );
    }
  }
  return out.join("\n") + "\n";
}

/** Hevy metric export with `rows` set rows. */
export function generateHevyExport(rows: number, seed = 2): string {
  const out = [
    '"title","start_time","end_time","description","exercise_title","superset_id","exercise_notes","set_index","set_type","weight_kg","reps","distance_km","duration_seconds","rpe"',
  ];
  for (const s of sessions(rows, seed)) {
    const start = hevyDate(s.start);
    const end = hevyDate(new Date(s.start.getTime() + s.minutes * 60_000));
    let index = 0;
    let previous = "";
    for (const x of s.sets) {
      index = x.exercise === previous ? index + 1 : 0;
      previous = x.exercise;
      const cardio = x.distance > 0;
      out.push(
        [
          q(s.name),
          q(start),
          q(end),
          q(s.notes),
          q(x.exercise),
          "",
          q(x.note),
          index,
          q(x.order === "W" ? "warmup" : "normal"),
          cardio ? "" : x.weight,
          cardio ? "" : x.reps,
          cardio ? x.distance : "",
          x.seconds,
          x.rpe ?? "",
        ].join(","),
      );
    }
  }
  return out.join("\n");
}
