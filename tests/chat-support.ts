import type { LanguageModelV3CallOptions, LanguageModelV3StreamPart } from "@ai-sdk/provider";
import { MockLanguageModelV3 } from "ai/test";

/** One model call (step) of a scripted reply. */
export type ScriptStep =
  | { text: string | string[] }
  | { toolCalls: { toolName: string; input: unknown }[] }
  | { throws: Error }
  /** Streams `text` then waits until the request is aborted. */
  | { textThenHang: string[] };

const usage = (input: number, output: number) => ({
  inputTokens: { total: input, noCache: input, cacheRead: undefined, cacheWrite: undefined },
  outputTokens: { total: output, text: output, reasoning: undefined },
});

let toolSeq = 0;

function parts(step: ScriptStep): LanguageModelV3StreamPart[] {
  if ("toolCalls" in step) {
    return [
      { type: "stream-start", warnings: [] },
      ...step.toolCalls.map((c): LanguageModelV3StreamPart => ({
        type: "tool-call",
        toolCallId: `call-${++toolSeq}`,
        toolName: c.toolName,
        input: JSON.stringify(c.input),
      })),
      { type: "finish", finishReason: { unified: "tool-calls", raw: undefined }, usage: usage(10, 5) },
    ];
  }
  const chunks = "text" in step ? (Array.isArray(step.text) ? step.text : [step.text]) : [];
  return [
    { type: "stream-start", warnings: [] },
    { type: "text-start", id: "t1" },
    ...chunks.map((delta): LanguageModelV3StreamPart => ({ type: "text-delta", id: "t1", delta })),
    { type: "text-end", id: "t1" },
    { type: "finish", finishReason: { unified: "stop", raw: undefined }, usage: usage(20, 7) },
  ];
}

/**
 * A MockLanguageModelV3 that plays `steps` in order, one per model call (a tool round trip is
 * two calls). `calls` records what the model was sent, so tests can assert the prompt.
 */
export function scriptedModel(steps: ScriptStep[]) {
  let i = 0;
  const model = new MockLanguageModelV3({
    provider: "test",
    modelId: "scripted",
    doStream: async (options: LanguageModelV3CallOptions) => {
      const step = steps[Math.min(i++, steps.length - 1)];
      if ("throws" in step) throw step.throws;
      if ("textThenHang" in step) {
        return {
          stream: new ReadableStream<LanguageModelV3StreamPart>({
            start(controller) {
              controller.enqueue({ type: "stream-start", warnings: [] });
              controller.enqueue({ type: "text-start", id: "t1" });
              for (const delta of step.textThenHang) controller.enqueue({ type: "text-delta", id: "t1", delta });
              const abort = () => controller.error(Object.assign(new Error("The operation was aborted."), { name: "AbortError" }));
              if (options.abortSignal?.aborted) abort();
              else options.abortSignal?.addEventListener("abort", abort, { once: true });
            },
          }),
        };
      }
      const list = parts(step);
      return {
        stream: new ReadableStream<LanguageModelV3StreamPart>({
          start(controller) {
            for (const p of list) controller.enqueue(p);
            controller.close();
          },
        }),
      };
    },
  });
  return model;
}

/** Text of every message the model was sent on call `n` (system prompt included). */
export function promptText(model: MockLanguageModelV3, n = 0): string {
  const call = model.doStreamCalls[n];
  if (!call) return "";
  return call.prompt
    .map((m) =>
      typeof m.content === "string"
        ? `${m.role}: ${m.content}`
        : `${m.role}: ${m.content.map((c) => ("text" in c ? c.text : JSON.stringify(c))).join(" ")}`,
    )
    .join("\n");
}

export type SseChunk = { type: string; [k: string]: unknown };

/** Reads an SSE UI-message stream to the end and returns its JSON chunks. */
export async function readSse(response: Response): Promise<SseChunk[]> {
  const text = await response.text();
  return text
    .split("\n\n")
    .map((block) => block.trim())
    .filter((b) => b.startsWith("data: ") && b !== "data: [DONE]")
    .map((b) => JSON.parse(b.slice(6)) as SseChunk);
}

export function chatRequest(body: unknown, signal?: AbortSignal): Request {
  return new Request("http://localhost/api/chat", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
    signal,
  });
}
