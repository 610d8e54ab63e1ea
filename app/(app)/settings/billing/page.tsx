import type { Metadata } from "next";
import Link from "next/link";
import { SettingsNav } from "@/components/settings/settings-nav";
import { getDb } from "@/db/client";
import { Alert, Badge, Button, Card, CardContent, CardDescription, CardHeader, CardTitle, PageHeader } from "@/components/ui";
import { TestModeNotice } from "@/components/billing/test-mode-notice";
import { requireUser } from "@/lib/auth/session";
import { ENTITLEMENTS } from "@/lib/billing/entitlements";
import { billingDate, cardLabel, money, STATUS_LABELS } from "@/lib/billing/format";
import { billingOverview } from "@/lib/billing/overview";

export const metadata: Metadata = { title: "Billing" };
export const dynamic = "force-dynamic";

const NOTICES: Record<string, { tone: "success" | "info" | "warning" | "danger"; title: string; body?: string }> = {
  checkout_success: { tone: "success", title: "Payment received — your plan is active." },
  checkout_pending: { tone: "info", title: "Payment received. Your plan is being confirmed and will show here within a minute." },
  checkout_unpaid: { tone: "warning", title: "That checkout was not completed, so nothing was charged." },
  checkout_unknown: { tone: "warning", title: "We could not match that checkout to your account. Nothing changed here." },
  checkout_failed: { tone: "danger", title: "Checkout could not start just now.", body: "Nothing was charged. Please try again in a moment." },
  portal_failed: { tone: "danger", title: "Billing management could not open just now.", body: "Please try again in a moment." },
  billing_off: {
    tone: "info",
    title: "Card payments are not enabled on this server.",
    body: "The operator assigns plans (npm run admin -- set-plan).",
  },
};

