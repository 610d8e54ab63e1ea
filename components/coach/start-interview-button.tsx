"use client";

import { useRouter } from "next/navigation";
import * as React from "react";
import { Button, type ButtonProps } from "@/components/ui";
import type { ActionResult } from "@/lib/actions/safe-action";

export interface StartInterviewButtonProps {
  start: (input: Record<string, never>) => Promise<ActionResult<{ id: string }>>;
  /** Abandon this open interview first ("Start over"). */
  abandon?: { id: string; action: (input: { interviewId: string }) => Promise<ActionResult<{ id: string }>> };
  children: React.ReactNode;
  variant?: ButtonProps["variant"];
  size?: ButtonProps["size"];
  testId?: string;
}

export function StartInterviewButton({ start, abandon, children, variant = "accent", size = "lg", testId }: StartInterviewButtonProps) {
  const router = useRouter();
  const [busy, startTransition] = React.useTransition();
  const [error, setError] = React.useState<string | null>(null);
  return (
    <div className="flex flex-col gap-1.5">
      <Button
        variant={variant}
        size={size}
        loading={busy}
        data-testid={testId}
        onClick={() =>
          startTransition(async () => {
            setError(null);
            try {
              if (abandon) {
                const a = await abandon.action({ interviewId: abandon.id });
                if (!a.ok) return setError(a.error);
              }
              const r = await start({});
              if (!r.ok) return setError(r.error);
              router.push(`/coach/interviews/${r.data.id}`);
            } catch {
              setError("Couldn't reach Spotter. Try again in a moment.");
            }
          })
        }
      >
        {children}
      </Button>
      {error ? (
        <p role="alert" className="max-w-sm text-sm text-danger">
          {error}
        </p>
      ) : null}
    </div>
  );
}
