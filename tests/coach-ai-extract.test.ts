import type { LanguageModelV3CallOptions, LanguageModelV3GenerateResult } from "@ai-sdk/provider";
import { MockLanguageModelV3 } from "ai/test";
import { describe, expect, it, vi } from "vitest";
import { createModelExtractor, groundQuotes, modelExtractionSchema } from "@/lib/coach/ai-extract";
import { applyAnswer, startState, type InterviewState } from "@/lib/coach/engine";
import { valueOf } from "@/lib/coach/fields";
import { generateCoachCard } from "@/lib/coach/generate";

const usage = {
  inputTokens: { total: 10, noCache: 10, cacheRead: undefined, cacheWrite: undefined },
  outputTokens: { total: 10, text: 10, reasoning: undefined },
};
const empty = Object.fromEntries(Object.keys(modelExtractionSchema.shape).map((k) => [k, null]));

function reply(obj: Record<string, unknown>): LanguageModelV3GenerateResult {
  return {
    content: [{ type: "text", text: JSON.stringify({ ...empty, alreadyTold: false, skip: false, corrects: [], removedGoals: [], ...obj }) }],
    finishReason: { unified: "stop", raw: undefined },
    usage,
    warnings: [],
  };
}

describe("model extraction (structured output)", () => {
  it("asks for a strict JSON schema and merges the model's fields with the offline rules", async () => {
    const calls: LanguageModelV3CallOptions[] = [];
    const model = new MockLanguageModelV3({
      doGenerate: async (opts) => {
        calls.push(opts);
        return reply({
          goals: ["hypertrophy"],
          injuries: [{ area: "shoulder", side: "left", status: "current", condition: null, quote: "bad left shoulder", restrictions: [] }],
          frequency: 4,
        });
      },
    });
    const r = await createModelExtractor(model)("Bigger arms. CrossFit for 2 years, 4 days a week, bad left shoulder", {
      asking: "goals",
      question: "Goals?",
    });
    expect(r.updates).toMatchObject({
      goals: ["hypertrophy"],
      injuries: [{ area: "shoulder", side: "left", quote: "bad left shoulder" }],
      frequency: 4,
      experienceYears: 2,
    });
    const format = calls[0].responseFormat as { type: string; schema: { additionalProperties?: boolean; required?: string[] } };
    expect(format.type).toBe("json");
    expect(format.schema.additionalProperties).toBe(false);
    expect(format.schema.required).toEqual(expect.arrayContaining(["goals", "alreadyTold", "skip"]));
  });

  it("drops values that fail the field schema", async () => {
    const model = new MockLanguageModelV3({ doGenerate: async () => reply({ frequency: 40, age: 7, units: "kg" }) });
    const r = await createModelExtractor(model)("whatever", { asking: "units", question: "Units?" });
    expect(r.updates).toEqual({ units: "kg" });
  });

  it("falls back to the offline rules when the model fails or answers off-schema", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const broken = new MockLanguageModelV3({
      doGenerate: async () => ({ ...reply({}), content: [{ type: "text", text: '{"goals": ["strength"], "extra": 1}' }] }),
    });
    const r = await createModelExtractor(broken)("4 days a week", { asking: "frequency", question: "How often?" });
    expect(r.updates).toEqual({ frequency: 4 });
    const down = new MockLanguageModelV3({
      doGenerate: async () => {
        throw new Error("503");
      },
    });
    expect((await createModelExtractor(down)("I already told you", { asking: "frequency", question: "?" })).alreadyTold).toBe(true);
    expect(log).toHaveBeenCalled();
    log.mockRestore();
  });
});

describe("model extraction obeys the same merge rules as the offline rules", () => {
  const NOW = new Date("2026-11-26T10:00:00Z");
  async function step(state: InterviewState, text: string, body: Record<string, unknown>) {
    const model = new MockLanguageModelV3({ doGenerate: async () => reply(body) });
    const x = await createModelExtractor(model)(text, { asking: state.currentField, question: "?" });
    return applyAnswer(state, text, x, NOW).state;
  }

  it("a later answer's goal adds to Goals; only a correction replaces", async () => {
    let s = startState(null, NOW);
    s = await step(s, "get stronger and lose a bit of belly fat", { goals: ["strength", "fat_loss"] });
    s = { ...s, currentField: "motivation" };
    s = await step(s, "mostly I want to feel healthier", { goals: ["health"], motivation: "mostly I want to feel healthier" });
    expect(valueOf(s.fields, "goals")).toEqual(["strength", "fat_loss", "health"]);
    s = await step(s, "hm, I meant only health", { goals: ["health"], corrects: ["goals"] });
    expect(valueOf(s.fields, "goals")).toEqual(["health"]);
  });

  it("a single value from the model never overwrites an earlier answer without a correction", async () => {
    let s = startState(null, NOW);
    s = { ...s, currentField: "frequency" };
    s = await step(s, "3 days", { frequency: 3 });
    s = { ...s, currentField: "motivation" };
    s = await step(s, "I love training", { frequency: 5 });
    expect(valueOf(s.fields, "frequency")).toBe(3);
  });

  it("rule quotes are the lifter's words: an invented quote is replaced by the answer's sentence", () => {
    const text = "Shoulder impingement: no behind-the-neck pressing. Old disc bulge: careful with high-volume good mornings.";
    const [inj] = groundQuotes(
      [
        {
          area: "shoulder",
          side: null,
          status: "current",
          condition: "impingement",
          quote: "my shoulder is injured",
          restrictions: [{ movement: "behind-the-neck pressing", scope: "avoid", quote: "never press behind the neck" }],
        },
      ],
      text,
    );
    expect(inj.quote).toBe("Shoulder impingement: no behind-the-neck pressing.");
    expect(inj.restrictions[0].quote).toBe("Shoulder impingement: no behind-the-neck pressing.");
    const card = generateCoachCard({
      fields: { injuries: { value: [inj], source: "answer", confidence: 0.9, turn: 1 } },
      level: "advanced",
      training: null,
    });
    expect(card.safety.avoid).toEqual([
      expect.objectContaining({
        movement: "behind-the-neck pressing",
        scope: "avoid",
        origin: "stated",
        source: "Shoulder impingement: no behind-the-neck pressing.",
      }),
    ]);
  });
});
