import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { requireUser } from "@/lib/auth/session";
import { syncCheckoutSession } from "@/lib/billing/checkout";
import { logError } from "@/lib/log/redact";

/** Checkout's success_url: sync at once (people often arrive before the webhook), then show Billing. */
export const dynamic = "force-dynamic";

export default async function CheckoutReturnPage({ searchParams }: { searchParams: Promise<{ session_id?: string }> }) {
  const user = await requireUser();
  const sessionId = (await searchParams).session_id;
  let notice = "checkout_success";
  if (typeof sessionId === "string" && /^cs_[A-Za-z0-9_]+$/.test(sessionId)) {
    try {
      const r = await syncCheckoutSession(getDb(), user.id, sessionId);
      if (!r.ok) notice = r.reason === "not_paid" ? "checkout_unpaid" : "checkout_unknown";
    } catch (error) {
      // The webhook will bring the state; say the payment is being confirmed.
      logError("[billing] success-page sync failed", error);
      notice = "checkout_pending";
    }
  } else notice = "checkout_unknown";
  redirect(`/settings/billing?notice=${notice}`);
}
