import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { detectFormat } from "@/lib/import/detect";
import { ImportFormatError } from "@/lib/import/errors";
import { parseWorkoutFile } from "@/lib/import/parse";
import { parseFitNotes } from "@/lib/import/parsers/fitnotes";
import { hevyText, parseHevy } from "@/lib/import/parsers/hevy";
import { parseStrong } from "@/lib/import/parsers/strong";
import type { ParseResult } from "@/lib/import/types";

const fixture = (name: string) => fs.readFileSync(path.join(import.meta.dirname, "fixtures/imports", name), "utf8");
const allSets = (r: ParseResult) => r.workouts.flatMap((w) => w.sets);

describe("detectFormat", () => {
  it.each([
    ["Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE", "strong", ","],
    [
      '"Workout #";"Date";"Workout Name";"Duration (sec)";"Exercise Name";"Set Order";"Weight (kg)";"Reps";"RPE";"Distance (meters)";"Seconds";"Notes";"Workout Notes"',
      "strong-semicolon",
      ";",
    ],
    [
      "Date;Workout Name;Exercise Name;Set Order;Weight;Weight Unit;Reps;RPE;Distance;Distance Unit;Seconds;Notes;Workout Notes;Workout Duration",
      "strong-legacy",
      ";",
    ],
    ["Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,RPE", "strong-legacy", ","],
    [
      '"title","start_time","end_time","description","exercise_title","superset_id","exercise_notes","set_index","set_type","weight_kg","reps","distance_km","duration_seconds","rpe"',
      "hevy",
      ",",
    ],
    [
      "title,start_time,end_time,description,exercise_title,superset_id,exercise_notes,set_index,set_type,weight_lbs,reps,distance_miles,duration_seconds,rpe",
      "hevy-imperial",
      ",",
    ],
    ["Date,Exercise,Category,Weight (kgs),Reps,Distance,Distance Unit,Time", "fitnotes", ","],
    ["Date,Exercise,Category,Weight (lbs),Reps,Distance,Distance Unit,Time,Comment", "fitnotes", ","],
  ])("%s → %s", (header, format, delimiter) => {
    expect(detectFormat(header)).toEqual({ format, delimiter });
    expect(detectFormat(`\ufeff${header}\r\nrest`)).toEqual({ format, delimiter });
  });

  it.each(["", "id,name,price", "Date,Exercise,Reps", "\u0000\u0001PK\u0003", "title,start_time,exercise_title,set_type"])(
    "unknown header %j → null",
    (h) => {
      expect(detectFormat(h)).toBeNull();
    },
  );
});

describe("parseStrong — comma dialect with BOM, CRLF, multi-line notes, W/F/D, Rest Timer", () => {
  const r = parseStrong(fixture("strong-comma-bom-crlf.csv"), { unit: "kg" });

  it("reads every row, groups workouts, and reports skipped rows by their line in the file", () => {
    expect(r.format).toBe("strong");
    expect(r.rows).toBe(13);
    expect(r.workouts.map((w) => [w.name, w.start, w.durationSeconds, w.sets.length])).toEqual([
      ["Push Day", "2025-01-30T17:34:56", 3900, 7],
      ["Legs", "2025-02-01T10:00:00", 49 * 60, 2],
    ]);
    expect(r.skipped).toEqual([
      { row: 7, reason: "rest timer entry (not a set)" },
      { row: 10, reason: "nothing recorded (no weight, reps, time or distance)" },
      { row: 13, reason: 'Date "2025-02-31 10:00:00" is not a date' },
      { row: 14, reason: 'Weight "abc" is not a number' },
    ]);
  });

  it("keeps quoted multi-line notes and maps set orders to set types", () => {
    const push = r.workouts[0];
    expect(push.notes).toBe("Felt good.\nShoulder a bit tight");
    expect(push.sets.map((s) => s.setType)).toEqual(["warmup", "normal", "normal", "failure", "drop", "normal", "normal"]);
    expect(push.sets[1].notes).toBe('Paused, "competition" style\nsecond line');
    expect(push.sets.map((s) => s.line)).toEqual([2, 4, 6, 8, 9, 11, 12]);
  });

  it("rounds float noise, drops an out-of-range RPE with a warning, and ignores zero placeholders", () => {
    const [, s1, s2] = r.workouts[0].sets;
    expect(s1).toMatchObject({ weightKg: 80, reps: 5, rpe: 8.5, durationSeconds: null, distanceM: null });
    expect(s2).toMatchObject({ weightKg: 12.9, reps: 5, rpe: null });
    expect(r.warnings).toEqual([{ row: 6, reason: "RPE 11 is outside 1–10; the set was imported without an RPE" }]);
    expect(r.workouts[1].sets[1]).toMatchObject({ weightKg: 102.5, reps: 4, rpe: null });
  });

  it("keeps time-only and distance sets (unitless distance in km for kg users)", () => {
    const [plank, run] = r.workouts[0].sets.slice(5);
    expect(plank).toMatchObject({ exerciseName: "Plank", weightKg: null, reps: null, durationSeconds: 60, distanceM: null });
    expect(run).toMatchObject({ exerciseName: "Running", distanceM: 5200, durationSeconds: 1800, categoryHint: "cardio" });
  });
});

