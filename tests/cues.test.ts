import { describe, expect, it } from "vitest";
import { MockLanguageModelV3 } from "ai/test";
import {
  CUE_PERSONAS,
  CUE_TRIGGERS,
  CueQueue,
  cueProblem,
  generateCue,
  personaForCoach,
  templateCue,
  triggersFor,
  ungroundedNumbers,
  type CueFacts,
  type CuePersonaId,
  type CueTrigger,
  type QueuedCue,
} from "@/lib/cues";
import { repeatsPrevious, TEMPLATES } from "@/lib/cues/templates";
import { commonPhrases } from "@/lib/cues/common-phrases";
import { words } from "@/lib/cues/format";

const PERSONAS: CuePersonaId[] = ["alice", "aiden"];

/** Facts rich enough for every template of every trigger. */
function richFacts(over: Partial<CueFacts> = {}): CueFacts {
  return {
    unit: "kg",
    firstName: "Sam",
    workoutName: "Upper A",
    exercise: { name: "Bench Press (Barbell)", setNumber: 3, totalSets: 5, compound: true },
    target: { weightKg: 102.5, reps: 5 },
    lastTime: { weightKg: 100, reps: 5, when: "October" },
    done: { weightKg: 102.5, reps: 5, rpe: 8 },
    previous: { weightKg: 102.5, reps: 5, rpe: 7.5 },
    pr: null,
    restSeconds: 180,
    strain: null,
    summary: { sets: 15, volumeKg: 7350, prs: 1, minutes: 62, lastVolumeKg: 7100 },
    safety: { avoid: [] },
    ...over,
  };
}
const variants: Record<CueTrigger, Partial<CueFacts>[]> = {
  onboarding: [{}, { firstName: null }],
  "pre-start": [{}, { workoutName: null, lastTime: null }],
  "set-start": [{}, { lastTime: null }, { target: null }],
  "set-end": [
    {},
    { pr: { kind: "weight", value: 105, previous: 102.5, previousWhen: "October" } },
    { pr: { kind: "reps", value: 8, previous: 6 } },
    { done: null },
  ],
  strainsync: [
    { strain: { reason: "rpe-rising", from: 7.5, to: 9 } },
    { strain: { reason: "reps-falling", from: 5, to: 3 } },
    { strain: { reason: "long-rest", from: 180, to: 400 } },
    { safety: { avoid: [], painReported: true } },
  ],
  "workout-end": [{}, { summary: { sets: 9, volumeKg: 5000, prs: 0, minutes: 45, lastVolumeKg: null } }],
};

describe("offline templates", () => {
  it.each(PERSONAS)("%s has at least 5 templates per trigger", (p) => {
    for (const trigger of CUE_TRIGGERS) expect(TEMPLATES[p][trigger].length, trigger).toBeGreaterThanOrEqual(5);
  });

  it("onboarding variants really differ", () => {
    for (const p of PERSONAS) {
      const texts = new Set(TEMPLATES[p].onboarding.map((t) => t.render(richFacts())));
      expect(texts.size).toBe(5);
    }
  });

  it("every template that renders stays within the word limits, grounded and safe", () => {
    let rendered = 0;
    for (const p of PERSONAS)
      for (const trigger of CUE_TRIGGERS)
        for (const v of variants[trigger])
          for (const unit of ["kg", "lb"] as const) {
            const facts = richFacts({ ...v, unit });
            for (const tpl of TEMPLATES[p][trigger]) {
              const text = tpl.render(facts);
              if (!text) continue;
              rendered++;
              expect(words(text), text).toBeLessThanOrEqual(trigger === "onboarding" ? 200 : 15);
              expect(ungroundedNumbers(text, facts), text).toEqual([]);
            }
          }
    expect(rendered).toBeGreaterThan(150);
  });

  it("cues and toasts respect their limits for every trigger, persona and seed", () => {
    for (const p of PERSONAS)
      for (const trigger of CUE_TRIGGERS)
        for (const v of variants[trigger])
          for (let seed = 0; seed < 8; seed++) {
            const facts = richFacts(v);
            const cue = templateCue({ trigger, persona: p, facts, seed: String(seed) });
            expect(cueProblem(cue.text, trigger, facts), cue.text).toBeNull();
            expect(cue.toast.length, cue.toast).toBeLessThan(50);
            expect(cue.toast.length).toBeGreaterThan(0);
          }
  });
});

