"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { StatusPage } from "@/components/site/status-page";

const BUTTON = "inline-flex h-10 items-center justify-center rounded-xl px-4 text-sm font-semibold shadow-sm";

function digestOf(error: unknown): string | undefined {
  return error instanceof Error && "digest" in error && typeof error.digest === "string" ? error.digest : undefined;
}

/** The error boundary of the signed-in app and the auth pages (app/(app)/error.tsx, app/(auth)/error.tsx). Public pages have none of
 * their own (a failure there reaches app/global-error.tsx), so its code stays off the landing page (docs/decisions.md). */
export function ErrorView({ error, retry }: { error: unknown; retry: () => void }) {
  const [retrying, setRetrying] = useState(false);
  const digest = digestOf(error);

  useEffect(() => {
    // The server already logged the details; this only helps when the error came from the browser.
    console.error(error);
  }, [error]);

  return (
    <StatusPage
      code="500 · failed lift"
      title="Something went wrong on our side."
      actions={
        // Plain elements styled like <Button>: this boundary ships on every page, so it stays free of
        // tailwind-merge and the icon library (see docs/benchmarks.md, Route JavaScript).
        <>
          <button
            type="button"
            aria-busy={retrying || undefined}
            disabled={retrying}
            onClick={() => {
              setRetrying(true);
              retry();
              setTimeout(() => setRetrying(false), 1500);
            }}
            className={`${BUTTON} bg-ink text-chalk hover:bg-ink-soft disabled:opacity-55`}
          >
            {retrying ? "Trying again…" : "Try again"}
          </button>
          <Link href="/" className={`${BUTTON} border border-line-strong bg-surface text-ink hover:bg-sunken`}>
            Spotter home
          </Link>
        </>
      }
    >
      <p>Nothing you entered has been lost: anything that was saved before this error is still saved. Try again in a moment.</p>
      {digest ? (
        <p className="text-sm text-ink-muted">
          If it keeps happening, tell the operator this reference:{" "}
          <code className="rounded bg-sunken px-1.5 py-0.5 font-mono text-ink">{digest}</code>
        </p>
      ) : null}
    </StatusPage>
  );
}
