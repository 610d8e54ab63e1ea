import type { Queryable } from "@/db/client";
import { billingMode, type BillingMode } from "./config";
import { customerForUser } from "./customers";
import { getEntitlements, type UserEntitlements } from "./entitlements";
import { getSubscriptionRow } from "./plan";
import { getStripe } from "./stripe-client";
import { logError } from "@/lib/log/redact";

interface InvoiceSummary {
  id: string;
  number: string | null;
  created: Date;
  amountDue: number;
  amountPaid: number;
  currency: string;
  status: string | null;
  url: string | null;
  reason: string | null;
}

export interface BillingOverview {
  mode: BillingMode;
  entitlements: UserEntitlements;
  interval: "month" | "year" | null;
  card: { brand: string; last4: string } | null;
  hasCustomer: boolean;
  invoices: InvoiceSummary[] | null;
  invoicesError: string | null;
}

/** Everything Settings → Billing shows, invoices read live from Stripe (or the stand-in). */
export async function billingOverview(db: Queryable, userId: string): Promise<BillingOverview> {
  const mode = billingMode();
  const [entitlements, customer, row] = await Promise.all([getEntitlements(db, userId), customerForUser(db, userId), getSubscriptionRow(db, userId)]);
  let invoices: InvoiceSummary[] | null = null;
  let invoicesError: string | null = null;
  if (customer && mode !== "off") {
    try {
      const list = await getStripe().invoices.list({ customer: customer.stripeCustomerId, limit: 12 });
      invoices = list.data.map((i) => ({
        id: i.id!,
        number: i.number ?? null,
        created: new Date(i.created * 1000),
        amountDue: i.amount_due,
        amountPaid: i.amount_paid,
        currency: i.currency,
        status: i.status ?? null,
        url: i.hosted_invoice_url ?? null,
        reason: i.billing_reason ?? null,
      }));
    } catch (error) {
      logError("[billing] invoices unavailable", error);
      invoicesError = "Invoices could not be loaded just now. Try again in a moment.";
    }
  }
  return {
    mode,
    entitlements,
    interval: row?.billingInterval ?? null,
    card: customer?.cardBrand && customer.cardLast4 ? { brand: customer.cardBrand, last4: customer.cardLast4 } : null,
    hasCustomer: Boolean(customer),
    invoices,
    invoicesError,
  };
}
