import { describe, expect, it } from "vitest";
import { progressOf, REQUIRED_FIELDS } from "@/lib/coach/checklist";
import { applyAnswer, finishEarly, HISTORY_CONFIRM, startState, type InterviewState } from "@/lib/coach/engine";
import { extractAnswer } from "@/lib/coach/extract";
import type { TrainingSummary } from "@/lib/coach/history";

const NOW = new Date("2026-11-26T10:00:00Z");

function answer(state: InterviewState, text: string) {
  return applyAnswer(state, text, extractAnswer(text, { asking: state.currentField }), NOW);
}
function run(texts: string[], training: TrainingSummary | null = null) {
  let state = startState(training, NOW);
  for (const t of texts) state = answer(state, t).state;
  return state;
}
const lastCoach = (s: InterviewState) => [...s.transcript].reverse().find((t) => t.role === "coach")!.text;

describe("coach interview engine", () => {
  it("starts with an intro and the first required question, progress 0", () => {
    const s = startState(null, NOW);
    expect(s.currentField).toBe("goals");
    expect(s.transcript.map((t) => t.role)).toEqual(["coach", "coach"]);
    expect(progressOf(s.fields)).toEqual({ filled: 0, total: REQUIRED_FIELDS.length, ratio: 0 });
  });

  it("fills several fields from one answer and never asks for them", () => {
    const s0 = startState(null, NOW);
    const s1 = answer(s0, "Get stronger").state;
    expect(s1.currentField).toBe("experienceYears");
    const out = answer(s1, "I've done CrossFit for 2 years, 4 days a week, bad left shoulder");
    expect(out.filled.sort()).toEqual(["experienceYears", "frequency", "injuries"]);
    // frequency and injuries were volunteered: the next question skips both.
    expect(out.state.currentField).toBe("equipment");
    expect(progressOf(out.state.fields).filled).toBe(4);
    expect(lastCoach(out.state)).toMatch(/4 days a week/);
    expect(lastCoach(out.state)).toMatch(/left shoulder/);
    expect(out.state.fields.frequency).toMatchObject({ source: "answer", confidence: 0.75 });
    expect(out.state.fields.experienceYears).toMatchObject({ source: "answer", confidence: 0.9 });
  });

  it("applies corrections and reports them", () => {
    const s = run(["strength", "3 years, 3 days a week"]);
    expect(s.fields.frequency?.value).toBe(3);
    const out = answer(s, "actually it's 5 days a week, not 3. No injuries.");
    expect(out.corrected).toEqual(["frequency"]);
    expect(out.state.fields.frequency?.value).toBe(5);
    expect(lastCoach(out.state)).toMatch(/Updated: 5 days a week/);
    expect(out.state.transcript.at(-2)).toMatchObject({ role: "user", corrected: ["frequency"] });
  });

  it("honours 'I already told you' by finding the earlier answer", () => {
    // Frequency was mentioned while answering goals, but only as "train 4 times"; not understood then.
    let s = run(["I want to get stronger, I train four days in a week"]);
    expect(s.fields.frequency?.value).toBe(4);
    // Simulate a lost field: the engine is asked for frequency again.
    s = { ...s, fields: { ...s.fields, frequency: undefined }, currentField: "frequency" };
    delete s.fields.frequency;
    const out = answer(s, "I already told you!");
    expect(out.state.fields.frequency?.value).toBe(4);
    expect(out.state.currentField).not.toBe("frequency");
    expect(lastCoach(out.state)).toMatch(/You're right/);
  });

  it("never asks again after 'already told you', even when it cannot find the answer", () => {
    const s = run(["strength"]);
    expect(s.currentField).toBe("experienceYears");
    const out = answer(s, "I already told you");
    expect(out.state.fields.experienceYears).toMatchObject({ source: "default" });
    expect(out.state.currentField).toBe("frequency");
  });

  it("re-asks once when nothing was understood, then moves on with a default", () => {
    const s = run(["strength"]);
    const once = answer(s, "hmm, hard to say really").state;
    expect(once.currentField).toBe("experienceYears");
    expect(lastCoach(once)).toMatch(/didn't quite catch/);
    const twice = answer(once, "blah").state;
    expect(twice.currentField).toBe("frequency");
    expect(twice.fields.experienceYears?.source).toBe("default");
  });

  it("detects sophistication with evidence and changes the wording of the next questions", () => {
    const beginner = run(["I want to lose weight and feel better", "I'm completely new to this, never lifted"]);
    const advanced = run([
      "Strength — I compete in powerlifting and want a bigger total",
      "8 years; I run RPE-based block periodization and track e1RM",
    ]);
    const b = beginner.assessments.at(-1)!;
    const a = advanced.assessments.at(-1)!;
    expect(b.level).toBe("beginner");
    expect(a.level).toBe("advanced");
    expect(a.confidence).toBeGreaterThan(0.5);
    expect(a.evidence.map((e) => e.signal)).toEqual(expect.arrayContaining(["uses RPE / RIR", "talks about periodization"]));
    // One assessment per answer (kept as history).
    expect(advanced.assessments).toHaveLength(2);
    expect(beginner.currentField).toBe("frequency");
    expect(lastCoach(beginner)).toMatch(/realistically/);
    expect(lastCoach(advanced)).toMatch(/training frequency/);
  });

  it("skips optional topics for beginners but asks advanced lifters about methodology", () => {
    const required = ["strength", "never lifted before", "3 days a week", "no injuries", "a gym", "encouraging", "Alice", "kg"];
    const beginner = run(required);
    const optional = [];
    let s = beginner;
    while (s.currentField) {
      optional.push(s.currentField);
      s = answer(s, "skip").state;
    }
    expect(optional).not.toContain("methodology");
    expect(optional).not.toContain("competition");
    expect(optional).toContain("age");
    const adv = run([
      "strength, I compete in powerlifting",
      "10 years, RPE and periodization",
      "5 days a week",
      "no injuries",
      "garage gym",
      "direct",
      "Aiden",
      "kg",
    ]);
    const advOptional = [];
    s = adv;
    while (s.currentField) {
      advOptional.push(s.currentField);
      s = answer(s, "skip").state;
    }
    expect(advOptional).toContain("methodology");
    expect(advOptional).not.toContain("competition"); // already known from the first answer
  });

  it("progress counts required fields only; finishing early fills defaults", () => {
    const s = run(["strength", "2 years"]);
    expect(progressOf(s.fields)).toMatchObject({ filled: 2, total: 8 });
    const { state, defaulted } = finishEarly(s, NOW, { units: "lb" });
    expect(defaulted.sort()).toEqual(["coachingStyle", "equipment", "frequency", "injuries", "units", "voice"]);
    expect(progressOf(state.fields).ratio).toBe(1);
    expect(state.fields.units).toMatchObject({ value: "lb", source: "default" });
    expect(state.currentField).toBeNull();
  });

  it("uses training history: pre-fills, says so, and accepts a correction", () => {
    const training: TrainingSummary = {
      sessions: 150,
      firstSessionAt: "2024-11-01T00:00:00Z",
      lastSessionAt: "2026-11-20T00:00:00Z",
      spanMonths: 24,
      perWeek: 3,
      mainLifts: ["Squat (Barbell)", "Bench Press (Barbell)", "Deadlift (Barbell)"],
      trends: [{ exercise: "Squat (Barbell)", status: "stalled", since: "2026-03" }],
      rpeShare: 0,
    };
    const s = startState(training, NOW);
    expect(s.currentField).toBe(HISTORY_CONFIRM);
    expect(lastCoach(s)).toMatch(/about 3×\/week/);
    expect(lastCoach(s)).toMatch(/squat has stalled since March — is that right\?/);
    expect(s.fields.frequency).toMatchObject({ value: 3, source: "history" });
    expect(progressOf(s.fields).filled).toBe(2);

    const yes = answer(s, "Yes, that's right").state;
    expect(yes.fields.frequency).toMatchObject({ source: "history", confirmed: true });
    expect(yes.currentField).toBe("goals");

    const fix = answer(s, "Mostly, but I train 4 days a week now").state;
    expect(fix.fields.frequency).toMatchObject({ value: 4, source: "answer" });
    // Neither path asks about frequency or experience again.
    let t = fix;
    const asked: string[] = [];
    while (t.currentField && asked.length < 30) {
      asked.push(t.currentField);
      t = answer(t, "skip").state;
    }
    expect(asked).not.toContain("frequency");
    expect(asked).not.toContain("experienceYears");
  });
});
