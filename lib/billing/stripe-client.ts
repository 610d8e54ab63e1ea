import Stripe from "stripe";
import { env } from "@/lib/config/env";
import { billingMode, localSecretKey, localStripeOrigin } from "./config";

class BillingOffError extends Error {
  constructor() {
    super("Billing is turned off on this server: plans are set by the operator (npm run admin -- set-plan).");
    this.name = "BillingOffError";
  }
}

/** A Stripe SDK client for an explicit origin (the local stand-in at host:port over http). */
export function stripeForOrigin(origin: string, secretKey: string): Stripe {
  const u = new URL(origin);
  return new Stripe(secretKey, {
    host: u.hostname,
    port: u.port || (u.protocol === "https:" ? 443 : 80),
    protocol: u.protocol === "https:" ? "https" : "http",
    maxNetworkRetries: 1,
    timeout: 20_000,
    telemetry: false,
  });
}

let override: Stripe | null = null;

/** Tests (and the CLI's in-process stand-in) point the seam elsewhere. */
export function setStripeClient(client: Stripe | null) {
  override = client;
}

/** The one Stripe client: api.stripe.com when keyed, else the stand-in this app serves. */
export function getStripe(): Stripe {
  if (override) return override;
  const mode = billingMode();
  if (mode === "off") throw new BillingOffError();
  if (mode === "stripe") return new Stripe(env().STRIPE_SECRET_KEY!, { maxNetworkRetries: 2, telemetry: false });
  return stripeForOrigin(localStripeOrigin(), localSecretKey());
}
