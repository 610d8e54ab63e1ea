import type { LanguageModelV3CallOptions, LanguageModelV3Prompt, LanguageModelV3ToolResultOutput } from "@ai-sdk/provider";
import { parseContextBlock, parsePersonaBlock, parsePlanBlock, type CoachPersona, type CoachPlan, type PromptContext } from "../system-prompt";

/** One tool round trip in the current turn, as found in the prompt. */
export type ToolStep = {
  toolCallId: string;
  toolName: string;
  input: unknown;
  /** undefined while the result is missing (should not happen in a well-formed prompt). */
  output?: unknown;
  /** The tool threw, or its input was rejected by the SDK. */
  failed?: string;
};

export type ReadPrompt = {
  system: string;
  persona: CoachPersona | null;
  plan: CoachPlan | null;
  context: PromptContext;
  userText: string;
  previousUserText: string | null;
  steps: ToolStep[];
  tools: Set<string>;
  chars: number;
};

function textOf(content: unknown): string {
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return "";
  return content
    .filter((p): p is { type: "text"; text: string } => p && typeof p === "object" && p.type === "text" && typeof p.text === "string")
    .map((p) => p.text)
    .join("\n");
}

function outputValue(output: LanguageModelV3ToolResultOutput): { value?: unknown; failed?: string } {
  switch (output.type) {
    case "json":
      return { value: output.value };
    case "text":
      try {
        return { value: JSON.parse(output.value) };
      } catch {
        return { value: output.value };
      }
    case "error-text":
      return { failed: output.value };
    case "error-json":
      return { failed: JSON.stringify(output.value) };
    case "execution-denied":
      return { failed: output.reason ?? "The tool call was denied." };
    default:
      return { value: null };
  }
}

/** Reads what the offline model needs from an AI SDK prompt: settings, the question and this turn's tool steps. */
export function readPrompt(options: LanguageModelV3CallOptions, now = new Date()): ReadPrompt {
  const prompt: LanguageModelV3Prompt = options.prompt;
  const system = prompt
    .filter((m) => m.role === "system")
    .map((m) => m.content as string)
    .join("\n\n");
  let lastUser = -1;
  for (let i = prompt.length - 1; i >= 0; i--) {
    if (prompt[i].role === "user") {
      lastUser = i;
      break;
    }
  }
  let previousUserText: string | null = null;
  for (let i = lastUser - 1; i >= 0; i--) {
    if (prompt[i].role === "user") {
      previousUserText = textOf(prompt[i].content);
      break;
    }
  }
  const steps: ToolStep[] = [];
  const byId = new Map<string, ToolStep>();
  for (const m of prompt.slice(lastUser + 1)) {
    if (m.role === "assistant") {
      for (const part of m.content) {
        if (part.type === "tool-call") {
          const step: ToolStep = { toolCallId: part.toolCallId, toolName: part.toolName, input: part.input };
          steps.push(step);
          byId.set(part.toolCallId, step);
        }
      }
    }
    const parts = m.role === "tool" || m.role === "assistant" ? (m.content as { type: string }[]) : [];
    for (const part of parts) {
      if (part.type !== "tool-result") continue;
      const r = part as unknown as { toolCallId: string; toolName: string; output: LanguageModelV3ToolResultOutput };
      const step = byId.get(r.toolCallId) ?? { toolCallId: r.toolCallId, toolName: r.toolName, input: null };
      if (!byId.has(r.toolCallId)) {
        steps.push(step);
        byId.set(r.toolCallId, step);
      }
      const { value, failed } = outputValue(r.output);
      step.output = value;
      if (failed) step.failed = failed;
    }
  }
  // Honour toolChoice like a hosted model would: "none" hides the tools, "tool" narrows them to one.
  const choice = options.toolChoice;
  const tools = new Set(
    choice?.type === "none" ? [] : (options.tools ?? []).map((t) => t.name).filter((n) => choice?.type !== "tool" || n === choice.toolName),
  );
  return {
    system,
    persona: parsePersonaBlock(system),
    plan: parsePlanBlock(system),
    context: parseContextBlock(system, now),
    userText: lastUser >= 0 ? textOf(prompt[lastUser].content).trim() : "",
    previousUserText,
    steps,
    tools,
    chars: JSON.stringify(prompt).length,
  };
}
