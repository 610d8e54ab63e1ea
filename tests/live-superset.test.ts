import { describe, expect, it } from "vitest";
import { applyOps, nextSet, type LiveOp, type LiveState } from "@/lib/live/model";

/**
 * Supersets in live mode: the order "next" follows (up-next label, Media Session title, the earbud
 * "next" that completes it, the rest-end cue) and the rest after each set.
 */

const COMPOUND = new Set(["bench", "squat"]);
const meta = (id: string) => ({ exerciseId: id, name: id, compound: COMPOUND.has(id), barbell: false });
const t0 = Date.parse("2026-12-03T10:00:00.000Z");
const base: LiveState = { name: "W", startedAt: new Date(t0).toISOString(), notes: "", exercises: [], rest: null };
const now = new Date(t0 + 3 * 3600_000);

/** Exercises keyed by their id, sets keyed `<id><n>` (warm-ups `<id>w<n>`), linked into supersets by `groups`. */
function workout(spec: Record<string, number | { warmups: number; sets: number }>, groups: string[][] = []): LiveState {
  const ops: LiveOp[] = Object.entries(spec).map(([id, n]) => {
    const { warmups, sets } = typeof n === "number" ? { warmups: 0, sets: n } : n;
    return {
      op: "addExercise",
      key: id,
      exerciseId: id,
      sets: [
        ...Array.from({ length: warmups }, (_, i) => ({ key: `${id}w${i + 1}`, weightKg: 40, reps: 5, setType: "warmup" as const })),
        ...Array.from({ length: sets }, (_, i) => ({ key: `${id}${i + 1}`, weightKg: 60, reps: 8 })),
      ],
    };
  });
  for (const g of groups) for (const k of g.slice(0, -1)) ops.push({ op: "superset", exerciseKey: k, on: true });
  return applyOps(base, ops, { meta, now });
}

let clock = 0;
function complete(s: LiveState, setKey: string): LiveState {
  const e = s.exercises.find((x) => x.sets.some((y) => y.key === setKey))!;
  clock += 60_000;
  return applyOps(s, [{ op: "completeSet", exerciseKey: e.key, setKey, at: new Date(t0 + clock).toISOString() }], { meta, now });
}

/** Follows "next" to the end, like a lifter pressing the earbud's next button after every set. */
function follow(s: LiveState): { order: string[]; rests: (number | null)[]; state: LiveState } {
  const order: string[] = [];
  const rests: (number | null)[] = [];
  for (let n = nextSet(s); n; n = nextSet(s)) {
    order.push(n.set.key);
    s = complete(s, n.set.key);
    rests.push(s.rest?.seconds ?? null);
  }
  return { order, rests, state: s };
}

