"use client";

import { RotateCcw } from "lucide-react";
import Link from "next/link";
import { useEffect, useState } from "react";
import { StatusPage } from "@/components/site/status-page";
import { Button } from "@/components/ui/button";

function digestOf(error: unknown): string | undefined {
  return error instanceof Error && "digest" in error && typeof error.digest === "string" ? error.digest : undefined;
}

export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
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
        <>
          <Button
            loading={retrying}
            onClick={() => {
              setRetrying(true);
              retry();
              setTimeout(() => setRetrying(false), 1500);
            }}
          >
            {retrying ? null : <RotateCcw aria-hidden />} Try again
          </Button>
          <Button asChild variant="secondary">
            <Link href="/">Spotter home</Link>
          </Button>
        </>
      }
    >
      <p>Nothing you entered has been lost: anything that was saved before this error is still saved. Try again in a moment.</p>
      {digest ? (
        <p className="text-sm text-ink-muted">
          If it keeps happening, tell the operator this reference: <code className="rounded bg-sunken px-1.5 py-0.5 font-mono text-ink">{digest}</code>
        </p>
      ) : null}
    </StatusPage>
  );
}
