import { describe, expect, it } from "vitest";
import { assignedBetween, parseProgrammeText, programmeToText, ProgrammeTextError, scheduledOn, schedule } from "@/lib/trainer/programme-schema";
import { attentionReasons, windowCompliance } from "@/lib/trainer/roster";

const TEXT = "Day A: Back squat 5x5 @75%, Bench press 3x8 @RPE 8\nDay B: Deadlift 3x5 @80%; Pull-up 3x10\nDay C: Front squat 4x6 @RPE 7.5";

describe("programme text", () => {
  it("parses days, sets × reps and %e1RM / RPE, repeating the week", () => {
    const body = parseProgrammeText(TEXT, 4);
    expect(body.weeks).toHaveLength(4);
    expect(body.weeks[0].days[0]).toEqual({
      name: "Day A",
      exercises: [
        { exercise: "Back squat", sets: 5, reps: 5, intensity: { kind: "e1rm", percent: 75 } },
        { exercise: "Bench press", sets: 3, reps: 8, intensity: { kind: "rpe", rpe: 8 } },
      ],
    });
    expect(body.weeks[0].days[1].exercises[1].intensity).toEqual({ kind: "none" });
    expect(programmeToText(body)).toBe(
      "Day A: Back squat 5x5 @75%, Bench press 3x8 @RPE 8\nDay B: Deadlift 3x5 @80%, Pull-up 3x10\nDay C: Front squat 4x6 @RPE 7.5",
    );
  });

  it("varies weeks with Week headers", () => {
    const body = parseProgrammeText("Week 1\nA: Squat 5x5 @70%\nWeek 2\nA: Squat 5x5 @75%\nB: Bench press 5x5", 9);
    expect(body.weeks.map((w) => w.days.length)).toEqual([1, 2]);
    expect(programmeToText(body)).toContain("Week 2");
  });

  it("says what is wrong with a bad line", () => {
    expect(() => parseProgrammeText("Squat 5x5", 1)).toThrow(ProgrammeTextError);
    expect(() => parseProgrammeText("A: Squat five by five", 1)).toThrow(/Line 1: write each exercise as/);
    expect(() => parseProgrammeText("A: Squat 50x5", 1)).toThrow(/sets 1–20/);
    expect(() => parseProgrammeText("", 1)).toThrow(/at least one day/);
  });
});

describe("schedule and compliance", () => {
  const body = parseProgrammeText(TEXT, 2); // 3 days a week → offsets 0, 2, 4
  const start = "2026-11-02"; // a Monday

  it("spreads the days over the week", () => {
    expect(schedule(body, start).map((s) => s.date)).toEqual(["2026-11-02", "2026-11-04", "2026-11-06", "2026-11-09", "2026-11-11", "2026-11-13"]);
    expect(scheduledOn(body, start, "2026-11-03")).toBeNull();
    expect(scheduledOn(body, start, "2026-11-11")?.day.name).toBe("Day B");
    expect(scheduledOn(body, start, "2026-11-16")).toBeNull(); // finished
    expect(assignedBetween(body, start, "2026-11-03", "2026-11-09")).toEqual(["2026-11-04", "2026-11-06", "2026-11-09"]);
  });

  it("completed ÷ assigned; a day done up to two days late counts once", () => {
    const a = { id: "x", trainerUserId: null, name: "P", weeks: 2, daysPerWeek: 3, body, startDate: start };
    expect(windowCompliance(a, [], "2026-11-01", "2026-11-08")).toEqual({ assigned: 3, completed: 0, percent: 0 });
    expect(windowCompliance(a, ["2026-11-02", "2026-11-05", "2026-11-06"], "2026-11-01", "2026-11-08")).toEqual({
      assigned: 3,
      completed: 3,
      percent: 100,
    });
    // One session cannot complete two scheduled days.
    expect(windowCompliance(a, ["2026-11-04"], "2026-11-01", "2026-11-08")).toMatchObject({ completed: 1, percent: 33 });
    // Sessions before the programme started do not count.
    expect(windowCompliance({ ...a, startDate: "2026-11-04" }, ["2026-11-03"], "2026-11-01", "2026-11-04")).toMatchObject({
      assigned: 1,
      completed: 0,
    });
    expect(windowCompliance(null, ["2026-11-02"], "2026-11-01", "2026-11-08").percent).toBeNull();
  });

  it("needs attention after N idle days or a 20-point drop", () => {
    const now = new Date("2026-11-20T12:00:00Z");
    const c = (p: number | null) => ({ assigned: 10, completed: 0, percent: p });
    expect(attentionReasons({ lastSessionAt: new Date("2026-11-19T12:00:00Z"), d7: c(80), d30: c(90) }, 7, now)).toEqual([]);
    expect(attentionReasons({ lastSessionAt: new Date("2026-11-12T12:00:00Z"), d7: c(80), d30: c(90) }, 7, now)).toEqual(["No session for 8 days"]);
    expect(attentionReasons({ lastSessionAt: new Date("2026-11-12T12:00:00Z"), d7: c(80), d30: c(90) }, 10, now)).toEqual([]);
    expect(attentionReasons({ lastSessionAt: new Date("2026-11-19T12:00:00Z"), d7: c(60), d30: c(80) }, 7, now)).toEqual([
      "Compliance dropped 20 points (7 days 60% vs 30 days 80%)",
    ]);
    expect(attentionReasons({ lastSessionAt: null, d7: c(null), d30: c(null) }, 7, now)).toEqual(["No sessions logged yet"]);
  });
});
