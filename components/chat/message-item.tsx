"use client";

import { CircleStop, RotateCcw, TriangleAlert } from "lucide-react";
import * as React from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import type { ChatUIMessage, ChatUIPart, DraftStatusPayload } from "@/lib/chat/types";
import { workoutDraftSchema, type WorkoutDraft } from "@/lib/workout-text/types";
import { ChartCard } from "./chart-card";
import { Markdown } from "./markdown";
import { ToolStatus } from "./tool-status";
import { NothingLogged } from "./draft-warnings";
import { WorkoutDraftCard } from "./workout-draft-card";

/** The log_workout tool returns the draft itself or wraps it ({ draft }). */
function draftFromOutput(output: unknown): WorkoutDraft | null {
  const direct = workoutDraftSchema.safeParse(output);
  if (direct.success) return direct.data;
  if (output && typeof output === "object" && "draft" in output) {
    const nested = workoutDraftSchema.safeParse((output as { draft: unknown }).draft);
    if (nested.success) return nested.data;
  }
  return null;
}

/** A log_workout result that logged nothing ({ error, reason, warnings }): shown with every warning. */
function notLogged(output: unknown): { reason?: string; warnings: string[] } | null {
  if (!output || typeof output !== "object" || !("error" in output)) return null;
  const o = output as { reason?: unknown; warnings?: unknown };
  const warnings = Array.isArray(o.warnings) ? o.warnings.filter((w): w is string => typeof w === "string") : [];
  return { reason: typeof o.reason === "string" ? o.reason : undefined, warnings };
}

type ToolPart = ChatUIPart & { type: `tool-${string}`; toolCallId: string; state: string; output?: unknown; errorText?: string };

function isToolPart(p: ChatUIPart): p is ToolPart {
  return p.type.startsWith("tool-") && "toolCallId" in p;
}

export interface MessageItemProps {
  message: ChatUIMessage;
  /** This reply is streaming right now. */
  streaming: boolean;
  /** Error to show under this reply (stored, or from the live stream). */
  error?: string | null;
  stopped?: boolean;
  onRetry?: () => void;
  retrying?: boolean;
}

export const MessageItem = React.memo(function MessageItem({ message, streaming, error, stopped, onRetry, retrying }: MessageItemProps) {
  if (message.role === "user") {
    const text = message.parts.map((p) => (p.type === "text" ? p.text : "")).join("");
    return (
      <li className="flex justify-end" data-testid="chat-message" data-role="user">
        <div className="max-w-[85%] rounded-2xl rounded-br-md bg-ink px-4 py-2.5 text-[0.95rem] leading-relaxed whitespace-pre-wrap text-chalk sm:max-w-[75%]">
          {text}
        </div>
      </li>
    );
  }

  const statuses = new Map<string, DraftStatusPayload>();
  for (const p of message.parts) if (p.type === "data-draft-status" && p.id) statuses.set(p.id, p.data);
  const visible = message.parts.filter((p) => p.type !== "step-start" && p.type !== "reasoning" && p.type !== "data-draft-status");
  const hasText = visible.some((p) => p.type === "text" && p.text.trim());
  const status = message.metadata?.status;

  return (
    <li
      className="flex justify-start"
      data-testid="chat-message"
      data-role="assistant"
      data-status={stopped ? "stopped" : error ? "error" : (status ?? "")}
    >
      <div className="w-full min-w-0 max-w-full text-[0.95rem] leading-relaxed text-ink sm:max-w-[90%]">
        {visible.map((part, i) => {
          if (part.type === "text") {
            return part.text ? <Markdown key={i} text={part.text} className="break-words" data-testid="chat-text" /> : null;
          }
          if (part.type === "data-chart") return <ChartCard key={part.id ?? i} chart={part.data} />;
          if (isToolPart(part)) {
            const name = part.type.slice(5);
            if (name === "log_workout" && part.state === "output-available") {
              const draft = draftFromOutput(part.output);
              if (draft) {
                return (
                  <WorkoutDraftCard
                    key={part.toolCallId}
                    messageId={message.id}
                    toolCallId={part.toolCallId}
                    draft={draft}
                    status={statuses.get(part.toolCallId)}
                    disabled={streaming}
                  />
                );
              }
              const failed = notLogged(part.output);
              if (failed) return <NothingLogged key={part.toolCallId} reason={failed.reason} warnings={failed.warnings} />;
            }
            return (
              <ToolStatus
                key={part.toolCallId}
                name={name}
                state={part.state}
                output={part.output}
                errorText={part.errorText}
                stopped={stopped || status === "stopped"}
              />
            );
          }
          return null;
        })}
        {streaming && !hasText ? (
          <p className="flex items-center gap-1.5 py-1 text-sm text-ink-muted" aria-live="polite">
            <span className="inline-flex gap-1" aria-hidden>
              <span className="size-1.5 animate-bounce rounded-full bg-ink-muted [animation-delay:-0.2s]" />
              <span className="size-1.5 animate-bounce rounded-full bg-ink-muted [animation-delay:-0.1s]" />
              <span className="size-1.5 animate-bounce rounded-full bg-ink-muted" />
            </span>
            Thinking…
          </p>
        ) : null}
        {stopped || status === "stopped" ? (
          <p className="mt-1 flex items-center gap-1.5 text-xs text-ink-muted" data-testid="chat-stopped">
            <CircleStop aria-hidden className="size-3.5" />
            {hasText ? "Stopped — the answer above is partial." : "Stopped before the coach answered."}
          </p>
        ) : null}
        {error ? (
          <div
            role="alert"
            className="mt-2 flex flex-wrap items-center gap-2 rounded-xl border border-danger/25 bg-danger-soft px-3 py-2 text-sm"
            data-testid="chat-error"
          >
            <TriangleAlert aria-hidden className="size-4 shrink-0 text-danger" />
            <span className="min-w-0 flex-1 text-ink">{error}</span>
            {onRetry ? (
              <Button size="sm" variant="secondary" onClick={onRetry} loading={retrying}>
                <RotateCcw aria-hidden />
                Retry
              </Button>
            ) : null}
          </div>
        ) : null}
        {message.metadata?.model && !streaming ? <p className={cn("mt-1.5 text-[0.7rem] text-ink-muted")}>{message.metadata.model}</p> : null}
      </div>
    </li>
  );
});
