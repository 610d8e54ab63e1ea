import { describe, expect, it } from "vitest";
import { crossCheck, fromModelDraft } from "@/lib/ai/tools/log-workout";
import { looksLikeWorkoutLog, parseWorkoutText } from "@/lib/workout-text/parse";
import { resolveDatePhrase } from "@/lib/time/date-phrases";
import { zonedTime } from "@/lib/time/zone";
import type { DraftSet, RecentSession } from "@/lib/workout-text/types";

// Thursday 26 Nov 2026, 18:00 UTC = 19:00 in Berlin.
const now = new Date("2026-11-26T18:00:00Z");
const base: { unit: "kg" | "lb"; now: Date; timeZone: string } = { unit: "kg", now, timeZone: "Europe/Berlin" };

const S = (reps: number | null, weightKg: number | null, extra: Partial<DraftSet> = {}): DraftSet => ({
  setType: "normal",
  reps,
  weightKg,
  rpe: null,
  durationSeconds: null,
  distanceM: null,
  ...extra,
});
const times = (n: number, s: DraftSet) => Array.from({ length: n }, () => ({ ...s }));

const recent: RecentSession[] = [
  {
    id: "mon-session",
    startedAt: "2026-11-23T17:00:00Z",
    name: "Upper A",
    exercises: [
      { name: "Bench Press (Barbell)", sets: [S(5, 40, { setType: "warmup" }), ...times(3, S(8, 60))] },
      { name: "Pull Up", sets: times(2, S(10, null)) },
    ],
  },
  {
    id: "tue-session",
    startedAt: "2026-11-24T17:00:00Z",
    name: "Legs",
    exercises: [{ name: "Squat (Barbell)", sets: times(3, S(5, 100)) }],
  },
];

type Expected = { date?: string; exercises: [name: string, sets: DraftSet[]][] }[];

