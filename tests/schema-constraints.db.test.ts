import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { bodyMetrics, exerciseAliases, exerciseSets, exercises, subscriptions, userProfiles, users, workoutSessions } from "@/db/schema";
import { createExerciseResolver, findExerciseByName, loadAliasMap } from "@/lib/exercises/resolver";
import { syncCatalog } from "@/lib/exercises/sync-catalog";
import { createUser } from "@/lib/users/create-user";
import { useTestDatabase } from "./helpers/db";

/** The Postgres error code and constraint of a failed statement, looking through drizzle's wrapper. */
async function pgError(p: Promise<unknown>): Promise<{ code?: string; constraint?: string }> {
  try {
    await p;
  } catch (error) {
    let e = error as { code?: string; constraint?: string; cause?: unknown } | undefined;
    for (let i = 0; e && i < 5; i++, e = e.cause as typeof e) if (e.code) return { code: e.code, constraint: e.constraint };
    throw error;
  }
  throw new Error("expected the statement to fail");
}

const CHECK = "23514";
const FK = "23503";
const UNIQUE = "23505";

describe("schema constraints", () => {
  const t = useTestDatabase();
  let alice: string;
  let bob: string;
  let session: string;
  let squat: string;

  beforeAll(async () => {
    const db = t().db;
    await syncCatalog(db);
    alice = (await createUser(db, { email: "alice@schema.test" })).id;
    bob = (await createUser(db, { email: "bob@schema.test" })).id;
    [{ id: session }] = await db
      .insert(workoutSessions)
      .values({ userId: alice, name: "Legs", startedAt: new Date() })
      .returning({ id: workoutSessions.id });
    squat = (await findExerciseByName(db, alice, "Squat (Barbell)"))!.id;
  });

  const set = (over: Partial<typeof exerciseSets.$inferInsert> = {}) => ({
    sessionId: session,
    userId: alice,
    exerciseId: squat,
    position: Math.floor(Math.random() * 1e9),
    setNumber: 1,
    weightKg: 100,
    reps: 5,
    ...over,
  });

  it("accepts a valid set", async () => {
    await t().db.insert(exerciseSets).values(set());
  });

  it.each([
    ["an unknown set type", { setType: "superset" as never }, "exercise_sets_set_type_check"],
    ["a negative weight", { weightKg: -5 }, "exercise_sets_weight_check"],
    ["RPE 11", { rpe: 11 }, "exercise_sets_rpe_check"],
    ["negative reps", { reps: -1 }, "exercise_sets_reps_check"],
    ["nothing recorded", { weightKg: null, reps: null, durationSeconds: null, distanceM: null }, "exercise_sets_recorded_check"],
    ["set number 0", { setNumber: 0 }, "exercise_sets_set_number_check"],
  ])("rejects a set with %s", async (_label, over, constraint) => {
    expect(await pgError(t().db.insert(exerciseSets).values(set(over)))).toEqual({ code: CHECK, constraint });
  });

  it("rejects a set whose user is not the session's owner", async () => {
    const e = await pgError(
      t()
        .db.insert(exerciseSets)
        .values(set({ userId: bob })),
    );
    expect(e).toEqual({ code: FK, constraint: "exercise_sets_session_owner_fk" });
  });

  it("rejects two sets at the same position of a session", async () => {
    await t()
      .db.insert(exerciseSets)
      .values(set({ position: 7 }));
    expect(
      (
        await pgError(
          t()
            .db.insert(exerciseSets)
            .values(set({ position: 7 })),
        )
      ).code,
    ).toBe(UNIQUE);
  });

  it("rejects bad sessions and body metrics", async () => {
    const db = t().db;
    const start = new Date("2026-01-01T10:00:00Z");
    expect(
      (await pgError(db.insert(workoutSessions).values({ userId: alice, name: "x", startedAt: start, endedAt: new Date("2026-01-01T09:00:00Z") })))
        .constraint,
    ).toBe("workout_sessions_ended_check");
    expect(
      (await pgError(db.insert(workoutSessions).values({ userId: alice, name: "x", startedAt: start, source: "import:Evil App" }))).constraint,
    ).toBe("workout_sessions_source_check");
    expect((await pgError(db.insert(bodyMetrics).values({ userId: alice, date: "2026-01-01" }))).constraint).toBe("body_metrics_recorded_check");
    expect((await pgError(db.insert(bodyMetrics).values({ userId: alice, date: "2026-01-01", restingHr: 300 }))).constraint).toBe(
      "body_metrics_resting_hr_check",
    );
  });

  it("keeps import keys unique per user only", async () => {
    const db = t().db;
    const s = (userId: string, importKey: string | null) => ({ userId, name: "Imported", startedAt: new Date(), source: "import:strong", importKey });
    await db.insert(workoutSessions).values(s(alice, "strong:2026-01-01T10:00|A"));
    const e = await pgError(db.insert(workoutSessions).values(s(alice, "strong:2026-01-01T10:00|A")));
    expect(e).toEqual({ code: UNIQUE, constraint: "workout_sessions_user_import_key_unique" });
    await db.insert(workoutSessions).values(s(bob, "strong:2026-01-01T10:00|A"));
    await db.insert(workoutSessions).values([s(alice, null), s(alice, null)]);
  });

  it("enforces the plan and profile vocabularies", async () => {
    const db = t().db;
    expect(
      (
        await pgError(
          db
            .update(subscriptions)
            .set({ plan: "gold" as never })
            .where(eq(subscriptions.userId, alice)),
        )
      ).code,
    ).toBe(CHECK);
    expect(
      (
        await pgError(
          db
            .update(userProfiles)
            .set({ units: "stone" as never })
            .where(eq(userProfiles.userId, alice)),
        )
      ).code,
    ).toBe(CHECK);
  });

  it("keeps a user's custom exercise invisible to everybody else", async () => {
    const db = t().db;
    const mine = await createExerciseResolver(db, alice).resolve("Alice's Secret Press");
    expect(mine.created).toBe(true);
    expect(await findExerciseByName(db, bob, "Alice's Secret Press")).toBeNull();
    const bobAliases = await loadAliasMap(db, bob);
    expect([...bobAliases.values()]).not.toContain(mine.exerciseId);
    const visibleToBob = await db.execute<{ n: number }>(
      sql`select count(*)::int as n from exercises where id = ${mine.exerciseId} and (owner_user_id is null or owner_user_id = ${bob})`,
    );
    expect(Number(visibleToBob.rows[0].n)).toBe(0);
    // the same name for Bob is his own exercise, and both may share a slug
    const his = await createExerciseResolver(db, bob).resolve("Alice's Secret Press");
    expect(his.exerciseId).not.toBe(mine.exerciseId);
  });

  it("cascades a user's deletion to everything they own, and only theirs", async () => {
    const db = t().db;
    const carol = (await createUser(db, { email: "carol@schema.test", password: "carol-pass-123" })).id;
    const [s] = await db.insert(workoutSessions).values({ userId: carol, name: "Push", startedAt: new Date() }).returning();
    const custom = await createExerciseResolver(db, carol).resolve("Carol Press");
    await db.insert(exerciseSets).values([
      { sessionId: s.id, userId: carol, exerciseId: squat, position: 0, setNumber: 1, weightKg: 60, reps: 5 },
      { sessionId: s.id, userId: carol, exerciseId: custom.exerciseId, position: 1, setNumber: 1, weightKg: 20, reps: 10 },
    ]);
    await db.insert(bodyMetrics).values({ userId: carol, date: "2026-01-02", bodyweightKg: 70 });
    const count = async () =>
      (
        await db.execute<Record<string, number>>(sql`select
          (select count(*) from workout_sessions where user_id = ${carol})::int as sessions,
          (select count(*) from exercise_sets where user_id = ${carol})::int as sets,
          (select count(*) from body_metrics where user_id = ${carol})::int as metrics,
          (select count(*) from user_profiles where user_id = ${carol})::int as profiles,
          (select count(*) from subscriptions where user_id = ${carol})::int as subs,
          (select count(*) from exercises where owner_user_id = ${carol})::int as custom,
          (select count(*) from exercise_aliases where owner_user_id = ${carol})::int as aliases`)
      ).rows[0];
    expect(Object.values(await count()).every((n) => Number(n) > 0)).toBe(true);
    const before = await db
      .select({ id: exercises.id })
      .from(exercises)
      .where(sql`owner_user_id is null`);
    await db.delete(users).where(eq(users.id, carol));
    expect(Object.values(await count()).map(Number)).toEqual([0, 0, 0, 0, 0, 0, 0]);
    // built-in exercises and other users' data survive
    expect(
      (
        await db
          .select({ id: exercises.id })
          .from(exercises)
          .where(sql`owner_user_id is null`)
      ).length,
    ).toBe(before.length);
    expect((await db.select().from(workoutSessions).where(eq(workoutSessions.userId, alice))).length).toBeGreaterThan(0);
    expect((await db.select().from(exerciseAliases).where(eq(exerciseAliases.ownerUserId, alice))).length).toBeGreaterThan(0);
  });

  it("refuses to delete a built-in exercise that sets still use", async () => {
    // ON DELETE RESTRICT: 23001 on newer PostgreSQL (PGlite), 23503 on older servers
    expect(["23001", FK]).toContain((await pgError(t().db.delete(exercises).where(eq(exercises.id, squat)))).code);
  });
});
