"use client";

import { FileUp } from "lucide-react";
import Link from "next/link";
import { startTransition, useActionState, useEffect, useId, useState } from "react";
import { Alert, Button, FieldError, FieldHint, Label, Select } from "@/components/ui";
import type { ActionResult } from "@/lib/actions/safe-action";
import type { ImportResult } from "@/lib/import/types";
import { ImportResultView } from "./import-result";

type Data = ImportResult & { fileName: string };
type Result = ActionResult<Data>;

export function ImportForm({
  defaultUnit,
  maxMb,
  planLabel,
  action,
}: {
  defaultUnit: "kg" | "lb";
  maxMb: number;
  planLabel: string;
  action: (prev: Result | null, formData: FormData) => Promise<Result>;
}) {
  const uid = useId();
  const [state, dispatch, pending] = useActionState(action, null);
  const [clientError, setClientError] = useState<string | null>(null);
  const [pendingFile, setPendingFile] = useState<{ name: string; size: number } | null>(null);
  const elapsed = useElapsedSeconds(pending);

  const onSubmit = (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setClientError(null);
    const data = new FormData(e.currentTarget);
    const file = data.get("file");
    if (!(file instanceof File) || (file.size === 0 && file.name === "")) {
      setClientError("Choose a CSV file to import.");
      return;
    }
    if (file.size > maxMb * 1024 * 1024) {
      setClientError(
        `The file is ${mb(file.size)}, larger than the ${maxMb} MB your ${planLabel} plan allows per import. Export a shorter date range and import the parts one after another.`,
      );
      return;
    }
    setPendingFile({ name: file.name, size: file.size });
    startTransition(() => dispatch(data));
  };

  const fileError = clientError ?? (state && !state.ok ? (state.fieldErrors?.file ?? null) : null);
  const otherError = state && !state.ok && !state.fieldErrors?.file ? state.error : null;

  return (
    <div className="space-y-5">
      <form onSubmit={onSubmit} noValidate className="grid gap-5 sm:grid-cols-[1fr_12rem]" aria-busy={pending}>
        <div>
          <Label htmlFor={`${uid}-file`}>Export file (CSV)</Label>
          <input
            id={`${uid}-file`}
            name="file"
            type="file"
            accept=".csv,.txt,text/csv,text/plain"
            className="block w-full rounded-xl border border-dashed border-line-strong bg-surface p-2 text-sm file:mr-3 file:rounded-lg file:border-0 file:bg-ink file:px-3 file:py-1.5 file:font-semibold file:text-chalk hover:border-ink-muted"
            aria-invalid={!!fileError}
            aria-describedby={`${uid}-file-hint ${uid}-file-err`}
            onChange={() => setClientError(null)}
          />
          <FieldHint id={`${uid}-file-hint`}>
            Strong, Hevy or FitNotes export · up to {maxMb} MB on your {planLabel} plan. Importing the same file again adds only what is new.
          </FieldHint>
          <FieldError id={`${uid}-file-err`} error={fileError} />
        </div>
        <div>
          <Label htmlFor={`${uid}-unit`}>Unit of unlabelled weights</Label>
          <Select id={`${uid}-unit`} name="unit" defaultValue={defaultUnit} aria-describedby={`${uid}-unit-hint`}>
            <option value="kg">kg</option>
            <option value="lb">lb</option>
          </Select>
          <FieldHint id={`${uid}-unit-hint`}>Strong exports don&apos;t say which unit they use.</FieldHint>
        </div>
        <div className="flex flex-wrap items-center gap-3 sm:col-span-2">
          <Button type="submit" loading={pending}>
            {!pending ? <FileUp aria-hidden /> : null}
            {pending ? "Importing…" : "Import workouts"}
          </Button>
          {pending && pendingFile ? (
            <p className="text-sm text-ink-muted" role="status" aria-live="polite">
              Reading {pendingFile.name} ({mb(pendingFile.size)}) · {elapsed} s
              {elapsed >= 5 ? " — large histories take a little while, keep this tab open" : ""}
            </p>
          ) : null}
        </div>
      </form>

      {otherError ? (
        <Alert tone="danger" title="Import failed">
          {otherError}
        </Alert>
      ) : null}
      {state?.ok && !pending ? <ImportResultView result={state.data} /> : null}
      {state?.ok && !pending ? (
        <p className="text-sm">
          <Link href="/workouts" className="font-semibold text-accent-text underline underline-offset-2">
            Go to your workouts →
          </Link>
        </p>
      ) : null}
    </div>
  );
}

function mb(bytes: number): string {
  const v = bytes / (1024 * 1024);
  return v < 0.1 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${v.toFixed(1)} MB`;
}

function useElapsedSeconds(running: boolean): number {
  const [seconds, setSeconds] = useState(0);
  // Each run counts from zero (state adjusted while rendering, not in the effect).
  const [wasRunning, setWasRunning] = useState(running);
  if (running !== wasRunning) {
    setWasRunning(running);
    if (running) setSeconds(0);
  }
  useEffect(() => {
    if (!running) return;
    const started = Date.now();
    const t = setInterval(() => setSeconds(Math.floor((Date.now() - started) / 1000)), 1000);
    return () => clearInterval(t);
  }, [running]);
  return seconds;
}