describe("live supersets: next set alternates within the group", () => {
  it("a 2-exercise superset goes A1 B1 A2 B2 A3 B3", () => {
    expect(follow(workout({ bench: 3, row: 3 }, [["bench", "row"]])).order).toEqual(["bench1", "row1", "bench2", "row2", "bench3", "row3"]);
  });

  it("without a superset the order stays the screen order", () => {
    expect(follow(workout({ bench: 2, row: 2 })).order).toEqual(["bench1", "bench2", "row1", "row2"]);
  });

  it("a 3-exercise superset goes round by round", () => {
    expect(follow(workout({ bench: 2, row: 2, curl: 2 }, [["bench", "row", "curl"]])).order).toEqual([
      "bench1",
      "row1",
      "curl1",
      "bench2",
      "row2",
      "curl2",
    ]);
  });

  it("uneven set counts: an exercise that runs out drops out, the others carry on", () => {
    expect(follow(workout({ bench: 4, row: 2 }, [["bench", "row"]])).order).toEqual(["bench1", "row1", "bench2", "row2", "bench3", "bench4"]);
    expect(follow(workout({ bench: 1, row: 3, curl: 2 }, [["bench", "row", "curl"]])).order).toEqual([
      "bench1",
      "row1",
      "curl1",
      "row2",
      "curl2",
      "row3",
    ]);
  });

  it("the group is followed by the exercises after it, and preceded by those before it", () => {
    expect(follow(workout({ squat: 2, bench: 2, row: 2, curl: 2 }, [["bench", "row"]])).order).toEqual([
      "squat1",
      "squat2",
      "bench1",
      "row1",
      "bench2",
      "row2",
      "curl1",
      "curl2",
    ]);
  });

  it("a set completed out of order: the exercise that is behind in the round goes next", () => {
    // B1 first: A1 is owed for round 1, then B2.
    let s = complete(workout({ bench: 3, row: 3 }, [["bench", "row"]]), "row1");
    expect(nextSet(s)?.set.key).toBe("bench1");
    s = complete(s, "bench1");
    expect(nextSet(s)?.set.key).toBe("row2");
    // 3-exercise group, C1 straight after A1: B1 is owed, not A2.
    s = complete(complete(workout({ bench: 2, row: 2, curl: 2 }, [["bench", "row", "curl"]]), "bench1"), "curl1");
    expect(nextSet(s)?.set.key).toBe("row1");
    // A set done from the middle of an exercise: that exercise's first open set is still the one to do.
    s = complete(workout({ bench: 3, row: 3 }, [["bench", "row"]]), "bench2");
    expect(nextSet(s)?.set.key).toBe("row1");
    expect(follow(s).order).toEqual(["row1", "bench1", "row2", "bench3", "row3"]);
  });

  it("follows un-completing: the set taken back is owed again", () => {
    let s = workout({ bench: 2, row: 2 }, [["bench", "row"]]);
    s = complete(complete(s, "bench1"), "row1");
    expect(nextSet(s)?.set.key).toBe("bench2");
    s = applyOps(s, [{ op: "uncompleteSet", exerciseKey: "row", setKey: "row1" }], { meta, now });
    expect(nextSet(s)?.set.key).toBe("row1");
  });

  it("warm-ups do not take a turn: an exercise's warm-ups come before its first working set", () => {
    expect(follow(workout({ bench: { warmups: 2, sets: 2 }, row: 2 }, [["bench", "row"]])).order).toEqual([
      "benchw1",
      "benchw2",
      "bench1",
      "row1",
      "bench2",
      "row2",
    ]);
  });
});

describe("live supersets: rest", () => {
  it("no rest between the exercises of a round; after the round, the longest rest of the group", () => {
    // bench is compound (180 s by default), row and curl accessory (90 s).
    const { rests } = follow(workout({ bench: 2, row: 2, curl: 1 }, [["bench", "row"]]));
    // bench1 → row1 → (round) bench2 → row2 → (group done) curl1
    expect(rests).toEqual([null, 180, null, 180, 90]);
  });

  it("uses the exercises' own rest seconds, so changing one changes the round's rest", () => {
    let s = workout({ bench: 2, row: 2 }, [["bench", "row"]]);
    s = applyOps(
      s,
      [
        { op: "restSeconds", exerciseKey: "bench", seconds: 120 },
        { op: "restSeconds", exerciseKey: "row", seconds: 150 },
      ],
      { meta, now },
    );
    expect(follow(s).rests).toEqual([null, 150, null, 150]);
  });

  it("the round's rest comes from the exercises that did the round: once one is done, the others rest as they do", () => {
    // bench (180 s) runs out after round 1; the curls carry on with their own 90 s.
    const { order, rests } = follow(workout({ bench: 1, curl: 3 }, [["bench", "curl"]]));
    expect(order).toEqual(["bench1", "curl1", "curl2", "curl3"]);
    expect(rests).toEqual([null, 180, 90, 90]);
  });

  it("out of order: the round is over only when every exercise has done its set", () => {
    let s = complete(workout({ bench: 2, row: 2 }, [["bench", "row"]]), "row1");
    expect(s.rest).toBeNull(); // bench1 is still owed this round
    s = complete(s, "bench1");
    expect(s.rest?.seconds).toBe(180);
  });

  it("a warm-up rests like the exercise alone; a rest of 0 means no timer", () => {
    let s = workout({ bench: { warmups: 1, sets: 1 }, row: 1 }, [["bench", "row"]]);
    s = complete(s, "benchw1");
    expect(s.rest?.seconds).toBe(180);
    s = applyOps(s, [{ op: "restSeconds", exerciseKey: "bench", seconds: 0 }], { meta, now });
    s = complete(complete(s, "bench1"), "row1");
    expect(s.rest?.seconds).toBe(90);
  });
});
