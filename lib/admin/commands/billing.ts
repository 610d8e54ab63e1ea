import "server-only";
import { asc, eq } from "drizzle-orm";
import type Stripe from "stripe";
import type { Db } from "@/db/client";
import { billingCustomers, stripeEvents } from "@/db/schema";
import { setupPrices } from "@/lib/billing/checkout";
import { billingMode, localSecretKey, recordedLocalAppUrl, webhookSecret } from "@/lib/billing/config";
import { customerForUser } from "@/lib/billing/customers";
import { getEntitlements } from "@/lib/billing/entitlements";
import { startLocalStripeServer, type LocalStripeServer } from "@/lib/billing/local/server";
import { getStripe, stripeForOrigin } from "@/lib/billing/stripe-client";
import { syncCustomer } from "@/lib/billing/sync";
import { CommandOutput, defineCommand, optionalString, UsageError, type ParsedValues } from "../command";
import { findUserByEmail } from "../find-user";
import { recordDataAccess } from "@/lib/privacy/access-log";

const SUBCOMMANDS = ["setup", "sync", "events", "advance"] as const;
type Sub = (typeof SUBCOMMANDS)[number];
const CLOCK = "clock_spotter_local";

function sub(positionals: string[]): Sub {
  const s = positionals[0];
  if (!(SUBCOMMANDS as readonly string[]).includes(s)) throw new UsageError(`billing needs one of: ${SUBCOMMANDS.join(", ")}`);
  return s as Sub;
}

function days(values: ParsedValues): number {
  const raw = optionalString(values, "days");
  const n = Number(raw);
  if (!raw || !Number.isInteger(n) || n < 1 || n > 3660) throw new UsageError("--days must be a whole number from 1 to 3660");
  return n;
}

function requireOn() {
  const mode = billingMode();
  if (mode === "off") throw new Error("Billing is off (SPOTTER_BILLING=off, or STRIPE_SECRET_KEY is set without STRIPE_WEBHOOK_SECRET).");
  return mode;
}

/**
 * The SDK this CLI run talks to: Stripe when keyed; otherwise the stand-in, served from this
 * process on a loopback port (same database, so the app sees every change; webhooks go to the
 * running app's route, and the CLI also syncs the customers it touched).
 */
async function withStripe<T>(db: Db, fn: (stripe: Stripe, local: LocalStripeServer | null) => Promise<T>): Promise<T> {
  if (requireOn() === "stripe") return fn(getStripe(), null);
  const app = recordedLocalAppUrl();
  const server = await startLocalStripeServer({
    db,
    secretKey: localSecretKey(),
    webhookSecret: webhookSecret(),
    webhookEndpoint: app ? `${app}/api/stripe/webhook` : undefined,
  });
  try {
    return await fn(server.stripe, server);
  } finally {
    await server.close();
  }
}

async function advanceWith(stripe: Stripe, n: number) {
  const clock = await stripe.testHelpers.testClocks.retrieve(CLOCK);
  const advanced = await stripe.testHelpers.testClocks.advance(CLOCK, { frozen_time: clock.frozen_time + n * 86_400 });
  return { from: new Date(clock.frozen_time * 1000).toISOString(), to: new Date(advanced.frozen_time * 1000).toISOString(), advanced };
}

export default defineCommand({
  name: "billing",
  summary: "Billing: set up prices, sync customers from Stripe, print events, advance the local test clock",
  usage: "setup | sync [--email E | --all] | events --email E | advance --days N",
  details: [
    "setup            Create the products and the four prices (lookup keys spotter_{pro,trainer}_{monthly,yearly}); idempotent.",
    "sync --email E   Re-read that customer's subscriptions from Stripe and store them (also --all).",
    "events --email E Print the customer's webhook events, one JSON object a line, as delivered.",
    "advance --days N Local test-mode Stripe only: move its clock N days (renewals, period ends, failed",
    "                 renewals), then deliver the webhooks. Works while the app runs.",
  ].join("\n"),
  options: { email: { type: "string" }, all: { type: "boolean" }, days: { type: "string" } },
  positionals: { min: 1, max: 1 },
  validate(values, positionals) {
    const s = sub(positionals);
    if (s === "sync" && !values.email === !values.all) throw new UsageError("billing sync needs --email EMAIL or --all");
    if (s === "events" && !optionalString(values, "email")) throw new UsageError("billing events needs --email EMAIL");
    if (s === "advance") days(values);
  },
  async run({ db, values, positionals }) {
    const s = sub(positionals);
    if (s === "events") {
      const user = await findUserByEmail(db, optionalString(values, "email")!);
      await recordDataAccess(db, {
        subjectUserId: user.id,
        actorUserId: null,
        actorKind: "operator",
        what: "Billing events",
        via: "admin CLI: billing events",
      });
      const customer = await customerForUser(db, user.id);
      if (!customer) return new CommandOutput("");
      const rows = await db
        .select({ payload: stripeEvents.payload })
        .from(stripeEvents)
        .where(eq(stripeEvents.customerId, customer.stripeCustomerId))
        .orderBy(asc(stripeEvents.eventCreatedAt), asc(stripeEvents.claimedAt));
      // The delivered JSON, whitespace removed so each event is one line.
      return new CommandOutput(rows.map((r) => `${JSON.stringify(JSON.parse(r.payload))}\n`).join(""));
    }
    return withStripe(db, async (stripe, local) => {
      if (s === "setup") return { mode: billingMode(), prices: await setupPrices(stripe) };
      if (s === "sync") {
        const rows = values.all
          ? await db.select().from(billingCustomers)
          : await (async () => {
              const user = await findUserByEmail(db, optionalString(values, "email")!);
              const c = await customerForUser(db, user.id);
              if (!c) throw new Error(`${user.email} has no billing customer yet (they never started a checkout).`);
              return [c];
            })();
        const results = [];
        for (const c of rows) {
          const r = await syncCustomer(db, c.stripeCustomerId, stripe);
          results.push({ customer: c.stripeCustomerId, ...r, effectivePlan: (await getEntitlements(db, c.userId)).plan });
        }
        return { synced: results.length, results };
      }
      if (!local)
        throw new UsageError("billing advance moves the local test-mode Stripe's clock; with Stripe keys use Stripe's test clocks in the dashboard.");
      const r = await advanceWith(stripe, days(values));
      const delivery = await local.flush();
      // The app may not be running to receive the webhooks: sync every local customer here too.
      const synced = [];
      for (const c of await db.select().from(billingCustomers).where(eq(billingCustomers.mode, "local")))
        synced.push({
          customer: c.stripeCustomerId,
          ...(await syncCustomer(db, c.stripeCustomerId, stripe)),
          effectivePlan: (await getEntitlements(db, c.userId)).plan,
        });
      return { from: r.from, to: r.to, webhooks: delivery, synced };
    });
  },
  /** Embedded database held by the running app: advance (and setup) through the app's own stand-in. */
  async runWhileAppRuns({ values, positionals }) {
    const s = sub(positionals);
    const app = recordedLocalAppUrl();
    if (requireOn() !== "local" || !app || (s !== "advance" && s !== "setup"))
      throw new Error(`The running app holds the embedded database; stop it to run "billing ${s}" (advance and setup work while it runs).`);
    const stripe = stripeForOrigin(app, localSecretKey());
    if (s === "setup") return { mode: "local", prices: await setupPrices(stripe) };
    const r = await advanceWith(stripe, days(values));
    return { from: r.from, to: r.to, via: app, webhooks: "delivered by the app" };
  },
});
