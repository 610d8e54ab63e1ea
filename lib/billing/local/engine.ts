import "server-only";
import type { Queryable } from "@/db/client";
import { checkCard, LATER_FAILURE, type TestCard } from "./cards";
import { invalidParam, LocalStripeError, noSuch } from "./errors";
import { clockOffset, emit, getObj, listObjs, lockCustomer, newId, nowSeconds, putObj, setClockOffset, type Obj } from "./store";

/**
 * The stand-in's behaviour: what Stripe does when a customer pays, switches plan, cancels or
 * renews. Every change is one transaction and records the events Stripe would send.
 */
type Db = Queryable;

function addInterval(seconds: number, interval: "month" | "year", count = 1): number {
  const d = new Date(seconds * 1000);
  if (interval === "year") d.setUTCFullYear(d.getUTCFullYear() + count);
  else d.setUTCMonth(d.getUTCMonth() + count);
  return Math.floor(d.getTime() / 1000);
}

async function tx<T>(db: Db, fn: (t: Db) => Promise<T>): Promise<T> {
  return (db as Extract<Db, { transaction: unknown }>).transaction((t) => fn(t as Db));
}

// ── customers ────────────────────────────────────────────────────────────────
export async function createCustomer(db: Db, p: { email?: string; name?: string; metadata?: Record<string, string> }) {
  return tx(db, async (t) => {
    const c = {
      id: newId("cus"),
      object: "customer",
      created: await nowSeconds(t),
      email: p.email ?? null,
      name: p.name ?? null,
      metadata: p.metadata ?? {},
      invoice_settings: { default_payment_method: null },
      livemode: false,
    };
    await putObj(t, c);
    await emit(t, "customer.created", c);
    return c;
  });
}

export async function requireCustomer(db: Db, id: string, param = "customer"): Promise<Obj> {
  const c = await getObj(db, id, "customer");
  if (!c) throw noSuch("customer", id, param);
  if (c.deleted) return c;
  return c;
}

export async function updateCustomer(db: Db, id: string, p: { email?: string; name?: string; metadata?: Record<string, string> }) {
  return tx(db, async (t) => {
    const c = await getObj(t, id, "customer", true);
    if (!c || c.deleted) throw noSuch("customer", id);
    const previous: Obj = {};
    for (const k of ["email", "name"] as const) {
      if (p[k] === undefined) continue;
      previous[k] = c[k];
      c[k] = p[k];
    }
    if (p.metadata) {
      previous.metadata = c.metadata;
      c.metadata = { ...c.metadata, ...p.metadata };
    }
    await putObj(t, c);
    await emit(t, "customer.updated", c, previous);
    return c;
  });
}

/** Deleting a customer cancels its subscriptions at once (Stripe's behaviour). */
export async function deleteCustomer(db: Db, id: string) {
  return tx(db, async (t) => {
    await lockCustomer(t, id);
    const c = await getObj(t, id, "customer", true);
    if (!c || c.deleted) throw noSuch("customer", id);
    const now = await nowSeconds(t);
    for (const s of await listObjs(t, "subscription", id)) {
      if (s.status === "canceled" || s.status === "incomplete_expired") continue;
      const prev = { status: s.status };
      Object.assign(s, { status: "canceled", canceled_at: now, ended_at: now, cancel_at_period_end: false });
      await putObj(t, s);
      await emit(t, "customer.subscription.deleted", s, prev);
    }
    const deleted = { id, object: "customer", deleted: true, _was: c, created: c.created };
    await putObj(t, deleted);
    await emit(t, "customer.deleted", { ...c, deleted: true });
    return { id, object: "customer", deleted: true };
  });
}

// ── products and prices ──────────────────────────────────────────────────────
export async function createProduct(db: Db, p: { name: string; id?: string; metadata?: Record<string, string>; active?: boolean }) {
  if (p.id && (await getObj(db, p.id)))
    throw new LocalStripeError(400, "invalid_request_error", `Product already exists.`, "resource_already_exists", "id");
  const product = {
    id: p.id ?? newId("prod"),
    object: "product",
    name: p.name,
    active: p.active ?? true,
    metadata: p.metadata ?? {},
    created: await nowSeconds(db),
    livemode: false,
  };
  await putObj(db, product);
  return product;
}

