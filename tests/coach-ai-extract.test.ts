import type { LanguageModelV3CallOptions, LanguageModelV3GenerateResult } from "@ai-sdk/provider";
import { MockLanguageModelV3 } from "ai/test";
import { describe, expect, it, vi } from "vitest";
import { createModelExtractor, modelExtractionSchema } from "@/lib/coach/ai-extract";

const usage = {
  inputTokens: { total: 10, noCache: 10, cacheRead: undefined, cacheWrite: undefined },
  outputTokens: { total: 10, text: 10, reasoning: undefined },
};
const empty = Object.fromEntries(Object.keys(modelExtractionSchema.shape).map((k) => [k, null]));

function reply(obj: Record<string, unknown>): LanguageModelV3GenerateResult {
  return { content: [{ type: "text", text: JSON.stringify({ ...empty, alreadyTold: false, skip: false, corrects: [], removedGoals: [], ...obj }) }], finishReason: { unified: "stop", raw: undefined }, usage, warnings: [] };
}

describe("model extraction (structured output)", () => {
  it("asks for a strict JSON schema and merges the model's fields with the offline rules", async () => {
    const calls: LanguageModelV3CallOptions[] = [];
    const model = new MockLanguageModelV3({
      doGenerate: async (opts) => {
        calls.push(opts);
        return reply({ goals: ["hypertrophy"], injuries: [{ area: "shoulder", side: "left", status: "current", condition: null, quote: "bad left shoulder", restrictions: [] }], frequency: 4 });
      },
    });
    const r = await createModelExtractor(model)("Bigger arms. CrossFit for 2 years, 4 days a week, bad left shoulder", { asking: "goals", question: "Goals?" });
    expect(r.updates).toMatchObject({ goals: ["hypertrophy"], injuries: [{ area: "shoulder", side: "left", quote: "bad left shoulder" }], frequency: 4, experienceYears: 2 });
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
    const broken = new MockLanguageModelV3({ doGenerate: async () => ({ ...reply({}), content: [{ type: "text", text: '{"goals": ["strength"], "extra": 1}' }] }) });
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
