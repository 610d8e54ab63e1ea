import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { exerciseSets, workoutSessions } from "@/db/schema";
import { createExerciseResolver, findExerciseByName } from "@/lib/exercises/resolver";
import { createUser } from "@/lib/users/create-user";
import { useTestDatabase } from "./helpers/db";

async function pgCode(p: Promise<unknown>): Promise<string | undefined> {
  try {
    await p;
  } catch (error) {
    let e = error as { code?: string; cause?: unknown } | undefined;
    for (let i = 0; e && i < 5; i++, e = e.cause as typeof e) if (e.code) return e.code;
    throw error;
  }
  return undefined;
}

describe("a set may only use a built-in exercise or its own user's custom one", () => {
  const t = useTestDatabase();
  let alice: string;
  let bob: string;
  let bobSession: string;
  let aliceCustom: string;
  let squat: string;

  beforeAll(async () => {
    const db = t().db;
    alice = (await createUser(db, { email: "alice@visibility.test" })).id;
    bob = (await createUser(db, { email: "bob@visibility.test" })).id;
    aliceCustom = (await createExerciseResolver(db, alice).resolve("Alice's Secret Sled Drag")).exerciseId;
    squat = (await findExerciseByName(db, bob, "Squat (Barbell)"))!.id;
    [{ id: bobSession }] = await db
      .insert(workoutSessions)
      .values({ userId: bob, name: "Legs", startedAt: new Date() })
      .returning({ id: workoutSessions.id });
  });

  it("accepts built-in exercises, rejects another user's custom exercise on insert", async () => {
    const db = t().db;
    await db.insert(exerciseSets).values({ sessionId: bobSession, userId: bob, exerciseId: squat, position: 0, setNumber: 1, reps: 5 });
    const code = await pgCode(
      db.insert(exerciseSets).values([
        { sessionId: bobSession, userId: bob, exerciseId: squat, position: 1, setNumber: 2, reps: 5 },
        { sessionId: bobSession, userId: bob, exerciseId: aliceCustom, position: 2, setNumber: 1, reps: 5 },
      ]),
    );
    expect(code).toBe("23503");
    // the whole statement failed: the valid row in it was not written either
    const rows = await db.select().from(exerciseSets).where(eq(exerciseSets.sessionId, bobSession));
    expect(rows).toHaveLength(1);
  });

  it("rejects switching a set to another user's custom exercise", async () => {
    const db = t().db;
    const code = await pgCode(db.update(exerciseSets).set({ exerciseId: aliceCustom }).where(eq(exerciseSets.sessionId, bobSession)));
    expect(code).toBe("23503");
  });
});
