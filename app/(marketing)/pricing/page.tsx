import { Check, Minus } from "lucide-react";
import type { Metadata } from "next";
import { buildComparisonRows, cellText, formatMonthlyPrice, type ComparisonCell } from "@/components/site/pricing-rows";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { getDb } from "@/db/client";
import { TestModeNotice } from "@/components/billing/test-mode-notice";
import { getCurrentUser } from "@/lib/auth/session";
import { billingMode, lookupKeyFor, type Interval } from "@/lib/billing/config";
import { ENTITLEMENTS, getEntitlements, isFeatureAvailable, PLAN_ORDER } from "@/lib/billing/entitlements";
import type { Plan } from "@/db/tables/billing";

export const metadata: Metadata = {
  title: "Pricing",
  description: `Spotter plans: ${PLAN_ORDER.map((p) => `${ENTITLEMENTS[p].label} ${formatMonthlyPrice(ENTITLEMENTS[p].priceUsdPerMonth)}/month`).join(", ")}. Compare chat limits, coaches, live voice cues and import sizes.`,
  alternates: { canonical: "/pricing" },
};

// Marks the signed-in visitor's plan; ?interval=year shows yearly prices.
export const dynamic = "force-dynamic";

/** The plan we steer people to: the middle tier. */
const FEATURED = PLAN_ORDER[Math.floor(PLAN_ORDER.length / 2)];

function Cell({ cell }: { cell: ComparisonCell }) {
  if (cell.kind === "yes")
    return (
      <span className="inline-grid size-6 place-items-center rounded-full bg-accent text-accent-ink">
        <Check aria-hidden className="size-3.5" strokeWidth={3} />
        <span className="sr-only">{cellText(cell)}</span>
      </span>
    );
  if (cell.kind === "no")
    return (
      <span className="inline-grid size-6 place-items-center text-ink-muted">
        <Minus aria-hidden className="size-4" />
        <span className="sr-only">{cellText(cell)}</span>
      </span>
    );
  return <span className="font-medium text-ink tabular">{cell.text}</span>;
}

/** An advertised feature this build does not have yet. */
function ComingSoon() {
  return (
    <span className="ml-2 inline-block rounded-full border border-current px-2 py-px align-middle text-[0.65rem] font-semibold tracking-wide uppercase opacity-80">
      Coming soon
    </span>
  );
}

const FAQ = [
  {
    q: "How are paid plans billed?",
    a: "Monthly or yearly (two months free), in US dollars, through Stripe Checkout. Change plan, cancel or update your card any time under Settings → Billing → Manage billing; a plan change mid-period is prorated. Self-hosted servers without Stripe keys run a local test mode where no money moves. No card is needed for the free plan.",
  },
  {
    q: "When do daily limits reset?",
    a: "At midnight UTC. The limits count what you do, not what you store: your log has no size limit on any plan.",
  },
  {
    q: "What happens to my data if I downgrade or cancel?",
    a: "Nothing is deleted. Your workouts, charts and conversations stay; only the limits change. You can export everything or delete your account at any time.",
  },
  {
    q: "What does the coach cost me in privacy?",
    a: "Your data is used to coach you and for nothing else unless you opt in to anonymised training data. We never sell it.",
  },
];

function planHref(plan: Plan, interval: Interval, signedIn: boolean): string {
  if (plan === "free") return signedIn ? "/settings/billing" : "/sign-up";
  const checkout = `/billing/checkout?price=${lookupKeyFor(plan, interval)}`;
  return signedIn ? checkout : `/sign-up?next=${encodeURIComponent(checkout)}`;
}

