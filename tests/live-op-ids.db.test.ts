import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { exercises, users } from "@/db/schema";
import { isUserError } from "@/lib/errors/user-error";
import type { LiveOp } from "@/lib/live/model";
import { pendingAfter, queued, replayQueue, type QueuedOp } from "@/lib/live/op-log";
import { getLiveWorkout, saveLiveOps, startLiveWorkout, type LiveWorkout } from "@/lib/live/workout";
import { useTestDatabase } from "./helpers/db";

/** The server side of exactly-once operations: ids recorded in the same UPDATE, a resent id skipped. */

const withIds = (ops: LiveOp[]) => ops.map(queued);

async function conflict(p: Promise<unknown>): Promise<LiveWorkout> {
  try {
    await p;
  } catch (e) {
    expect(isUserError(e) && e.status).toBe(409);
    return (e as { details: { current: LiveWorkout } }).details.current;
  }
  throw new Error("expected a 409");
}

describe("live workout: operation ids on the server", () => {
  const db = useTestDatabase();
  let userId: string;
  let bench: string;
  let curl: string;

  beforeAll(async () => {
    const d = db().db;
    [{ id: userId }] = await d
      .insert(users)
      .values({ email: `ids-${Date.now()}@x.test` })
      .returning({ id: users.id });
    [{ id: bench }] = await d.select({ id: exercises.id }).from(exercises).where(eq(exercises.slug, "bench-press-barbell"));
    [{ id: curl }] = await d.select({ id: exercises.id }).from(exercises).where(eq(exercises.slug, "bicep-curl-dumbbell"));
  });

  async function fresh() {
    const d = db().db;
    await d.execute(sql`delete from live_workouts where user_id = ${userId}`);
    const w = await startLiveWorkout(d, userId, {
      origin: "empty",
      name: "W",
      exercises: [
        { exerciseId: bench, sets: [1, 2, 3].map(() => ({ weightKg: 100, reps: 5 })) },
        { exerciseId: curl, sets: [{ weightKg: 12.5, reps: 10 }] },
      ],
    });
    expect(w.appliedOpIds).toEqual([]);
    return w;
  }

  it("(b) the same op ids in two saves are applied once; an all-repeated save writes nothing", async () => {
    const d = db().db;
    const w = await fresh();
    const [b, c] = w.state.exercises;
    const batch = withIds([
      { op: "completeSet", exerciseKey: b.key, setKey: b.sets[0].key, at: new Date().toISOString() },
      { op: "addSet", exerciseKey: b.key, key: "extra1" },
      { op: "moveExercise", exerciseKey: c.key, dir: -1 },
      { op: "restAdjust", deltaSeconds: 15 },
    ]);
    const v2 = await saveLiveOps(d, userId, { workoutId: w.id, version: w.version, ops: batch });
    expect(v2.version).toBe(2);
    expect(v2.appliedOpIds).toEqual(batch.map((q) => q.id));
    // The same ids again, on the current version: nothing new, no new version.
    const again = await saveLiveOps(d, userId, { workoutId: w.id, version: v2.version, ops: batch });
    expect(again.version).toBe(2);
    // Mixed: only the new op applies.
    const more = withIds([{ op: "restAdjust", deltaSeconds: 15 }]);
    const v3 = await saveLiveOps(d, userId, { workoutId: w.id, version: 2, ops: [...batch, ...more] });
    expect(v3.version).toBe(3);
    const stored = (await getLiveWorkout(d, userId))!;
    expect(stored.state.exercises.map((e) => e.key)).toEqual([c.key, b.key]);
    expect(stored.state.exercises[1].sets.map((s) => s.key)).toEqual([...b.sets.map((s) => s.key), "extra1"]);
    expect(stored.state.exercises[1].sets.filter((s) => s.completedAt)).toHaveLength(1);
    expect(stored.state.rest!.seconds).toBe(180 + 15 + 15);
    expect(stored.appliedOpIds).toEqual([...batch, ...more].map((q) => q.id));
    // The ids are in the row, written by the same UPDATE as the state.
    const row = (await d.execute(sql`select version, jsonb_array_length(applied_op_ids) as n from live_workouts where id = ${w.id}`)).rows[0];
    expect(row).toMatchObject({ version: 3, n: 5 });
  });

  it("(a) answer lost, resent on the old version → 409; the rebase drops what was applied; each op once", async () => {
    const d = db().db;
    const w = await fresh();
    const [b, c] = w.state.exercises;
    let queue: QueuedOp[] = withIds([
      { op: "addSet", exerciseKey: c.key, key: "c2" },
      { op: "moveSet", exerciseKey: c.key, setKey: "c2", dir: -1 },
      { op: "moveExercise", exerciseKey: c.key, dir: -1 },
    ]);
    await saveLiveOps(d, userId, { workoutId: w.id, version: w.version, ops: queue }); // the answer is lost
    queue = [...queue, ...withIds([{ op: "completeSet", exerciseKey: b.key, setKey: b.sets[0].key, at: new Date().toISOString() }])];
    const current = await conflict(saveLiveOps(d, userId, { workoutId: w.id, version: w.version, ops: queue }));
    queue = pendingAfter(current, queue);
    expect(queue.map((q) => q.op.op)).toEqual(["completeSet"]);
    const screen = replayQueue(current.state, queue, () => undefined);
    const saved = await saveLiveOps(d, userId, { workoutId: w.id, version: current.version, ops: queue });
    expect(saved.version).toBe(3);
    expect(saved.state.exercises.map((e) => e.key)).toEqual([c.key, b.key]);
    expect(saved.state.exercises[0].sets.map((s) => s.key)).toEqual(["c2", c.sets[0].key]);
    expect(screen.exercises.map((e) => e.sets.map((s) => [s.key, !!s.completedAt]))).toEqual(
      saved.state.exercises.map((e) => e.sets.map((s) => [s.key, !!s.completedAt])),
    );
  });

  it("two tabs racing, one of them losing an answer: every op once, nothing of the other tab lost", async () => {
    const d = db().db;
    const w = await fresh();
    const [b] = w.state.exercises;
    const tabs = [
      {
        version: w.version,
        queue: withIds([
          { op: "addSet", exerciseKey: b.key, key: "a1" },
          { op: "restSeconds", exerciseKey: b.key, seconds: 60 },
        ]),
      },
      {
        version: w.version,
        queue: withIds([
          { op: "addSet", exerciseKey: b.key, key: "b1" },
          { op: "moveSet", exerciseKey: b.key, setKey: "b1", dir: -1 },
        ]),
      },
    ];
    // Both send at once; one wins.
    const results = await Promise.allSettled(tabs.map((t) => saveLiveOps(d, userId, { workoutId: w.id, version: t.version, ops: t.queue })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    // The winner's answer is lost too: both keep their queues and retry until empty.
    for (let round = 0; round < 4 && tabs.some((t) => t.queue.length); round++)
      for (const t of tabs) {
        if (!t.queue.length) continue;
        try {
          const r = await saveLiveOps(d, userId, { workoutId: w.id, version: t.version, ops: t.queue });
          t.version = r.version;
          t.queue = pendingAfter(r, t.queue);
        } catch (e) {
          if (!isUserError(e) || e.status !== 409) throw e;
          const current = (e as unknown as { details: { current: LiveWorkout } }).details.current;
          t.version = current.version;
          t.queue = pendingAfter(current, t.queue);
        }
      }
    expect(tabs.map((t) => t.queue.length)).toEqual([0, 0]);
    const stored = (await getLiveWorkout(d, userId))!;
    expect(stored.version).toBe(3);
    const keys = stored.state.exercises[0].sets.map((s) => s.key);
    expect(keys.filter((k) => k === "a1" || k === "b1").sort()).toEqual(["a1", "b1"]);
    expect(keys).toHaveLength(5);
    expect(stored.state.exercises[0].restSeconds).toBe(60);
  });
});