export default async function BillingPage({ searchParams }: { searchParams: Promise<{ notice?: string }> }) {
  const user = await requireUser();
  const o = await billingOverview(getDb(), user.id);
  const { entitlements: e } = o;
  const notice = NOTICES[(await searchParams).notice ?? ""];
  const paid = e.plan !== "free";
  const subscribed = e.source === "stripe" && e.status && !["canceled", "incomplete_expired"].includes(e.status);

  return (
    <>
      <PageHeader eyebrow="Account" title="Billing" description={user.email} />
      <SettingsNav current="billing" />
      <div className="space-y-6">
        {o.mode === "local" ? <TestModeNotice /> : null}
        {notice ? (
          <Alert tone={notice.tone} title={notice.title} data-testid="billing-notice">
            {notice.body}
          </Alert>
        ) : null}
        {e.notice?.kind === "past_due" ? (
          <Alert tone="warning" title="Your last payment failed" data-testid="billing-banner" action={<ManageButton />}>
            Update your card to keep {ENTITLEMENTS[e.subscribedPlan].label}. If it is not paid by {billingDate(e.notice.graceEndsAt)}, your account
            moves to Free (nothing is deleted).
          </Alert>
        ) : null}
        {e.notice?.kind === "past_due_expired" ? (
          <Alert tone="danger" title="Your plan is paused: the payment is still outstanding" data-testid="billing-banner" action={<ManageButton />}>
            You are on Free limits until the open invoice is paid. Your data is all still here.
          </Alert>
        ) : null}
        {e.notice?.kind === "canceling" ? (
          <Alert
            tone="info"
            title={`Your ${e.limits.label} plan ends on ${billingDate(e.notice.endsAt)}`}
            data-testid="billing-banner"
            action={<ManageButton label="Resume" />}
          >
            It will not renew. You keep {e.limits.label} until then, and move to Free afterwards.
          </Alert>
        ) : null}

        <Card>
          <CardHeader>
            <CardTitle>Your plan</CardTitle>
            <CardDescription>What you have now and when it renews.</CardDescription>
          </CardHeader>
          <CardContent>
            <dl className="grid gap-4 text-sm sm:grid-cols-2">
              <div>
                <dt className="text-ink-muted">Plan</dt>
                <dd className="mt-1 flex items-center gap-2 text-lg font-bold text-ink" data-testid="billing-plan">
                  {e.limits.label}
                  {e.status && e.source === "stripe" ? (
                    <Badge tone={e.status === "active" || e.status === "trialing" ? "success" : "warning"}>
                      {STATUS_LABELS[e.status] ?? e.status}
                    </Badge>
                  ) : null}
                </dd>
              </div>
              <div>
                <dt className="text-ink-muted">{e.cancelAtPeriodEnd ? "Ends on" : "Renews on"}</dt>
                <dd className="mt-1 text-ink" data-testid="billing-period">
                  {paid && e.currentPeriodEnd && subscribed
                    ? `${billingDate(e.currentPeriodEnd)}${o.interval ? ` · billed ${o.interval === "year" ? "yearly" : "monthly"}` : ""}`
                    : e.source === "operator" && paid
                      ? "Assigned by the operator (no renewal)"
                      : "—"}
                </dd>
              </div>
              <div>
                <dt className="text-ink-muted">Card</dt>
                <dd className="mt-1 text-ink" data-testid="billing-card">
                  {cardLabel(o.card?.brand, o.card?.last4) ?? "None on file"}
                </dd>
              </div>
              <div>
                <dt className="text-ink-muted">Limits</dt>
                <dd className="mt-1 text-ink">
                  {e.limits.chatMessagesPerDay.toLocaleString("en-US")} messages and {e.limits.chartsPerDay.toLocaleString("en-US")} charts a day,{" "}
                  {e.limits.maxCoaches} coach
                  {e.limits.maxCoaches === 1 ? "" : "es"}, imports up to {e.limits.importMaxMb} MB
                </dd>
              </div>
            </dl>
            <div className="mt-6 flex flex-wrap gap-3">
              {o.mode === "off" ? (
                <p className="text-sm text-ink-soft">Card payments are not enabled on this server; the operator assigns plans.</p>
              ) : (
                <>
                  {o.hasCustomer ? <ManageButton /> : null}
                  <Button asChild variant={o.hasCustomer ? "secondary" : "accent"}>
                    <Link href="/pricing">{paid ? "Compare plans" : "Upgrade"}</Link>
                  </Button>
                </>
              )}
            </div>
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle>Invoices</CardTitle>
            <CardDescription>Every charge and credit, newest first.</CardDescription>
          </CardHeader>
          <CardContent>
            {o.invoicesError ? <Alert tone="warning">{o.invoicesError}</Alert> : null}
            {!o.invoicesError && (!o.invoices || o.invoices.length === 0) ? <p className="text-sm text-ink-muted">No invoices yet.</p> : null}
            {o.invoices && o.invoices.length > 0 ? (
              <ul className="divide-y divide-line text-sm" data-testid="billing-invoices">
                {o.invoices.map((i) => (
                  <li key={i.id} className="flex flex-wrap items-center justify-between gap-2 py-3">
                    <span className="text-ink">
                      {billingDate(i.created)} ·{" "}
                      {i.reason === "subscription_update" ? "Plan change (prorated)" : i.reason === "subscription_cycle" ? "Renewal" : "Subscription"}
                      <span className="ml-2 text-ink-muted">{i.number}</span>
                    </span>
                    <span className="flex items-center gap-3">
                      <span className="font-semibold tabular">{money(i.amountDue, i.currency)}</span>
                      <Badge tone={i.status === "paid" ? "success" : i.status === "open" ? "warning" : "neutral"}>{i.status}</Badge>
                      {i.url ? (
                        <a
                          className="font-medium text-accent-text underline-offset-4 hover:underline"
                          href={i.url}
                          target={i.url.startsWith("/") ? undefined : "_blank"}
                          rel="noreferrer"
                        >
                          View
                        </a>
                      ) : null}
                    </span>
                  </li>
                ))}
              </ul>
            ) : null}
          </CardContent>
        </Card>
      </div>
    </>
  );
}

function ManageButton({ label = "Manage billing" }: { label?: string }) {
  return (
    <Button asChild variant="primary">
      {/* A route, not a client link: it creates a portal session and redirects. */}
      <a href="/billing/portal">{label}</a>
    </Button>
  );
}
