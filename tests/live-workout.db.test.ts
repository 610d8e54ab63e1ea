import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { exercises, users, workoutSessions } from "@/db/schema";
import { isUserError } from "@/lib/errors/user-error";
import { applyOps, completedVolumeKg, newKey, platesPerSide, restRemaining, type LiveOp } from "@/lib/live/model";
import { discardLiveWorkout, finishLiveWorkout, getLiveWorkout, saveLiveOps, startLiveWorkout, type LiveWorkout } from "@/lib/live/workout";
import { startFrom } from "@/lib/live/service";
import { createTemplateFromSession, listTemplates, updateTemplate } from "@/lib/live/templates";
import { todayPlan } from "@/lib/plans/today";
import { writeSession } from "@/lib/workouts/write";
import { queued } from "@/lib/live/op-log";
import { useTestDatabase } from "./helpers/db";

const set = (weightKg: number, reps: number) => ({ setType: "normal" as const, weightKg, reps, rpe: null, durationSeconds: null, distanceM: null });

const withIds = (ops: LiveOp[]) => ops.map(queued);

async function rejection(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error("expected a rejection");
}

describe("live workout: the in-progress workout on the server", () => {
  const db = useTestDatabase();
  let alice: string;
  let bob: string;
  let bench: string;
  let curl: string;

  beforeAll(async () => {
    const d = db().db;
    [{ id: alice }] = await d
      .insert(users)
      .values({ email: `alice-${Date.now()}@x.test` })
      .returning({ id: users.id });
    [{ id: bob }] = await d
      .insert(users)
      .values({ email: `bob-${Date.now()}@x.test` })
      .returning({ id: users.id });
    [{ id: bench }] = await d.select({ id: exercises.id }).from(exercises).where(eq(exercises.slug, "bench-press-barbell"));
    const [c] = await d.select({ id: exercises.id }).from(exercises).where(eq(exercises.slug, "bicep-curl-dumbbell"));
    curl = c.id;
    // History: Upper A twice (bench best 100 × 5), imported style included.
    await writeSession(d, alice, {
      name: "Upper A",
      notes: null,
      startedAt: new Date("2026-11-20T10:00:00Z"),
      endedAt: new Date("2026-11-20T11:00:00Z"),
      source: "manual",
      exercises: [{ exerciseId: bench, sets: [set(95, 5), set(95, 5)] }],
    });
    await writeSession(d, alice, {
      name: "Upper A",
      notes: null,
      startedAt: new Date("2026-11-27T10:00:00Z"),
      endedAt: new Date("2026-11-27T11:00:00Z"),
      source: "chat",
      exercises: [
        { exerciseId: bench, sets: [set(100, 5), set(100, 5), set(100, 5)] },
        { exerciseId: curl, sets: [set(12.5, 10)] },
      ],
    });
  });

  it("starts one workout per user by repeating a past session, prefilled from it", async () => {
    const d = db().db;
    const [last] = await d
      .select({ id: workoutSessions.id })
      .from(workoutSessions)
      .where(eq(workoutSessions.startedAt, new Date("2026-11-27T10:00:00Z")));
    const w = await startFrom(d, alice, { kind: "repeat", sessionId: last.id }, new Date("2026-12-03T10:00:00Z"));
    expect(w.version).toBe(1);
    expect(w.state.name).toBe("Upper A");
    expect(w.state.exercises.map((e) => [e.name, e.sets.length, e.compound, e.restSeconds])).toEqual([
      ["Bench Press (Barbell)", 3, true, 180],
      [expect.any(String), 1, false, 90],
    ]);
    expect(w.state.exercises[0].sets[0]).toMatchObject({ weightKg: 100, reps: 5, target: { weightKg: 100, reps: 5 }, completedAt: null });
    const again = await rejection(startFrom(d, alice, { kind: "empty" }));
    expect(isUserError(again) && again.status).toBe(409);
    // Bob cannot repeat Alice's session.
    const foreign = await rejection(startFrom(d, bob, { kind: "repeat", sessionId: last.id }));
    expect(isUserError(foreign) && foreign.status).toBe(404);
  });

  it("two saves on the same version: one wins, the other gets 409 with the current workout", async () => {
    const d = db().db;
    const w = (await getLiveWorkout(d, alice))!;
    const ex = w.state.exercises[0];
    const a: LiveOp[] = [{ op: "updateSet", exerciseKey: ex.key, setKey: ex.sets[0].key, patch: { reps: 6 } }];
    const b: LiveOp[] = [{ op: "updateSet", exerciseKey: ex.key, setKey: ex.sets[0].key, patch: { reps: 4 } }];
    const results = await Promise.allSettled([
      saveLiveOps(d, alice, { workoutId: w.id, version: w.version, ops: withIds(a) }),
      saveLiveOps(d, alice, { workoutId: w.id, version: w.version, ops: withIds(b) }),
    ]);
    const ok = results.filter((r) => r.status === "fulfilled");
    const failed = results.filter((r) => r.status === "rejected");
    expect(ok).toHaveLength(1);
    expect(failed).toHaveLength(1);
    const err = (failed[0] as PromiseRejectedResult).reason;
    expect(isUserError(err) && err.status).toBe(409);
    const current = (err as { details: { current: LiveWorkout } }).details.current;
    expect(current.version).toBe(w.version + 1);
    // The stored workout is the winner's, exactly once.
    const stored = (await getLiveWorkout(d, alice))!;
    expect(stored.version).toBe(w.version + 1);
    expect([6, 4]).toContain(stored.state.exercises[0].sets[0].reps);
    // The loser rebases onto the current version and succeeds.
    const rebased = await saveLiveOps(d, alice, {
      workoutId: w.id,
      version: current.version,
      ops: withIds([{ op: "updateSet", exerciseKey: ex.key, setKey: ex.sets[0].key, patch: { reps: 5 } }]),
    });
    expect(rebased.version).toBe(w.version + 2);
  });

  it("checks ownership on every route: another user's workout id is 404 and nothing changes", async () => {
    const d = db().db;
    const w = (await getLiveWorkout(d, alice))!;
    const ex = w.state.exercises[0];
    // One at a time: a call started early could reject before it is awaited (an unhandled rejection).
    for (const call of [
      () => saveLiveOps(d, bob, { workoutId: w.id, version: w.version, ops: withIds([{ op: "rename", name: "Hacked" }]) }),
      () => finishLiveWorkout(d, bob, { workoutId: w.id, version: w.version }),
      () => discardLiveWorkout(d, bob, w.id),
    ]) {
      const e = await rejection(call());
      expect(isUserError(e) && e.status).toBe(404);
    }
    const after = (await getLiveWorkout(d, alice))!;
    expect(after.version).toBe(w.version);
    expect(after.state.name).toBe("Upper A");
    expect(ex.key).toBeTruthy();
    // An exercise id outside the user's catalog is refused.
    const [own] = await d
      .insert(exercises)
      .values({ slug: "bobs-move", name: "Bob's move", ownerUserId: bob, category: "strength", equipment: "other" })
      .returning({ id: exercises.id });
    const e = await rejection(
      saveLiveOps(d, alice, { workoutId: w.id, version: w.version, ops: withIds([{ op: "addExercise", key: newKey(), exerciseId: own.id }]) }),
    );
    expect(isUserError(e) && e.status).toBe(422);
  });

  it("computes records on the server against the whole history, ignoring what the client claims", async () => {
    const d = db().db;
    let w = (await getLiveWorkout(d, alice))!;
    const ex = w.state.exercises[0];
    const at = "2026-12-03T10:05:00Z";
    w = await saveLiveOps(
      d,
      alice,
      {
        workoutId: w.id,
        version: w.version,
        ops: withIds([{ op: "completeSet", exerciseKey: ex.key, setKey: ex.sets[0].key, at, patch: { weightKg: 100, reps: 5 } }]),
      },
      new Date("2026-12-03T10:06:00Z"),
    );
    expect(w.state.exercises[0].sets[0].prs).toEqual([]);
    expect(w.state.rest).toMatchObject({ startedAt: new Date(at).toISOString(), seconds: 180 });
    w = await saveLiveOps(
      d,
      alice,
      {
        workoutId: w.id,
        version: w.version,
        ops: withIds([
          { op: "completeSet", exerciseKey: ex.key, setKey: ex.sets[1].key, at: "2026-12-03T10:09:00Z", patch: { weightKg: 105, reps: 5 } },
        ]),
      },
      new Date("2026-12-03T10:10:00Z"),
    );
    expect(w.state.exercises[0].sets[1].prs).toEqual(["weight", "e1rm"]);
    // Same weight again is no longer a record: the earlier set of this workout counts.
    w = await saveLiveOps(
      d,
      alice,
      {
        workoutId: w.id,
        version: w.version,
        ops: withIds([
          { op: "completeSet", exerciseKey: ex.key, setKey: ex.sets[2].key, at: "2026-12-03T10:13:00Z", patch: { weightKg: 105, reps: 5 } },
        ]),
      },
      new Date("2026-12-03T10:14:00Z"),
    );
    // …but it takes the session's bench volume (1550) past the best session (1500): the volume record is on it.
    expect(w.state.exercises[0].sets[2].prs).toEqual(["volume"]);

    // A save recomputes the records of the exercises it touches only; the others keep theirs.
    const name = w.state.name;
    const curlEx = w.state.exercises.find((e) => e.exerciseId === curl)!;
    w = await saveLiveOps(d, alice, {
      workoutId: w.id,
      version: w.version,
      ops: withIds([
        { op: "completeSet", exerciseKey: curlEx.key, setKey: curlEx.sets[0].key, at: "2026-12-03T10:20:00Z", patch: { weightKg: 15, reps: 10 } },
      ]),
    });
    const prsOf = (x: LiveWorkout) => x.state.exercises.map((e) => e.sets.map((st) => st.prs));
    expect(prsOf(w)[0]).toEqual([[], ["weight", "e1rm"], ["volume"]]);
    expect(w.state.exercises.find((e) => e.exerciseId === curl)!.sets[0].prs).toEqual(expect.arrayContaining(["weight", "e1rm"]));
    const untouched = prsOf(w);
    w = await saveLiveOps(d, alice, { workoutId: w.id, version: w.version, ops: withIds([{ op: "rename", name: "Upper A (live)" }]) });
    expect(prsOf(w)).toEqual(untouched);
    // Un-completing the bench PR set moves the bench records to the next set that beats the history; curl keeps its own.
    w = await saveLiveOps(d, alice, {
      workoutId: w.id,
      version: w.version,
      ops: withIds([{ op: "uncompleteSet", exerciseKey: ex.key, setKey: ex.sets[1].key }]),
    });
    expect(prsOf(w)[0]).toEqual([[], [], ["weight", "e1rm"]]);
    expect(w.state.exercises.find((e) => e.exerciseId === curl)!.sets[0].prs).toEqual(
      untouched[w.state.exercises.findIndex((e) => e.exerciseId === curl)][0],
    );
    // Back as it was for the tests that follow.
    w = await saveLiveOps(d, alice, {
      workoutId: w.id,
      version: w.version,
      ops: withIds([
        { op: "completeSet", exerciseKey: ex.key, setKey: ex.sets[1].key, at: "2026-12-03T10:09:00Z", patch: { weightKg: 105, reps: 5 } },
        { op: "uncompleteSet", exerciseKey: curlEx.key, setKey: curlEx.sets[0].key },
        {
          op: "updateSet",
          exerciseKey: curlEx.key,
          setKey: curlEx.sets[0].key,
          patch: { weightKg: curlEx.sets[0].weightKg, reps: curlEx.sets[0].reps },
        },
        { op: "rename", name },
      ]),
    });
    expect(prsOf(w)[0]).toEqual([[], ["weight", "e1rm"], ["volume"]]);
  });

  it("finish writes a live session with the right volume and records, and ends the workout", async () => {
    const d = db().db;
    const w = (await getLiveWorkout(d, alice))!;
    expect(completedVolumeKg(w.state)).toBe(100 * 5 + 105 * 5 + 105 * 5);
    const stale = await rejection(finishLiveWorkout(d, alice, { workoutId: w.id, version: w.version - 1 }));
    expect(isUserError(stale) && stale.status).toBe(409);
    const summary = await finishLiveWorkout(d, alice, { workoutId: w.id, version: w.version }, new Date("2026-12-03T10:40:00Z"));
    expect(summary.volumeKg).toBe(1550);
    expect(summary.sets).toBe(3);
    expect(summary.minutes).toBe(40);
    expect(summary.lastVolumeKg).toBe(100 * 5 * 3); // the same exercises last time (the curl was not done today)
    expect(summary.prs.map((p) => p.kind)).toEqual(["weight", "e1rm", "volume"]);
    expect(summary.prs[0]).toMatchObject({ value: 105, previous: 100 });
    const [session] = await d.select().from(workoutSessions).where(eq(workoutSessions.id, summary.sessionId));
    expect(session).toMatchObject({ source: "live", name: "Upper A", userId: alice });
    const vol = await d.execute(
      sql`select sum(weight_kg * reps)::float8 as v, count(*)::int as n from exercise_sets where session_id = ${summary.sessionId}`,
    );
    expect(vol.rows[0]).toEqual({ v: 1550, n: 3 });
    expect(await getLiveWorkout(d, alice)).toBeNull();
  });

  it("discard deletes without writing a session; finishing with nothing done is refused", async () => {
    const d = db().db;
    const before = await d.$count(workoutSessions, eq(workoutSessions.userId, bob));
    const w = await startLiveWorkout(d, bob, {
      origin: "empty",
      name: "Workout",
      exercises: [{ exerciseId: bench, sets: [{ weightKg: 60, reps: 8 }] }],
    });
    const e = await rejection(finishLiveWorkout(d, bob, { workoutId: w.id, version: w.version }));
    expect(isUserError(e) && e.status).toBe(422);
    await discardLiveWorkout(d, bob, w.id);
    expect(await getLiveWorkout(d, bob)).toBeNull();
    expect(await d.$count(workoutSessions, eq(workoutSessions.userId, bob))).toBe(before);
  });

  it("templates: from a session, edited, listed, started from; owner only", async () => {
    const d = db().db;
    const [s] = await d.select({ id: workoutSessions.id }).from(workoutSessions).where(eq(workoutSessions.userId, alice)).limit(1);
    const id = await createTemplateFromSession(d, alice, s.id, "My upper");
    await updateTemplate(d, alice, id, { name: "Upper (edited)", exercises: [{ exerciseId: bench, sets: [{ weightKg: 80, reps: 8 }] }] });
    const list = await listTemplates(d, alice);
    expect(list.map((t) => [t.name, t.exercises[0].name, t.exercises[0].sets])).toEqual([
      ["Upper (edited)", "Bench Press (Barbell)", [{ weightKg: 80, reps: 8 }]],
    ]);
    expect(await listTemplates(d, bob)).toEqual([]);
    expect(
      isUserError(await rejection(updateTemplate(d, bob, id, { name: "x", exercises: [{ exerciseId: bench, sets: [{ weightKg: 1, reps: 1 }] }] }))),
    ).toBe(true);
    expect(isUserError(await rejection(createTemplateFromSession(d, bob, s.id)))).toBe(true);
    const w = await startFrom(d, alice, { kind: "template", templateId: id });
    expect(w.origin).toBe("template");
    expect(w.state.exercises[0].sets[0]).toMatchObject({ weightKg: 80, reps: 8 });
    await discardLiveWorkout(d, alice, w.id);
  });

  it("today's plan is the next session of the rotation, structured", async () => {
    const d = db().db;
    const plan = await todayPlan(d, alice, new Date("2026-12-05T09:00:00Z"));
    expect(plan?.name).toBe("Upper A");
    expect(plan?.source).toBe("rotation");
    expect(plan?.exercises[0]).toMatchObject({ exerciseId: bench, name: "Bench Press (Barbell)" });
    expect(await todayPlan(d, bob)).toBeNull();
  });
});

