import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { EXERCISE_CATEGORIES } from "@/db/tables/exercises";
import { EXERCISE_CATALOG } from "@/lib/exercises/catalog";
import { normalizeExerciseName } from "@/lib/exercises/normalize";
import { candidateKeys, guessExerciseKind } from "@/lib/exercises/resolver";
import { catalogAliasKeys } from "@/lib/exercises/sync-catalog";
import { EQUIPMENT, MUSCLE_GROUPS, listMuscleGroups } from "@/lib/exercises/vocabulary";

const IMPORTS = path.join(import.meta.dirname, "fixtures/imports");

let cached: Map<string, string> | undefined;
function keyToSlug(): Map<string, string> {
  if (cached) return cached;
  const map = (cached = new Map<string, string>());
  for (const e of EXERCISE_CATALOG) for (const k of catalogAliasKeys(e)) map.set(k, e.slug);
  return map;
}

function slugFor(name: string): string | undefined {
  const map = keyToSlug();
  for (const k of candidateKeys(name)) if (map.has(k)) return map.get(k);
  return undefined;
}

describe("exercise catalog", () => {
  it("has at least 150 exercises with unique slugs and valid vocabularies", () => {
    expect(EXERCISE_CATALOG.length).toBeGreaterThanOrEqual(150);
    expect(new Set(EXERCISE_CATALOG.map((e) => e.slug)).size).toBe(EXERCISE_CATALOG.length);
    for (const e of EXERCISE_CATALOG) {
      expect(e.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(EXERCISE_CATEGORIES).toContain(e.category);
      expect(EQUIPMENT).toContain(e.equipment);
      expect(e.primaryMuscles.length).toBeGreaterThan(0);
      for (const m of [...e.primaryMuscles, ...e.secondaryMuscles]) expect(MUSCLE_GROUPS).toContain(m);
    }
    const categories = new Set(EXERCISE_CATALOG.map((e) => e.category));
    for (const c of ["strength", "machine", "bodyweight", "cardio", "olympic"]) expect(categories).toContain(c);
  });

  it("never maps one alias to two exercises", () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const e of EXERCISE_CATALOG) {
      for (const k of catalogAliasKeys(e)) {
        const prev = owner.get(k);
        if (prev && prev !== e.slug) clashes.push(`${k}: ${prev} / ${e.slug}`);
        owner.set(k, e.slug);
      }
    }
    expect(clashes).toEqual([]);
  });

  it("maps other apps' names onto the same exercises", () => {
    const cases: [string, string][] = [
      ["Squat (Barbell)", "squat-barbell"],
      ["Barbell Squat", "squat-barbell"],
      ["Back Squat", "squat-barbell"],
      ["Bench Press (Barbell)", "bench-press-barbell"],
      ["Flat Barbell Bench Press", "bench-press-barbell"],
      ["Bench Press (Dumbbell)", "bench-press-dumbbell"],
      ["Deadlift (Barbell)", "deadlift-barbell"],
      ["Deadlift", "deadlift-barbell"],
      ["Running", "running"],
      ["Pull Up", "pull-up"],
      ["pull-ups", "pull-up"],
      ["Lat Pulldown (Cable)", "lat-pulldown-cable"],
      ["Romanian Deadlift (Barbell)", "romanian-deadlift-barbell"],
      ["Bicep Curl (Dumbbell)", "bicep-curl-dumbbell"],
      ["Plank", "plank"],
      ["Treadmill", "treadmill"],
      ["Pec Deck (Machine)", "chest-fly-machine"],
      ["Leg Press", "leg-press-machine"],
      ["Kettlebell Carry", "farmers-walk"],
      ["Pull Up (Bodyweight)", "pull-up"],
    ];
    for (const [name, slug] of cases) expect(slugFor(name), name).toBe(slug);
  });

  it("covers the names in the real Strong and Hevy samples", () => {
    const names = new Map<string, number>();
    for (const [file, header] of [
      ["hevy-metric-sample.csv", "exercise_title"],
      ["strong-sample.csv", "Exercise Name"],
    ] as const) {
      const lines = fs.readFileSync(path.join(IMPORTS, file), "utf8").split(/\r?\n/).filter(Boolean);
      const cells = (l: string) => [...l.matchAll(/("(?:[^"]|"")*"|[^,]*)(?:,|$)/g)].map((m) => m[1].replace(/^"|"$/g, ""));
      const col = cells(lines[0]).indexOf(header);
      for (const l of lines.slice(1)) {
        const n = cells(l)[col];
        names.set(n, (names.get(n) ?? 0) + 1);
      }
    }
    const rows = [...names.values()].reduce((a, b) => a + b, 0);
    const unmatched = [...names.entries()].filter(([n]) => !slugFor(n));
    const unmatchedRows = unmatched.reduce((a, [, c]) => a + c, 0);
    // Only a handful of idiosyncratic names ("Meadows Incline DB Lateral Raise") may become custom exercises.
    expect(unmatched.length).toBeLessThanOrEqual(5);
    expect(unmatchedRows / rows).toBeLessThan(0.05);
    for (const common of ["Squat (Barbell)", "Lat Pulldown (Cable)", "Seated Row (Cable)", "Warm Up", "Triceps Pushdown", "Triceps Pressdown"]) {
      expect(slugFor(common), common).toBeDefined();
    }
  });

  it("lists muscle groups", () => {
    expect(listMuscleGroups()).toEqual([...MUSCLE_GROUPS]);
    expect(listMuscleGroups()).toContain("quads");
  });
});