export default async function PricingPage({ searchParams }: { searchParams: Promise<{ interval?: string; checkout?: string }> }) {
  const params = await searchParams;
  const interval: Interval = params.interval === "year" ? "year" : "month";
  const user = await getCurrentUser();
  const current = user ? (await getEntitlements(getDb(), user.id)).plan : null;
  const mode = billingMode();
  const rows = buildComparisonRows();
  return (
    <div className="mx-auto max-w-6xl px-4 py-14 sm:px-6 md:py-20">
      <header className="mx-auto max-w-2xl text-center">
        <p className="text-xs font-semibold tracking-[0.16em] text-accent-text uppercase">Pricing</p>
        <h1 className="mt-3 text-4xl font-extrabold tracking-tight text-ink sm:text-5xl">Start free. Pay when you train harder.</h1>
        <p className="mt-4 text-lg text-ink-soft">
          Every plan includes your full training history, imports, charts from your own data, export and deletion.
        </p>
      </header>

      <div className="mt-8 flex flex-col items-center gap-4">
        <nav aria-label="Billing period" className="inline-flex rounded-xl border border-line bg-surface p-1 text-sm shadow-card">
          {(["month", "year"] as const).map((i) => (
            <a
              key={i}
              href={i === "year" ? "/pricing?interval=year" : "/pricing"}
              aria-current={interval === i ? "page" : undefined}
              className={cn("rounded-lg px-4 py-1.5 font-semibold", interval === i ? "bg-ink text-chalk" : "text-ink-soft hover:bg-sunken")}
            >
              {i === "month" ? "Monthly" : "Yearly · 2 months free"}
            </a>
          ))}
        </nav>
        {params.checkout === "canceled" ? (
          <p className="text-sm text-ink-soft" role="status">
            Checkout canceled — nothing was charged.
          </p>
        ) : null}
        {mode === "local" ? <TestModeNotice compact className="max-w-xl" /> : null}
        {mode === "off" ? <p className="text-sm text-ink-soft">Card payments are not enabled on this server: its operator assigns plans.</p> : null}
      </div>

      <ul className="mt-12 grid gap-5 lg:grid-cols-3">
        {PLAN_ORDER.map((plan) => {
          const e = ENTITLEMENTS[plan];
          const featured = plan === FEATURED;
          return (
            <li
              key={plan}
              className={cn(
                "relative flex flex-col rounded-3xl border p-6 sm:p-7",
                featured ? "surface-iron border-iron bg-iron text-chalk shadow-pop" : "border-line bg-surface text-ink shadow-card",
              )}
            >
              <div className="flex items-center justify-between gap-2">
                <h2 className="text-xl font-bold">{e.label}</h2>
                {plan === current ? (
                  <Badge tone={featured ? "accent" : "ink"} data-testid={`current-plan-${plan}`}>
                    Your plan
                  </Badge>
                ) : featured ? (
                  <Badge tone="accent">Recommended</Badge>
                ) : null}
              </div>
              <p className={cn("mt-1 text-sm", featured ? "text-iron-muted" : "text-ink-muted")}>{e.tagline}</p>
              <p className="mt-6 flex items-baseline gap-1.5">
                <span className="font-display text-5xl font-extrabold tracking-tight tabular">
                  {formatMonthlyPrice(interval === "year" ? e.priceUsdPerYear : e.priceUsdPerMonth)}
                </span>
                <span className={cn("text-sm", featured ? "text-iron-muted" : "text-ink-muted")}>per {interval}</span>
              </p>
              <ul className="mt-6 flex-1 space-y-3 text-sm">
                {e.highlights.map((h) => (
                  <li key={h.text} className="flex gap-2.5">
                    <Check aria-hidden className={cn("mt-0.5 size-4 shrink-0", featured ? "text-accent" : "text-accent-text")} strokeWidth={2.5} />
                    <span className={featured ? "text-chalk/90" : "text-ink-soft"}>
                      {h.text}
                      {h.feature && !isFeatureAvailable(h.feature) ? <ComingSoon /> : null}
                    </span>
                  </li>
                ))}
              </ul>
              {plan === current ? (
                <Button asChild size="lg" variant="secondary" className="mt-8 w-full">
                  <a href="/settings/billing">{plan === "free" ? "Your plan" : "Manage your plan"}</a>
                </Button>
              ) : plan !== "free" && mode === "off" ? (
                <p className={cn("mt-8 text-center text-sm", featured ? "text-iron-muted" : "text-ink-muted")}>
                  Assigned by this server&apos;s operator
                </p>
              ) : (
                <Button asChild size="lg" variant={featured ? "accent" : "secondary"} className="mt-8 w-full">
                  {/* A plain link: /billing/checkout is a route that redirects to Checkout. */}
                  <a href={planHref(plan, interval, Boolean(user))}>
                    {plan === "free" ? (user ? "Manage your plan" : "Start free") : `Choose ${e.label}`}
                  </a>
                </Button>
              )}
            </li>
          );
        })}
      </ul>

      <section aria-labelledby="compare-title" className="mt-20">
        <h2 id="compare-title" className="text-2xl font-bold tracking-tight text-ink sm:text-3xl">
          Compare plans
        </h2>
        {/* Phones: one card per feature (a 4-column table does not fit 360px). */}
        <ul className="mt-6 space-y-3 sm:hidden">
          {rows.map((row) => (
            <li key={row.key} className="rounded-2xl border border-line bg-surface p-4 shadow-card">
              <h3 className="font-semibold text-ink">
                {row.label}
                {row.comingSoon ? <ComingSoon /> : null}
              </h3>
              <p className="mt-0.5 text-xs text-ink-muted">{row.hint}</p>
              <dl className="mt-3 grid grid-cols-3 gap-2 text-center text-sm">
                {row.cells.map(({ plan, cell }) => (
                  <div key={plan} className={cn("rounded-xl px-1 py-2", plan === FEATURED ? "bg-accent-soft" : "bg-chalk")}>
                    <dt className="text-xs text-ink-muted">{ENTITLEMENTS[plan].label}</dt>
                    <dd className="mt-1 flex min-h-6 items-center justify-center">
                      <Cell cell={cell} />
                    </dd>
                  </div>
                ))}
              </dl>
            </li>
          ))}
        </ul>
        <div className="relative mt-6 hidden overflow-x-auto rounded-3xl border border-line bg-surface shadow-card sm:block">
          <table className="w-full border-collapse text-left text-sm">
            <caption className="sr-only">Limits and features for each Spotter plan</caption>
            <thead>
              <tr className="border-b border-line">
                <th scope="col" className="w-[40%] px-4 py-4 font-semibold text-ink-muted sm:px-6">
                  Feature
                </th>
                {PLAN_ORDER.map((plan) => (
                  <th key={plan} scope="col" className="px-3 py-4 text-center sm:px-4">
                    <span className="block text-base font-bold text-ink">{ENTITLEMENTS[plan].label}</span>
                    <span className="block text-xs font-normal text-ink-muted tabular">
                      {formatMonthlyPrice(ENTITLEMENTS[plan].priceUsdPerMonth)}/mo
                    </span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.key} className="border-b border-line last:border-0">
                  <th scope="row" className="px-4 py-4 align-top font-normal sm:px-6">
                    <span className="block font-semibold text-ink">
                      {row.label}
                      {row.comingSoon ? <ComingSoon /> : null}
                    </span>
                    <span className="mt-0.5 block text-xs text-ink-muted">{row.hint}</span>
                  </th>
                  {row.cells.map(({ plan, cell }) => (
                    <td key={plan} className={cn("px-3 py-4 text-center align-middle sm:px-4", plan === FEATURED && "bg-accent-soft/50")}>
                      <Cell cell={cell} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="faq-title" className="mt-20 grid gap-10 md:grid-cols-[1fr_2fr]">
        <h2 id="faq-title" className="text-2xl font-bold tracking-tight text-ink sm:text-3xl">
          Questions
        </h2>
        <dl className="divide-y divide-line border-y border-line">
          {FAQ.map(({ q, a }) => (
            <div key={q} className="py-5">
              <dt className="font-semibold text-ink">{q}</dt>
              <dd className="mt-2 leading-relaxed text-ink-soft">{a}</dd>
            </div>
          ))}
        </dl>
      </section>
    </div>
  );
}
