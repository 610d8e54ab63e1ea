import Link from "next/link";
import { notFound } from "next/navigation";
import { CardForm } from "@/components/billing/card-form";
import { Alert, Badge, Button, Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui";
import { getDb } from "@/db/client";
import { LOOKUP_KEYS } from "@/lib/billing/config";
import { billingDate, cardLabel, money, STATUS_LABELS } from "@/lib/billing/format";
import { portalCancelAction, portalCardAction, portalResumeAction, portalSwitchAction } from "@/lib/billing/local/actions";
import { getObj, listObjs } from "@/lib/billing/local/store";

const DONE: Record<string, string> = {
  switched: "Plan changed. The prorated difference is on the invoice below.",
  canceled: "Your subscription will end at the end of the current period.",
  resumed: "Your subscription will renew as before.",
  card: "Card updated.",
};

export default async function LocalPortalPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ done?: string }>;
}) {
  const { id } = await params;
  const done = DONE[(await searchParams).done ?? ""];
  const db = getDb();
  const session = await getObj(db, id, "billing_portal.session");
  if (!session) notFound();
  const back = session.return_url ? new URL(session.return_url) : null;
  const backHref = back ? `${back.pathname}${back.search}` : "/settings/billing";
  // A server component renders once per request, so the request's clock is the right "now" here.
  // eslint-disable-next-line react-hooks/purity -- see above: no re-render can observe a different value
  if (session._expires_at < Math.floor(Date.now() / 1000))
    return (
      <Alert tone="warning" title="This billing session has expired">
        <Link href={backHref}>Return to Spotter</Link> and open “Manage billing” again.
      </Alert>
    );
  const customer = await getObj(db, session.customer, "customer");
  const sub = (await listObjs(db, "subscription", session.customer)).find((s) => !["canceled", "incomplete_expired"].includes(s.status)) ?? null;
  const pm = customer?.invoice_settings?.default_payment_method
    ? await getObj(db, customer.invoice_settings.default_payment_method, "payment_method")
    : null;
  const invoices = (await listObjs(db, "invoice", session.customer)).slice(0, 12);
  const item = sub?.items.data[0];
  const currentKey = item?.price.lookup_key as string | undefined;
  const prices = (await listObjs(db, "price")).filter((p) => p.lookup_key && p.lookup_key in LOOKUP_KEYS && p.active);

  return (
    <div className="space-y-6">
      <div className="flex items-center justify-between gap-3">
        <h1 className="text-2xl font-bold text-ink">Manage billing</h1>
        <Link href={backHref} className="text-sm font-medium text-accent-text underline-offset-4 hover:underline">
          ← Return to Spotter
        </Link>
      </div>
      {done ? (
        <Alert tone="success" data-testid="portal-done">
          {done}
        </Alert>
      ) : null}
      <Card>
        <CardHeader>
          <CardTitle>Current plan</CardTitle>
          <CardDescription>{customer?.email}</CardDescription>
        </CardHeader>
        <CardContent className="space-y-4 text-sm">
          {!sub || !item ? (
            <p className="text-ink-soft">No active subscription.</p>
          ) : (
            <>
              <p className="flex flex-wrap items-center gap-2 text-lg font-semibold text-ink" data-testid="portal-plan">
                {(await getObj(db, item.price.product, "product"))?.name} · {money(item.price.unit_amount, item.price.currency)} /{" "}
                {item.price.recurring.interval}
                <Badge tone={sub.status === "active" ? "success" : "warning"}>{STATUS_LABELS[sub.status] ?? sub.status}</Badge>
              </p>
              <p className="text-ink-soft" data-testid="portal-period">
                {sub.cancel_at_period_end ? `Ends on ${billingDate(item.current_period_end)}` : `Renews on ${billingDate(item.current_period_end)}`}
              </p>
              <div className="flex flex-wrap gap-2">
                {sub.cancel_at_period_end ? (
                  <form action={portalResumeAction.bind(null, id)}>
                    <Button type="submit">Resume subscription</Button>
                  </form>
                ) : (
                  <form action={portalCancelAction.bind(null, id)}>
                    <Button type="submit" variant="secondary">
                      Cancel subscription
                    </Button>
                  </form>
                )}
              </div>
            </>
          )}
        </CardContent>
      </Card>
      {sub ? (
        <Card>
          <CardHeader>
            <CardTitle>Switch plan</CardTitle>
            <CardDescription>Changes apply now; the difference for the rest of the period is prorated on an invoice.</CardDescription>
          </CardHeader>
          <CardContent>
            <ul className="grid gap-2 sm:grid-cols-2">
              {prices
                .sort((a, b) => a.unit_amount - b.unit_amount)
                .map((p) => (
                  <li key={p.id} className="flex items-center justify-between gap-2 rounded-xl border border-line p-3 text-sm">
                    <span>
                      {LOOKUP_KEYS[p.lookup_key as keyof typeof LOOKUP_KEYS].plan === "pro" ? "Pro" : "Trainer"} · {money(p.unit_amount, p.currency)}{" "}
                      / {p.recurring.interval}
                    </span>
                    {p.lookup_key === currentKey ? (
                      <Badge tone="accent">Current</Badge>
                    ) : (
                      <form action={portalSwitchAction.bind(null, id)}>
                        <input type="hidden" name="lookupKey" value={p.lookup_key} />
                        <Button type="submit" size="sm" variant="secondary" aria-label={`Switch to ${p.lookup_key}`}>
                          Switch
                        </Button>
                      </form>
                    )}
                  </li>
                ))}
            </ul>
          </CardContent>
        </Card>
      ) : null}
      <Card>
        <CardHeader>
          <CardTitle>Payment method</CardTitle>
          <CardDescription>{cardLabel(pm?.card?.brand, pm?.card?.last4) ?? "No card on file"}</CardDescription>
        </CardHeader>
        <CardContent>
          <details>
            <summary className="cursor-pointer text-sm font-medium text-ink">Update card</summary>
            <div className="mt-4 max-w-sm">
              <CardForm action={portalCardAction.bind(null, id)} submitLabel="Save card" />
            </div>
          </details>
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Invoices</CardTitle>
        </CardHeader>
        <CardContent>
          {invoices.length === 0 ? <p className="text-sm text-ink-muted">No invoices yet.</p> : null}
          <ul className="divide-y divide-line text-sm" data-testid="portal-invoices">
            {invoices.map((inv) => (
              <li key={inv.id} className="flex items-center justify-between gap-2 py-2">
                <Link href={`/billing/local/invoice/${inv.id}`} className="font-medium text-accent-text underline-offset-4 hover:underline">
                  {billingDate(inv.created)} ·{" "}
                  {inv.billing_reason === "subscription_update"
                    ? "Plan change (prorated)"
                    : inv.billing_reason === "subscription_cycle"
                      ? "Renewal"
                      : "Subscription"}
                </Link>
                <span className="flex items-center gap-2">
                  <span className="tabular">{money(inv.amount_due, inv.currency)}</span>
                  <Badge tone={inv.status === "paid" ? "success" : "warning"}>{inv.status}</Badge>
                </span>
              </li>
            ))}
          </ul>
        </CardContent>
      </Card>
    </div>
  );
}
