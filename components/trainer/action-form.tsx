"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";
import { Alert, Button, type ButtonProps } from "@/components/ui";
import type { ActionResult, SafeAction } from "@/lib/actions/safe-action";

/**
 * One form around one server action: hidden fields, the caller's inputs, a submit button, the
 * action's error (or `success` text) below, and a refresh of the page's server data on success.
 */
export function ActionForm<I, T>({
  action,
  hidden,
  children,
  submit,
  pendingLabel,
  success,
  variant,
  className,
  testId,
}: {
  action: SafeAction<I, T>;
  hidden?: Record<string, string>;
  children?: React.ReactNode;
  submit: string;
  pendingLabel?: string;
  /** Text shown after success (an action answering `{ message }` shows its own message instead). */
  success?: string;
  variant?: ButtonProps["variant"];
  className?: string;
  testId?: string;
}) {
  const [state, formAction, pending] = useActionState(
    action as (previous: ActionResult<T> | null, formData: FormData) => Promise<ActionResult<T>>,
    null,
  );
  const router = useRouter();
  useEffect(() => {
    if (state?.ok) router.refresh();
  }, [state, router]);
  return (
    <form action={formAction} className={className ?? "space-y-3"} data-testid={testId}>
      {Object.entries(hidden ?? {}).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      {children}
      <Button type="submit" variant={variant} disabled={pending}>
        {pending ? (pendingLabel ?? "Working…") : submit}
      </Button>
      {state && !state.ok ? <Alert tone="danger">{state.error}</Alert> : null}
      {state?.ok && (messageOf(state.data) ?? success) ? <Alert tone="success">{messageOf(state.data) ?? success}</Alert> : null}
    </form>
  );
}

function messageOf(data: unknown): string | null {
  return data && typeof data === "object" && "message" in data && typeof data.message === "string" ? data.message : null;
}