export async function createPrice(
  db: Db,
  p: {
    product: string;
    unit_amount: number;
    currency: string;
    recurring: { interval: string };
    lookup_key?: string;
    transfer_lookup_key?: boolean;
    nickname?: string;
    metadata?: Record<string, string>;
  },
) {
  return tx(db, async (t) => {
    if (!(await getObj(t, p.product, "product"))) throw noSuch("product", p.product, "product");
    if (!["month", "year"].includes(p.recurring.interval))
      throw invalidParam("recurring[interval]", "Invalid recurring[interval]: must be one of day, month, week, or year");
    if (p.lookup_key) {
      const holder = (await listObjs(t, "price")).find((x) => x.lookup_key === p.lookup_key);
      if (holder && !p.transfer_lookup_key)
        throw new LocalStripeError(
          400,
          "invalid_request_error",
          `A price (\`${holder.id}\`) already uses that lookup key.`,
          "lookup_key_exists",
          "lookup_key",
        );
      if (holder) await putObj(t, { ...holder, lookup_key: null });
    }
    const price = {
      id: newId("price"),
      object: "price",
      active: true,
      currency: p.currency,
      unit_amount: p.unit_amount,
      recurring: { interval: p.recurring.interval, interval_count: 1, usage_type: "licensed" },
      lookup_key: p.lookup_key ?? null,
      nickname: p.nickname ?? null,
      product: p.product,
      type: "recurring",
      metadata: p.metadata ?? {},
      created: await nowSeconds(t),
      livemode: false,
    };
    await putObj(t, price);
    return price;
  });
}

// ── checkout ─────────────────────────────────────────────────────────────────
export async function createCheckoutSession(
  db: Db,
  origin: string,
  p: {
    customer: string;
    mode: string;
    line_items: { price: string; quantity?: number }[];
    success_url: string;
    cancel_url?: string;
    client_reference_id?: string;
    metadata?: Record<string, string>;
    subscription_data?: { metadata?: Record<string, string> };
  },
) {
  if (p.mode !== "subscription") throw invalidParam("mode", "The stand-in supports mode=subscription only.");
  const customer = await getObj(db, p.customer, "customer");
  if (!customer || customer.deleted) throw noSuch("customer", p.customer, "customer");
  if (p.line_items.length !== 1) throw invalidParam("line_items", "Provide exactly one line item.");
  const price = await getObj(db, p.line_items[0].price, "price");
  if (!price) throw noSuch("price", p.line_items[0].price, "line_items[0][price]");
  const created = await nowSeconds(db);
  const id = newId("cs_test");
  const session = {
    id,
    object: "checkout.session",
    mode: "subscription",
    status: "open",
    payment_status: "unpaid",
    customer: p.customer,
    customer_email: customer.email,
    client_reference_id: p.client_reference_id ?? null,
    success_url: p.success_url,
    cancel_url: p.cancel_url ?? null,
    url: `${origin}/billing/local/checkout/${id}`,
    subscription: null,
    metadata: p.metadata ?? {},
    amount_total: price.unit_amount,
    currency: price.currency,
    created,
    expires_at: created + 24 * 3600,
    livemode: false,
    _line_items: [{ price: price.id, quantity: p.line_items[0].quantity ?? 1 }],
    _subscription_metadata: p.subscription_data?.metadata ?? {},
  };
  await putObj(db, session);
  return session;
}

export type PayResult = { ok: true; session: Obj; redirect: string } | { ok: false; field: string; message: string; code: string };