describe("grounding", () => {
  it("accepts numbers from the log and plan, rejects invented ones", () => {
    const f = richFacts();
    expect(ungroundedNumbers("Last time 100 × 5. Try 102.5.", f)).toEqual([]);
    expect(ungroundedNumbers("Try 110 today.", f)).toEqual(["110"]);
    expect(ungroundedNumbers("Volume 7,350 kg.", f)).toEqual([]);
  });

  it("writes pounds for lb lifters and grounds them", () => {
    const f = richFacts({ unit: "lb", target: { weightKg: 102.06, reps: 5 }, lastTime: { weightKg: 99.79, reps: 5 } });
    const cue = templateCue({ trigger: "set-start", persona: "aiden", facts: f, seed: "0" });
    expect(cue.text).not.toMatch(/102|99\.79/);
    expect(ungroundedNumbers("Last time 220 × 5. Try 225 × 5.", f)).toEqual([]);
  });

  it("names the old record in a PR cue", () => {
    for (const p of PERSONAS) {
      const cue = templateCue({
        trigger: "set-end",
        persona: p,
        facts: richFacts({ pr: { kind: "weight", value: 105, previous: 102.5, previousWhen: "October" } }),
      });
      expect(cue.kind).toBe("pr");
      expect(cue.text).toContain("105");
      expect(cue.text).toContain("102.5");
      expect(cue.toast).toBe("PR · 105 kg (was 102.5)");
    }
  });
});

describe("safety", () => {
  it("reported pain makes every cue a stop cue", () => {
    for (const trigger of ["set-start", "set-end", "strainsync"] as const) {
      const cue = templateCue({ trigger, persona: "aiden", facts: richFacts({ safety: { avoid: [], painReported: true } }) });
      expect(cue.text).toMatch(/stop/i);
      expect(cue.kind).toBe("form");
    }
  });

  it("does not push for more load on an avoided movement or while effort drifts", () => {
    for (const over of [
      { safety: { avoid: ["overhead pressing"] }, exercise: { name: "Overhead Press", setNumber: 2, totalSets: 3, compound: true } },
      { strain: { reason: "rpe-rising" as const, from: 8, to: 9.5 } },
    ])
      for (let seed = 0; seed < 10; seed++) {
        const cue = templateCue({ trigger: "set-start", persona: "aiden", facts: richFacts(over), seed: String(seed) });
        expect(cue.text).not.toMatch(/\bTry\b/);
      }
  });

  it("rejects texts that glorify pain or failure", () => {
    expect(cueProblem("Push through the pain, 5 more.", "set-start", richFacts())).toMatch(/pain|numbers/);
    expect(cueProblem("Go to failure on this one.", "set-start", richFacts())).toMatch(/failure/);
    expect(cueProblem("Nice and smooth.", "set-start", richFacts())).toBeNull();
    expect(
      cueProblem("one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen", "set-end", richFacts()),
    ).toMatch(/15 words/);
  });
});

describe("triggers fire when and only when their conditions hold", () => {
  it("onboarding only on the first live workout, pre-start otherwise", () => {
    expect(triggersFor({ type: "workout-start", liveWorkoutsBefore: 0 })).toEqual([{ trigger: "onboarding" }]);
    expect(triggersFor({ type: "workout-start", liveWorkoutsBefore: 3 })).toEqual([{ trigger: "pre-start" }]);
  });

  it("set-start only after a rest", () => {
    expect(triggersFor({ type: "set-start", afterRest: true })).toEqual([{ trigger: "set-start" }]);
    expect(triggersFor({ type: "set-start", afterRest: false })).toEqual([]);
  });

  it("set-end always; strainsync only on rising RPE, falling reps or pain", () => {
    const base = { type: "set-complete" as const, lastTime: { weightKg: 100, reps: 5 }, pr: false };
    expect(
      triggersFor({ ...base, done: { weightKg: 100, reps: 5, rpe: 8 }, previous: { weightKg: 100, reps: 5, rpe: 7.5 } }).map((t) => t.trigger),
    ).toEqual(["set-end"]);
    expect(triggersFor({ ...base, done: { weightKg: 100, reps: 5, rpe: 9 }, previous: { weightKg: 100, reps: 5, rpe: 8 } })[1]).toEqual({
      trigger: "strainsync",
      strain: { reason: "rpe-rising", from: 8, to: 9 },
    });
    expect(triggersFor({ ...base, done: { weightKg: 100, reps: 3 }, previous: null })[1]?.strain).toEqual({ reason: "reps-falling", from: 5, to: 3 });
    // Fewer reps at a heavier weight than last time is not drift.
    expect(triggersFor({ ...base, done: { weightKg: 110, reps: 3 }, previous: null })).toHaveLength(1);
    expect(triggersFor({ ...base, done: { weightKg: 100, reps: 5 }, previous: null, painReported: true }).map((t) => t.trigger)).toEqual([
      "set-end",
      "strainsync",
    ]);
  });

  it("long rest nudges once, past twice the planned rest", () => {
    expect(triggersFor({ type: "rest-tick", elapsedSeconds: 359, targetSeconds: 180, alreadyNudged: false })).toEqual([]);
    expect(triggersFor({ type: "rest-tick", elapsedSeconds: 360, targetSeconds: 180, alreadyNudged: false })[0].trigger).toBe("strainsync");
    expect(triggersFor({ type: "rest-tick", elapsedSeconds: 500, targetSeconds: 180, alreadyNudged: true })).toEqual([]);
  });

  it("workout-end only when something was done", () => {
    expect(triggersFor({ type: "workout-finish", sets: 0 })).toEqual([]);
    expect(triggersFor({ type: "workout-finish", sets: 3 })).toEqual([{ trigger: "workout-end" }]);
  });
});

