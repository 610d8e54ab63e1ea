import { describe, expect, it } from "vitest";
import { parseHevy } from "@/lib/import/parsers/hevy";
import { parseWorkoutText } from "@/lib/workout-text/parse";
import { draftExerciseSchema } from "@/lib/workout-text/types";
import { EXERCISE_NAME_MAX } from "@/lib/workouts/limits";
import { exerciseBlockInputSchema } from "@/lib/workouts/schemas";

// Issue 10 §3: one exercise-name limit everywhere (the database's check), said clearly where it bites.
const long = "Bench Press With A Very Long Description ".repeat(125).trim(); // ~5,000 characters

describe("exercise name limit", () => {
  it("the session form refuses a long name with the limit and the length, instead of cutting it", () => {
    const r = exerciseBlockInputSchema.safeParse({ exerciseName: long, sets: [{ reps: "5" }] });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0].message).toBe(`Exercise names are at most 120 characters — this one has ${long.length.toLocaleString("en-US")}.`);
    expect(exerciseBlockInputSchema.safeParse({ exerciseName: "x".repeat(EXERCISE_NAME_MAX), sets: [{ reps: "5" }] }).success).toBe(true);
  });

  it("a confirmed chat draft is held to the same limit and message", () => {
    const r = draftExerciseSchema.safeParse({
      input: "x",
      name: "y".repeat(121),
      sets: [{ setType: "normal", reps: 5, weightKg: null, rpe: null, durationSeconds: null, distanceM: null }],
    });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0].message).toMatch(/at most 120 characters — this one has 121/);
  });

  it("the importer shortens a 5,000-character name to the limit and reports it once", () => {
    const header = `"title","start_time","end_time","description","exercise_title","superset_id","exercise_notes","set_index","set_type","weight_kg","reps","distance_km","duration_seconds","rpe"`;
    const row = (i: number) => `"Upper A","3 Jul 2024, 15:36","3 Jul 2024, 16:37","","${long}",,"",${i},"normal",80,8,,,`;
    const r = parseHevy([header, row(0), row(1)].join("\n"));
    const names = r.workouts.flatMap((w) => w.sets.map((s) => s.exerciseName));
    expect(names).toHaveLength(2);
    for (const n of names) expect(n.length).toBeLessThanOrEqual(EXERCISE_NAME_MAX);
    const said = r.warnings.filter((w) => /Exercise names are at most 120 characters — this one has 5,/.test(w.reason));
    expect(said).toHaveLength(1);
    expect(said[0].row).toBe(2);
  });

  it("chat logging shortens a long name and says so on the card", () => {
    const draft = parseWorkoutText(`${"very ".repeat(40)}long press 3x5 @ 60kg`, {
      unit: "kg",
      now: new Date("2026-11-26T18:00:00Z"),
      timeZone: "UTC",
    });
    const name = draft.workouts[0].exercises[0].name;
    expect(name.length).toBeLessThanOrEqual(EXERCISE_NAME_MAX);
    expect(draft.warnings.join("\n")).toMatch(/at most 120 characters — this one has 2\d\d\. It was shortened/);
  });
});