describe("normalizeExerciseName", () => {
  it.each([
    ["Squat (Barbell)", "squat barbell"],
    ["Barbell Squat", "squat barbell"],
    ["  BARBELL   squats ", "squat barbell"],
    ["Pull Up", "pullup"],
    ["pull ups", "pullup"],
    ["Pullups", "pullup"],
    ["Pull-Up", "pullup"],
    ["Squat (Smith Machine)", "squat smith"],
    ["Smith Machine Squat", "squat smith"],
    ["DB Bench Press", "bench press dumbbell"],
    ["Dumbbell Flyes", "fly dumbbell"],
    ["Farmer's Walk", "farmer walk"],
    ["Calf Raises", "calf raise"],
    ["Crunches", "crunch"],
    ["Bicep Curl (EZ Bar)", "bicep curl ezbar"],
    ["EZ-Bar Biceps Curl", "bicep curl ezbar"],
    ["Sitting 1-Arm Lat Pulldown", "sitting 1 arm lat pulldown"],
    ["Single Arm Lat Pulldown", "1 arm lat pulldown"],
    ["Café Squat", "cafe squat"],
    ["Press", "press"],
    ["!!!", ""],
  ])("%s → %s", (input, expected) => {
    expect(normalizeExerciseName(input)).toBe(expected);
  });

  it("keeps equipment apart", () => {
    expect(normalizeExerciseName("Bench Press (Barbell)")).not.toBe(normalizeExerciseName("Bench Press (Dumbbell)"));
  });
});

describe("guessExerciseKind", () => {
  it("reads the qualifier and the words", () => {
    expect(guessExerciseKind("Meadows Row (Landmine) (Machine)")).toEqual({ category: "machine", equipment: "machine" });
    expect(guessExerciseKind("Zercher Squat (Barbell)")).toEqual({ category: "strength", equipment: "barbell" });
    expect(guessExerciseKind("Hill Sprints")).toEqual({ category: "cardio", equipment: "none" });
    expect(guessExerciseKind("Ring Muscle Up (Bodyweight)")).toEqual({ category: "bodyweight", equipment: "bodyweight" });
    expect(guessExerciseKind("Something", { category: "cardio" }).category).toBe("cardio");
  });
});

describe("FitNotes default names", () => {
  it.each([
    ["Flat Barbell Bench Press", "bench-press-barbell"],
    ["Barbell Squat", "squat-barbell"],
    ["Deadlift", "deadlift-barbell"],
    ["Incline Dumbbell Bench Press", "incline-bench-press-dumbbell"],
    ["Seated Cable Row", "seated-row-cable"],
    ["EZ-Bar Curl", "bicep-curl-ez-bar"],
    ["EZ-Bar Skullcrusher", "skullcrusher-barbell"],
    ["Rope Push Down", "triceps-pushdown-cable"],
    ["Parallel Bar Triceps Dip", "chest-dip"],
    ["Seated Machine Fly", "chest-fly-machine"],
    ["Leg Extension Machine", "leg-extension-machine"],
    ["One-Arm Dumbbell Row", "bent-over-row-dumbbell"],
    ["Running (Treadmill)", "treadmill"],
    ["Rowing Machine", "rowing-machine"],
  ])("%s → %s", (name, slug) => {
    expect(slugFor(name)).toBe(slug);
  });
});
