"use client";

import { ArrowUp, Flag, Pause } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import * as React from "react";
import { Alert, Badge, Button } from "@/components/ui";
import { cn } from "@/components/ui/cn";
import type { ActionResult } from "@/lib/actions/safe-action";
import type { ClientInterview } from "@/lib/coach/client-view";

type Step = { interview: ClientInterview; coachId: string | null; blocked: string | null };

export interface InterviewChatProps {
  initial: ClientInterview;
  answer: (input: { interviewId: string; text: string }) => Promise<ActionResult<Step>>;
  finish: (input: { interviewId: string }) => Promise<ActionResult<Step>>;
  modelLabel: string;
  maxChars: number;
}

const LEVEL_LABEL = { beginner: "Beginner", intermediate: "Intermediate", advanced: "Advanced" } as const;

/**
 * The coach-creator interview in the chat look: one question at a time, progress bar, free-text
 * answers (several facts at once are fine), finish early, and pause (everything is saved per answer).
 */
export function InterviewChat({ initial, answer, finish, modelLabel, maxChars }: InterviewChatProps) {
  const router = useRouter();
  const [interview, setInterview] = React.useState(initial);
  const [text, setText] = React.useState("");
  const [pendingText, setPendingText] = React.useState<string | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  const [blocked, setBlocked] = React.useState<string | null>(null);
  const [busy, startTransition] = React.useTransition();
  const listRef = React.useRef<HTMLOListElement>(null);
  const inputRef = React.useRef<HTMLTextAreaElement>(null);
  const open = interview.status === "in_progress";

  React.useEffect(() => {
    const el = listRef.current;
    if (el) el.lastElementChild?.scrollIntoView({ block: "nearest", behavior: "smooth" });
  }, [interview.transcript.length, pendingText]);

  const apply = (r: ActionResult<Step>, restore?: string) => {
    if (!r.ok) {
      setError(r.fieldErrors?.text?.[0] ?? r.error);
      if (restore !== undefined) setText(restore);
      return;
    }
    setError(null);
    setInterview(r.data.interview);
    setBlocked(r.data.blocked);
    if (r.data.coachId) router.push(`/coach/${r.data.coachId}?created=1`);
    else requestAnimationFrame(() => inputRef.current?.focus());
  };

  const send = (value: string) => {
    const trimmed = value.trim();
    if (!trimmed || busy || !open) return;
    setText("");
    setPendingText(trimmed);
    startTransition(async () => {
      try {
        apply(await answer({ interviewId: interview.id, text: trimmed }), value);
      } catch {
        setError("Couldn't reach Spotter. Check your connection and send again — your earlier answers are saved.");
        setText(value);
      } finally {
        setPendingText(null);
      }
    });
  };

  const finishNow = () => {
    startTransition(async () => {
      try {
        apply(await finish({ interviewId: interview.id }));
      } catch {
        setError("Couldn't reach Spotter. Try again in a moment.");
      }
    });
  };

  const tooLong = text.length > maxChars;
  const lastCoach = interview.transcript.length - 1 - [...interview.transcript].reverse().findIndex((t) => t.role === "coach");

  return (
    <div className="mx-auto flex w-full max-w-3xl flex-col gap-4">
      <div className="sticky top-14 z-10 -mx-4 border-b border-line bg-chalk/90 px-4 py-3 backdrop-blur sm:top-16 sm:mx-0 sm:rounded-card sm:border sm:px-5">
        <InterviewProgressBar interview={interview} />
        <div className="mt-2 flex flex-wrap items-center gap-2 text-xs text-ink-muted">
          {interview.sophistication ? (
            <Badge tone="neutral" data-testid="interview-level">
              Pitching questions at: {LEVEL_LABEL[interview.sophistication.level]}
            </Badge>
          ) : null}
          <span>Answers read by: {modelLabel}</span>
        </div>
      </div>

      <ol ref={listRef} className="flex flex-col gap-3" aria-label="Interview" aria-live="polite" data-testid="interview-transcript">
        {interview.transcript.map((turn, i) => (
          <li
            key={i}
            className={cn("flex", turn.role === "user" ? "justify-end" : "justify-start")}
            data-testid="interview-turn"
            data-role={turn.role}
            data-current={open && i === lastCoach ? "true" : undefined}
          >
            <div
              className={cn(
                "max-w-[88%] rounded-2xl px-4 py-2.5 text-[0.95rem] leading-relaxed whitespace-pre-wrap sm:max-w-[78%]",
                turn.role === "user" ? "rounded-br-md bg-ink text-chalk" : "rounded-bl-md border border-line bg-surface text-ink",
                open && i === lastCoach && "ring-2 ring-accent/70",
              )}
              {...(open && i === lastCoach ? { "data-testid": "interview-question" } : {})}
            >
              {turn.text}
            </div>
          </li>
        ))}
        {pendingText ? (
          <li className="flex justify-end opacity-70" data-role="user" aria-busy="true">
            <div className="max-w-[88%] rounded-2xl rounded-br-md bg-ink px-4 py-2.5 text-[0.95rem] whitespace-pre-wrap text-chalk sm:max-w-[78%]">
              {pendingText}
            </div>
          </li>
        ) : null}
      </ol>

      {error ? (
        <Alert tone="danger" title="Not sent" data-testid="interview-error">
          {error}
        </Alert>
      ) : null}
      {blocked ? (
        <Alert
          tone="warning"
          title="Your coach is ready to build"
          action={
            <Button asChild size="sm" variant="secondary">
              <Link href="/coach">Manage coaches</Link>
            </Button>
          }
        >
          {blocked}
        </Alert>
      ) : null}

      {open ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            send(text);
          }}
          className="flex flex-col gap-2"
        >
          <div
            className={cn(
              "flex items-end gap-2 rounded-2xl border border-line-strong bg-surface p-2 shadow-card focus-within:border-ink focus-within:ring-3 focus-within:ring-accent/60",
              tooLong && "border-danger",
            )}
          >
            <label htmlFor="interview-answer" className="sr-only">
              Your answer
            </label>
            <textarea
              id="interview-answer"
              ref={inputRef}
              rows={2}
              value={text}
              autoFocus
              onChange={(e) => setText(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === "Enter" && !e.shiftKey && !e.nativeEvent.isComposing) {
                  e.preventDefault();
                  send(text);
                }
              }}
              placeholder="Answer in your own words…"
              aria-invalid={tooLong || undefined}
              aria-describedby="interview-answer-hint"
              className="max-h-48 min-h-12 flex-1 resize-none bg-transparent px-2 py-2 text-base text-ink placeholder:text-ink-muted/80 focus:outline-none sm:text-sm"
              data-testid="interview-input"
            />
            <Button
              type="submit"
              variant="accent"
              size="icon"
              disabled={busy || !text.trim() || tooLong}
              aria-label="Send answer"
              data-testid="interview-send"
            >
              <ArrowUp aria-hidden />
            </Button>
          </div>
          <div id="interview-answer-hint" className="flex flex-wrap items-center justify-between gap-2 text-xs text-ink-muted">
            <span>
              {tooLong ? (
                <span className="text-danger">{text.length - maxChars} characters over the limit</span>
              ) : (
                "Say “skip” to pass, or correct anything you said earlier."
              )}
            </span>
            <span className="flex gap-2">
              <Button asChild variant="ghost" size="sm">
                <Link href="/coach">
                  <Pause aria-hidden /> Pause
                </Link>
              </Button>
              <Button variant="secondary" size="sm" onClick={finishNow} disabled={busy} data-testid="interview-finish">
                <Flag aria-hidden /> Finish now
              </Button>
            </span>
          </div>
        </form>
      ) : (
        <Alert
          tone={interview.status === "completed" ? "success" : "info"}
          title={
            interview.status === "completed"
              ? "Interview complete"
              : interview.status === "expired"
                ? "This interview expired"
                : "This interview was closed"
          }
        >
          {interview.status === "completed" && interview.coachId ? (
            <Link className="font-semibold underline" href={`/coach/${interview.coachId}`}>
              Meet your coach
            </Link>
          ) : (
            <Link className="font-semibold underline" href="/coach/new">
              Start a new interview
            </Link>
          )}
        </Alert>
      )}
    </div>
  );
}

function InterviewProgressBar({ interview }: { interview: ClientInterview }) {
  const { filled, total } = interview.progress;
  const pct = total ? Math.round((filled / total) * 100) : 0;
  return (
    <div>
      <div className="mb-1 flex items-baseline justify-between text-xs font-medium text-ink-muted">
        <span id="interview-progress-label">Essentials covered</span>
        <span className="tabular" data-testid="interview-progress-text">
          {filled} of {total}
        </span>
      </div>
      <div
        role="progressbar"
        aria-labelledby="interview-progress-label"
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={filled}
        aria-valuetext={`${filled} of ${total} essentials covered`}
        data-testid="interview-progress"
        className="h-2 w-full overflow-hidden rounded-full bg-sunken ring-1 ring-line ring-inset"
      >
        <div className="h-full rounded-full bg-accent transition-[width] duration-300" style={{ width: `${pct}%` }} />
      </div>
    </div>
  );
}