describe("parseStrong — unit handling", () => {
  it("reads unitless weights in the caller's unit: lb → kg exact to 0.01, distance in miles", () => {
    const r = parseStrong(fixture("strong-lb.csv"), { unit: "lb" });
    expect(allSets(r).map((s) => [s.weightKg, s.reps, s.distanceM, s.durationSeconds])).toEqual([
      [102.06, 5, null, null], // 225 lb = 102.05828325 kg
      [61.46, 8, null, null], // 135.5 lb = 61.461766135 kg
      [null, null, 4988.97, 1500], // 3.1 mi = 4988.9664 m
    ]);
  });

  it("the same file read as kg keeps the numbers", () => {
    const r = parseStrong(fixture("strong-lb.csv"), { unit: "kg" });
    expect(allSets(r).map((s) => s.weightKg)).toEqual([225, 135.5, null]);
  });

  it("quoted-semicolon dialect: Weight (kg) wins over the caller's unit, decimal comma, Duration (sec), meters", () => {
    const r = parseStrong(fixture("strong-semicolon.csv"), { unit: "lb" });
    expect(r.format).toBe("strong-semicolon");
    expect(r.rows).toBe(5);
    expect(r.workouts.map((w) => [w.name, w.start, w.durationSeconds, w.notes, w.sets.length])).toEqual([
      ["Morning", "2024-06-01T08:00:00", 3900, "Early session", 3],
      ["Evening", "2024-06-03T18:30:00", 2700, null, 1],
    ]);
    expect(allSets(r).map((s) => [s.setType, s.weightKg, s.reps, s.rpe, s.distanceM, s.durationSeconds, s.notes])).toEqual([
      ["warmup", 60, 5, null, null, null, null],
      ["normal", 142.5, 3, 9, null, null, "belt"],
      ["normal", null, null, null, 2000, 480, null],
      ["normal", null, 10, null, null, null, null],
    ]);
    expect(r.skipped).toEqual([{ row: 6, reason: "rest timer entry (not a set)" }]);
  });

  it("legacy semicolon dialect: per-row Weight Unit and Distance Unit, Workout Duration", () => {
    const r = parseStrong(fixture("strong-legacy-semicolon.csv"), { unit: "kg" });
    expect(r.format).toBe("strong-legacy");
    expect(r.workouts).toHaveLength(1);
    expect(r.workouts[0]).toMatchObject({ name: "Leg Day", durationSeconds: 4200, notes: "Old app" });
    expect(allSets(r).map((s) => [s.weightKg, s.reps, s.rpe, s.distanceM, s.durationSeconds])).toEqual([
      [102.06, 5, null, null, null],
      [100, 5, 8, null, null],
      [null, null, null, 10000, 1200],
      [null, null, null, 2414.02, 900],
    ]);
    expect(r.skipped).toEqual([{ row: 6, reason: 'Weight Unit "stone" is not kg or lbs' }]);
  });

  it("the real legacy comma sample (no Notes columns)", () => {
    const r = parseWorkoutFile(fixture("strong-legacy-sample.csv"), { unit: "kg" });
    expect(r.format).toBe("strong-legacy");
    expect([r.rows, r.workouts.length, allSets(r).length, r.skipped.length]).toEqual([6, 3, 6, 0]);
    expect(r.workouts.map((w) => [w.name, w.start, w.durationSeconds])).toEqual([
      ["B", "2024-11-28T17:36:08", 35 * 60],
      ["A", "2024-11-29T10:15:00", 40 * 60],
      ["C", "2024-12-03T18:00:00", 30 * 60],
    ]);
  });

  it("the real Strong sample: 250 rows, 15 workouts, '1h 19m' durations, weight 0 read as not entered", () => {
    const r = parseWorkoutFile(fixture("strong-sample.csv"), { unit: "kg" });
    expect([r.rows, r.workouts.length, allSets(r).length, r.skipped.length, r.warnings.length]).toEqual([250, 15, 250, 0, 0]);
    expect(r.workouts.find((w) => w.start === "2025-09-05T12:37:47")?.durationSeconds).toBe(79 * 60);
    const legPress = allSets(r).find((s) => s.exerciseName === "Leg Press")!;
    expect(legPress).toMatchObject({ weightKg: null, reps: 10 });
  });
});

