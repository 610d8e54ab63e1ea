import { and, eq, isNull, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { exerciseAliases, exercises, users } from "@/db/schema";
import { EXERCISE_CATALOG } from "@/lib/exercises/catalog";
import { createExerciseResolver, findExerciseByName } from "@/lib/exercises/resolver";
import { syncCatalog } from "@/lib/exercises/sync-catalog";
import { useTestDatabase } from "./helpers/db";

describe("catalog sync + resolver", () => {
  const t = useTestDatabase();
  let alice: string;
  let bob: string;

  beforeAll(async () => {
    const db = t().db;
    await syncCatalog(db);
    const rows = await db
      .insert(users)
      .values([{ email: `alice-${Date.now()}@x.test` }, { email: `bob-${Date.now()}@x.test` }])
      .returning({ id: users.id });
    [alice, bob] = rows.map((r) => r.id);
  });

  it("syncs the whole catalog idempotently without touching users' rows", async () => {
    const db = t().db;
    const count = async () => (await db.execute<{ n: number }>(sql`select count(*)::int as n from exercises where owner_user_id is null`)).rows[0].n;
    expect(Number(await count())).toBe(EXERCISE_CATALOG.length);
    // a stale name in the database is corrected; a second sync changes nothing
    await db
      .update(exercises)
      .set({ name: "Old name" })
      .where(and(eq(exercises.slug, "squat-barbell"), isNull(exercises.ownerUserId)));
    const again = await syncCatalog(db);
    expect(again).toEqual({ inserted: 0, updated: 1, aliasesInserted: 0 });
    expect(await syncCatalog(db)).toEqual({ inserted: 0, updated: 0, aliasesInserted: 0 });
    expect(Number(await count())).toBe(EXERCISE_CATALOG.length);
    // a deleted global alias comes back
    await db.delete(exerciseAliases).where(and(eq(exerciseAliases.alias, "back squat"), isNull(exerciseAliases.ownerUserId)));
    expect((await syncCatalog(db)).aliasesInserted).toBe(1);
  });

  it("matches the shared sample names and other apps' spellings", async () => {
    const r = createExerciseResolver(t().db, alice);
    const squat = await r.resolve("Squat (Barbell)");
    expect(squat).toMatchObject({ matched: true, created: false });
    expect((await r.resolve("Barbell Squat")).exerciseId).toBe(squat.exerciseId);
    expect((await r.resolve("back squats")).exerciseId).toBe(squat.exerciseId);
    for (const n of ["Lat Pulldown (Cable)", "Seated Row (Cable)", "Pec Deck (Machine)", "Pull Up", "Treadmill", "Flat Barbell Bench Press"]) {
      expect((await r.resolve(n)).matched, n).toBe(true);
    }
    // stats count distinct names: "Barbell Squat" shares the key of "Squat (Barbell)"
    expect(r.stats()).toEqual({ matched: 8, created: 0 });
  });

  it("creates a custom exercise once per name, scoped to the user", async () => {
    const db = t().db;
    const r = createExerciseResolver(db, alice);
    const [a, b, c] = await Promise.all([
      r.resolve("Meadows Incline DB Lateral Raise"),
      r.resolve("meadows incline dumbbell lateral raises"),
      r.resolve("Meadows Incline DB Lateral Raise"),
    ]);
    expect(a.created).toBe(true);
    expect(b).toEqual({ exerciseId: a.exerciseId, matched: true, created: false });
    expect(c.exerciseId).toBe(a.exerciseId);
    expect(r.stats()).toEqual({ matched: 0, created: 1 });
    const [row] = await db.select().from(exercises).where(eq(exercises.id, a.exerciseId));
    expect(row).toMatchObject({ ownerUserId: alice, name: "Meadows Incline DB Lateral Raise", category: "strength", equipment: "dumbbell" });

    // a fresh resolver (a later import) finds it again instead of creating another
    const again = await createExerciseResolver(db, alice).resolve("Meadows Incline DB Lateral Raise");
    expect(again).toEqual({ exerciseId: a.exerciseId, matched: true, created: false });

    // Bob does not see Alice's exercise: he gets his own
    const bobs = await createExerciseResolver(db, bob).resolve("Meadows Incline DB Lateral Raise");
    expect(bobs.created).toBe(true);
    expect(bobs.exerciseId).not.toBe(a.exerciseId);
    expect(await findExerciseByName(db, bob, "Meadows Incline DB Lateral Raise")).toMatchObject({ id: bobs.exerciseId, isCustom: true });
  });

  it("guesses category from the qualifier and the hint", async () => {
    const db = t().db;
    const r = createExerciseResolver(db, alice);
    const m = await r.resolve("Zottman Press (Machine)");
    const c = await r.resolve("Sled Drag Intervals", { category: "cardio" });
    const rows = await db.select({ id: exercises.id, category: exercises.category }).from(exercises).where(eq(exercises.ownerUserId, alice));
    expect(rows.find((x) => x.id === m.exerciseId)?.category).toBe("machine");
    expect(rows.find((x) => x.id === c.exerciseId)?.category).toBe("cardio");
  });

  it("works inside a transaction and rolls back with it", async () => {
    const db = t().db;
    await db
      .transaction(async (tx) => {
        const r = createExerciseResolver(tx, alice);
        expect((await r.resolve("Squat (Barbell)")).matched).toBe(true);
        expect((await r.resolve("Tx Only Exercise")).created).toBe(true);
        throw new Error("rollback");
      })
      .catch(() => {});
    expect(await findExerciseByName(db, alice, "Tx Only Exercise")).toBeNull();
  });

  it("findExerciseByName reads aliases and never creates", async () => {
    const db = t().db;
    expect(await findExerciseByName(db, alice, "squat")).toMatchObject({ slug: "squat-barbell", name: "Squat (Barbell)", isCustom: false });
    expect(await findExerciseByName(db, alice, "OHP")).toMatchObject({ slug: "overhead-press-barbell" });
    expect(await findExerciseByName(db, alice, "Nonexistent Thing")).toBeNull();
    expect(await findExerciseByName(db, alice, "")).toBeNull();
    expect(await findExerciseByName(db, bob, "Zottman Press (Machine)")).toBeNull();
  });

  it("matches a user's exercise that has no alias by its name, and findExerciseByName agrees with the resolver", async () => {
    const db = t().db;
    const [row] = await db
      .insert(exercises)
      .values({ slug: "sled-drag-heavy", name: "Sled Drag (Heavy)", ownerUserId: alice, category: "strength", equipment: "other" })
      .returning({ id: exercises.id });
    expect(await findExerciseByName(db, alice, "sled drag heavy")).toMatchObject({ id: row.id, isCustom: true });
    expect(await createExerciseResolver(db, alice).resolve("Sled Drag (Heavy)")).toEqual({ exerciseId: row.id, matched: true, created: false });
    expect(await findExerciseByName(db, bob, "Sled Drag (Heavy)")).toBeNull();
  });

  it("rejects names without letters or digits", async () => {
    await expect(createExerciseResolver(t().db, alice).resolve("  --- ")).rejects.toThrow(/not a usable exercise name/);
  });
});
