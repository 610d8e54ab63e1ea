import Link from "next/link";
import { ActionForm } from "@/components/trainer/action-form";
import { Label, Textarea } from "@/components/ui";
import type { SafeAction } from "@/lib/actions/safe-action";
import { formatSessionDate } from "@/lib/time/format";
import type { ThreadMessage } from "@/lib/trainer/messages";

/** A trainer–athlete thread, oldest first, with a reply form when `send` is given. */
export function Thread<I, T>({
  messages,
  otherName,
  timeZone,
  send,
  hidden,
  sessionHref,
  testId,
}: {
  messages: ThreadMessage[];
  otherName: string;
  timeZone: string;
  send?: SafeAction<I, T>;
  hidden?: Record<string, string>;
  sessionHref?: (sessionId: string) => string;
  testId?: string;
}) {
  return (
    <div className="space-y-3" data-testid={testId}>
      {messages.length === 0 ? <p className="text-sm text-ink-muted">No messages yet.</p> : null}
      <ul className="space-y-2">
        {messages.map((m) => (
          <li key={m.id} className={m.fromMe ? "ml-8 rounded-xl bg-sunken p-3 text-sm" : "mr-8 rounded-xl border border-line p-3 text-sm"}>
            <div className="mb-1 text-xs text-ink-muted">
              {m.fromMe ? "You" : otherName} · {formatSessionDate(m.createdAt, timeZone)}
              {m.sessionId ? <> · {sessionHref ? <Link href={sessionHref(m.sessionId)}>on a workout</Link> : "on a workout"}</> : null}
            </div>
            <p className="whitespace-pre-wrap">{m.body}</p>
          </li>
        ))}
      </ul>
      {send ? (
        <ActionForm action={send} hidden={hidden} submit="Send" variant="secondary">
          <Label htmlFor={`msg-${testId ?? "thread"}`} className="sr-only">
            Message to {otherName}
          </Label>
          <Textarea id={`msg-${testId ?? "thread"}`} name="body" rows={2} required maxLength={4000} placeholder={`Message ${otherName}`} />
        </ActionForm>
      ) : null}
    </div>
  );
}
