import { APICallError, RetryError } from "ai";
import { NotFoundError, UserError } from "@/lib/errors/user-error";

/** Expected failures of a chat request; the route wrapper answers them with their status and code. */
export class ChatRequestError extends UserError {
  constructor(status: 400 | 404 | 409 | 429, message: string, code: string) {
    super(message, { status, code });
  }
}

export const CONVERSATION_NOT_FOUND = "This conversation does not exist.";
export const conversationNotFound = () => new NotFoundError(CONVERSATION_NOT_FOUND);

/**
 * What the user (and the stored message) sees when the model or a tool fails: honest and
 * actionable, never a stack trace, URL, key or SQL internals.
 */
export function describeModelError(error: unknown): string {
  const inner = RetryError.isInstance(error) ? error.lastError : error;
  if (APICallError.isInstance(inner)) {
    const status = inner.statusCode;
    if (status === 401 || status === 403) return "The AI provider rejected our credentials. The operator needs to check the model settings.";
    if (status === 429) return "The AI provider is rate-limiting us right now. Wait a moment and retry.";
    if (status && status >= 500) return `The AI provider had an outage (HTTP ${status}). Retry in a moment.`;
    return `The AI provider could not answer${status ? ` (HTTP ${status})` : ""}. Retry in a moment.`;
  }
  if (error instanceof Error && error.name === "AbortError") return "The answer was cancelled.";
  return "The coach ran into a problem while answering. Your message is saved; retry in a moment.";
}