describe("parseHevy", () => {
  it("metric: set types, 0-based set_index, exercise notes once per exercise, description, end time", () => {
    const r = parseHevy(fixture("hevy-metric-small.csv"));
    expect(r.format).toBe("hevy");
    expect(r.rows).toBe(8);
    expect(r.workouts).toHaveLength(1);
    const w = r.workouts[0];
    expect([w.name, w.start, w.end, w.notes]).toEqual(["Upper A", "2024-07-03T15:36:00", "2024-07-03T16:37:00", "Deload week"]);
    expect(w.sets.map((s) => [s.exerciseName, s.setType, s.weightKg, s.reps, s.rpe, s.durationSeconds, s.distanceM, s.notes])).toEqual([
      ["Bench Press (Barbell)", "warmup", 40, 10, null, null, null, "Elbows tucked"],
      ["Bench Press (Barbell)", "normal", 80.5, 8, 8, null, null, null],
      ["Bench Press (Barbell)", "failure", 80.5, 6, 10, null, null, null],
      ["Bench Press (Barbell)", "drop", 60, 10, null, null, null, null],
      ["Warm Up", "normal", null, null, null, 300, null, null],
      ["Treadmill", "normal", null, null, null, 900, 2500, null],
    ]);
    expect(r.skipped).toEqual([
      { row: 7, reason: "nothing recorded (no weight, reps, time or distance)" },
      { row: 9, reason: 'start_time "31 Jun 2024, 15:36" is not a date' },
    ]);
  });

  it("imperial: weight_lbs and distance_miles converted exactly", () => {
    const r = parseHevy(fixture("hevy-imperial.csv"));
    expect(r.format).toBe("hevy-imperial");
    expect(allSets(r).map((s) => [s.weightKg, s.reps, s.rpe, s.distanceM, s.durationSeconds])).toEqual([
      [102.06, 5, 7.5, null, null],
      [142.88, 1, null, null, null],
      [null, null, null, 1609.34, 480],
    ]);
  });

  it("the real Hevy sample: every one of its 7 211 rows is a set (none is empty)", () => {
    const text = fixture("hevy-metric-sample.csv");
    const r = parseHevy(text);
    // Independent count: data lines of the file (no field spans lines; the last line has no newline).
    const dataLines = text.split("\n").filter((l) => l.trim() !== "").length - 1;
    expect(dataLines).toBe(7211);
    expect([r.rows, allSets(r).length, r.skipped.length, r.warnings.length]).toEqual([7211, 7211, 0, 0]);
    const starts = new Set(
      text
        .split("\n")
        .slice(1)
        .map((l) => l.split('","')[1]),
    );
    expect(r.workouts).toHaveLength(starts.size);
    expect(r.workouts).toHaveLength(335);
    expect(allSets(r).filter((s) => s.setType === "drop")).toHaveLength(43);
  });
});

