import type { LanguageModelV3 } from "@ai-sdk/provider";
import { createOpenAI } from "@ai-sdk/openai";
import { env, type Env } from "@/lib/config/env";
import { safeHost, type DescribeService } from "@/lib/services/description";
import { createOfflineCoachModel } from "./offline/model";

export const DEFAULT_OPENAI_MODEL = "gpt-4.1-mini";
const OFFLINE_MODEL_LABEL = "Built-in offline coach";

/** The deployed registry version, as the seam needs it (see lib/training/registry.ts). */
export type DeployedModelRef = { provider: "offline" | "openai"; externalModel: string | null; version: string };

export type ChatModel = { model: LanguageModelV3; id: string; label: string; offline: boolean };

/** The model seam's own words: the chat header and the services footer both show this label. */
export const describeModel: DescribeService = (e: Env = env()) => {
  if (!e.OPENAI_API_KEY) return { service: "model", title: "Coach model", id: "offline", label: OFFLINE_MODEL_LABEL, mode: "embedded" };
  const modelId = e.OPENAI_MODEL ?? DEFAULT_OPENAI_MODEL;
  // A base URL may be any OpenAI-compatible server (Ollama, vLLM, a gateway): name the host, not "OpenAI".
  const host = e.OPENAI_BASE_URL ? (safeHost(e.OPENAI_BASE_URL) ?? "custom endpoint") : null;
  return {
    service: "model",
    title: "Coach model",
    id: `openai:${modelId}`,
    label: host ? `${modelId} via ${host}` : `OpenAI ${modelId}`,
    mode: "external",
  };
};

/**
 * The model seam. OPENAI_API_KEY set → OpenAI (or any OpenAI-compatible server at OPENAI_BASE_URL,
 * e.g. Ollama or vLLM, which speak chat completions — hence `.chat()` there); otherwise the
 * built-in offline coach. `label` is what the UI shows, so it always says which one answers.
 */
export function getChatModel(deployed?: DeployedModelRef | null): ChatModel {
  const e = env();
  if (e.OPENAI_API_KEY) {
    // The registry's deployed OpenAI fine-tune (lib/training/registry.ts) replaces the configured model.
    const fineTuned = deployed?.provider === "openai" && deployed.externalModel ? deployed.externalModel : null;
    const modelId = fineTuned ?? e.OPENAI_MODEL ?? DEFAULT_OPENAI_MODEL;
    const openai = createOpenAI({ apiKey: e.OPENAI_API_KEY, ...(e.OPENAI_BASE_URL ? { baseURL: e.OPENAI_BASE_URL } : {}) });
    const model = e.OPENAI_BASE_URL ? openai.chat(modelId) : openai(modelId);
    const { id, label } = describeModel(e);
    if (fineTuned)
      return {
        model,
        id: `openai:${fineTuned}`,
        label: `${label.replace(e.OPENAI_MODEL ?? DEFAULT_OPENAI_MODEL, fineTuned)} (v${deployed!.version})`,
        offline: false,
      };
    return { model, id, label, offline: false };
  }
  return { model: createOfflineCoachModel(), id: "offline", label: OFFLINE_MODEL_LABEL, offline: true };
}
