"use client";

import { useActionState } from "react";
import { Alert, Button, Input, Label } from "@/components/ui";
import type { PayState } from "@/lib/billing/local/actions";

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
      <div>
        <Label htmlFor="card-number">Card number</Label>
        <Input
          id="card-number"
          name="number"
          inputMode="numeric"
          autoComplete="cc-number"
          placeholder="4242 4242 4242 4242"
          className="mt-1.5"
          aria-invalid={state?.field === "number"}
          required
        />
      </div>
      <div className="grid grid-cols-2 gap-3">
        <div>
          <Label htmlFor="card-exp">Expiry (MM / YY)</Label>
          <Input
            id="card-exp"
            name="exp"
            autoComplete="cc-exp"
            placeholder="12 / 34"
            className="mt-1.5"
            aria-invalid={state?.field === "exp"}
            required
          />
        </div>
        <div>
          <Label htmlFor="card-cvc">CVC</Label>
          <Input
            id="card-cvc"
            name="cvc"
            inputMode="numeric"
            autoComplete="cc-csc"
            placeholder="123"
            className="mt-1.5"
            aria-invalid={state?.field === "cvc"}
            required
          />
        </div>
      </div>
      <div>
        <Label htmlFor="card-name">Name on card</Label>
        <Input id="card-name" name="name" autoComplete="cc-name" className="mt-1.5" />
      </div>
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