describe("parseFitNotes", () => {
  it("kgs: one session per date at noon, named after the categories; cardio distance and time", () => {
    const r = parseFitNotes(fixture("fitnotes-kgs.csv"));
    expect(r.workouts.map((w) => [w.name, w.start, w.end, w.sets.length])).toEqual([
      ["Chest & Triceps & Cardio", "2023-05-01T12:00:00", null, 4],
      ["Legs", "2023-05-02T12:00:00", null, 1],
    ]);
    expect(allSets(r).map((s) => [s.exerciseName, s.weightKg, s.reps, s.distanceM, s.durationSeconds, s.notes])).toEqual([
      ["Flat Barbell Bench Press", 60, 8, null, null, null],
      ["Flat Barbell Bench Press", 62.5, 6, null, null, "last set, hard"],
      ["Rope Tricep Extension", 20, 12, null, null, null],
      ["Treadmill", null, null, 3000, 1200, null],
      ["Barbell Squat", 100, 5, null, null, null],
    ]);
    expect(allSets(r)[3].categoryHint).toBe("cardio");
    expect(r.skipped).toEqual([{ row: 7, reason: "nothing recorded (no weight, reps, time or distance)" }]);
  });

  it("lbs: converted to kg exactly", () => {
    const r = parseFitNotes(fixture("fitnotes-lbs.csv"));
    expect(allSets(r).map((s) => s.weightKg)).toEqual([183.7, 61.23]);
    expect(r.workouts[0].name).toBe("Back");
  });
});

describe("parseWorkoutFile — files that are not exports", () => {
  it.each([
    ["random CSV", "id,name,price\n1,apple,0.5\n", /not a workout export we recognise/],
    ["empty", "", /not a workout export we recognise/],
    ["wrong parser", fixture("fitnotes-kgs.csv"), /not a Strong export/],
  ])("%s → ImportFormatError", (_label, text, message) => {
    const run = () => (_label === "wrong parser" ? parseStrong(text, { unit: "kg" }) : parseWorkoutFile(text, { unit: "kg" }));
    expect(run).toThrow(ImportFormatError);
    expect(run).toThrow(message);
  });

  it("an unclosed quote is reported with its line", () => {
    const text =
      'Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE\n2025-01-01 10:00:00,"X,1h,Squat,1,100,5,0,0,,,\n';
    expect(() => parseWorkoutFile(text, { unit: "kg" })).toThrow(/not valid CSV near line/);
  });

  it("a row with extra fields (an unquoted comma) is skipped, not misread", () => {
    const text =
      "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE\n" +
      "2025-01-01 10:00:00,X,1h,Squat,1,100,5,0,0,,,\n" +
      "2025-01-01 10:00:00,X,1h,Squat,2,100,5,0,0,a, b,,\n";
    const r = parseWorkoutFile(text, { unit: "kg" });
    expect(allSets(r)).toHaveLength(1);
    expect(r.skipped).toEqual([{ row: 3, reason: "the row has 13 fields, the header has 12" }]);
  });
});

describe("Hevy notes", () => {
  it("turns Hevy's escaped line breaks back into line breaks", () => {
    expect(hevyText("Lower: all sets 175 next time\\nLegs: 170")).toBe("Lower: all sets 175 next time\nLegs: 170");
    expect(hevyText("a\\r\\nb")).toBe("a\nb");
    expect(hevyText(undefined)).toBeUndefined();
  });

  it("stores the real sample's notes with real line breaks", () => {
    const r = parseHevy(fixture("hevy-metric-sample.csv"));
    const notes = r.workouts.flatMap((w) => [w.notes, ...w.sets.map((s) => s.notes)]).filter((n): n is string => Boolean(n));
    expect(notes.some((n) => n.includes("175 next time\nLegs: 170"))).toBe(true);
    expect(notes.some((n) => n.includes("\\n"))).toBe(false);
  });
});