describe("cue queue: one at a time, stale dropped, priority rest-end > PR > form > pace", () => {
  const cue = (id: string, kind: QueuedCue["kind"], phase = "p1", createdAt = 1000): QueuedCue => ({ id, kind, phase, createdAt });

  it("plays the highest priority first and only one at a time", () => {
    const q = new CueQueue();
    q.setPhase("p1");
    q.offer(cue("pace", "pace"));
    q.offer(cue("form", "form"));
    q.offer(cue("pr", "pr"));
    q.offer(cue("rest", "rest-end"));
    expect(q.next(1000)?.id).toBe("rest");
    expect(q.next(1000)).toBeNull();
    q.finished();
    // Lower-priority cues queued behind a higher one are dropped as old news.
    expect(q.next(1000)).toBeNull();
  });

  it("drops cues of a phase that has ended (no set-start cue after the set ended)", () => {
    const q = new CueQueue();
    q.setPhase("set:1");
    q.offer(cue("start", "rest-end", "set:1"));
    expect(q.setPhase("rest:1").map((c) => c.id)).toEqual(["start"]);
    expect(q.next(1000)).toBeNull();
    expect(q.offer(cue("late", "rest-end", "set:1"))).toBe(false);
  });

  it("drops cues that waited too long", () => {
    const q = new CueQueue(5000);
    q.setPhase("p1");
    q.offer(cue("old", "pr", "p1", 0));
    expect(q.next(6000)).toBeNull();
  });

  it("ties go to the newest", () => {
    const q = new CueQueue();
    q.setPhase("p1");
    q.offer(cue("a", "pr", "p1", 1));
    q.offer(cue("b", "pr", "p1", 2));
    expect(q.next(3)?.id).toBe("b");
  });
});

describe("model seam", () => {
  const model = (text: string, delayMs = 0) =>
    new MockLanguageModelV3({
      doGenerate: async () => {
        await new Promise((r) => setTimeout(r, delayMs));
        return {
          content: [{ type: "text", text }],
          finishReason: { unified: "stop", raw: "stop" },
          usage: { inputTokens: { total: 1, noCache: 1, cacheRead: 0, cacheWrite: 0 }, outputTokens: { total: 1, text: 1, reasoning: 0 } },
          warnings: [],
        } as never;
      },
    });

  it("uses a grounded, short, safe model text", async () => {
    const cue = await generateCue(
      { trigger: "set-start", persona: "alice", facts: richFacts() },
      { model: model("Last time 100 × 5. Go get 102.5.") },
    );
    expect(cue).toMatchObject({ source: "model", text: "Last time 100 × 5. Go get 102.5." });
  });

  it("falls back to the template when the model invents a number", async () => {
    const cue = await generateCue({ trigger: "set-start", persona: "alice", facts: richFacts() }, { model: model("Try 120 today!") });
    expect(cue.source).toBe("template");
    expect(cue.fallbackReason).toMatch(/120/);
  });

  it("falls back past the deadline, on time", async () => {
    const t = performance.now();
    const cue = await generateCue({ trigger: "set-end", persona: "aiden", facts: richFacts() }, { model: model("Good set.", 2000), deadlineMs: 100 });
    expect(performance.now() - t).toBeLessThan(600);
    expect(cue.source).toBe("template");
    expect(cue.fallbackReason).toMatch(/100 ms/);
  });

  it("without a model uses the offline templates", async () => {
    expect((await generateCue({ trigger: "workout-end", persona: "aiden", facts: richFacts() })).source).toBe("template");
  });
});

