import { describe, expect, it } from "vitest";
import { extractAnswer } from "@/lib/coach/extract";

describe("coach interview extraction (offline rules)", () => {
  it("fills several fields from one answer", () => {
    const r = extractAnswer("I've done CrossFit for 2 years, 4 days a week, bad left shoulder", { asking: "goals" });
    expect(r.updates.experienceYears).toBe(2);
    expect(r.updates.frequency).toBe(4);
    expect(r.updates.injuries).toMatchObject([
      { area: "shoulder", side: "left", status: "current", quote: expect.stringContaining("bad left shoulder") },
    ]);
    // Nothing was said about goals: the asked field stays empty rather than guessed.
    expect(r.updates.goals).toBeUndefined();
  });

  it("reads the asked field from a bare answer but not from unrelated numbers", () => {
    expect(extractAnswer("4", { asking: "frequency" }).updates.frequency).toBe(4);
    expect(extractAnswer("three or four", { asking: "frequency" }).updates.frequency).toBe(4);
    expect(extractAnswer("4", { asking: "goals" }).updates.frequency).toBeUndefined();
    expect(extractAnswer("I'm 34 and squat 140 kg", { asking: "goals" }).updates.age).toBe(34);
    expect(extractAnswer("I'm 34 and squat 140 kg", { asking: "goals" }).updates.units).toBeUndefined();
  });

  it("drops the negated alternative in a correction", () => {
    expect(extractAnswer("actually 5 days a week, not 3", { asking: "equipment" }).updates.frequency).toBe(5);
    expect(extractAnswer("no — 4, not 3", { asking: "frequency" }).updates.frequency).toBe(4);
  });

  it("does not mistake timelines, ages or injury dates for experience", () => {
    expect(extractAnswer("I want to deadlift 200 kg in 12 months", { asking: "goals" }).updates.experienceYears).toBeUndefined();
    expect(extractAnswer("I'm 41 years old", { asking: "age" }).updates.experienceYears).toBeUndefined();
    expect(extractAnswer("I hurt my knee 3 years ago", { asking: "injuries" }).updates.experienceYears).toBeUndefined();
    expect(extractAnswer("I hurt my knee 3 years ago", { asking: "injuries" }).updates.injuries).toMatchObject([{ area: "knee", status: "past" }]);
    expect(extractAnswer("I'm completely new to lifting", { asking: "experienceYears" }).updates.experienceYears).toBe(0);
    expect(extractAnswer("about 6 months", { asking: "experienceYears" }).updates.experienceYears).toBe(0.5);
  });

  it("understands goals, equipment, style, voice and units in plain words", () => {
    const r = extractAnswer("I want to get stronger and lose some fat", { asking: "goals" });
    expect(r.updates.goals).toEqual(["strength", "fat_loss"]);
    expect(extractAnswer("strength, I want a bigger total", { asking: "goals" }).updates.goals?.sort()).toEqual(["powerlifting", "strength"]);
    expect(extractAnswer("I go to a commercial gym", { asking: "goals" }).updates.equipment).toBe("full_gym");
    expect(extractAnswer("garage gym with a rack", { asking: "equipment" }).updates.equipment).toBe("home_gym");
    expect(extractAnswer("be blunt with me, no sugar-coating", { asking: "coachingStyle" }).updates.coachingStyle).toBe("direct");
    expect(extractAnswer("lots of encouragement please", { asking: "coachingStyle" }).updates.coachingStyle).toBe("encouraging");
    expect(extractAnswer("Aiden", { asking: "voice" }).updates.voice).toBe("aiden");
    expect(extractAnswer("pounds", { asking: "units" }).updates.units).toBe("lb");
    expect(extractAnswer("kilos", { asking: "units" }).updates.units).toBe("kg");
  });

  it("says 'none' to injuries and dislikes explicitly", () => {
    expect(extractAnswer("none", { asking: "injuries" }).updates.injuries).toEqual([]);
    expect(extractAnswer("no injuries, I'm healthy", { asking: "goals" }).updates.injuries).toEqual([]);
    expect(extractAnswer("nope", { asking: "dislikedMovements" }).updates.dislikedMovements).toEqual([]);
  });

  it("reads methodology names, competitions, recovery and movements", () => {
    expect(extractAnswer("I've been running 5/3/1 for a year", { asking: "goals" }).updates.methodology).toBe("five_three_one");
    expect(extractAnswer("RPE-based block periodization", { asking: "methodology" }).updates.methodology).toBe("rpe_blocks");
    expect(extractAnswer("whatever you think", { asking: "methodology" }).updates.methodology).toBe("none");
    expect(extractAnswer("I have a powerlifting meet in 16 weeks", { asking: "goals" }).updates.competition).toBe("powerlifting");
    expect(extractAnswer("I have a powerlifting meet in 16 weeks", { asking: "goals" }).updates.timeline).toBe("within 16 weeks");
    expect(extractAnswer("about 7 hours of sleep, stress is high", { asking: "recovery" }).updates.recovery).toEqual({
      sleepHours: 7,
      stress: "high",
    });
    const m = extractAnswer("I love deadlifts but hate burpees", { asking: "favoriteMovements" }).updates;
    expect(m.favoriteMovements).toEqual(["deadlifts"]);
    expect(m.dislikedMovements).toEqual(["burpees"]);
  });

  it("recognises 'I already told you', skips and yes/no", () => {
    expect(extractAnswer("I already told you that", { asking: "frequency" }).alreadyTold).toBe(true);
    expect(extractAnswer("like I said, twice", { asking: "frequency" })).toMatchObject({ alreadyTold: true, updates: { frequency: 2 } });
    expect(extractAnswer("skip", { asking: "age" }).skip).toBe(true);
    expect(extractAnswer("rather not say", { asking: "age" }).skip).toBe(true);
    expect(extractAnswer("yes, that's right", { asking: "history_confirm" }).affirm).toBe(true);
    expect(extractAnswer("not quite, I train 5 days a week", { asking: "history_confirm" })).toMatchObject({
      affirm: false,
      updates: { frequency: 5 },
    });
  });
});
