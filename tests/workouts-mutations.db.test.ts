import { and, eq, isNull } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { exercises, exerciseSets, users, workoutSessions } from "@/db/schema";
import { createSession, deleteSession, updateSession } from "@/lib/workouts/mutations";
import { getSessionDetail } from "@/lib/workouts/queries";
import { sessionInputSchema, type SessionInput } from "@/lib/workouts/schemas";
import { useTestDatabase } from "./helpers/db";

const parse = (v: unknown): SessionInput => sessionInputSchema.parse(v);

const baseInput = {
  name: "Push day",
  startedAt: "2025-09-15T07:30",
  durationMin: "75",
  notes: "felt strong",
  unit: "kg",
  exercises: [
    {
      exerciseName: "Bench Press (Barbell)",
      sets: [
        { setType: "warmup", weight: "60", reps: "8" },
        { setType: "normal", weight: "102,5", reps: "5", rpe: "8.5", notes: "paused" },
      ],
    },
    { exerciseName: "  Zorblax   Press  ", sets: [{ weight: "", reps: "12" }] },
  ],
};

describe("workout mutations", () => {
  const db = useTestDatabase();
  let alice: string;
  let bob: string;
  let bench: string;

  beforeAll(async () => {
    const d = db().db;
    const stamp = Date.now();
    [{ id: alice }, { id: bob }] = await d
      .insert(users)
      .values([{ email: `ma-${stamp}@x.test` }, { email: `mb-${stamp}@x.test` }])
      .returning({ id: users.id });
    // The built-in catalog is part of every test database.
    [{ id: bench }] = await d
      .select({ id: exercises.id })
      .from(exercises)
      .where(and(isNull(exercises.ownerUserId), eq(exercises.name, "Bench Press (Barbell)")));
  });

  it("validates input with field paths", () => {
    const bad = sessionInputSchema.safeParse({
      ...baseInput,
      name: "  ",
      startedAt: "2025-02-30T10:00",
      exercises: [
        {
          exerciseName: "",
          sets: [
            { weight: "abc", reps: "5.5", rpe: "11" },
            { weight: "", reps: "" },
          ],
        },
        { exerciseName: "Squat", sets: [] },
      ],
    });
    expect(bad.success).toBe(false);
    const paths = new Set(bad.error!.issues.map((i) => i.path.join(".")));
    for (const p of [
      "name",
      "startedAt",
      "exercises.0.exerciseName",
      "exercises.0.sets.0.weight",
      "exercises.0.sets.0.reps",
      "exercises.0.sets.0.rpe",
      "exercises.0.sets.1.reps",
      "exercises.1.sets",
    ]) {
      expect(paths, p).toContain(p);
    }
    expect(sessionInputSchema.safeParse({ ...baseInput, exercises: [] }).success).toBe(false);
    const heavyLb = sessionInputSchema.safeParse({
      ...baseInput,
      unit: "lb",
      exercises: [{ exerciseName: "X", sets: [{ weight: "4500", reps: "1" }] }],
    });
    expect(heavyLb.error?.issues[0].path.join(".")).toBe("exercises.0.sets.0.weight");
  });

  it("creates a session in one go: times in the profile zone, kg storage, positions and set numbers", async () => {
    const { id, sets } = await createSession(db().db, alice, parse(baseInput), { timeZone: "Europe/Berlin" });
    expect(sets).toBe(3);
    const d = await getSessionDetail(db().db, alice, id);
    expect(d!.startedAt.toISOString()).toBe("2025-09-15T05:30:00.000Z");
    expect(d!.durationMin).toBe(75);
    expect(d!.notes).toBe("felt strong");
    expect(d!.exercises.map((g) => g.exerciseName)).toEqual(["Bench Press (Barbell)", "Zorblax Press"]);
    expect(d!.exercises[0].exerciseId).toBe(bench);
    expect(d!.exercises[1].isCustom).toBe(true);
    expect(d!.exercises[0].sets.map((s) => [s.position, s.setNumber, s.setType, s.weightKg, s.reps, s.rpe, s.notes])).toEqual([
      [0, 1, "warmup", 60, 8, null, null],
      [1, 2, "normal", 102.5, 5, 8.5, "paused"],
    ]);
    expect(d!.exercises[1].sets[0]).toMatchObject({ position: 2, setNumber: 1, weightKg: null, reps: 12 });
    const [row] = await db().db.select().from(workoutSessions).where(eq(workoutSessions.id, id));
    expect(row.source).toBe("manual");
  });

  it("maps spelling variants onto the catalog instead of creating exercises", async () => {
    const input = parse({ ...baseInput, exercises: [{ exerciseName: "barbell bench press", sets: [{ weight: "100", reps: "5" }] }] });
    const { id } = await createSession(db().db, bob, input, { timeZone: "UTC" });
    const d = await getSessionDetail(db().db, bob, id);
    expect(d!.exercises[0]).toMatchObject({ exerciseId: bench, exerciseName: "Bench Press (Barbell)", isCustom: false });
    expect(await db().db.select().from(exercises).where(eq(exercises.ownerUserId, bob))).toHaveLength(0);
    await deleteSession(db().db, bob, id);
  });

  it("stores lb input as kg", async () => {
    const input = parse({ ...baseInput, unit: "lb", exercises: [{ exerciseName: "Bench Press (Barbell)", sets: [{ weight: "225", reps: "3" }] }] });
    const { id } = await createSession(db().db, alice, input, { timeZone: "UTC" });
    const d = await getSessionDetail(db().db, alice, id);
    expect(d!.exercises[0].sets[0].weightKg).toBe(102.06);
  });

  it("updates fields and replaces sets, renumbering them", async () => {
    const { id } = await createSession(db().db, alice, parse(baseInput), { timeZone: "UTC" });
    const next = parse({
      ...baseInput,
      name: "Push day (edited)",
      durationMin: "",
      notes: "",
      exercises: [
        { exerciseName: "Zorblax Press", sets: [{ weight: "20", reps: "10" }] },
        {
          exerciseName: "bench press (barbell)",
          sets: [
            { weight: "100", reps: "5" },
            { weight: "100", reps: "4", setType: "failure" },
          ],
        },
      ],
    });
    const result = await updateSession(db().db, alice, id, next, { timeZone: "UTC" });
    expect(result).toEqual({ id, sets: 3 });
    const d = await getSessionDetail(db().db, alice, id);
    expect(d!.name).toBe("Push day (edited)");
    expect(d!.endedAt).toBeNull();
    expect(d!.notes).toBeNull();
    expect(d!.exercises.map((g) => [g.exerciseName, g.sets.map((s) => `${s.position}/${s.setNumber}/${s.setType}`)])).toEqual([
      ["Zorblax Press", ["0/1/normal"]],
      ["Bench Press (Barbell)", ["1/1/normal", "2/2/failure"]],
    ]);
    // The custom exercise was created once and reused.
    const custom = await db().db.select().from(exercises).where(eq(exercises.ownerUserId, alice));
    expect(custom).toHaveLength(1);
  });

  it("never lets another user read, update or delete a session", async () => {
    const { id } = await createSession(db().db, alice, parse(baseInput), { timeZone: "UTC" });
    const before = await getSessionDetail(db().db, alice, id);

    expect(await updateSession(db().db, bob, id, parse({ ...baseInput, name: "pwned" }), { timeZone: "UTC" })).toBeNull();
    expect(await deleteSession(db().db, bob, id)).toBe(false);
    expect(await updateSession(db().db, bob, "not-a-uuid", parse(baseInput), { timeZone: "UTC" })).toBeNull();
    expect(await deleteSession(db().db, bob, "'; drop table workout_sessions; --")).toBe(false);

    expect(await getSessionDetail(db().db, alice, id)).toEqual(before);
    // Bob got no custom exercise out of the failed update either.
    expect(await db().db.select().from(exercises).where(eq(exercises.ownerUserId, bob))).toHaveLength(0);
  });

  it("deletes the user's session with its sets", async () => {
    const { id } = await createSession(db().db, alice, parse(baseInput), { timeZone: "UTC" });
    expect(await deleteSession(db().db, alice, id)).toBe(true);
    expect(await getSessionDetail(db().db, alice, id)).toBeNull();
    expect(await db().db.select().from(exerciseSets).where(eq(exerciseSets.sessionId, id))).toHaveLength(0);
    expect(await deleteSession(db().db, alice, id)).toBe(false);
  });

  it("rolls the whole save back when a set cannot be stored", async () => {
    const { id } = await createSession(db().db, alice, parse(baseInput), { timeZone: "UTC" });
    const before = await getSessionDetail(db().db, alice, id);
    // Bypass the schema to provoke a database check failure mid-save (weight over the limit).
    const broken = parse(baseInput);
    broken.exercises[1].sets.push({ setType: "normal", weight: 5000 });
    await expect(updateSession(db().db, alice, id, { ...broken, name: "half-saved?" }, { timeZone: "UTC" })).rejects.toThrow();
    expect(await getSessionDetail(db().db, alice, id)).toEqual(before);
  });
});