const cases: [text: string, expected: Expected, opts?: Partial<typeof base> & { recent?: RecentSession[] }][] = [
  ["bench 3x8 @ 60kg, last set only 6", [{ exercises: [["Bench Press", [S(8, 60), S(8, 60), S(6, 60)]]] }]],
  ["squat 5/5/5 at 100, then 2x8 at 80", [{ exercises: [["Squat", [S(5, 100), S(5, 100), S(5, 100), S(8, 80), S(8, 80)]]] }]],
  ["ran 5k in 25:30", [{ exercises: [["Running", [S(null, null, { distanceM: 5000, durationSeconds: 1530 })]]] }]],
  ["rowed 2000m in 7:45", [{ exercises: [["Rowing", [S(null, null, { distanceM: 2000, durationSeconds: 465 })]]] }]],
  ["5k run in 25 min", [{ exercises: [["Running", [S(null, null, { distanceM: 5000, durationSeconds: 1500 })]]] }]],
  [
    "squat: 2 warmup sets of 5 at 60, then 3x5 at 100 @ rpe 8.5",
    [{ exercises: [["Squat", [...times(2, S(5, 60, { setType: "warmup" })), ...times(3, S(5, 100, { rpe: 8.5 }))]]] }],
  ],
  ["deadlift 140kg x 5", [{ exercises: [["Deadlift", [S(5, 140)]]] }]],
  ["bench 185lb x 5 x 3", [{ exercises: [["Bench Press", times(3, S(5, 83.91))]] }]],
  ["pull ups 3x10", [{ exercises: [["Pull Up", times(3, S(10, null))]] }]],
  ["bench 8, 8, 6 @ 60kg", [{ exercises: [["Bench Press", [S(8, 60), S(8, 60), S(6, 60)]]] }]],
  ["OHP 5x5 40", [{ exercises: [["Overhead Press", times(5, S(5, 40))]] }]],
  ["deadlift 3 sets of 5 at 150 rpe 9", [{ exercises: [["Deadlift", times(3, S(5, 150, { rpe: 9 }))]] }]],
  ["Bench, 3x8 @ 60", [{ exercises: [["Bench Press", times(3, S(8, 60))]] }]],
  ["curls 3x12 @ 12.5", [{ exercises: [["Bicep Curl", times(3, S(12, 12.5))]] }]],
  ["plank 3x60s", [{ exercises: [["Plank", times(3, S(null, null, { durationSeconds: 60 }))]] }]],
  ["rdl 3 x 10 with 80kg, last set to failure", [{ exercises: [["Romanian Deadlift", [S(10, 80), S(10, 80), S(10, 80, { setType: "failure" })]]] }]],
  ["bench 100kg for 5", [{ exercises: [["Bench Press", [S(5, 100)]]] }]],
  ["incline bench 3x10 @ 30kg rpe 8", [{ exercises: [["Incline Bench Press", times(3, S(10, 30, { rpe: 8 }))]] }]],
  ["squat 5 @ 100, 5 @ 100, 4 @ 100", [{ exercises: [["Squat", [S(5, 100), S(5, 100), S(4, 100)]]] }]],
  ["dips 3x12 @ +20kg", [{ exercises: [["Dip", times(3, S(12, 20))]] }]],
  ["squat 100x5x3", [{ exercises: [["Squat", times(3, S(5, 100))]] }]],
  ["squat 3x5x100", [{ exercises: [["Squat", times(3, S(5, 100))]] }]],
  ["I did 3 sets of 8 on bench at 60kg", [{ exercises: [["Bench Press", times(3, S(8, 60))]] }]],
  ["bench 60kg 3x8", [{ exercises: [["Bench Press", times(3, S(8, 60))]] }]],
  ["warmup 2x5 @ 60 then squat 3x5 @ 100", [{ exercises: [["Squat", [...times(2, S(5, 60, { setType: "warmup" })), ...times(3, S(5, 100))]]] }]],
  ["20 min bike", [{ exercises: [["Cycling", [S(null, null, { durationSeconds: 1200 })]]] }]],
  ["Pullups 10, 8, 7", [{ exercises: [["Pull Up", [S(10, null), S(8, null), S(7, null)]]] }]],
  ["squat 3x5 @ 100kg (last one rpe 9)", [{ exercises: [["Squat", [S(5, 100), S(5, 100), S(5, 100, { rpe: 9 })]]] }]],
  ["Squat (Barbell) 3x5 @ 100", [{ exercises: [["Squat (Barbell)", times(3, S(5, 100))]] }]],
  ["did 3 sets of 10 pushups", [{ exercises: [["Push Up", times(3, S(10, null))]] }]],
  ["5x5 squats @ 100", [{ exercises: [["Squat", times(5, S(5, 100))]] }]],
  ["benched 100kg x 3 today", [{ exercises: [["Bench Press", times(1, S(3, 100))]] }]],
  ["squat 3x5 @ 225 lbs", [{ exercises: [["Squat", times(3, S(5, 102.06))]] }]],
  ["bench 3x5 @ 135", [{ exercises: [["Bench Press", times(3, S(5, 61.23))]] }], { unit: "lb" }],
  [
    "bench 3x8 @ 60\nsquat 3x5 @ 100 rpe 8\nlast set 4",
    [
      {
        exercises: [
          ["Bench Press", times(3, S(8, 60))],
          ["Squat", [S(5, 100, { rpe: 8 }), S(5, 100, { rpe: 8 }), S(4, 100, { rpe: 8 })]],
        ],
      },
    ],
  ],
  [
    "yesterday: bench 3x8 @ 60; today: squat 3x5 @ 100",
    [
      { date: "2026-11-25", exercises: [["Bench Press", times(3, S(8, 60))]] },
      { date: "2026-11-26", exercises: [["Squat", times(3, S(5, 100))]] },
    ],
  ],
  [
    "on Monday I did bench 3x8 @ 60kg and squat 3x5 @ 100kg",
    [
      {
        date: "2026-11-23",
        exercises: [
          ["Bench Press", times(3, S(8, 60))],
          ["Squat", times(3, S(5, 100))],
        ],
      },
    ],
  ],
  ["2025-03-01: deadlift 1x5 @ 180", [{ date: "2025-03-01", exercises: [["Deadlift", [S(5, 180)]]] }]],
  [
    "Yesterday I ran 10k in 52:10. Today bench 3x5 @ 80kg",
    [
      { date: "2026-11-25", exercises: [["Running", [S(null, null, { distanceM: 10000, durationSeconds: 3130 })]]] },
      { date: "2026-11-26", exercises: [["Bench Press", times(3, S(5, 80))]] },
    ],
  ],
  [
    "same as Monday but +2.5kg",
    [
      {
        date: "2026-11-26",
        exercises: [
          ["Bench Press (Barbell)", [S(5, 40, { setType: "warmup" }), ...times(3, S(8, 62.5))]],
          ["Pull Up", times(2, S(10, null))],
        ],
      },
    ],
    { recent },
  ],
  ["same as last time but 5kg heavier", [{ date: "2026-11-26", exercises: [["Squat (Barbell)", times(3, S(5, 105))]] }], { recent }],
  [
    "same as monday but +2.5kg on pull ups",
    [
      {
        exercises: [
          ["Bench Press (Barbell)", [S(5, 40, { setType: "warmup" }), ...times(3, S(8, 60))]],
          ["Pull Up", times(2, S(10, null))],
        ],
      },
    ],
    { recent },
  ],
];

