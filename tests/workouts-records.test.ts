import { describe, expect, it } from "vitest";
import { addSet, computeRecords, e1rmKg, emptyBests, isVolumeRecord, newSetRecords, type HistorySet } from "@/lib/workouts/records";

let seq = 0;
function session(day: number, exerciseId: string, sets: [number | null, number, ("normal" | "warmup" | "failure" | "drop")?][]): HistorySet[] {
  const sessionId = `s${day}`;
  return sets.map(([weightKg, reps, setType], position) => ({
    id: `${sessionId}-${exerciseId}-${position}-${seq++}`,
    sessionId,
    startedAt: new Date(Date.UTC(2025, 0, day)),
    position,
    exerciseId,
    setType: setType ?? "normal",
    weightKg,
    reps,
  }));
}

describe("records", () => {
  it("computes Epley e1RM for 1–12 reps only", () => {
    expect(e1rmKg(100, 5)).toBe(116.67);
    expect(e1rmKg(100, 1)).toBe(103.33);
    expect(e1rmKg(100, 13)).toBeNull();
    expect(e1rmKg(null, 5)).toBeNull();
    expect(e1rmKg(100, 0)).toBeNull();
  });

  it("a first time is no record; beating the previous best is", () => {
    const b = emptyBests();
    expect(newSetRecords(b, { setType: "normal", weightKg: 100, reps: 5 })).toEqual([]);
    addSet(b, { setType: "normal", weightKg: 100, reps: 5 });
    expect(newSetRecords(b, { setType: "normal", weightKg: 100, reps: 5 })).toEqual([]); // a tie
    expect(newSetRecords(b, { setType: "normal", weightKg: 105, reps: 1 })).toEqual(["weight"]); // never lifted: a weight PR, not also a rep PR
    expect(newSetRecords(b, { setType: "normal", weightKg: 100, reps: 6 })).toEqual(["e1rm", "reps"]);
    expect(newSetRecords(b, { setType: "normal", weightKg: 90, reps: 6 })).toEqual(["reps"]);
    expect(newSetRecords(b, { setType: "normal", weightKg: 90, reps: 5 })).toEqual([]); // 5 reps were done heavier
    expect(newSetRecords(b, { setType: "warmup", weightKg: 140, reps: 5 })).toEqual([]);
    expect(newSetRecords(b, { setType: "normal", weightKg: 140, reps: 0 })).toEqual([]);
    expect(newSetRecords(b, { setType: "failure", weightKg: 110, reps: 3 })).toEqual(["weight", "e1rm"]);
  });

  it("keeps the reps frontier: heavier weights with fewer reps", () => {
    const b = emptyBests();
    for (const [w, r] of [
      [100, 5],
      [80, 10],
      [90, 8],
      [100, 6],
      [60, 3],
    ] as const)
      addSet(b, { setType: "normal", weightKg: w, reps: r });
    expect(b.repsFrontier).toEqual([
      { weightKg: 100, reps: 6 },
      { weightKg: 90, reps: 8 },
      { weightKg: 80, reps: 10 },
    ]);
    expect(b.weightKg).toBe(100);
    expect(b.e1rmKg).toBe(e1rmKg(100, 6));
  });

  it("bodyweight sets count as 0 kg for rep records only", () => {
    const b = emptyBests();
    addSet(b, { setType: "normal", weightKg: null, reps: 10 });
    expect(newSetRecords(b, { setType: "normal", weightKg: null, reps: 12 })).toEqual(["reps"]);
    expect(newSetRecords(b, { setType: "normal", weightKg: 10, reps: 5 })).toEqual(["weight", "e1rm"]);
  });

  it("session volume counts working sets and must beat the best earlier session", () => {
    const h = [
      ...session(1, "sq", [
        [60, 10, "warmup"],
        [100, 5],
        [100, 5],
      ]), // 1000
      ...session(2, "sq", [
        [100, 5],
        [100, 5],
        [100, 5],
      ]), // 1500: volume PR
      ...session(3, "sq", [
        [200, 10, "warmup"],
        [100, 5],
        [100, 5],
      ]), // 1000: the warm-up does not count
    ];
    const r = computeRecords(h);
    expect(r.bySession.get("s1")).toBeUndefined();
    expect(r.bySession.get("s2")).toEqual([{ sessionId: "s2", exerciseId: "sq", kind: "volume", setId: null, value: 1500, previous: 1000 }]);
    expect(r.bySession.get("s3")).toBeUndefined();
    expect(r.bests.get("sq")?.sessionVolumeKg).toBe(1500);
    expect(isVolumeRecord(r.bests.get("sq")!, 1500)).toBe(false);
    expect(isVolumeRecord(r.bests.get("sq")!, 1500.5)).toBe(true);
  });

  it("badges only a session's best set per kind, and only against sessions before it", () => {
    const s1 = session(1, "bp", [[80, 5]]);
    const s2 = session(2, "bp", [
      [82.5, 5],
      [85, 3],
      [85, 2],
      [80, 6],
      [75, 6],
    ]);
    const s3 = session(3, "bp", [[85, 3]]);
    // Given out of order: the history is sorted by time.
    const r = computeRecords([...s3, ...s1, ...s2]);
    expect(r.bySet.get(s2[0].id)).toEqual(["e1rm"]); // 82.5×5: e1RM 96.25 beats 93.33; never lifted before, so no rep PR
    expect(r.bySet.get(s2[1].id)).toEqual(["weight"]); // the heaviest of the session; 85×3 e1RM 93.5 < 96.25
    expect(r.bySet.get(s2[2].id)).toBeUndefined(); // 85 × 2: a tie on weight with its own session's best
    expect(r.bySet.get(s2[3].id)).toEqual(["reps"]); // 80 × 6 beats 80 × 5 (its e1RM, 96, does not beat 96.25)
    expect(r.bySet.get(s2[4].id)).toBeUndefined(); // 75 × 6: a rep PR on its own, but 80 × 6 of the same session dominates it
    expect(r.bySet.get(s3[0].id)).toBeUndefined(); // ties the earlier session
    expect(r.bySession.get("s2")!.map((x) => x.kind)).toEqual(["e1rm", "weight", "reps", "volume"]);
    expect(r.bySession.get("s2")!.find((x) => x.kind === "reps")).toMatchObject({ value: 6, previous: 5 });
    expect(r.bySession.get("s2")!.find((x) => x.kind === "weight")).toMatchObject({ value: 85, previous: 80 });
  });

  it("keeps exercises apart", () => {
    const r = computeRecords([...session(1, "sq", [[100, 5]]), ...session(2, "bp", [[60, 5]]), ...session(3, "bp", [[62.5, 5]])]);
    expect(r.bySession.get("s2")).toBeUndefined();
    expect(r.bySession.get("s3")!.map((x) => x.kind)).toEqual(["weight", "e1rm", "volume"]);
    expect(r.bests.get("sq")!.weightKg).toBe(100);
  });
});