/** The hosted checkout page's "Pay": validates the card, then creates the subscription and its first invoice. */
export async function payCheckoutSession(
  db: Db,
  sessionId: string,
  card: { number: string; exp: string; cvc: string; name?: string },
): Promise<PayResult> {
  return tx(db, async (t) => {
    const session = await getObj(t, sessionId, "checkout.session", true);
    if (!session) throw noSuch("checkout session", sessionId);
    if (session.status === "complete") return { ok: true, session, redirect: successRedirect(session) };
    const now = await nowSeconds(t);
    if (session.status !== "open" || session.expires_at < now)
      return { ok: false, field: "form", code: "checkout_expired", message: "This checkout session has expired. Go back and start again." };
    await lockCustomer(t, session.customer);
    const checked = checkCard(card, new Date(now * 1000));
    if (!checked.ok) return { ok: false, field: checked.field, message: checked.message, code: checked.code };
    if (checked.card.declined) return { ok: false, field: "number", message: checked.card.declined.message, code: checked.card.declined.code };
    const customer = await getObj(t, session.customer, "customer", true);
    if (!customer || customer.deleted) return { ok: false, field: "form", code: "resource_missing", message: "This customer no longer exists." };
    const pm = await attachCard(t, customer, checked.card, checked.last4, card.exp, card.name);
    const price = (await getObj(t, session._line_items[0].price, "price"))!;
    const sub = await startSubscription(t, customer.id, price, pm.id, session._subscription_metadata ?? {}, now);
    const prev = { status: "open" };
    Object.assign(session, { status: "complete", payment_status: "paid", subscription: sub.id });
    await putObj(t, session);
    await emit(t, "checkout.session.completed", session, prev);
    return { ok: true, session, redirect: successRedirect(session) };
  });
}

function successRedirect(session: Obj): string {
  return String(session.success_url).replace("{CHECKOUT_SESSION_ID}", session.id);
}

async function attachCard(t: Db, customer: Obj, card: TestCard, last4: string, exp: string, name?: string) {
  const [mm, yy] = exp.split("/").map((x) => Number(x.trim()));
  const pm = {
    id: newId("pm"),
    object: "payment_method",
    type: "card",
    customer: customer.id,
    card: { brand: card.brand, last4, exp_month: mm, exp_year: yy < 100 ? 2000 + yy : yy, funding: "credit", country: "US" },
    billing_details: { email: customer.email, name: name ?? null },
    created: await nowSeconds(t),
    livemode: false,
    _fails_later: Boolean(card.failsLater),
  };
  await putObj(t, pm);
  await emit(t, "payment_method.attached", pm);
  const prev = { invoice_settings: customer.invoice_settings };
  customer.invoice_settings = { ...customer.invoice_settings, default_payment_method: pm.id };
  await putObj(t, customer);
  await emit(t, "customer.updated", customer, prev);
  return pm;
}

async function startSubscription(t: Db, customer: string, price: Obj, pm: string, metadata: Record<string, string>, now: number) {
  const end = addInterval(now, price.recurring.interval);
  const sub: Obj = {
    id: newId("sub"),
    object: "subscription",
    customer,
    status: "active",
    cancel_at_period_end: false,
    cancel_at: null,
    canceled_at: null,
    ended_at: null,
    created: now,
    start_date: now,
    billing_cycle_anchor: now,
    collection_method: "charge_automatically",
    currency: price.currency,
    default_payment_method: pm,
    latest_invoice: null,
    metadata,
    livemode: false,
    items: {
      object: "list",
      has_more: false,
      data: [{ id: newId("si"), object: "subscription_item", price, quantity: 1, created: now, current_period_start: now, current_period_end: end }],
    },
  };
  const invoice = await createInvoice(
    t,
    sub,
    "subscription_create",
    [
      {
        amount: price.unit_amount,
        description: `1 × ${await productName(t, price)} (at ${money(price.unit_amount)} / ${price.recurring.interval})`,
        start: now,
        end,
        proration: false,
      },
    ],
    now,
  );
  sub.latest_invoice = invoice.id;
  await putObj(t, sub);
  await emit(t, "customer.subscription.created", sub);
  await settleInvoice(t, invoice, pm, now, true);
  return sub;
}

async function productName(t: Db, price: Obj): Promise<string> {
  const product = await getObj(t, price.product, "product");
  return product?.name ?? "Subscription";
}

function money(cents: number) {
  return `$${(cents / 100).toFixed(2)}`;
}

// ── invoices ─────────────────────────────────────────────────────────────────
type Line = { amount: number; description: string; start: number; end: number; proration: boolean };