describe("live workout model (pure)", () => {
  const meta = (id: string) => ({ exerciseId: id, name: "Squat", compound: true, barbell: true });
  const base = { name: "W", startedAt: "2026-12-03T10:00:00.000Z", notes: "", exercises: [], rest: null };

  it("rest from timestamps, adjustable and skippable; completion time bounded by now", () => {
    const now = new Date("2026-12-03T10:30:00Z");
    let s = applyOps(base, [{ op: "addExercise", key: "e1", exerciseId: "x", sets: [{ key: "s1", weightKg: 100, reps: 5 }] }], { meta, now });
    s = applyOps(s, [{ op: "completeSet", exerciseKey: "e1", setKey: "s1", at: "2027-01-01T00:00:00Z" }], { meta, now });
    expect(s.exercises[0].sets[0].completedAt).toBe(now.toISOString());
    expect(restRemaining(s.rest, now.getTime() + 60_000)).toBe(120);
    s = applyOps(s, [{ op: "restAdjust", deltaSeconds: -15 }], { meta, now });
    expect(restRemaining(s.rest, now.getTime() + 60_000)).toBe(105);
    s = applyOps(s, [{ op: "restSkip" }], { meta, now });
    expect(s.rest).toBeNull();
  });

  it("supersets link neighbours; plates per side", () => {
    const now = new Date();
    let s = applyOps(
      base,
      [
        { op: "addExercise", key: "a", exerciseId: "x" },
        { op: "addExercise", key: "b", exerciseId: "y" },
        { op: "superset", exerciseKey: "a", on: true },
      ],
      { meta, now },
    );
    expect(s.exercises[0].superset).toBe(s.exercises[1].superset);
    s = applyOps(s, [{ op: "superset", exerciseKey: "a", on: false }], { meta, now });
    expect(s.exercises.map((e) => e.superset)).toEqual([null, null]);
    expect(platesPerSide(102.5, 20, [25, 20, 15, 10, 5, 2.5, 1.25])).toEqual({ plates: [25, 15, 1.25], remainder: 0 });
    expect(platesPerSide(15, 20, [25])).toBeNull();
  });

  it("sets are added, reordered and removed; a replayed add does nothing", () => {
    const now = new Date();
    let s = applyOps(base, [{ op: "addExercise", key: "a", exerciseId: "x", sets: [{ key: "s1", weightKg: 60, reps: 8 }] }], { meta, now });
    s = applyOps(
      s,
      [
        { op: "addSet", exerciseKey: "a", key: "s2" },
        { op: "addSet", exerciseKey: "a", key: "s2" },
        { op: "updateSet", exerciseKey: "a", setKey: "s2", patch: { weightKg: 70 } },
        { op: "moveSet", exerciseKey: "a", setKey: "s2", dir: -1 },
      ],
      { meta, now },
    );
    expect(s.exercises[0].sets.map((x) => [x.key, x.weightKg, x.reps])).toEqual([
      ["s2", 70, 8],
      ["s1", 60, 8],
    ]);
    s = applyOps(s, [{ op: "removeSet", exerciseKey: "a", setKey: "s1" }], { meta, now });
    expect(s.exercises[0].sets.map((x) => x.key)).toEqual(["s2"]);
  });
});
