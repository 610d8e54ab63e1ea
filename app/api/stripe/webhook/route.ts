import { getDb } from "@/db/client";
import { billingMode, webhookSecret } from "@/lib/billing/config";
import { handleStripeWebhook } from "@/lib/billing/webhook";

/** Stripe (or the local stand-in) → here. Raw body for the signature; Node runtime for the SDK. */
export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  if (billingMode() === "off") return Response.json({ received: false, error: "Billing is off on this server." }, { status: 404 });
  const raw = await request.text();
  const result = await handleStripeWebhook(getDb(), raw, request.headers.get("stripe-signature"), { secret: webhookSecret() });
  return Response.json(result.body, { status: result.status });
}
