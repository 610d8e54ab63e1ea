"use client";

import { startTransition, useActionState, useEffect, useId, useState } from "react";
import { toast } from "sonner";
import { Alert, Button, FieldError, FieldHint, Input, Label } from "@/components/ui";
import type { ActionResult } from "@/lib/actions/safe-action";

type Act<T> = (prev: ActionResult<T> | null, formData: FormData) => Promise<ActionResult<T>>;

function submitWith(dispatch: (data: FormData) => void) {
  return (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    startTransition(() => dispatch(data));
  };
}

export function ConsentForm({
  granted,
  textVersion,
  latest,
  grant,
  withdraw,
}: {
  granted: boolean;
  textVersion: string;
  latest: { granted: boolean; textVersion: string; at: string } | null;
  grant: Act<{ granted: boolean; textVersion: string | null; at: string | null }>;
  withdraw: Act<{ granted: boolean; deletedRecords: number; at: string | null }>;
}) {
  const [grantState, grantDispatch, granting] = useActionState(grant, null);
  const [withdrawState, withdrawDispatch, withdrawing] = useActionState(withdraw, null);
  useEffect(() => {
    if (grantState?.ok) toast.success("Thank you — your consent is recorded");
  }, [grantState]);
  useEffect(() => {
    if (withdrawState?.ok)
      toast.success(
        `Consent withdrawn${withdrawState.data.deletedRecords ? ` — ${withdrawState.data.deletedRecords} pending record(s) deleted` : ""}`,
      );
  }, [withdrawState]);
  const error = (grantState && !grantState.ok && grantState.error) || (withdrawState && !withdrawState.ok && withdrawState.error) || null;
  return (
    <div className="space-y-3" data-testid="consent">
      <p className="text-sm">
        Status: <strong data-testid="consent-status">{granted ? "On — you agreed" : "Off"}</strong>
        {latest ? (
          <span className="text-ink-muted">
            {" "}
            (last changed {new Date(latest.at).toUTCString()}, text version {latest.textVersion})
          </span>
        ) : (
          <span className="text-ink-muted"> (you have never turned it on)</span>
        )}
      </p>
      {error ? <Alert tone="danger">{error}</Alert> : null}
      {granted ? (
        <form onSubmit={submitWith(withdrawDispatch)}>
          <Button type="submit" variant="secondary" loading={withdrawing}>
            Withdraw consent
          </Button>
        </form>
      ) : (
        <form onSubmit={submitWith(grantDispatch)}>
          <input type="hidden" name="textVersion" value={textVersion} />
          <Button type="submit" variant="primary" loading={granting}>
            I agree — use my data to improve the coach
          </Button>
        </form>
      )}
    </div>
  );
}

export function RetentionForm({ days, action }: { days: number; action: Act<{ days: number }> }) {
  const uid = useId();
  const [state, dispatch, pending] = useActionState(action, null);
  useEffect(() => {
    if (state?.ok) toast.success(`History is now kept ${state.data.days} day${state.data.days === 1 ? "" : "s"}`);
  }, [state]);
  const err = state && !state.ok ? (state.fieldErrors?.days ?? state.error) : undefined;
  return (
    <form onSubmit={submitWith(dispatch)} noValidate className="flex flex-wrap items-start gap-3">
      <div>
        <Label htmlFor={`${uid}-days`}>Keep chat and cue history for (days)</Label>
        <Input
          id={`${uid}-days`}
          name="days"
          type="number"
          min={1}
          max={180}
          step={1}
          inputMode="numeric"
          defaultValue={days}
          className="w-32"
          aria-invalid={!!err}
          aria-describedby={`${uid}-days-err ${uid}-days-hint`}
        />
        <FieldHint id={`${uid}-days-hint`}>1 to 180 days.</FieldHint>
        <FieldError id={`${uid}-days-err`} error={err} />
      </div>
      <Button type="submit" variant="secondary" loading={pending} className="mt-7">
        Save
      </Button>
    </form>
  );
}

export function DeleteAccountForm({
  hasPassword,
  token,
  action,
  sendLink,
}: {
  hasPassword: boolean;
  /** The emailed link's token, when the page was opened from it. */
  token?: string;
  action: Act<{ deleted: boolean }>;
  sendLink: Act<{ via: "log" | "smtp"; mail: string }>;
}) {
  const uid = useId();
  const [state, dispatch, pending] = useActionState(action, null);
  const [linkState, linkDispatch, sending] = useActionState(sendLink, null);
  const [confirm, setConfirm] = useState("");
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const needsLink = !hasPassword && !token;
  return (
    <div className="space-y-4">
      {state && !state.ok && !state.fieldErrors ? <Alert tone="danger">{state.error}</Alert> : null}
      {needsLink ? (
        <div className="space-y-3">
          <p className="text-sm">
            Your account has no password, so we confirm it is you with a one-time link sent to your email. Open it while signed in to finish.
          </p>
          {linkState?.ok ? (
            <Alert tone="info" title="Link sent">
              {linkState.data.via === "log"
                ? `This server has no email configured (${linkState.data.mail}): the link was written to the server log.`
                : "Check your inbox. The link works once and expires in 30 minutes."}
            </Alert>
          ) : null}
          {linkState && !linkState.ok ? <Alert tone="danger">{linkState.error}</Alert> : null}
          <form onSubmit={submitWith(linkDispatch)}>
            <Button type="submit" variant="secondary" loading={sending}>
              Email me a deletion link
            </Button>
          </form>
        </div>
      ) : (
        <form onSubmit={submitWith(dispatch)} noValidate className="grid max-w-md gap-4" data-testid="delete-account-form">
          {token ? <input type="hidden" name="token" value={token} /> : null}
          {hasPassword ? (
            <div>
              <Label htmlFor={`${uid}-pw`}>Your password</Label>
              <Input
                id={`${uid}-pw`}
                name="password"
                type="password"
                autoComplete="current-password"
                aria-invalid={!!errors.password}
                aria-describedby={`${uid}-pw-err`}
              />
              <FieldError id={`${uid}-pw-err`} error={errors.password} />
            </div>
          ) : null}
          <div>
            <Label htmlFor={`${uid}-confirm`}>Type DELETE to confirm</Label>
            <Input
              id={`${uid}-confirm`}
              name="confirm"
              autoComplete="off"
              value={confirm}
              onChange={(e) => setConfirm(e.target.value)}
              aria-invalid={!!errors.confirm}
              aria-describedby={`${uid}-confirm-err`}
            />
            <FieldError id={`${uid}-confirm-err`} error={errors.confirm} />
          </div>
          <div>
            <Button type="submit" variant="danger" loading={pending} disabled={confirm !== "DELETE"}>
              Delete my account and all my data
            </Button>
          </div>
        </form>
      )}
    </div>
  );
}
