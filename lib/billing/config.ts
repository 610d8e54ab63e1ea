import fs from "node:fs";
import path from "node:path";
import { readOrCreateSecretFile } from "@/lib/auth/secret";
import { dataDir, env, type Env } from "@/lib/config/env";
import type { Plan } from "@/db/tables/billing";
import type { DescribeService } from "@/lib/services/description";

/**
 * Which billing runs: Stripe when both keys are set; otherwise the local test-mode Stripe the app
 * serves itself (same code path, the real SDK pointed at it); "off" when SPOTTER_BILLING=off.
 */
export type BillingMode = "stripe" | "local" | "off";

export function billingMode(e: Env = env()): BillingMode {
  if (e.SPOTTER_BILLING === "off") return "off";
  if (e.STRIPE_SECRET_KEY && e.STRIPE_WEBHOOK_SECRET) return "stripe";
  // A key without a webhook secret could take payments it can never confirm: refuse (see billingProblem).
  if (e.STRIPE_SECRET_KEY) return "off";
  // No key: the stand-in (signing with STRIPE_WEBHOOK_SECRET when that alone is set).
  return "local";
}

/** A configuration mistake worth telling the operator about, or null. */
function billingProblem(e: Env = env()): string | null {
  if (e.SPOTTER_BILLING === "off") return null;
  if (e.STRIPE_SECRET_KEY && !e.STRIPE_WEBHOOK_SECRET)
    return "Stripe needs both STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET; billing is off until both are set.";
  return null;
}

export type Interval = "month" | "year";
export type PaidPlan = Exclude<Plan, "free">;

export const LOOKUP_KEYS = {
  spotter_pro_monthly: { plan: "pro", interval: "month" },
  spotter_pro_yearly: { plan: "pro", interval: "year" },
  spotter_trainer_monthly: { plan: "trainer", interval: "month" },
  spotter_trainer_yearly: { plan: "trainer", interval: "year" },
} as const satisfies Record<string, { plan: PaidPlan; interval: Interval }>;
export type LookupKey = keyof typeof LOOKUP_KEYS;

export function lookupKeyFor(plan: PaidPlan, interval: Interval): LookupKey {
  return `spotter_${plan}_${interval === "month" ? "monthly" : "yearly"}` as LookupKey;
}

export function isLookupKey(v: unknown): v is LookupKey {
  return typeof v === "string" && Object.hasOwn(LOOKUP_KEYS, v);
}

/** The stand-in's secrets: generated once under the data directory (mode 600), never logged. */
export function localSecretKey(): string {
  return `sk_test_local_${readOrCreateSecretFile(path.join(dataDir(), "stripe-local", "secret-key"))}`;
}

/** STRIPE_WEBHOOK_SECRET when set (the stand-in signs with it), else a generated one. */
export function webhookSecret(e: Env = env()): string {
  if (e.STRIPE_WEBHOOK_SECRET) return e.STRIPE_WEBHOOK_SECRET;
  return `whsec_${readOrCreateSecretFile(path.join(dataDir(), "stripe-local", "webhook-secret"))}`;
}

/** Where this process serves the stand-in (its own port; Next sets PORT for dev and start). */
export function localStripeOrigin(): string {
  return `http://127.0.0.1:${process.env.PORT || "3000"}`;
}

const APP_URL_FILE = () => path.join(dataDir(), "stripe-local", "app-url");

/** The running app records where it serves the stand-in, so the CLI can reach it while it holds the database. */
export function recordLocalAppUrl(origin = localStripeOrigin()) {
  fs.mkdirSync(path.dirname(APP_URL_FILE()), { recursive: true });
  fs.writeFileSync(APP_URL_FILE(), `${origin}\n`, { mode: 0o600 });
}

export function recordedLocalAppUrl(): string | null {
  try {
    return fs.readFileSync(APP_URL_FILE(), "utf8").trim() || null;
  } catch {
    return null;
  }
}

/** The billing seam's line in "Running on this server" (never a key or secret). */
export const describeBilling: DescribeService = (e: Env = env()) => {
  const mode = billingMode(e);
  if (mode === "stripe") {
    const live = e.STRIPE_SECRET_KEY!.startsWith("sk_live_") || e.STRIPE_SECRET_KEY!.startsWith("rk_live_");
    return { service: "billing", title: "Billing", id: "stripe", label: live ? "Stripe" : "Stripe (test mode)", mode: "external" };
  }
  if (mode === "local")
    return {
      service: "billing",
      title: "Billing",
      id: "stripe-local",
      label: "Local test-mode Stripe — no money moves",
      mode: "embedded",
      detail: "Set STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET for Stripe",
    };
  return {
    service: "billing",
    title: "Billing",
    id: "off",
    label: "Off — plans set by the operator CLI",
    mode: "embedded",
    ...(billingProblem(e) ? { detail: billingProblem(e)! } : {}),
  };
};
