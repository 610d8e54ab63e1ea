import Link from "next/link";
import { notFound } from "next/navigation";
import { Badge, Card, CardContent, CardHeader, CardTitle } from "@/components/ui";
import { getDb } from "@/db/client";
import { billingDate, cardLabel, money } from "@/lib/billing/format";
import { getObj } from "@/lib/billing/local/store";

/** The stand-in's hosted invoice page (the invoice id is the capability, as with Stripe's). */
export default async function LocalInvoicePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const inv = await getObj(getDb(), id, "invoice");
  if (!inv) notFound();
  const customer = await getObj(getDb(), inv.customer, "customer");
  return (
    <Card>
      <CardHeader>
        <CardTitle className="flex flex-wrap items-center gap-2">
          Invoice {inv.number}
          <Badge tone={inv.status === "paid" ? "success" : "warning"}>{inv.status}</Badge>
        </CardTitle>
        <p className="text-sm text-ink-muted">
          {billingDate(inv.created)} · {customer?.email ?? inv.customer}
        </p>
      </CardHeader>
      <CardContent>
        <table className="w-full text-sm" data-testid="invoice-lines">
          <thead>
            <tr className="border-b border-line text-left text-ink-muted">
              <th className="py-2 font-medium">Description</th>
              <th className="py-2 font-medium">Period</th>
              <th className="py-2 text-right font-medium">Amount</th>
            </tr>
          </thead>
          <tbody>
            {inv.lines.data.map((l: { id: string; description: string; amount: number; period: { start: number; end: number } }) => (
              <tr key={l.id} className="border-b border-line">
                <td className="py-2 pr-3 text-ink">{l.description}</td>
                <td className="py-2 pr-3 text-ink-soft">
                  {billingDate(l.period.start)} – {billingDate(l.period.end)}
                </td>
                <td className="py-2 text-right tabular">{money(l.amount, inv.currency)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <td colSpan={2} className="pt-3 font-semibold text-ink">
                Amount due
              </td>
              <td className="pt-3 text-right font-semibold tabular" data-testid="invoice-total">
                {money(inv.amount_due, inv.currency)}
              </td>
            </tr>
          </tfoot>
        </table>
        <p className="mt-4 text-sm text-ink-soft">
          {inv.status === "paid"
            ? `Paid${inv._paid_with ? ` with ${cardLabel(inv._paid_with.brand, inv._paid_with.last4)}` : ""} on ${billingDate(inv.status_transitions.paid_at)} (test mode: no money moved).`
            : inv._failure
              ? `Payment failed: ${inv._failure.message} Update the card in Manage billing to pay it.`
              : "Not paid yet."}
        </p>
        <Link href="/settings/billing" className="mt-4 inline-block text-sm font-medium text-accent-text underline-offset-4 hover:underline">
          ← Back to Spotter
        </Link>
      </CardContent>
    </Card>
  );
}
