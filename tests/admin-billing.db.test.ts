import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stripeEvents, subscriptions } from "@/db/schema";
import { CommandOutput, UsageError } from "@/lib/admin/command";
import billing from "@/lib/admin/commands/billing";
import { startCheckout } from "@/lib/billing/checkout";
import { customerForUser } from "@/lib/billing/customers";
import { getEntitlements } from "@/lib/billing/entitlements";
import * as engine from "@/lib/billing/local/engine";
import { resetEnvCache } from "@/lib/config/env";
import { createUser } from "@/lib/users/create-user";
import { useTestDatabase } from "./helpers/db";
import { useLocalStripe } from "./helpers/stripe-local";

describe("npm run admin -- billing", () => {
  const t = useTestDatabase();
  const db = () => t().db;
  const stripe = useLocalStripe(db);
  let dir: string;
  const saved = { SPOTTER_DATA_DIR: process.env.SPOTTER_DATA_DIR, STRIPE_SECRET_KEY: process.env.STRIPE_SECRET_KEY };
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "spotter-billing-cli-"));
    process.env.SPOTTER_DATA_DIR = dir;
    delete process.env.STRIPE_SECRET_KEY;
    resetEnvCache();
  });
  afterAll(() => {
    for (const [k, v] of Object.entries(saved))
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    resetEnvCache();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const run = (...args: string[]) => {
    const [sub, ...rest] = args;
    const values: Record<string, string | boolean> = {};
    for (let i = 0; i < rest.length; i++) {
      const k = rest[i].replace(/^--/, "");
      if (k === "all") values.all = true;
      else values[k] = rest[++i];
    }
    billing.validate?.(values, [sub]);
    return billing.run({ db: db(), values, positionals: [sub] });
  };

  it("validates its arguments before touching anything", () => {
    expect(() => billing.validate!({}, ["sync"])).toThrow(UsageError);
    expect(() => billing.validate!({ email: "a@b.c", all: true }, ["sync"])).toThrow(/--email EMAIL or --all/);
    expect(() => billing.validate!({}, ["events"])).toThrow(/--email/);
    expect(() => billing.validate!({ days: "0" }, ["advance"])).toThrow(/--days/);
    expect(() => billing.validate!({}, ["refund"])).toThrow(/setup, sync, events, advance/);
  });

  it("setup, events as delivered, sync from the API, and advance end to end", async () => {
    const first = (await run("setup")) as { prices: { created: boolean }[] };
    expect(first.prices).toHaveLength(4);
    const again = (await run("setup")) as { prices: { created: boolean }[] };
    expect(again.prices.every((p) => !p.created)).toBe(true);

    const user = await createUser(db(), { email: "cli-payer@example.com" });
    const start = await startCheckout(db(), user.id, "spotter_pro_monthly", "http://app.test");
    await engine.payCheckoutSession(db(), start.url.split("/").pop()!, { number: "4242424242424242", exp: "12/34", cvc: "123" });
    await stripe().flush();
    const customer = (await customerForUser(db(), user.id))!.stripeCustomerId;

    const out = (await run("events", "--email", "cli-payer@example.com")) as CommandOutput;
    const lines = out.text.trimEnd().split("\n");
    const stored = await db().select().from(stripeEvents).where(eq(stripeEvents.customerId, customer));
    expect(lines).toHaveLength(stored.length);
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) {
      const e = JSON.parse(line);
      expect(JSON.stringify(JSON.parse(stored.find((s) => s.id === e.id)!.payload))).toBe(line);
    }

    await db().update(subscriptions).set({ plan: "free", stripeReadAt: null }).where(eq(subscriptions.userId, user.id));
    const synced = (await run("sync", "--email", "cli-payer@example.com")) as { results: { effectivePlan: string }[] };
    expect(synced.results[0].effectivePlan).toBe("pro");
    expect(((await run("sync", "--all")) as { synced: number }).synced).toBeGreaterThanOrEqual(1);

    const sub = (await stripe().stripe.subscriptions.list({ customer })).data[0];
    await engine.updateSubscription(db(), sub.id, { cancel_at_period_end: true });
    const advanced = (await run("advance", "--days", "31")) as { synced: { customer: string; status: string; effectivePlan: string }[] };
    expect(advanced.synced.find((s) => s.customer === customer)).toMatchObject({ status: "canceled", effectivePlan: "free" });
    expect((await getEntitlements(db(), user.id)).plan).toBe("free");
  });
});
