import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { exercises, users, workoutSessions } from "@/db/schema";
import { templateCue } from "@/lib/cues/engine";
import { ungroundedNumbers } from "@/lib/cues/grounding";
import type { CueFacts } from "@/lib/cues/types";
import { buildLiveCue } from "@/lib/live/cue-facts";
import type { LiveOp, LiveState } from "@/lib/live/model";
import { discardLiveWorkout, finishLiveWorkout, saveLiveOps, startLiveWorkout, type LiveWorkout } from "@/lib/live/workout";
import { queued } from "@/lib/live/op-log";
import { writeSession } from "@/lib/workouts/write";
import { useTestDatabase } from "./helpers/db";

/**
 * Session volume as a set record in live mode: the set whose completion first takes the exercise's
 * working-set volume in this workout past its best previous session carries it — the same record
 * the finished session holds (lib/workouts/records.ts), so the summary lists it once.
 */

const set = (weightKg: number, reps: number, setType: "normal" | "warmup" = "normal") => ({
  setType,
  weightKg,
  reps,
  rpe: null,
  durationSeconds: null,
  distanceM: null,
});

const volumePrs = (s: LiveState) => s.exercises.flatMap((e) => e.sets.filter((x) => x.prs.includes("volume")).map((x) => x.key));

describe("live workout: session volume record on the set that crosses it", () => {
  const db = useTestDatabase();
  let lifter: string;
  let bench: string;
  let curl: string;

  beforeAll(async () => {
    const d = db().db;
    [{ id: lifter }] = await d
      .insert(users)
      .values({ email: `volume-${crypto.randomUUID()}@x.test` })
      .returning({ id: users.id });
    [{ id: bench }] = await d.select({ id: exercises.id }).from(exercises).where(eq(exercises.slug, "bench-press-barbell"));
    [{ id: curl }] = await d.select({ id: exercises.id }).from(exercises).where(eq(exercises.slug, "bicep-curl-dumbbell"));
    // The best bench session (1500 kg) is an import from October; November's was lighter. Warm-ups never count.
    const { id: imported } = await writeSession(d, lifter, {
      name: "Push",
      notes: null,
      startedAt: new Date("2026-10-14T17:00:00Z"),
      endedAt: new Date("2026-10-14T18:00:00Z"),
      source: "manual",
      exercises: [{ exerciseId: bench, sets: [set(60, 10, "warmup"), set(100, 5), set(100, 5), set(100, 5)] }],
    });
    await d.update(workoutSessions).set({ source: "import:strong" }).where(eq(workoutSessions.id, imported));
    await writeSession(d, lifter, {
      name: "Push",
      notes: null,
      startedAt: new Date("2026-11-20T17:00:00Z"),
      endedAt: new Date("2026-11-20T18:00:00Z"),
      source: "manual",
      exercises: [{ exerciseId: bench, sets: [set(90, 5), set(90, 5), set(90, 5)] }],
    });
  });

  let minute = 0;
  async function save(w: LiveWorkout, ops: LiveOp[]): Promise<LiveWorkout> {
    minute += 3;
    return saveLiveOps(
      db().db,
      lifter,
      { workoutId: w.id, version: w.version, ops: ops.map(queued) },
      new Date(Date.parse("2026-12-03T10:00:00Z") + minute * 60_000),
    );
  }
  const at = () => new Date(Date.parse("2026-12-03T10:00:00Z") + minute * 60_000 + 1000).toISOString();
  const complete = (w: LiveWorkout, e: number, s: number) =>
    save(w, [{ op: "completeSet", exerciseKey: w.state.exercises[e].key, setKey: w.state.exercises[e].sets[s].key, at: at() }]);
  const uncomplete = (w: LiveWorkout, e: number, s: number) =>
    save(w, [{ op: "uncompleteSet", exerciseKey: w.state.exercises[e].key, setKey: w.state.exercises[e].sets[s].key }]);

  it("is on the crossing set only — not on the sets before, not on the sets after, not on a tie", async () => {
    const d = db().db;
    let w = await startLiveWorkout(
      d,
      lifter,
      {
        origin: "empty",
        name: "Push",
        // 5 × 100 × 5: 1500 after set 3 ties the best, set 4 takes it past (2000), set 5 adds to it.
        exercises: [
          {
            exerciseId: bench,
            sets: [{ weightKg: 60, reps: 10, setType: "warmup" }, ...Array.from({ length: 5 }, () => ({ weightKg: 100, reps: 5 }))],
          },
          { exerciseId: curl, sets: [{ weightKg: 15, reps: 10 }] },
        ],
      },
      new Date("2026-12-03T10:00:00Z"),
    );
    for (let i = 0; i <= 3; i++) {
      w = await complete(w, 0, i); // warm-up, then sets 1–3
      expect(volumePrs(w.state)).toEqual([]);
    }
    w = await complete(w, 0, 4);
    const sets = w.state.exercises[0].sets;
    expect(sets[4].prs).toEqual(["volume"]); // 100 × 5 is no weight, e1RM or rep record
    w = await complete(w, 0, 5);
    expect(volumePrs(w.state)).toEqual([sets[4].key]);
    // A first-ever exercise sets no record, volume included (the rule for every first time).
    w = await complete(w, 1, 0);
    expect(w.state.exercises[1].sets[0].prs).toEqual([]);

    // Un-completing the crossing set moves the record to the set that now crosses…
    w = await uncomplete(w, 0, 4);
    expect(volumePrs(w.state)).toEqual([sets[5].key]);
    // …and removes it when none does (back to a tie).
    w = await uncomplete(w, 0, 5);
    expect(volumePrs(w.state)).toEqual([]);

    // The summary lists the record once, for the exercise and the value the badge stood for.
    w = await complete(w, 0, 5);
    expect(volumePrs(w.state)).toEqual([sets[5].key]);
    const summary = await finishLiveWorkout(d, lifter, { workoutId: w.id, version: w.version }, new Date("2026-12-03T11:00:00Z"));
    expect(summary.prs.filter((p) => p.kind === "volume")).toEqual([
      { exercise: "Bench Press (Barbell)", kind: "volume", label: "Session volume", value: 2000, previous: 1500 },
    ]);
    expect(summary.prs).toHaveLength(1);
  });

  it("the set-end cue for it says the new volume against the best and when that was, all from the log", async () => {
    const d = db().db;
    let w = await startLiveWorkout(
      d,
      lifter,
      { origin: "empty", name: "Push", exercises: [{ exerciseId: bench, sets: Array.from({ length: 2 }, () => ({ weightKg: 100, reps: 12 })) }] },
      new Date("2026-12-10T10:00:00Z"),
    );
    // Best previous session is now 2000 (the workout above). 1200 + 1200 = 2400 crosses on set 2.
    minute = 7 * 24 * 60 + 1;
    w = await complete(w, 0, 0);
    w = await complete(w, 0, 1);
    const ex = w.state.exercises[0];
    // Set 1 is also a rep record at 100 kg (12 > 5): a cue names its first record.
    expect(ex.sets.map((s) => s.prs)).toEqual([["e1rm", "reps"], ["volume"]]);
    const req = await buildLiveCue(d, lifter, { workoutId: w.id, trigger: "set-end", exerciseKey: ex.key, setKey: ex.sets[1].key });
    expect(req.facts.pr).toEqual({ kind: "volume", value: 2400, previous: 2000, previousWhen: "December" });
    const cue = templateCue(req);
    expect(cue.kind).toBe("pr");
    expect(cue.text).toContain("2400");
    expect(cue.text).toContain("2000");
    expect(ungroundedNumbers(cue.text, req.facts)).toEqual([]);
    expect(cue.toast).toBe("PR · 2400 kg volume (was 2000)");
    await discardLiveWorkout(d, lifter, w.id);
  });

  it("the best previous session may be an import: its volume and month are what the cue says", async () => {
    const d = db().db;
    const [{ id: other }] = await d
      .insert(users)
      .values({ email: `volume-${crypto.randomUUID()}@x.test` })
      .returning({ id: users.id });
    const { id: imported } = await writeSession(d, other, {
      name: "Arms",
      notes: null,
      startedAt: new Date("2026-10-14T17:00:00Z"),
      endedAt: new Date("2026-10-14T18:00:00Z"),
      source: "manual",
      exercises: [{ exerciseId: curl, sets: [set(15, 10), set(15, 10)] }],
    });
    await d.execute(sql`update workout_sessions set source = 'import:hevy' where id = ${imported}`);
    let w = await startLiveWorkout(
      d,
      other,
      {
        origin: "empty",
        name: "Arms",
        exercises: [
          {
            exerciseId: curl,
            sets: [
              { weightKg: 15, reps: 10 },
              { weightKg: 15, reps: 10 },
              { weightKg: 10, reps: 5 },
            ],
          },
        ],
      },
      new Date("2026-12-03T10:00:00Z"),
    );
    for (let i = 0; i < 3; i++) {
      const ops: LiveOp[] = [
        { op: "completeSet", exerciseKey: w.state.exercises[0].key, setKey: w.state.exercises[0].sets[i].key, at: `2026-12-03T10:0${2 * i + 1}:00Z` },
      ];
      w = await saveLiveOps(d, other, { workoutId: w.id, version: w.version, ops: ops.map(queued) }, new Date(`2026-12-03T10:0${2 * i + 2}:00Z`));
    }
    // 150 + 150 ties the imported 300; the light back-off set (50) takes it past.
    expect(w.state.exercises[0].sets.map((s) => s.prs)).toEqual([[], [], ["volume"]]);
    const ex = w.state.exercises[0];
    const req = await buildLiveCue(d, other, { workoutId: w.id, trigger: "set-end", exerciseKey: ex.key, setKey: ex.sets[2].key });
    expect(req.facts.pr).toEqual({ kind: "volume", value: 350, previous: 300, previousWhen: "October" });
    expect(ungroundedNumbers(templateCue(req).text, req.facts)).toEqual([]);
  });
});

describe("cue wording of a session-volume record in the lifter's unit", () => {
  it("says the volume in pounds when the lifter reads pounds, grounded", () => {
    const facts: CueFacts = {
      unit: "lb",
      exercise: { name: "Bench Press (Barbell)", setNumber: 4, totalSets: 5, compound: true },
      done: { weightKg: 100, reps: 5 },
      pr: { kind: "volume", value: 2000, previous: 1500, previousWhen: "October" },
    };
    for (const persona of ["alice", "aiden"] as const) {
      const cue = templateCue({ trigger: "set-end", persona, facts, seed: "x" });
      expect(cue.kind).toBe("pr");
      expect(cue.text).toMatch(/4409/); // 2000 kg in lb
      expect(cue.text).not.toMatch(/\b2000\b/);
      expect(ungroundedNumbers(cue.text, facts)).toEqual([]);
      expect(cue.toast).toBe("PR · 4409 lb volume (was 3307)");
    }
  });
});