describe("personas", () => {
  it("have traits in 0–1, voice settings and ≥ 5 response patterns", () => {
    for (const p of Object.values(CUE_PERSONAS)) {
      for (const v of [p.enthusiasm, p.supportiveness, p.directness, p.voice.stability, p.voice.similarityBoost]) {
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThanOrEqual(1);
      }
      expect(p.patterns.length).toBeGreaterThanOrEqual(5);
    }
  });
  it("a direct coach maps to Aiden, a supportive one to Alice", () => {
    expect(personaForCoach({ directness: 0.9, supportiveness: 0.4 })).toBe("aiden");
    expect(personaForCoach({ directness: 0.3, supportiveness: 0.9 })).toBe("alice");
    expect(personaForCoach(null)).toBe("alice");
  });
});

describe("a set that repeats the previous one", () => {
  const same = { weightKg: 100, reps: 5 };
  const base = (over: Partial<CueFacts> = {}): CueFacts => ({
    unit: "kg",
    exercise: { name: "Bench Press (Barbell)", setNumber: 2, totalSets: 3, compound: true },
    target: same,
    done: same,
    previous: same,
    lastTime: { weightKg: 97.5, reps: 5 },
    restSeconds: 180,
    ...over,
  });
  const weightsIn = (text: string) => /\b100\b|97\.5|\b5\b/.test(text);

  it("says 'same again' without the numbers — only from set 2, only when weight and reps match, never for a record", () => {
    expect(repeatsPrevious("set-start", base())).toBe(true);
    expect(repeatsPrevious("set-end", base())).toBe(true);
    expect(repeatsPrevious("set-start", base({ exercise: { name: "Bench", setNumber: 1, totalSets: 3, compound: true } }))).toBe(false);
    expect(repeatsPrevious("set-start", base({ target: { weightKg: 102.5, reps: 5 } }))).toBe(false);
    expect(repeatsPrevious("set-end", base({ done: { weightKg: 100, reps: 4 } }))).toBe(false);
    expect(repeatsPrevious("set-end", base({ pr: { kind: "reps", value: 5, previous: 4 } }))).toBe(false);
    expect(repeatsPrevious("strainsync", base())).toBe(false);
    for (const persona of PERSONAS)
      for (let seed = 0; seed < 10; seed++) {
        const start = templateCue({ trigger: "set-start", persona, facts: base(), seed: String(seed) });
        const end = templateCue({ trigger: "set-end", persona, facts: base(), seed: String(seed) });
        for (const c of [start, end]) {
          expect(weightsIn(c.text), c.text).toBe(false);
          expect(cueProblem(c.text, c.trigger, base()), c.text).toBeNull();
        }
        expect(start.kind).toBe("rest-end");
        // A changed weight is said with its number.
        const changed = templateCue({ trigger: "set-start", persona, facts: base({ target: { weightKg: 102.5, reps: 5 } }), seed: String(seed) });
        expect(changed.text).not.toMatch(/same/i);
      }
  });

  it("common phrases: both personas, every trigger but onboarding, no weights or names, within the limits", () => {
    const phrases = commonPhrases();
    expect(phrases.length).toBeGreaterThan(60);
    expect(new Set(phrases.map((p) => p.persona))).toEqual(new Set(["alice", "aiden"]));
    expect(new Set(phrases.map((p) => p.trigger))).toEqual(new Set(CUE_TRIGGERS.filter((t) => t !== "onboarding")));
    for (const p of phrases) {
      expect(words(p.text), p.text).toBeLessThanOrEqual(15);
      // Only set numbers (1–5) and rest seconds may appear.
      for (const n of p.text.match(/\d+(\.\d+)?/g) ?? []) expect(["1", "2", "3", "4", "5", "60", "90", "120", "180"], p.text).toContain(n);
      expect(p.text).not.toMatch(/bench|kg|lb/i);
    }
    // The cues the repeat rule produces are among them.
    const texts = new Set(phrases.map((p) => `${p.persona}:${p.text}`));
    for (const persona of PERSONAS)
      for (let seed = 0; seed < 10; seed++) {
        const c = templateCue({ trigger: "set-end", persona, facts: base(), seed: String(seed) });
        expect(texts.has(`${persona}:${c.text}`), c.text).toBe(true);
      }
  });
});
