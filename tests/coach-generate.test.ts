import { describe, expect, it } from "vitest";
import { coachCardSchema } from "@/lib/coach/card";
import { applyAnswer, startState, type InterviewState } from "@/lib/coach/engine";
import { extractAnswer } from "@/lib/coach/extract";
import { finalizeCard, generateCoachCard, methodologyBlock } from "@/lib/coach/generate";
import { personaFromCard } from "@/lib/coach/persona";
import { METHODOLOGIES } from "@/lib/coach/templates/methodologies";
import { PERSONAS } from "@/lib/coach/templates/personas";
import { currentLevel } from "@/lib/coach/engine";

const NOW = new Date("2026-11-26T10:00:00Z");
function interview(texts: string[]): InterviewState {
  let s = startState(null, NOW);
  for (const t of texts) s = applyAnswer(s, t, extractAnswer(t, { asking: s.currentField }), NOW).state;
  return s;
}
const card = (s: InterviewState) => generateCoachCard({ fields: s.fields, level: currentLevel(s), training: null });

const BEGINNER = [
  "I want to lose weight and get fitter",
  "I'm new to this, never lifted",
  "3 days a week",
  "my left knee is a bit dodgy",
  "I go to a local gym",
  "lots of encouragement please",
  "Alice",
  "kg",
];
const ADVANCED = [
  "Strength. I compete in powerlifting and want a bigger total",
  "9 years; I run RPE-based block periodization and track e1RM",
  "5 days a week",
  "old right shoulder impingement, careful with overhead work",
  "garage gym with a rack",
  "direct, no sugar-coating",
  "Aiden",
  "pounds",
];

describe("coach generation", () => {
  it("has at least 4 personas (incl. Alice and Aiden) and 5 methodologies", () => {
    expect(Object.keys(PERSONAS).length).toBeGreaterThanOrEqual(4);
    expect(PERSONAS.alice.traits.enthusiasm).toBeGreaterThan(0.8);
    expect(PERSONAS.aiden.traits.directness).toBeGreaterThan(0.8);
    expect(Object.keys(METHODOLOGIES).length).toBeGreaterThanOrEqual(5);
    for (const m of Object.values(METHODOLOGIES)) {
      expect(m.principles.length).toBeGreaterThan(0);
      expect(m.progression.length).toBeGreaterThan(0);
    }
  });

  it("a beginner and an advanced lifter get clearly different coaches", () => {
    const b = card(interview(BEGINNER));
    const a = card(interview(ADVANCED));
    expect(b.name).toBe("Alice");
    expect(a.name).toBe("Aiden");
    expect(b.athlete.level).toBe("beginner");
    expect(a.athlete.level).toBe("advanced");
    expect(b.methodology.template).toBe("novice_linear");
    expect(a.methodology.template).toBe("rpe_blocks");
    expect(b.safety.maxWeeklyVolumeIncreasePct).toBe(10);
    expect(a.safety.maxWeeklyVolumeIncreasePct).toBe(5);
    expect(b.safety.avoid.map((x) => x.movement)).toContain("jumping and plyometrics");
    expect(a.safety.avoid.map((x) => x.movement)).toContain("overhead pressing");
    expect(a.safety.injuries).toEqual(["right shoulder (past impingement)"]);
    // "careful with overhead work" is care at the scope said, with the lifter's words as its source.
    expect(a.safety.avoid).toEqual([
      expect.objectContaining({
        movement: "overhead pressing",
        scope: "caution",
        origin: "stated",
        source: "old right shoulder impingement, careful with overhead work",
      }),
    ]);
    expect(a.communication.units).toBe("lb");
    expect(b.prompts.communication).toMatch(/plain words/i);
    expect(a.prompts.communication).toMatch(/RPE/);
    expect(a.prompts.safety).toMatch(/overhead pressing/);
    expect(b.safety.deload.everyWeeks).toBeGreaterThan(a.safety.deload.everyWeeks);
  });

  it("maps the card to the chat persona block (name, tone, avoid)", () => {
    const a = personaFromCard(card(interview(ADVANCED)));
    expect(a.name).toBe("Aiden");
    expect(a.tone).toMatch(/direct/);
    expect(a.avoid).toContain("overhead pressing");
    const b = personaFromCard(card(interview(BEGINNER)));
    expect(b.tone).toMatch(/encouraging/);
    expect(b.notes!.length).toBeLessThanOrEqual(300);
  });

  it("validation rejects unsafe or malformed cards", () => {
    const b = card(interview(BEGINNER));
    expect(() => finalizeCard({ ...b, safety: { ...b.safety, maxWeeklyVolumeIncreasePct: 15 } })).toThrow();
    const a = card(interview(ADVANCED));
    // 7 % is fine for a beginner but not for an advanced lifter.
    const r = coachCardSchema.safeParse({ ...a, safety: { ...a.safety, maxWeeklyVolumeIncreasePct: 7 } });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0].path).toEqual(["safety", "maxWeeklyVolumeIncreasePct"]);
    expect(coachCardSchema.safeParse({ ...a, extra: true }).success).toBe(false);
    expect(coachCardSchema.safeParse({ ...a, persona: { ...a.persona, traits: { ...a.persona.traits, directness: 1.5 } } }).success).toBe(false);
  });

  it("an edit re-renders the prompts", () => {
    const a = card(interview(ADVANCED));
    const edited = finalizeCard({ ...a, methodology: methodologyBlock("conjugate") });
    expect(edited.prompts.methodology).toMatch(/Conjugate/);
    expect(edited.prompts.methodology).not.toMatch(/RPE-based block/);
  });

  it("is deterministic", () => {
    expect(card(interview(ADVANCED))).toEqual(card(interview(ADVANCED)));
  });
});

describe("data stored before rules carried their scope and source", () => {
  it("an old card (avoid items with only movement + reason) still validates, as bans of unknown origin", () => {
    const fresh = card(interview(BEGINNER));
    const old = JSON.parse(JSON.stringify(fresh));
    old.safety.avoid = [{ movement: "overhead pressing", reason: "protects your shoulder" }];
    old.athlete.goals = ["strength"];
    const parsed = coachCardSchema.parse(old);
    expect(parsed.safety.avoid).toEqual([
      { movement: "overhead pressing", reason: "protects your shoulder", scope: "avoid", origin: null, source: null },
    ]);
    expect(personaFromCard(parsed).avoid).toEqual(["overhead pressing"]);
  });

  it("an old interview's injury labels ('left shoulder') read as structured injuries", () => {
    const s = interview(BEGINNER);
    const legacy = {
      ...s,
      fields: { ...s.fields, injuries: { value: ["left shoulder", "knee"], source: "answer" as const, confidence: 0.9, turn: 3 } },
    };
    const c = card(legacy);
    expect(c.safety.injuries).toEqual(["left shoulder", "knee"]);
    expect(c.safety.avoid.map((a) => a.movement)).toContain("overhead pressing");
    expect(c.safety.avoid.every((a) => a.origin === "injury_default" && a.scope === "caution")).toBe(true);
  });
});

describe("interview badge", () => {
  it("claims no level before an answer gives evidence for one", async () => {
    const { hasEvidence } = await import("@/lib/coach/client-view");
    const s0 = startState(null, NOW);
    expect(hasEvidence(s0.assessments)).toBe(false);
    const s1 = interview(["get stronger"]);
    expect(hasEvidence(s1.assessments)).toBe(false);
    const s2 = interview(["get stronger", "I'm new to this, never lifted"]);
    expect(hasEvidence(s2.assessments)).toBe(true);
    expect(currentLevel(s2)).toBe("beginner");
  });
});
