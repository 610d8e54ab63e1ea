import { beforeAll, describe, expect, it } from "vitest";
import { exercises, exerciseSets, users, workoutSessions } from "@/db/schema";
import { getExerciseHistory } from "@/lib/workouts/exercise-history";
import { listSessions } from "@/lib/workouts/queries";
import { loadExerciseBests, loadRecords } from "@/lib/workouts/record-history";
import { newSetRecords } from "@/lib/workouts/records";
import { useTestDatabase } from "./helpers/db";

describe("records from the database", () => {
  const db = useTestDatabase();
  let alice: string;
  let bob: string;
  let squat: string;
  let assisted: string;
  const sessions: string[] = [];

  beforeAll(async () => {
    const d = db().db;
    const stamp = Date.now();
    [{ id: alice }, { id: bob }] = await d
      .insert(users)
      .values([{ email: `rec-a-${stamp}@x.test` }, { email: `rec-b-${stamp}@x.test` }])
      .returning({ id: users.id });
    [{ id: squat }, { id: assisted }] = await d
      .insert(exercises)
      .values([
        { slug: `r-squat-${stamp}`, name: "Squat (Barbell)", category: "strength", equipment: "barbell" },
        { slug: `r-apu-${stamp}`, name: "Assisted Pull-up", category: "machine", equipment: "machine" },
      ])
      .returning({ id: exercises.id });
    // An imported session, then a manual one that beats it, then a warm-up-only "record" that must not count.
    const plan: { source: string; day: number; sets: [number, number, "normal" | "warmup"][] }[] = [
      { source: "import:strong", day: 1, sets: [[100, 5, "normal"]] },
      {
        source: "manual",
        day: 8,
        sets: [
          [60, 10, "warmup"],
          [105, 5, "normal"],
        ],
      },
      {
        source: "chat",
        day: 15,
        sets: [
          [150, 5, "warmup"],
          [100, 5, "normal"],
        ],
      },
    ];
    for (const p of plan) {
      const [s] = await d
        .insert(workoutSessions)
        .values({
          userId: alice,
          name: `D${p.day}`,
          source: p.source,
          importKey: p.source.startsWith("import") ? `k${p.day}` : null,
          startedAt: new Date(Date.UTC(2025, 0, p.day, 8)),
        })
        .returning({ id: workoutSessions.id });
      sessions.push(s.id);
      await d.insert(exerciseSets).values(
        p.sets.map(([weightKg, reps, setType], position) => ({
          sessionId: s.id,
          userId: alice,
          exerciseId: squat,
          position,
          setNumber: position + 1,
          setType,
          weightKg,
          reps,
        })),
      );
      await d
        .insert(exerciseSets)
        .values({ sessionId: s.id, userId: alice, exerciseId: assisted, position: p.sets.length, setNumber: 1, weightKg: 40 - p.day, reps: 8 });
    }
    // Bob's heavier squat must never leak into Alice's bests.
    const [b] = await d
      .insert(workoutSessions)
      .values({ userId: bob, name: "B", startedAt: new Date(Date.UTC(2025, 0, 2)) })
      .returning({ id: workoutSessions.id });
    await d.insert(exerciseSets).values({ sessionId: b.id, userId: bob, exerciseId: squat, position: 0, setNumber: 1, weightKg: 200, reps: 5 });
  });

  it("finds records across imported, manual and chat sessions, ignoring warm-ups and assisted lifts", async () => {
    const r = await loadRecords(db().db, alice);
    expect(r.bySession.get(sessions[0])).toBeUndefined();
    expect(r.bySession.get(sessions[1])!.map((x) => [x.kind, x.value, x.previous])).toEqual([
      ["weight", 105, 100],
      ["e1rm", 122.5, 116.67],
      ["volume", 525, 500],
    ]);
    expect(r.bySession.get(sessions[2])).toBeUndefined();
    expect(r.bests.get(squat)).toMatchObject({ weightKg: 105, e1rmKg: 122.5, sessionVolumeKg: 525 });
    expect(r.bests.has(assisted)).toBe(false);
  });

  it("answers 'would this set be a PR?' for live mode, leaving the live session out", async () => {
    const bests = await loadExerciseBests(db().db, alice, squat);
    expect(newSetRecords(bests, { setType: "normal", weightKg: 107.5, reps: 3 })).toEqual(["weight"]);
    expect(newSetRecords(bests, { setType: "normal", weightKg: 100, reps: 6 })).toEqual(["reps"]);
    const without = await loadExerciseBests(db().db, alice, squat, { excludeSessionId: sessions[1] });
    expect(without.weightKg).toBe(100);
    expect(await loadExerciseBests(db().db, bob, squat)).toMatchObject({ weightKg: 200 });
    expect(await loadExerciseBests(db().db, alice, assisted)).toMatchObject({ weightKg: null, repsFrontier: [] });
    expect(await loadExerciseBests(db().db, alice, "not-a-uuid")).toMatchObject({ weightKg: null });
  });

  it("builds an exercise's history page: bests, e1RM trend, records and recent sessions — the owner's only", async () => {
    const h = (await getExerciseHistory(db().db, alice, squat))!;
    expect(h.exercise.name).toBe("Squat (Barbell)");
    expect(h.sessionCount).toBe(3);
    expect(h.trend.map((t) => t.e1rmKg)).toEqual([116.67, 122.5, 116.67]);
    expect(h.records.map((r) => r.kind)).toEqual(["weight", "e1rm", "volume"]);
    expect(h.bestSets.map((b) => [b.label, b.set.weightKg, b.set.reps])).toEqual([
      ["Heaviest", 105, 5],
      ["Best e1RM", 105, 5],
    ]);
    expect(h.recent.map((r) => r.sets.length)).toEqual([2, 2, 1]); // newest first, warm-ups shown
    expect(h.recordSetIds.size).toBe(1);
    const assistedHistory = (await getExerciseHistory(db().db, alice, assisted))!;
    expect(assistedHistory.exercise.assisted).toBe(true);
    expect(assistedHistory.records).toEqual([]);
    // Bob sees the catalog exercise with his own history only; nobody sees an id that is not an exercise.
    expect((await getExerciseHistory(db().db, bob, squat))!.sessionCount).toBe(1);
    expect(await getExerciseHistory(db().db, alice, "nope")).toBeNull();
  });

  it("searches and filters the workouts list by name, exercise and source", async () => {
    const names = async (o: Parameters<typeof listSessions>[2]) => (await listSessions(db().db, alice, o)).rows.map((r) => r.name);
    expect(await names({ q: "d8" })).toEqual(["D8"]);
    expect(await names({ q: "squat" })).toEqual(["D15", "D8", "D1"]); // by exercise name
    expect(await names({ q: "assisted pull" })).toEqual(["D15", "D8", "D1"]);
    expect(await names({ q: "100%" })).toEqual([]); // LIKE wildcards are literal
    expect(await names({ source: "import" })).toEqual(["D1"]);
    expect(await names({ source: "chat" })).toEqual(["D15"]);
    expect(await names({ exerciseId: squat, source: "manual" })).toEqual(["D8"]);
    expect((await listSessions(db().db, alice, { q: "squat", pageSize: 1 })).total).toBe(3);
    expect((await listSessions(db().db, bob, { q: "D8" })).total).toBe(0);
  });
});
