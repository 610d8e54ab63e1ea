/**
 * Billing webhooks: claim + sync latency (p50/p95) of one webhook delivery, and 200 concurrent
 * deliveries of one event → exactly one sync. Runs against the local test-mode Stripe served over
 * HTTP on loopback with the real SDK (so "sync" includes two SDK round trips to the stand-in), on
 * PGlite and — when TEST_DATABASE_URL is set — on the real PostgreSQL.
 *
 *   [TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test] npm run tsx -- bench/billing.bench.ts [deliveries=60]
 *
 * Results go to the "Billing webhooks" section of docs/benchmarks.md.
 */
import { eq } from "drizzle-orm";
import { stripeEvents } from "@/db/schema";
import { setStripeClient } from "@/lib/billing/stripe-client";
import { startCheckout } from "@/lib/billing/checkout";
import { customerForUser } from "@/lib/billing/customers";
import * as engine from "@/lib/billing/local/engine";
import { signPayload } from "@/lib/billing/local/deliver";
import { startLocalStripeServer } from "@/lib/billing/local/server";
import { syncCustomer } from "@/lib/billing/sync";
import { handleStripeWebhook } from "@/lib/billing/webhook";
import { createUser } from "@/lib/users/create-user";
import { writeBenchmarkSection } from "./lib/benchmarks-doc";
import { freshPglite, freshPostgres, type BenchDatabase } from "./lib/databases";
import { loadAverage, machine } from "./lib/measure";

const DELIVERIES = Math.max(10, Number(process.argv[2] ?? 60));
const CUSTOMERS = 10;
const DUPLICATES = 200;
const SECRET = "whsec_bench_0123456789abcdef0123456789abcdef";
const KEY = "sk_test_local_bench_0123456789abcdef0123456789";

function pct(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function run(b: BenchDatabase) {
  const server = await startLocalStripeServer({ db: b.db, secretKey: KEY, webhookSecret: SECRET });
  setStripeClient(server.stripe);
  try {
    const payloads: string[] = [];
    for (let i = 0; i < CUSTOMERS; i++) {
      const u = await createUser(b.db, { email: `bill-${i}-${Date.now()}@example.test` });
      const start = await startCheckout(b.db, u.id, "spotter_pro_monthly", "http://bench.test");
      await engine.payCheckoutSession(b.db, start.url.split("/").pop()!, { number: "4242424242424242", exp: "12/34", cvc: "123" });
      await server.flush();
      // The customer's latest event, as the stand-in delivers it (pretty-printed JSON, like Stripe).
      if (!(await customerForUser(b.db, u.id))) throw new Error("no customer");
      const r = await server.stripe.events.list({ limit: 1 });
      payloads.push(JSON.stringify(r.data[0], null, 2));
    }
    const times: number[] = [];
    for (let i = 0; i < DELIVERIES; i++) {
      const payload = payloads[i % payloads.length];
      await b.db.delete(stripeEvents).where(eq(stripeEvents.id, JSON.parse(payload).id));
      const t0 = performance.now();
      const r = await handleStripeWebhook(b.db, payload, signPayload(payload, SECRET), { secret: SECRET, stripe: server.stripe });
      times.push(performance.now() - t0);
      if (r.status !== 200) throw new Error(`delivery failed: ${r.status}`);
    }
    times.sort((a, c) => a - c);

    const payload = payloads[0];
    await b.db.delete(stripeEvents).where(eq(stripeEvents.id, JSON.parse(payload).id));
    let syncs = 0;
    const sync: typeof syncCustomer = (...args) => {
      syncs++;
      return syncCustomer(...args);
    };
    const t0 = performance.now();
    const results = await Promise.all(
      Array.from({ length: DUPLICATES }, () =>
        handleStripeWebhook(b.db, payload, signPayload(payload, SECRET), { secret: SECRET, stripe: server.stripe, sync }),
      ),
    );
    const burstMs = performance.now() - t0;
    const byStatus = results.reduce<Record<number, number>>((m, r) => ((m[r.status] = (m[r.status] ?? 0) + 1), m), {});
    return { label: b.label, p50: pct(times, 50), p95: pct(times, 95), syncs, byStatus, burstMs };
  } finally {
    setStripeClient(null);
    await server.close();
  }
}

async function main() {
  const rows = [];
  const dbs: (() => Promise<BenchDatabase>)[] = [freshPglite];
  const adminUrl = process.env.TEST_DATABASE_URL ?? process.env.BENCH_DATABASE_URL;
  if (adminUrl) dbs.push(() => freshPostgres(adminUrl));
  for (const make of dbs) {
    const b = await make();
    try {
      const r = await run(b);
      console.log(r);
      rows.push(r);
    } finally {
      await b.dispose();
    }
  }
  const fmt = (n: number) => n.toFixed(1);
  writeBenchmarkSection(
    "Billing webhooks",
    [
      `\`npm run tsx -- bench/billing.bench.ts ${DELIVERIES}\` (with TEST_DATABASE_URL for the PostgreSQL row) — ${new Date().toISOString().slice(0, 10)}, ${machine()}, load average ${loadAverage()}.`,
      "",
      `One delivery = signature check + claim in \`stripe_events\` + \`syncCustomer\` (customer and subscriptions read back through the real \`stripe\` SDK from the local test-mode Stripe over loopback HTTP, then the upsert) + completion. ${DELIVERIES} deliveries over ${CUSTOMERS} customers. Against api.stripe.com the two API reads dominate instead (network round trips).`,
      "",
      "| Database | claim+sync p50 | p95 | 200 concurrent duplicates of one event | syncs run | answers |",
      "|---|---:|---:|---:|---:|---|",
      ...rows.map(
        (r) =>
          `| ${r.label} | ${fmt(r.p50)} ms | ${fmt(r.p95)} ms | ${fmt(r.burstMs)} ms | **${r.syncs}** | ${Object.entries(r.byStatus)
            .map(([s, n]) => `${n}× ${s}`)
            .join(", ")} |`,
      ),
      "",
      "Exactly one sync per event under any concurrency: the claim is a single conditional upsert; duplicates that arrive while it runs get 409 (Stripe retries them later and then gets 200 “duplicate”), later ones 200.",
    ].join("\n"),
  );
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
