"use client";

import { useActionState } from "react";
import { Alert, Button, Input, Label } from "@/components/ui";
import type { PayState } from "@/lib/billing/local/actions";

/** One labelled card input, marked invalid when Stripe's answer names its field. */
function CardField({
  id,
  label,
  state,
  optional,
  ...input
}: { id: string; label: string; name: string; state: PayState; optional?: boolean } & Pick<
  React.ComponentProps<typeof Input>,
  "inputMode" | "autoComplete" | "placeholder"
>) {
  return (
    <div>
      <Label htmlFor={id}>{label}</Label>
      <Input id={id} className="mt-1.5" aria-invalid={optional ? undefined : state?.field === input.name} required={!optional} {...input} />
    </div>
  );
}

/** The stand-in's card form (checkout and "update card"): Stripe's messages on failure. */
export function CardForm({
  action,
  submitLabel,
  email,
}: {
  action: (prev: PayState, form: FormData) => Promise<PayState>;
  submitLabel: string;
  email?: string | null;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="space-y-4" noValidate>
      {email ? (
        <div>
          <Label htmlFor="card-email">Email</Label>
          <Input id="card-email" value={email} readOnly className="mt-1.5" />
        </div>
      ) : null}
      <CardField
        id="card-number"
        label="Card number"
        name="number"
        inputMode="numeric"
        autoComplete="cc-number"
        placeholder="4242 4242 4242 4242"
        state={state}
      />
      <div className="grid grid-cols-2 gap-3">
        <CardField id="card-exp" label="Expiry (MM / YY)" name="exp" autoComplete="cc-exp" placeholder="12 / 34" state={state} />
        <CardField id="card-cvc" label="CVC" name="cvc" inputMode="numeric" autoComplete="cc-csc" placeholder="123" state={state} />
      </div>
      <CardField id="card-name" label="Name on card" name="name" autoComplete="cc-name" state={state} optional />
      {state?.error ? (
        <Alert tone="danger" data-testid="card-error">
          {state.error}
        </Alert>
      ) : null}
      <Button type="submit" size="lg" className="w-full" loading={pending}>
        {submitLabel}
      </Button>
    </form>
  );
}