describe("parseWorkoutText", () => {
  it.each(cases)("%s", (text, expected, opts) => {
    const draft = parseWorkoutText(text, { ...base, ...opts });
    expect(draft.workouts.map((w) => ({ date: w.date, exercises: w.exercises.map((e) => [e.name, e.sets]) }))).toEqual(
      expected.map((w, i) => ({ date: w.date ?? draft.workouts[i]?.date, exercises: w.exercises })),
    );
    // default dates are today in the user's zone
    for (const [i, w] of expected.entries()) if (!w.date) expect(draft.workouts[i].date).toBe("2026-11-26");
  });

  it("names a session after its label", () => {
    const draft = parseWorkoutText("Leg day: squat 4x6 @ 110, leg press 3x12 @ 200, calf raises 4x15", base);
    expect(draft.workouts[0].name).toBe("Leg Day");
    expect(draft.workouts[0].exercises.map((e) => e.name)).toEqual(["Squat", "Leg Press", "Calf Raises"]);
    expect(draft.workouts[0].exercises[2].sets).toEqual(times(4, S(15, null)));
  });

  it("records where a copied workout came from and warns about an adjustment that matched nothing", () => {
    const draft = parseWorkoutText("same as monday but +2.5kg on pull ups", { ...base, recent });
    expect(draft.workouts[0].basedOn).toEqual({ sessionId: "mon-session", date: "2026-11-23", name: "Upper A", adjustKg: 2.5 });
    expect(draft.warnings.join(" ")).toMatch(/no weighted Pull Up sets/);
  });

  it("asks for history when a reference cannot be resolved, instead of guessing", () => {
    const draft = parseWorkoutText("same as Monday but +2.5kg", base);
    expect(draft.workouts).toEqual([]);
    expect(draft.needsHistory).toBe(true);
    expect(draft.warnings[0]).toMatch(/Monday \(2026-11-23\)/);
  });

  it("warns about a reference to a day without a session", () => {
    const draft = parseWorkoutText("same as Friday", { ...base, recent });
    expect(draft.workouts).toEqual([]);
    expect(draft.warnings[0]).toMatch(/couldn't find a session on friday \(2026-11-20\)/i);
  });

  it("puts past workouts at local noon and today's at now", () => {
    const draft = parseWorkoutText("yesterday: bench 3x8 @ 60; today: squat 3x5 @ 100", base);
    expect(draft.workouts[0].startedAt).toBe("2026-11-25T11:00:00.000Z");
    expect(draft.workouts[1].startedAt).toBe(now.toISOString());
  });

  it("reports text it could not read rather than dropping it silently", () => {
    const draft = parseWorkoutText("bench 3x8 @ 60, 7 7 7 banana", base);
    expect(draft.workouts[0].exercises[0].sets).toHaveLength(3);
    expect(draft.warnings.some((w) => w.includes("7 7 7 banana"))).toBe(true);
  });

  it("treats a leading 'Log:' / 'please log' as the instruction, not part of the exercise name", () => {
    for (const text of ["Log: bench 3x8 at 60kg", "please log bench 3x8 @ 60kg", "record: bench 3x8 @ 60kg"]) {
      const ex = parseWorkoutText(text, base).workouts[0].exercises;
      expect(ex).toHaveLength(1);
      expect(ex[0].name.toLowerCase()).not.toMatch(/log|record/);
      expect(ex[0].sets.map((s) => [s.reps, s.weightKg])).toEqual([
        [8, 60],
        [8, 60],
        [8, 60],
      ]);
    }
  });

  it("tells questions from workout logs", () => {
    expect(looksLikeWorkoutLog("bench 3x8 @ 60kg", base)).toBe(true);
    expect(looksLikeWorkoutLog("same as Monday but +2.5kg", base)).toBe(true);
    expect(looksLikeWorkoutLog("how is my bench 3x8 going?", base)).toBe(false);
    // a log the parser refuses is still a log (answered with why it was not logged)
    expect(looksLikeWorkoutLog("squat 3x5 -100kg", base)).toBe(true);
    expect(looksLikeWorkoutLog("bench -100kg x 5", base)).toBe(true);
    expect(looksLikeWorkoutLog("show my squat progress over the last 6 months", base)).toBe(false);
    expect(looksLikeWorkoutLog("compare squat and deadlift", base)).toBe(false);
  });
});

/** lb profile: 225 lb = 102.06 kg. */
const lb = { ...base, unit: "lb" as const };
const b225 = 102.06;

// Issue 13: nothing the user wrote may be dropped or changed without the draft card saying so.
const faithful: [text: string, opts: typeof base, name: string | null, sets: [reps: number | null, kg: number | null][], warning?: RegExp][] = [
  // a set count after a single set repeats it
  [
    "225 lb bench for 5 reps, 3 sets",
    lb,
    "Bench Press",
    [
      [5, b225],
      [5, b225],
      [5, b225],
    ],
  ],
  [
    "bench 225 for 5 reps, 3 sets",
    lb,
    "Bench Press",
    [
      [5, b225],
      [5, b225],
      [5, b225],
    ],
  ],
  [
    "225 lb bench for 5 reps x 3 sets",
    lb,
    "Bench Press",
    [
      [5, b225],
      [5, b225],
      [5, b225],
    ],
  ],
  [
    "bench 225x5, 3 sets",
    lb,
    "Bench Press",
    [
      [5, b225],
      [5, b225],
      [5, b225],
    ],
  ],
  [
    "bench 225 for 5 (3 sets)",
    lb,
    "Bench Press",
    [
      [5, b225],
      [5, b225],
      [5, b225],
    ],
  ],
  [
    "bench 5 reps at 225 for 3 sets",
    lb,
    "Bench Press",
    [
      [5, b225],
      [5, b225],
      [5, b225],
    ],
  ],
  [
    "bench 100kg for 5 reps 3 sets",
    base,
    "Bench Press",
    [
      [5, 100],
      [5, 100],
      [5, 100],
    ],
  ],
  [
    "bench 5 @ 225, x3",
    lb,
    "Bench Press",
    [
      [5, b225],
      [5, b225],
      [5, b225],
    ],
  ],
  [
    "bench 225 x5 x3 sets",
    lb,
    "Bench Press",
    [
      [5, b225],
      [5, b225],
      [5, b225],
    ],
  ],
  [
    "bench 225 5 reps 3 sets",
    lb,
    "Bench Press",
    [
      [5, b225],
      [5, b225],
      [5, b225],
    ],
  ],
  [
    "bench 60kg 3 sets 8 reps",
    base,
    "Bench Press",
    [
      [8, 60],
      [8, 60],
      [8, 60],
    ],
  ],
  [
    "bench 60kg, 3 sets, 8 reps",
    base,
    "Bench Press",
    [
      [8, 60],
      [8, 60],
      [8, 60],
    ],
  ],
  [
    "bench 3 sets of 5 with 225",
    lb,
    "Bench Press",
    [
      [5, b225],
      [5, b225],
      [5, b225],
    ],
  ],
  // a number beside the name is the weight (in the user's unit), never part of the name
  [
    "225 bench for 3x5",
    lb,
    "Bench Press",
    [
      [5, b225],
      [5, b225],
      [5, b225],
    ],
  ],
  ["225 squat 5x5", lb, "Squat", Array.from({ length: 5 }, () => [5, b225] as [number, number])],
  [
    "bench 225 for 3x5",
    lb,
    "Bench Press",
    [
      [5, b225],
      [5, b225],
      [5, b225],
    ],
  ],
  [
    "bench 225 for 3 sets of 5",
    lb,
    "Bench Press",
    [
      [5, b225],
      [5, b225],
      [5, b225],
    ],
  ],
  [
    "3 sets of bench at 225 for 5",
    lb,
    "Bench Press",
    [
      [5, b225],
      [5, b225],
      [5, b225],
    ],
  ],
  [
    "100 bench for 3x5",
    base,
    "Bench Press",
    [
      [5, 100],
      [5, 100],
      [5, 100],
    ],
  ],
  [
    "bench 225 for 5, 5, 4",
    lb,
    "Bench Press",
    [
      [5, b225],
      [5, b225],
      [4, b225],
    ],
  ],
  [
    "bench 3x5 @ 102,5 kg",
    base,
    "Bench Press",
    [
      [5, 102.5],
      [5, 102.5],
      [5, 102.5],
    ],
  ],
  // negative numbers are refused, visibly
  ["-100kg", base, null, [], /can't be negative/],
  ["bench 3x5 @ -100kg", base, null, [], /“bench 3x5 @ -100kg”.*can't be negative/],
  ["bench -100kg x 5", base, null, [], /can't be negative/],
  ["bench -100 x 5", base, null, [], /can't be negative/],
  ["bench 3x-8 @ 60", base, null, [], /can't be negative/],
  ["bench 3x5 @ \u2212100kg", base, null, [], /can't be negative/],
  ["assisted pull ups 3x8 @ minus 20kg", base, null, [], /can't be negative/],
  [
    "bench - 3x8 @ 60",
    base,
    "Bench Press",
    [
      [8, 60],
      [8, 60],
      [8, 60],
    ],
  ],
  // what cannot be stored or was read differently is said
  ["bench 3x8 @ 5000kg", base, null, [], /5000 kg is more than/],
  ["bench 200 sets of 5", base, null, [], /200 sets is more than/],
  [
    "bench 3x8 @ 60kg rpe 11",
    base,
    "Bench Press",
    [
      [8, 60],
      [8, 60],
      [8, 60],
    ],
    /Ignored RPE 11/,
  ],
  [
    "bench 3x8 @ 6o",
    base,
    "Bench Press",
    [
      [8, null],
      [8, null],
      [8, null],
    ],
    /Not logged: “6o”/,
  ],
  [
    "squat 4 x 6 at 100kg, 2 sets",
    base,
    "Squat",
    [
      [6, 100],
      [6, 100],
      [6, 100],
      [6, 100],
    ],
    /“2 sets” doesn't match the 4 sets/,
  ],
  [
    "squat 3x5 @ 225 lbs",
    base,
    "Squat",
    [
      [5, b225],
      [5, b225],
      [5, b225],
    ],
    /225 lb is shown as 102\.1 kg/,
  ],
  ["bench 5x225", lb, "Bench Press", Array.from({ length: 5 }, () => [225, null] as [number, null]), /read as 5 sets of 225 reps/],
  ["bench 225 for 5 x3", lb, "Bench Press", Array.from({ length: 5 }, () => [3, b225] as [number, number]), /read as 5 sets of 3 reps/],
  [
    "bench 3x8 @ 60 felt heavy",
    base,
    "Bench Press",
    [
      [8, 60],
      [8, 60],
      [8, 60],
    ],
    /Not logged: “felt heavy”/,
  ],
  [
    "Great session. bench 3x8 @ 60",
    base,
    "Bench Press",
    [
      [8, 60],
      [8, 60],
      [8, 60],
    ],
    /Not logged: “great session”/,
  ],
];

describe("chat logging keeps what the user wrote, or says what it changed", () => {
  it.each(faithful)("%s", (text, opts, name, sets, warning) => {
    const draft = parseWorkoutText(text, opts);
    const exercises = draft.workouts.flatMap((w) => w.exercises);
    if (name === null) expect(exercises).toEqual([]);
    else {
      expect(exercises.map((e) => e.name)).toEqual([name]);
      expect(exercises[0].sets.map((s) => [s.reps, s.weightKg])).toEqual(sets);
    }
    if (warning) expect(draft.warnings.join("\n")).toMatch(warning);
    else expect(draft.warnings).toEqual([]);
  });

  it("flags a model's structured draft that holds fewer sets than the words say", () => {
    const model = fromModelDraft(
      { workouts: [{ date: "2026-11-26", exercises: [{ name: "Bench Press", sets: [{ reps: 5, weight: 225 }] }] }] },
      { units: "lb", timeZone: "Europe/Berlin", now },
    );
    if ("error" in model) throw new Error(model.reason);
    const checked = crossCheck(model, parseWorkoutText("225 lb bench for 5 reps, 3 sets", lb));
    expect(checked.warnings.join("\n")).toMatch(/reads as 3 sets, but this draft holds 1/);
    const agreed = crossCheck(model, parseWorkoutText("225 lb bench for 5 reps", lb));
    expect(agreed.warnings).toEqual([]);
  });

  it("never puts a number in an exercise name", () => {
    for (const [text, opts] of faithful) {
      for (const e of parseWorkoutText(text, opts).workouts.flatMap((w) => w.exercises)) expect(e.name).not.toMatch(/\d/);
    }
  });
});

describe("dates", () => {
  it.each([
    ["today", "2026-11-26"],
    ["yesterday", "2026-11-25"],
    ["3 days ago", "2026-11-23"],
    ["monday", "2026-11-23"],
    ["thursday", "2026-11-26"],
    ["last thursday", "2026-11-19"],
    ["march 1", "2026-03-01"],
    ["1st of december", "2025-12-01"],
    ["2025-02-30", null],
  ])("%s → %s", (phrase, expected) => {
    expect(resolveDatePhrase(phrase, "2026-11-26")).toBe(expected);
  });

  it("converts local wall time across DST", () => {
    expect(zonedTime("2026-03-29", 12, 0, "Europe/Berlin").toISOString()).toBe("2026-03-29T10:00:00.000Z");
    expect(zonedTime("2026-03-28", 12, 0, "Europe/Berlin").toISOString()).toBe("2026-03-28T11:00:00.000Z");
  });
});
