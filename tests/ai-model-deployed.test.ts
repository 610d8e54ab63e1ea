import { afterEach, describe, expect, it } from "vitest";
import { getChatModel } from "@/lib/ai/provider";
import { resetEnvCache } from "@/lib/config/env";

const fineTune = { provider: "openai" as const, externalModel: "ft:gpt-4.1-mini:spotter::abc", version: "1.4.0" };

afterEach(() => {
  delete process.env.OPENAI_API_KEY;
  resetEnvCache();
});

describe("model seam and the registry's deployed version", () => {
  it("a deployed OpenAI fine-tune answers when OPENAI_API_KEY is set, and the label says so", () => {
    process.env.OPENAI_API_KEY = "sk-test-123456";
    resetEnvCache();
    const m = getChatModel(fineTune);
    expect(m).toMatchObject({ id: "openai:ft:gpt-4.1-mini:spotter::abc", offline: false });
    expect(m.label).toBe("OpenAI ft:gpt-4.1-mini:spotter::abc (v1.4.0)");
    expect(getChatModel(null).id).toBe("openai:gpt-4.1-mini");
    expect(getChatModel({ provider: "offline", externalModel: null, version: "1.0.0" }).id).toBe("openai:gpt-4.1-mini");
  });

  it("without a key the built-in coach answers, whatever is deployed", () => {
    resetEnvCache();
    expect(getChatModel(fineTune)).toMatchObject({ id: "offline", offline: true });
  });
});
