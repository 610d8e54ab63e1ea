import { generateText, type LanguageModel } from "ai";
import { DEFAULT_TITLE } from "./conversations";

const MAX = 60;

/** A readable title from the first message: first line, tidy spacing, cut on a word boundary. */
export function deriveTitle(text: string): string {
  const line = text.split(/\r?\n/).find((l) => l.trim()) ?? "";
  let t = line
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^(log|track|record)\s*:\s*/i, "Log ");
  t = t.replace(/[?.!,;:]+$/, "");
  if (!t) return DEFAULT_TITLE;
  if (t.length > MAX) {
    const cut = t.slice(0, MAX);
    const space = cut.lastIndexOf(" ");
    t = `${(space > 30 ? cut.slice(0, space) : cut).trimEnd()}…`;
  }
  return t.charAt(0).toUpperCase() + t.slice(1);
}

/**
 * Offline: derived from the message. With a hosted model: a short generateText, falling back to
 * the derived title on any error or after `timeoutMs` (the title never delays or breaks a reply).
 */
export async function generateTitle(text: string, opts: { model?: LanguageModel; offline: boolean; timeoutMs?: number }): Promise<string> {
  const fallback = deriveTitle(text);
  if (opts.offline || !opts.model) return fallback;
  try {
    const { text: raw } = await generateText({
      model: opts.model,
      system:
        "Write a title of at most 6 words for a conversation with a strength coach that starts with the user's message. " +
        "Reply with the title only: no quotes, no trailing punctuation.",
      prompt: text.slice(0, 1000),
      maxOutputTokens: 24,
      abortSignal: AbortSignal.timeout(opts.timeoutMs ?? 8000),
    });
    const cleaned = raw
      .replace(/["'“”]/g, "")
      .replace(/\s+/g, " ")
      .trim()
      .replace(/[.!?]+$/, "");
    return cleaned ? deriveTitle(cleaned) : fallback;
  } catch {
    return fallback;
  }
}
