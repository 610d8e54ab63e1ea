import Link from "next/link";
import { notFound } from "next/navigation";
import { CardForm } from "@/components/billing/card-form";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui";
import { getDb } from "@/db/client";
import { payCheckoutAction } from "@/lib/billing/local/actions";
import { getObj } from "@/lib/billing/local/store";
import { money } from "@/lib/billing/format";

export default async function LocalCheckoutPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const db = getDb();
  const session = await getObj(db, id, "checkout.session");
  if (!session) notFound();
  const price = await getObj(db, session._line_items[0].price, "price");
  const product = price ? await getObj(db, price.product, "product") : null;
  const cancel = session.cancel_url ? new URL(session.cancel_url) : null;
  return (
    <div className="grid gap-6 md:grid-cols-[1fr_1.2fr]">
      <section>
        <h1 className="text-2xl font-bold text-ink">Subscribe to {product?.name ?? "Spotter"}</h1>
        <p className="mt-2 text-4xl font-extrabold text-ink tabular" data-testid="checkout-amount">
          {money(price?.unit_amount ?? 0, price?.currency)}
          <span className="ml-1 text-base font-normal text-ink-muted">per {price?.recurring.interval}</span>
        </p>
        <p className="mt-4 text-sm text-ink-soft">Renews automatically until you cancel. Cancel any time from Settings → Billing → Manage billing.</p>
        <details className="mt-6 text-sm text-ink-soft">
          <summary className="cursor-pointer font-medium text-ink">Test cards</summary>
          <ul className="mt-2 space-y-1 font-mono text-xs">
            <li>4242 4242 4242 4242 — succeeds</li>
            <li>4000 0000 0000 0002 — declined</li>
            <li>4000 0000 0000 0341 — succeeds, renewals fail (past due)</li>
          </ul>
        </details>
        {cancel ? (
          <Link
            href={`${cancel.pathname}${cancel.search}`}
            className="mt-6 inline-block text-sm font-medium text-accent-text underline-offset-4 hover:underline"
          >
            ← Back to Spotter
          </Link>
        ) : null}
      </section>
      <Card>
        <CardHeader>
          <CardTitle>Pay with card</CardTitle>
        </CardHeader>
        <CardContent>
          {session.status === "complete" ? (
            <p className="text-sm text-ink-soft">This checkout is already paid.</p>
          ) : (
            <CardForm
              action={payCheckoutAction.bind(null, id)}
              submitLabel={`Subscribe · ${money(price?.unit_amount ?? 0, price?.currency)}`}
              email={session.customer_email}
            />
          )}
        </CardContent>
      </Card>
    </div>
  );
}