async function createInvoice(t: Db, sub: Obj, reason: string, lines: Line[], now: number) {
  const total = lines.reduce((s, l) => s + l.amount, 0);
  const count = (await listObjs(t, "invoice", sub.customer)).length;
  const id = newId("in");
  const invoice = {
    id,
    object: "invoice",
    customer: sub.customer,
    number: `SPOT-${sub.customer.slice(-6).toUpperCase()}-${String(count + 1).padStart(4, "0")}`,
    status: "open",
    billing_reason: reason,
    currency: sub.currency,
    subtotal: total,
    total,
    amount_due: Math.max(0, total),
    amount_paid: 0,
    amount_remaining: Math.max(0, total),
    attempt_count: 0,
    attempted: false,
    created: now,
    period_start: Math.min(...lines.map((l) => l.start)),
    period_end: Math.max(...lines.map((l) => l.end)),
    hosted_invoice_url: `/billing/local/invoice/${id}`,
    parent: { type: "subscription_details", subscription_details: { subscription: sub.id, metadata: sub.metadata ?? {} } },
    status_transitions: { finalized_at: now, paid_at: null },
    lines: {
      object: "list",
      has_more: false,
      data: lines.map((l) => ({
        id: newId("il"),
        object: "line_item",
        amount: l.amount,
        currency: sub.currency,
        description: l.description,
        period: { start: l.start, end: l.end },
        parent: { type: "subscription_item_details", subscription_item_details: { proration: l.proration, subscription: sub.id } },
      })),
    },
    livemode: false,
  };
  await putObj(t, invoice);
  await emit(t, "invoice.created", invoice);
  await emit(t, "invoice.finalized", invoice);
  return invoice;
}

/** Charges the invoice to the card; returns whether it was paid. */
async function settleInvoice(t: Db, invoice: Obj, pmId: string | null, now: number, firstCharge = false): Promise<boolean> {
  if (invoice.amount_due <= 0) {
    Object.assign(invoice, { status: "paid", amount_remaining: 0, status_transitions: { ...invoice.status_transitions, paid_at: now } });
    await putObj(t, invoice);
    await emit(t, "invoice.paid", invoice);
    return true;
  }
  const pm = pmId ? await getObj(t, pmId, "payment_method") : null;
  invoice.attempt_count += 1;
  invoice.attempted = true;
  if (!pm || (pm._fails_later && !firstCharge)) {
    invoice.last_finalization_error = null;
    invoice._failure = LATER_FAILURE;
    invoice.next_payment_attempt = null;
    await putObj(t, invoice);
    await emit(t, "invoice.payment_failed", invoice);
    return false;
  }
  Object.assign(invoice, {
    status: "paid",
    amount_paid: invoice.amount_due,
    amount_remaining: 0,
    status_transitions: { ...invoice.status_transitions, paid_at: now },
    _paid_with: { brand: pm.card.brand, last4: pm.card.last4 },
  });
  await putObj(t, invoice);
  await emit(t, "invoice.paid", invoice);
  await emit(t, "invoice.payment_succeeded", invoice);
  return true;
}

// ── subscriptions ────────────────────────────────────────────────────────────
export async function requireSubscription(db: Db, id: string, lock = false) {
  const s = await getObj(db, id, "subscription", lock);
  if (!s) throw noSuch("subscription", id);
  return s;
}

