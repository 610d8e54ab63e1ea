"use client";

import { ArrowUp, Square } from "lucide-react";
import * as React from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { MAX_MESSAGE_CHARS } from "@/lib/chat/schemas";

export interface ComposerProps {
  value: string;
  onChange: (v: string) => void;
  onSend: () => void;
  onStop: () => void;
  busy: boolean;
  disabled?: boolean;
  hint?: React.ReactNode;
  /** Phones hide the hint line (room for messages) unless it says something that matters now. */
  hintOnPhones?: boolean;
}

/** Enter sends, Shift+Enter adds a line; grows with its content; Stop replaces Send while answering. */
export function Composer({ value, onChange, onSend, onStop, busy, disabled, hint, hintOnPhones }: ComposerProps) {
  const ref = React.useRef<HTMLTextAreaElement>(null);
  React.useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.style.height = "auto";
    el.style.height = `${Math.min(el.scrollHeight, 200)}px`;
  }, [value]);

  const tooLong = value.length > MAX_MESSAGE_CHARS;
  const canSend = !busy && !disabled && value.trim().length > 0 && !tooLong;
  const submit = (e?: React.FormEvent) => {
    e?.preventDefault();
    if (canSend) onSend();
  };

  return (
    <form onSubmit={submit} className="mx-auto w-full max-w-3xl">
      <div
        className={cn(
          "flex items-end gap-2 rounded-2xl border border-line-strong bg-surface p-1.5 shadow-card focus-within:border-ink focus-within:ring-3 focus-within:ring-accent/60",
          tooLong && "border-danger",
        )}
      >
        <label htmlFor="chat-input" className="sr-only">
          Message your coach
        </label>
        <textarea
          id="chat-input"
          ref={ref}
          rows={1}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter" && !e.shiftKey && !e.nativeEvent.isComposing) {
              e.preventDefault();
              submit();
            }
          }}
          placeholder="Ask your coach or log a workout…"
          className="max-h-[200px] min-h-10 flex-1 resize-none bg-transparent px-2 py-2 text-base text-ink placeholder:text-ink-muted/80 focus:outline-none sm:text-sm"
          aria-describedby="chat-input-hint"
          aria-invalid={tooLong || undefined}
          data-testid="chat-input"
        />
        {busy ? (
          <Button type="button" variant="primary" size="icon" onClick={onStop} aria-label="Stop answering" data-testid="chat-stop">
            <Square aria-hidden className="fill-current" />
          </Button>
        ) : (
          <Button type="submit" variant="accent" size="icon" disabled={!canSend} aria-label="Send message" data-testid="chat-send">
            <ArrowUp aria-hidden />
          </Button>
        )}
      </div>
      <div
        id="chat-input-hint"
        className={cn(
          "mt-1 flex-wrap justify-between gap-x-3 px-1 text-xs text-ink-muted",
          tooLong || hintOnPhones ? "flex" : "sr-only sm:not-sr-only sm:flex",
        )}
      >
        <span>{tooLong ? <span className="text-danger">{value.length - MAX_MESSAGE_CHARS} characters over the limit</span> : hint}</span>
        <span className="hidden sm:inline">Enter to send · Shift+Enter for a new line</span>
      </div>
    </form>
  );
}
