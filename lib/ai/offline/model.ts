import { createHash } from "node:crypto";
import type {
  LanguageModelV3,
  LanguageModelV3CallOptions,
  LanguageModelV3Content,
  LanguageModelV3StreamPart,
  LanguageModelV3Usage,
} from "@ai-sdk/provider";
import { decide, type Action } from "./decide";
import { readPrompt } from "./prompt";

const OFFLINE_MODEL_ID = "spotter-offline-coach-1";

export type OfflineCoachModelOptions = {
  /** Pause between streamed word groups so the UI visibly streams; 0 in tests. Default 15 ms. */
  chunkDelayMs?: number;
  /** Words per streamed text delta. Default 3. */
  wordsPerChunk?: number;
  /** Clock used when the system prompt carries no date (tests pin it). */
  now?: () => Date;
};

function estimateTokens(chars: number): number {
  return Math.max(1, Math.ceil(chars / 4));
}

function usage(inputChars: number, outputChars: number): LanguageModelV3Usage {
  const input = estimateTokens(inputChars);
  const output = estimateTokens(outputChars);
  return {
    inputTokens: { total: input, noCache: input, cacheRead: 0, cacheWrite: 0 },
    outputTokens: { total: output, text: output, reasoning: 0 },
  };
}

/** Word groups with their trailing whitespace, so the deltas concatenate back to the exact text. */
export function chunkText(text: string, wordsPerChunk: number): string[] {
  const tokens = text.match(/\S+\s*|\s+/g) ?? [];
  const chunks: string[] = [];
  for (let i = 0; i < tokens.length; i += wordsPerChunk) chunks.push(tokens.slice(i, i + wordsPerChunk).join(""));
  return chunks;
}

function callId(options: LanguageModelV3CallOptions, action: Action): string {
  const h = createHash("sha256").update(JSON.stringify(options.prompt)).update(JSON.stringify(action)).digest("hex");
  return `offline_${h.slice(0, 16)}`;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(t);
      reject(signal!.reason ?? new Error("aborted"));
    };
    // the listener goes away with its timer, so a long streamed answer does not pile them up
    const t = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/**
 * The built-in coach: a deterministic LanguageModelV3 that needs no network or weights. It reads
 * the prompt (system prompt blocks, the last user message, this turn's tool results) and, like an
 * LLM in a tool loop, either calls one of the coach tools or writes an answer. See
 * docs/offline-model.md for what it understands.
 */
export function createOfflineCoachModel(opts: OfflineCoachModelOptions = {}): LanguageModelV3 {
  const delay = opts.chunkDelayMs ?? 15;
  const words = Math.max(1, opts.wordsPerChunk ?? 3);
  const plan = (options: LanguageModelV3CallOptions) => {
    const read = readPrompt(options, opts.now?.() ?? new Date());
    const action = decide(read);
    return { read, action };
  };

  return {
    specificationVersion: "v3",
    provider: "spotter",
    modelId: OFFLINE_MODEL_ID,
    supportedUrls: {},

    async doGenerate(options) {
      const { read, action } = plan(options);
      const content: LanguageModelV3Content[] =
        action.kind === "text"
          ? [{ type: "text", text: action.text }]
          : [{ type: "tool-call", toolCallId: callId(options, action), toolName: action.toolName, input: JSON.stringify(action.input) }];
      const outChars = action.kind === "text" ? action.text.length : JSON.stringify(action.input).length;
      return {
        content,
        finishReason: { unified: action.kind === "text" ? "stop" : "tool-calls", raw: undefined },
        usage: usage(read.chars, outChars),
        response: { id: callId(options, action), modelId: OFFLINE_MODEL_ID, timestamp: new Date() },
        warnings: [],
      };
    },

    async doStream(options) {
      const { read, action } = plan(options);
      const signal = options.abortSignal;
      const id = callId(options, action);
      const stream = new ReadableStream<LanguageModelV3StreamPart>({
        async start(controller) {
          try {
            controller.enqueue({ type: "stream-start", warnings: [] });
            controller.enqueue({ type: "response-metadata", id, modelId: OFFLINE_MODEL_ID, timestamp: new Date() });
            if (action.kind === "text") {
              controller.enqueue({ type: "text-start", id: `${id}_t` });
              for (const delta of chunkText(action.text, words)) {
                if (signal?.aborted) break;
                controller.enqueue({ type: "text-delta", id: `${id}_t`, delta });
                await sleep(delay, signal);
              }
              controller.enqueue({ type: "text-end", id: `${id}_t` });
              controller.enqueue({ type: "finish", finishReason: { unified: "stop", raw: undefined }, usage: usage(read.chars, action.text.length) });
            } else {
              const input = JSON.stringify(action.input);
              controller.enqueue({ type: "tool-input-start", id, toolName: action.toolName });
              controller.enqueue({ type: "tool-input-delta", id, delta: input });
              controller.enqueue({ type: "tool-input-end", id });
              controller.enqueue({ type: "tool-call", toolCallId: id, toolName: action.toolName, input });
              controller.enqueue({ type: "finish", finishReason: { unified: "tool-calls", raw: undefined }, usage: usage(read.chars, input.length) });
            }
            controller.close();
          } catch (error) {
            if (signal?.aborted) {
              controller.close();
              return;
            }
            controller.enqueue({ type: "error", error });
            controller.close();
          }
        },
      });
      return { stream };
    },
  };
}
