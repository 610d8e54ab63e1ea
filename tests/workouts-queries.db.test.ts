import { describe, expect, it, beforeAll } from "vitest";
import { exercises, exerciseSets, users, workoutSessions } from "@/db/schema";
import { getSessionDetail, listSessions } from "@/lib/workouts/queries";
import { useTestDatabase } from "./helpers/db";

describe("workout queries", () => {
  const db = useTestDatabase();
  let alice: string;
  let bob: string;
  let squat: string;
  let bench: string;
  let row: string;
  const aliceSessions: string[] = [];
  let bobSession: string;

  beforeAll(async () => {
    const d = db().db;
    const stamp = Date.now();
    [{ id: alice }, { id: bob }] = await d
      .insert(users)
      .values([{ email: `alice-${stamp}@x.test` }, { email: `bob-${stamp}@x.test` }])
      .returning({ id: users.id });
    [{ id: squat }, { id: bench }, { id: row }] = await d
      .insert(exercises)
      .values([
        { slug: `q-squat-${stamp}`, name: "Squat (Barbell)", category: "strength", equipment: "barbell" },
        { slug: `q-bench-${stamp}`, name: "Bench Press (Barbell)", category: "strength", equipment: "barbell" },
        { slug: `q-row-${stamp}`, name: "My Row", category: "strength", equipment: "cable", ownerUserId: alice },
      ])
      .returning({ id: exercises.id });

    // Alice: 25 sessions one day apart; session i has squat 100 kg × 5 (×2 sets) then bench 60 × (i+1).
    for (let i = 0; i < 25; i++) {
      const startedAt = new Date(Date.UTC(2025, 0, 1 + i, 7, 0));
      const [s] = await d
        .insert(workoutSessions)
        .values({ userId: alice, name: `A${i}`, startedAt, endedAt: new Date(startedAt.getTime() + 65 * 60_000) })
        .returning({ id: workoutSessions.id });
      aliceSessions.push(s.id);
      await d.insert(exerciseSets).values([
        { sessionId: s.id, userId: alice, exerciseId: bench, position: 0, setNumber: 1, setType: "warmup", weightKg: 40, reps: 10 },
        { sessionId: s.id, userId: alice, exerciseId: squat, position: 1, setNumber: 1, weightKg: 100, reps: 5, rpe: 8 },
        { sessionId: s.id, userId: alice, exerciseId: squat, position: 2, setNumber: 2, weightKg: 100, reps: 5 },
        { sessionId: s.id, userId: alice, exerciseId: bench, position: 3, setNumber: 2, weightKg: 60, reps: i + 1 },
        { sessionId: s.id, userId: alice, exerciseId: row, position: 4, setNumber: 1, reps: 12 },
      ]);
    }
    // An empty session (no sets yet) and Bob's session, newer than all of Alice's.
    await d.insert(workoutSessions).values({ userId: alice, name: "Empty", startedAt: new Date(Date.UTC(2024, 11, 1)) });
    const [b] = await d
      .insert(workoutSessions)
      .values({ userId: bob, name: "Bob day", startedAt: new Date(Date.UTC(2026, 0, 1)) })
      .returning({ id: workoutSessions.id });
    bobSession = b.id;
    await d.insert(exerciseSets).values({ sessionId: b.id, userId: bob, exerciseId: squat, position: 0, setNumber: 1, weightKg: 200, reps: 1 });
  });

  it("pages newest first with totals", async () => {
    const p1 = await listSessions(db().db, alice, { page: 1, pageSize: 10 });
    expect(p1.total).toBe(26);
    expect(p1.pageCount).toBe(3);
    expect(p1.rows.map((r) => r.name)).toEqual(["A24", "A23", "A22", "A21", "A20", "A19", "A18", "A17", "A16", "A15"]);
    const p3 = await listSessions(db().db, alice, { page: 3, pageSize: 10 });
    expect(p3.rows.map((r) => r.name)).toEqual(["A4", "A3", "A2", "A1", "A0", "Empty"]);
    const beyond = await listSessions(db().db, alice, { page: 9, pageSize: 10 });
    expect(beyond.rows).toEqual([]);
    expect(beyond.total).toBe(26);
  });

  it("aggregates sets, volume in kg, duration and ordered distinct exercise names", async () => {
    const { rows } = await listSessions(db().db, alice, { page: 1, pageSize: 1 });
    const top = rows[0];
    expect(top.name).toBe("A24");
    expect(top.setCount).toBe(5);
    // 40×10 + 100×5 + 100×5 + 60×25; the reps-only row set adds nothing.
    expect(top.volumeKg).toBe(500 + 500 + 1500); // working sets: the 40 × 10 warm-up is left out
    expect(top.durationMin).toBe(65);
    expect(top.exerciseNames).toEqual(["Bench Press (Barbell)", "Squat (Barbell)", "My Row"]);
    expect(top.startedAt.toISOString()).toBe("2025-01-25T07:00:00.000Z");

    const last = await listSessions(db().db, alice, { page: 26, pageSize: 1 });
    expect(last.rows[0]).toMatchObject({ name: "Empty", setCount: 0, volumeKg: 0, exerciseNames: [], durationMin: null });
  });

  it("only ever lists the user's own sessions", async () => {
    const all = await listSessions(db().db, alice, { page: 1, pageSize: 100 });
    expect(all.rows.some((r) => r.name === "Bob day")).toBe(false);
    const mine = await listSessions(db().db, bob, { page: 1, pageSize: 100 });
    expect(mine.total).toBe(1);
    expect(mine.rows[0]).toMatchObject({ name: "Bob day", volumeKg: 200, setCount: 1 });
  });

  it("clamps silly paging input", async () => {
    const p = await listSessions(db().db, alice, { page: -3, pageSize: 10_000 });
    expect(p.page).toBe(1);
    expect(p.pageSize).toBe(100);
    expect(p.rows).toHaveLength(26);
  });

  it("returns a session's sets grouped by exercise in order", async () => {
    const detail = await getSessionDetail(db().db, alice, aliceSessions[2]);
    expect(detail).not.toBeNull();
    expect(detail!.name).toBe("A2");
    expect(detail!.durationMin).toBe(65);
    expect(detail!.exercises.map((g) => [g.exerciseName, g.sets.map((s) => s.setNumber)])).toEqual([
      ["Bench Press (Barbell)", [1, 2]],
      ["Squat (Barbell)", [1, 2]],
      ["My Row", [1]],
    ]);
    expect(detail!.exercises[0].sets[0]).toMatchObject({ setType: "warmup", weightKg: 40, reps: 10, rpe: null });
    expect(detail!.exercises[1].sets[0]).toMatchObject({ weightKg: 100, reps: 5, rpe: 8 });
    expect(detail!.exercises[2].isCustom).toBe(true);
    expect(detail!.volumeKg).toBe(1000 + 180); // working sets only
  });

  it("treats another user's session, a missing id and a malformed id alike", async () => {
    expect(await getSessionDetail(db().db, alice, bobSession)).toBeNull();
    expect(await getSessionDetail(db().db, bob, aliceSessions[0])).toBeNull();
    expect(await getSessionDetail(db().db, alice, "00000000-0000-4000-8000-000000000000")).toBeNull();
    expect(await getSessionDetail(db().db, alice, "1 or 1=1")).toBeNull();
    expect(await getSessionDetail(db().db, bob, bobSession)).not.toBeNull();
  });
});
