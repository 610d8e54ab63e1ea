import { describe, expect, it } from "vitest";
import { applyOps, liveOpSchema, type LiveOp, type LiveState } from "@/lib/live/model";
import {
  applyOnce,
  MAX_APPLIED_OP_IDS,
  parseStoredQueue,
  pendingAfter,
  queued,
  queuedOpsSchema,
  replayQueue,
  type QueuedOp,
} from "@/lib/live/op-log";

/** Exactly-once operations: the browser's rebase and the server's skip of applied ids, without React or a database. */

const meta = (id: string) => ({ exerciseId: id, name: `Lift ${id}`, compound: id === "x", barbell: true });
const now = new Date("2026-12-03T10:30:00Z");
const ctx = { meta, now };
const withIds = (ops: LiveOp[]) => ops.map(queued);

/** Four exercises of four sets, the first set done and its rest running. */
function startState(): LiveState {
  const empty: LiveState = { name: "W", startedAt: "2026-12-03T10:00:00.000Z", notes: "", exercises: [], rest: null };
  const sets = (p: string) => [1, 2, 3, 4].map((n) => ({ key: `${p}${n}`, weightKg: 60 + n, reps: 5 }));
  return applyOps(
    empty,
    [
      { op: "addExercise", key: "a", exerciseId: "x", sets: sets("a") },
      { op: "addExercise", key: "b", exerciseId: "y", sets: sets("b") },
      { op: "addExercise", key: "c", exerciseId: "z", sets: sets("c") },
      { op: "addExercise", key: "e", exerciseId: "v", sets: sets("e") },
      { op: "completeSet", exerciseKey: "a", setKey: "a1", at: "2026-12-03T10:10:00Z" },
    ],
    ctx,
  );
}

/** One operation of every kind the model knows (the test below checks none is missing). */
const everyKind: LiveOp[] = [
  { op: "rename", name: "Upper A" },
  { op: "notes", exerciseKey: "b", text: "elbows in" },
  { op: "addExercise", key: "d", exerciseId: "w", sets: [{ key: "d1", weightKg: 20, reps: 12 }] },
  { op: "removeExercise", exerciseKey: "e" },
  { op: "moveExercise", exerciseKey: "c", dir: -1 },
  { op: "superset", exerciseKey: "a", on: true },
  { op: "restSeconds", exerciseKey: "a", seconds: 120 },
  { op: "addSet", exerciseKey: "a", key: "a5" },
  { op: "removeSet", exerciseKey: "a", setKey: "a4" },
  { op: "moveSet", exerciseKey: "a", setKey: "a3", dir: -1 },
  { op: "updateSet", exerciseKey: "a", setKey: "a2", patch: { weightKg: 100 } },
  { op: "completeSet", exerciseKey: "a", setKey: "a2", at: "2026-12-03T10:15:00Z", patch: { reps: 6 } },
  { op: "uncompleteSet", exerciseKey: "a", setKey: "a1" },
  { op: "restAdjust", deltaSeconds: 15 },
  { op: "restSkip" },
];

/** A tiny server with the real rules: the version check, then applyOnce (as lib/live/workout.ts saveLiveOps). */
function fakeServer(state: LiveState) {
  const db = { version: 1, state, appliedOpIds: [] as string[] };
  return {
    db,
    save(version: number, ops: QueuedOp[]): { status: 200 | 409; workout: typeof db } {
      if (version !== db.version) return { status: 409, workout: structuredClone(db) };
      const r = applyOnce(db.state, db.appliedOpIds, ops, ctx);
      if (r.fresh.length) Object.assign(db, { version: db.version + 1, state: r.state, appliedOpIds: r.appliedOpIds });
      return { status: 200, workout: structuredClone(db) };
    },
  };
}

