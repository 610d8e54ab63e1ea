import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { exercises, exerciseSets, users, workoutSessions } from "@/db/schema";
import { writeSessions } from "@/lib/workouts/write";
import { useTestDatabase } from "./helpers/db";

const set = (reps: number, weightKg: number | null) => ({
  setType: "normal" as const,
  reps,
  weightKg,
  rpe: null,
  durationSeconds: null,
  distanceM: null,
});

describe("writeSessions (the one writer for the form, chat drafts and the seed)", () => {
  const db = useTestDatabase();
  let user: string;
  let a: string;
  let b: string;

  beforeAll(async () => {
    const d = db().db;
    [{ id: user }] = await d
      .insert(users)
      .values({ email: `w-${Date.now()}@x.test` })
      .returning({ id: users.id });
    const ex = await d.select({ id: exercises.id }).from(exercises).limit(2);
    [a, b] = ex.map((e) => e.id);
  });

  it("numbers positions across the session and sets per exercise", async () => {
    const d = db().db;
    const { ids, sets } = await d.transaction((tx) =>
      writeSessions(tx, user, [
        {
          name: "Upper",
          notes: null,
          startedAt: new Date("2026-01-05T10:00:00Z"),
          endedAt: new Date("2026-01-05T11:00:00Z"),
          source: "chat",
          exercises: [
            { exerciseId: a, sets: [set(5, 100), set(5, 100)] },
            { exerciseId: b, sets: [set(8, 40)] },
            { exerciseId: a, sets: [set(3, 110)] },
          ],
        },
      ]),
    );
    expect(sets).toBe(4);
    const rows = await d
      .select({
        position: exerciseSets.position,
        setNumber: exerciseSets.setNumber,
        exerciseId: exerciseSets.exerciseId,
        weightKg: exerciseSets.weightKg,
      })
      .from(exerciseSets)
      .where(eq(exerciseSets.sessionId, ids[0]))
      .orderBy(exerciseSets.position);
    expect(rows.map((r) => [r.position, r.setNumber, r.exerciseId === a ? "a" : "b", Number(r.weightKg)])).toEqual([
      [0, 1, "a", 100],
      [1, 2, "a", 100],
      [2, 1, "b", 40],
      [3, 3, "a", 110],
    ]);
    const [session] = await d.select().from(workoutSessions).where(eq(workoutSessions.id, ids[0]));
    expect(session).toMatchObject({ userId: user, name: "Upper", source: "chat" });
  });

  it("writes nothing when a set breaks a database limit", async () => {
    const d = db().db;
    const before = await d.select({ id: workoutSessions.id }).from(workoutSessions).where(eq(workoutSessions.userId, user));
    await expect(
      d.transaction((tx) =>
        writeSessions(tx, user, [
          { name: "Bad", notes: null, startedAt: new Date(), endedAt: null, source: "manual", exercises: [{ exerciseId: a, sets: [set(5, 2500)] }] },
        ]),
      ),
    ).rejects.toThrow();
    const after = await d.select({ id: workoutSessions.id }).from(workoutSessions).where(eq(workoutSessions.userId, user));
    expect(after).toHaveLength(before.length);
  });
});