export async function updateSubscription(
  db: Db,
  id: string,
  p: { cancel_at_period_end?: boolean; items?: { id?: string; price?: string }[]; proration_behavior?: string; metadata?: Record<string, string> },
) {
  return tx(db, async (t) => {
    const found = await requireSubscription(t, id);
    await lockCustomer(t, found.customer);
    const sub = (await requireSubscription(t, id, true))!;
    if (["canceled", "incomplete_expired"].includes(sub.status))
      throw new LocalStripeError(
        400,
        "invalid_request_error",
        "A canceled subscription can only update its cancellation_details and metadata.",
        "resource_missing",
      );
    const now = await nowSeconds(t);
    const previous: Obj = {};
    if (p.metadata) {
      previous.metadata = sub.metadata;
      sub.metadata = { ...sub.metadata, ...p.metadata };
    }
    if (p.cancel_at_period_end !== undefined && p.cancel_at_period_end !== sub.cancel_at_period_end) {
      previous.cancel_at_period_end = sub.cancel_at_period_end;
      previous.cancel_at = sub.cancel_at;
      sub.cancel_at_period_end = p.cancel_at_period_end;
      sub.cancel_at = p.cancel_at_period_end ? sub.items.data[0].current_period_end : null;
      sub.canceled_at = p.cancel_at_period_end ? now : null;
    }
    let invoice: Obj | null = null;
    const newPriceId = p.items?.[0]?.price;
    if (newPriceId && newPriceId !== sub.items.data[0].price.id) {
      const item = sub.items.data[0];
      if (p.items![0].id && p.items![0].id !== item.id) throw noSuch("subscription item", p.items![0].id, "items[0][id]");
      const price = await getObj(t, newPriceId, "price");
      if (!price) throw noSuch("price", newPriceId, "items[0][price]");
      const old = item.price;
      previous.items = structuredClone(sub.items);
      const span = item.current_period_end - item.current_period_start;
      const left = Math.max(0, item.current_period_end - now);
      const fraction = span > 0 ? left / span : 0;
      const lines: Line[] = [
        {
          amount: -Math.round(old.unit_amount * fraction),
          description: `Unused time on ${await productName(t, old)} after ${day(now)}`,
          start: now,
          end: item.current_period_end,
          proration: true,
        },
      ];
      if (old.recurring.interval === price.recurring.interval) {
        lines.push({
          amount: Math.round(price.unit_amount * fraction),
          description: `Remaining time on ${await productName(t, price)} after ${day(now)}`,
          start: now,
          end: item.current_period_end,
          proration: true,
        });
      } else {
        // A new interval restarts the billing cycle now (Stripe does the same).
        item.current_period_start = now;
        item.current_period_end = addInterval(now, price.recurring.interval);
        lines.push({
          amount: price.unit_amount,
          description: `1 × ${await productName(t, price)} (at ${money(price.unit_amount)} / ${price.recurring.interval})`,
          start: now,
          end: item.current_period_end,
          proration: false,
        });
        if (sub.cancel_at_period_end) sub.cancel_at = item.current_period_end;
      }
      item.price = price;
      if (p.proration_behavior !== "none") invoice = await createInvoice(t, sub, "subscription_update", lines, now);
    }
    if (invoice) sub.latest_invoice = invoice.id;
    await putObj(t, sub);
    if (Object.keys(previous).length) await emit(t, "customer.subscription.updated", sub, previous);
    if (invoice) {
      const paid = await settleInvoice(t, invoice, sub.default_payment_method, now);
      if (!paid) await markPastDue(t, sub);
    }
    return sub;
  });
}

function day(seconds: number) {
  return new Date(seconds * 1000).toISOString().slice(0, 10);
}

async function markPastDue(t: Db, sub: Obj) {
  if (sub.status === "past_due") return;
  const prev = { status: sub.status };
  sub.status = "past_due";
  await putObj(t, sub);
  await emit(t, "customer.subscription.updated", sub, prev);
}

export async function cancelSubscription(db: Db, id: string) {
  return tx(db, async (t) => {
    const found = await requireSubscription(t, id);
    await lockCustomer(t, found.customer);
    const sub = (await requireSubscription(t, id, true))!;
    if (sub.status === "canceled") return sub;
    const now = await nowSeconds(t);
    const prev = { status: sub.status };
    Object.assign(sub, { status: "canceled", canceled_at: now, ended_at: now });
    await putObj(t, sub);
    await emit(t, "customer.subscription.deleted", sub, prev);
    return sub;
  });
}