describe("live ops apply exactly once", () => {
  it("the list above covers every operation kind of the model", () => {
    const kinds = liveOpSchema.options.map((o) => o.shape.op.value).sort();
    expect([...new Set(everyKind.map((o) => o.op))].sort()).toEqual(kinds);
  });

  it.each(everyKind.map((op) => [op.op, op] as const))("%s replayed twice yields the same state as once", (_kind, op) => {
    const s0 = startState();
    const [q] = withIds([op]);
    const once = applyOnce(s0, [], [q], ctx);
    expect(once.fresh).toHaveLength(1);
    // Server: the same id again is skipped.
    const twice = applyOnce(once.state, once.appliedOpIds, [q], ctx);
    expect(twice.fresh).toHaveLength(0);
    expect(twice.state).toEqual(once.state);
    // Browser: after adopting the server's workout the op leaves the queue, so the screen shows it once.
    expect(pendingAfter(once, [q])).toEqual([]);
    expect(replayQueue(once.state, pendingAfter(once, [q]), meta)).toEqual(once.state);
  });

  it("the audit: without ids, moves, rest ±15 s and a re-add after a remove apply twice", () => {
    const s0 = startState();
    const twiceRaw = (ops: LiveOp[]) => applyOps(applyOps(s0, ops, ctx), ops, ctx);
    const onceRaw = (ops: LiveOp[]) => applyOps(s0, ops, ctx);
    const differs = everyKind.filter((op) => JSON.stringify(twiceRaw([op])) !== JSON.stringify(onceRaw([op]))).map((o) => o.op);
    expect(differs.sort()).toEqual(["moveExercise", "moveSet", "restAdjust"]);
    // Sequences are worse: a set added, then removed on another screen, comes back when the add is resent.
    const [add] = withIds([{ op: "addSet", exerciseKey: "b", key: "b5" }]);
    const added = applyOnce(s0, [], [add], ctx);
    const removed = applyOnce(added.state, added.appliedOpIds, withIds([{ op: "removeSet", exerciseKey: "b", setKey: "b5" }]), ctx);
    expect(applyOps(removed.state, [add.op], ctx).exercises[1].sets).toHaveLength(5);
    expect(applyOnce(removed.state, removed.appliedOpIds, [add], ctx).state.exercises[1].sets).toHaveLength(4);
    // With ids the whole batch of every kind, sent twice, is applied once.
    const batch = withIds(everyKind);
    const once = applyOnce(s0, [], batch, ctx);
    expect(applyOnce(once.state, once.appliedOpIds, batch, ctx).state).toEqual(once.state);
    expect(JSON.stringify(twiceRaw(everyKind))).not.toBe(JSON.stringify(once.state));
  });

  it("(a) a batch applied, its answer lost, resent on the old version → 409 → the rebase drops it → each op once", () => {
    const s0 = startState();
    const server = fakeServer(s0);
    let queue = withIds([
      { op: "moveExercise", exerciseKey: "c", dir: -1 },
      { op: "restAdjust", deltaSeconds: 15 },
      { op: "addSet", exerciseKey: "a", key: "a5" },
      { op: "moveSet", exerciseKey: "a", setKey: "a5", dir: -1 },
    ]);
    let seen = { version: 1 };
    // Sent and committed; the answer never arrives, so the browser still holds the queue and version 1.
    expect(server.save(seen.version, queue).status).toBe(200);
    // Meanwhile the lifter makes another change.
    queue = [...queue, ...withIds([{ op: "restAdjust", deltaSeconds: -15 }])];
    const retry = server.save(seen.version, queue);
    expect(retry.status).toBe(409);
    // What the hook did before op ids: replay the whole queue on the current workout — everything twice.
    const naive = replayQueue(retry.workout.state, queue, meta);
    expect(naive.exercises.find((e) => e.key === "a")!.sets.map((x) => x.key)).toEqual(["a1", "a2", "a5", "a3", "a4"]); // moved twice
    expect(naive.rest!.seconds).toBe(195); // +15 twice
    expect(naive.exercises.map((e) => e.key)).toEqual(["c", "a", "b", "e"]); // moved up twice
    // The rebase: drop what the server applied, replay the rest.
    queue = pendingAfter(retry.workout, queue);
    expect(queue.map((q) => q.op.op)).toEqual(["restAdjust"]);
    seen = retry.workout;
    const screen = replayQueue(retry.workout.state, queue, meta);
    const ok = server.save(seen.version, queue);
    expect(ok.status).toBe(200);
    const expected = applyOps(
      s0,
      [
        { op: "moveExercise", exerciseKey: "c", dir: -1 },
        { op: "restAdjust", deltaSeconds: 15 },
        { op: "addSet", exerciseKey: "a", key: "a5" },
        { op: "moveSet", exerciseKey: "a", setKey: "a5", dir: -1 },
        { op: "restAdjust", deltaSeconds: -15 },
      ],
      ctx,
    );
    expect(ok.workout.state).toEqual(expected);
    expect(screen).toEqual(expected);
    expect(pendingAfter(ok.workout, queue)).toEqual([]);
    expect(ok.workout.state.exercises.map((e) => e.key)).toEqual(["a", "c", "b", "e"]);
    expect(ok.workout.state.rest!.seconds).toBe(180);
  });

  it("(a) the same answer lost, then a reload: the page's workout already holds the queue, nothing is resent", () => {
    const server = fakeServer(startState());
    const queue = withIds([
      { op: "addSet", exerciseKey: "b", key: "b5" },
      { op: "restAdjust", deltaSeconds: 15 },
    ]);
    server.save(1, queue);
    const stored = parseStoredQueue(JSON.stringify(queue));
    expect(stored).toEqual(queue);
    expect(pendingAfter(server.db, stored)).toEqual([]);
    // Had it been resent anyway (another tab picked up the stored queue), on the current version: skipped, no new version.
    const again = server.save(server.db.version, stored);
    expect(again.workout.version).toBe(2);
    expect(again.workout.state.exercises[1].sets).toHaveLength(5);
  });

  it("two tabs: interleaved saves, a lost answer in one, each op once", () => {
    const s0 = startState();
    const server = fakeServer(s0);
    const tabA = {
      version: 1,
      queue: withIds([
        { op: "moveSet", exerciseKey: "b", setKey: "b4", dir: -1 },
        { op: "restAdjust", deltaSeconds: 15 },
      ]),
    };
    const tabB = {
      version: 1,
      queue: withIds([
        { op: "addSet", exerciseKey: "b", key: "b5" },
        { op: "restAdjust", deltaSeconds: 30 },
      ]),
    };
    server.save(tabA.version, tabA.queue); // A's answer is lost
    for (const tab of [tabB, tabA, tabB, tabA]) {
      if (!tab.queue.length) continue;
      const r = server.save(tab.version, tab.queue);
      tab.version = r.workout.version;
      tab.queue = r.status === 200 ? [] : pendingAfter(r.workout, tab.queue);
    }
    expect(tabA.queue).toEqual([]);
    expect(tabB.queue).toEqual([]);
    expect(server.db.version).toBe(3);
    expect(server.db.state.rest!.seconds).toBe(180 + 15 + 30);
    expect(server.db.state.exercises[1].sets.map((s) => s.key)).toEqual(["b1", "b2", "b4", "b3", "b5"]);
  });

  it("the server's window keeps the newest ids, bounded", () => {
    let r = applyOnce(startState(), [], withIds([{ op: "rename", name: "first" }]), ctx);
    const first = r.appliedOpIds[0];
    for (let i = 0; i < 3; i++)
      r = applyOnce(r.state, r.appliedOpIds, withIds(Array.from({ length: 200 }, (_, n) => ({ op: "rename" as const, name: `n${i}-${n}` }))), ctx);
    expect(r.appliedOpIds).toHaveLength(MAX_APPLIED_OP_IDS);
    expect(r.appliedOpIds).not.toContain(first);
    // A repeated id inside one batch counts once.
    const [q] = withIds([{ op: "restAdjust", deltaSeconds: 15 }]);
    const s = applyOnce(startState(), [], [q, q], ctx);
    expect(s.fresh).toHaveLength(1);
    expect(s.state.rest!.seconds).toBe(195);
  });

  it("the wire needs an id on every op; a queue stored before ids gets fresh ones, junk is dropped", () => {
    expect(queuedOpsSchema.safeParse([{ op: { op: "restSkip" } }]).success).toBe(false);
    expect(queuedOpsSchema.safeParse([{ id: "not-a-uuid", op: { op: "restSkip" } }]).success).toBe(false);
    expect(queuedOpsSchema.safeParse(withIds([{ op: "restSkip" }])).success).toBe(true);
    const legacy = JSON.stringify([
      { id: 1, op: { op: "restSkip" } },
      { id: 2, op: { op: "rename", name: "X" } },
      { id: 3, op: { op: "nonsense" } },
    ]);
    const q = parseStoredQueue(legacy);
    expect(q.map((x) => x.op.op)).toEqual(["restSkip", "rename"]);
    expect(new Set(q.map((x) => x.id)).size).toBe(2);
    expect(queuedOpsSchema.safeParse(q).success).toBe(true);
    expect(parseStoredQueue("{broken")).toEqual([]);
    expect(parseStoredQueue(null)).toEqual([]);
  });
});