/** Portal: a new card becomes the default and pays any open invoice (a past_due subscription recovers). */
export async function replaceCard(
  db: Db,
  customerId: string,
  card: { number: string; exp: string; cvc: string },
): Promise<{ ok: true } | { ok: false; message: string }> {
  return tx(db, async (t) => {
    await lockCustomer(t, customerId);
    const customer = await getObj(t, customerId, "customer", true);
    if (!customer || customer.deleted) return { ok: false, message: "This customer no longer exists." };
    const now = await nowSeconds(t);
    const checked = checkCard(card, new Date(now * 1000));
    if (!checked.ok) return { ok: false, message: checked.message };
    if (checked.card.declined) return { ok: false, message: checked.card.declined.message };
    const pm = await attachCard(t, customer, checked.card, checked.last4, card.exp);
    for (const sub of await listObjs(t, "subscription", customerId)) {
      if (["canceled", "incomplete_expired"].includes(sub.status)) continue;
      sub.default_payment_method = pm.id;
      await putObj(t, sub);
      if (sub.status !== "past_due") continue;
      const inv = await getObj(t, sub.latest_invoice, "invoice", true);
      if (inv && inv.status === "open" && (await settleInvoice(t, inv, pm.id, now, true))) {
        const prev = { status: sub.status };
        sub.status = "active";
        await putObj(t, sub);
        await emit(t, "customer.subscription.updated", sub, prev);
      }
    }
    return { ok: true };
  });
}

// ── test clock ───────────────────────────────────────────────────────────────
/** Days after a failed renewal when Stripe (with default settings) gives up and cancels. */
const PAST_DUE_CANCEL_DAYS = 14;

/**
 * Moves the stand-in's clock to `frozenTime` and does what Stripe would have done meanwhile:
 * renew (charging the card), end subscriptions set to cancel, fail renewals (→ past_due), and
 * cancel past_due subscriptions whose retries ran out.
 */
export async function advanceClock(db: Db, frozenTime: number) {
  return tx(db, async (t) => {
    const realNow = Math.floor(Date.now() / 1000);
    const current = realNow + (await clockOffset(t));
    if (frozenTime <= current) throw invalidParam("frozen_time", "The test clock can only move forward.");
    await setClockOffset(t, frozenTime - realNow);
    const changed = new Set<string>();
    for (const sub of await listObjs(t, "subscription")) {
      if (["canceled", "incomplete_expired"].includes(sub.status)) continue;
      await lockCustomer(t, sub.customer);
      for (let guard = 0; guard < 500; guard++) {
        const item = sub.items.data[0];
        const end = item.current_period_end;
        if (sub.status === "past_due") {
          const inv = await getObj(t, sub.latest_invoice, "invoice");
          if (inv && inv.created + PAST_DUE_CANCEL_DAYS * 86_400 <= frozenTime) {
            const prev = { status: sub.status };
            Object.assign(sub, {
              status: "canceled",
              canceled_at: inv.created + PAST_DUE_CANCEL_DAYS * 86_400,
              ended_at: inv.created + PAST_DUE_CANCEL_DAYS * 86_400,
            });
            await putObj(t, sub);
            await emit(t, "customer.subscription.deleted", sub, prev);
            changed.add(sub.customer);
          }
          break;
        }
        if (end > frozenTime) break;
        changed.add(sub.customer);
        if (sub.cancel_at_period_end) {
          const prev = { status: sub.status };
          Object.assign(sub, { status: "canceled", ended_at: end });
          await putObj(t, sub);
          await emit(t, "customer.subscription.deleted", sub, prev);
          break;
        }
        const previous = { items: structuredClone(sub.items) };
        item.current_period_start = end;
        item.current_period_end = addInterval(end, item.price.recurring.interval);
        const invoice = await createInvoice(
          t,
          sub,
          "subscription_cycle",
          [
            {
              amount: item.price.unit_amount,
              description: `1 × ${await productName(t, item.price)} (at ${money(item.price.unit_amount)} / ${item.price.recurring.interval})`,
              start: item.current_period_start,
              end: item.current_period_end,
              proration: false,
            },
          ],
          end,
        );
        sub.latest_invoice = invoice.id;
        await putObj(t, sub);
        await emit(t, "customer.subscription.updated", sub, previous);
        if (!(await settleInvoice(t, invoice, sub.default_payment_method, end))) {
          await markPastDue(t, sub);
        }
      }
    }
    return {
      id: "clock_spotter_local",
      object: "test_helpers.test_clock",
      frozen_time: frozenTime,
      status: "ready",
      livemode: false,
      _customers: [...changed],
    };
  });
}
