import "server-only";
import { timingSafeEqual } from "node:crypto";
import { and, asc, desc, eq, gt, inArray, lt } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { stripeLocalEvents } from "@/db/schema";
import * as engine from "./engine";
import { LocalStripeError, noSuch } from "./errors";
import { arr, bool, int, parseForm, str, validate, type Params } from "./params";
import { getObj, listObjs, newId, publicView, setStateValue, stateValue, type Obj } from "./store";
import { logError } from "@/lib/log/redact";

/**
 * The stand-in's HTTP API, Stripe's paths under /v1. A plain Request → Response function: the
 * app serves it (app/api/stripe-local), tests and the CLI serve it from a bare node:http server.
 */
export interface LocalApiContext {
  db: Queryable;
  secretKey: string;
  /** Browser-facing origin for hosted pages (checkout, portal, invoice). */
  origin: string;
  /** Called after a change so pending webhooks go out. */
  afterChange?: () => void;
}

const META = "map" as const;
const EXPAND = ["string"] as ["string"];

function json(status: number, body: unknown) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", "stripe-version": "2026-10-28.endive", "request-id": newId("req") },
  });
}

function authorized(request: Request, key: string): boolean {
  const header = request.headers.get("authorization") ?? "";
  const m = /^Bearer (.+)$/.exec(header) ?? /^Basic (.+)$/.exec(header);
  if (!m) return false;
  const given = header.startsWith("Basic") ? Buffer.from(m[1], "base64").toString().replace(/:$/, "") : m[1];
  const a = Buffer.from(given);
  const b = Buffer.from(key);
  return a.length === b.length && timingSafeEqual(a, b);
}

function list(data: Obj[], url: string, hasMore = false) {
  return { object: "list", data, has_more: hasMore, url };
}

/** Replaces ids with objects along `expand` paths (e.g. data.default_payment_method, latest_invoice). */
async function expand(db: Queryable, obj: Obj, paths: string[]): Promise<Obj> {
  for (const path of paths) await expandPath(db, obj, path.split("."));
  return obj;
}

async function expandPath(db: Queryable, node: Obj, parts: string[]): Promise<void> {
  if (!node || typeof node !== "object") return;
  const [head, ...rest] = parts;
  if (Array.isArray(node[head]) && rest.length) {
    for (const x of node[head]) await expandPath(db, x, rest);
    return;
  }
  if (rest.length === 0) {
    if (typeof node[head] === "string") {
      const found = await getObj(db, node[head]);
      if (found) node[head] = publicView(found);
    }
    return;
  }
  await expandPath(db, node[head], rest);
}

const limitOf = (p: Params) => Math.min(100, Math.max(1, int(p, "limit") ?? 10));

type Handler = (ctx: LocalApiContext, params: Params, ids: string[]) => Promise<{ body: Obj; status?: number; changed?: boolean }>;

const routes: { method: string; pattern: RegExp; handler: Handler }[] = [];
function route(method: string, path: string, handler: Handler) {
  routes.push({ method, pattern: new RegExp(`^${path.replace(/:id/g, "([A-Za-z0-9_]+)")}$`), handler });
}

// customers
route("POST", "/v1/customers", async ({ db }, p) => {
  validate(p, { email: "string", name: "string", metadata: META, expand: EXPAND });
  return {
    body: await engine.createCustomer(db, { email: str(p, "email"), name: str(p, "name"), metadata: p.metadata as Record<string, string> }),
    changed: true,
  };
});
route("GET", "/v1/customers/:id", async ({ db }, p, [id]) => {
  validate(p, { expand: EXPAND });
  const c = await engine.requireCustomer(db, id, "id");
  if (c.deleted) return { body: { id, object: "customer", deleted: true } };
  return { body: await expand(db, publicView(c), arr(p, "expand") as string[]) };
});
route("POST", "/v1/customers/:id", async ({ db }, p, [id]) => {
  validate(p, { email: "string", name: "string", metadata: META, expand: EXPAND });
  return {
    body: await engine.updateCustomer(db, id, { email: str(p, "email"), name: str(p, "name"), metadata: p.metadata as Record<string, string> }),
    changed: true,
  };
});
route("DELETE", "/v1/customers/:id", async ({ db }, p, [id]) => {
  validate(p, {});
  return { body: await engine.deleteCustomer(db, id), changed: true };
});

// products and prices
route("POST", "/v1/products", async ({ db }, p) => {
  validate(p, { id: "string", name: "string", active: "bool", metadata: META, description: "string" }, ["name"]);
  return {
    body: await engine.createProduct(db, {
      id: str(p, "id"),
      name: str(p, "name")!,
      active: bool(p, "active"),
      metadata: p.metadata as Record<string, string>,
    }),
  };
});
route("GET", "/v1/products/:id", async ({ db }, p, [id]) => {
  validate(p, { expand: EXPAND });
  const product = await getObj(db, id, "product");
  if (!product) throw noSuch("product", id);
  return { body: product };
});
route("POST", "/v1/prices", async ({ db }, p) => {
  validate(
    p,
    {
      product: "string",
      unit_amount: "int",
      currency: "string",
      recurring: { interval: "string", interval_count: "int" },
      lookup_key: "string",
      transfer_lookup_key: "bool",
      nickname: "string",
      metadata: META,
      expand: EXPAND,
    },
    ["currency", "product", "unit_amount", "recurring"],
  );
  const recurring = p.recurring as Params;
  return {
    body: await engine.createPrice(db, {
      product: str(p, "product")!,
      unit_amount: int(p, "unit_amount")!,
      currency: str(p, "currency")!,
      recurring: { interval: str(recurring, "interval") ?? "" },
      lookup_key: str(p, "lookup_key"),
      transfer_lookup_key: bool(p, "transfer_lookup_key"),
      nickname: str(p, "nickname"),
      metadata: p.metadata as Record<string, string>,
    }),
  };
});
route("GET", "/v1/prices", async ({ db }, p) => {
  validate(p, { lookup_keys: ["string"], active: "bool", limit: "int", expand: EXPAND, product: "string" });
  const keys = arr(p, "lookup_keys") as string[];
  let prices = await listObjs(db, "price");
  if (keys.length) prices = prices.filter((x) => keys.includes(x.lookup_key));
  if (p.active !== undefined) prices = prices.filter((x) => x.active === bool(p, "active"));
  if (p.product) prices = prices.filter((x) => x.product === str(p, "product"));
  const data = await Promise.all(
    prices.slice(0, limitOf(p)).map((x) =>
      expand(
        db,
        publicView(x),
        ((arr(p, "expand") as string[]) ?? []).map((e) => e.replace(/^data\./, "")),
      ),
    ),
  );
  return { body: list(data, "/v1/prices", prices.length > data.length) };
});
route("GET", "/v1/prices/:id", async ({ db }, p, [id]) => {
  validate(p, { expand: EXPAND });
  const price = await getObj(db, id, "price");
  if (!price) throw noSuch("price", id);
  return { body: await expand(db, publicView(price), arr(p, "expand") as string[]) };
});

// checkout
route("POST", "/v1/checkout/sessions", async ({ db, origin }, p) => {
  validate(
    p,
    {
      mode: "string",
      customer: "string",
      client_reference_id: "string",
      line_items: [{ price: "string", quantity: "int" }],
      success_url: "string",
      cancel_url: "string",
      metadata: META,
      subscription_data: { metadata: META },
      allow_promotion_codes: "bool",
      billing_address_collection: "string",
      expand: EXPAND,
    },
    ["mode", "customer", "line_items", "success_url"],
  );
  const items = (arr(p, "line_items") as Params[]).map((x) => ({ price: str(x, "price")!, quantity: int(x, "quantity") }));
  const session = await engine.createCheckoutSession(db, origin, {
    mode: str(p, "mode")!,
    customer: str(p, "customer")!,
    line_items: items,
    success_url: str(p, "success_url")!,
    cancel_url: str(p, "cancel_url"),
    client_reference_id: str(p, "client_reference_id"),
    metadata: p.metadata as Record<string, string>,
    subscription_data: p.subscription_data as { metadata?: Record<string, string> },
  });
  return { body: session };
});
route("GET", "/v1/checkout/sessions/:id", async ({ db }, p, [id]) => {
  validate(p, { expand: EXPAND });
  const s = await getObj(db, id, "checkout.session");
  if (!s) throw noSuch("checkout.session", id);
  return { body: await expand(db, publicView(s), arr(p, "expand") as string[]) };
});

// subscriptions
route("GET", "/v1/subscriptions", async ({ db }, p) => {
  validate(p, { customer: "string", status: "string", limit: "int", expand: EXPAND, starting_after: "string", price: "string" });
  let subs = await listObjs(db, "subscription", str(p, "customer"));
  const status = str(p, "status");
  if (status !== "all") subs = subs.filter((s) => (status ? s.status === status : !["canceled", "incomplete_expired"].includes(s.status)));
  const page = subs.slice(0, limitOf(p));
  const data = await Promise.all(
    page.map((s) =>
      expand(
        db,
        publicView(s),
        ((arr(p, "expand") as string[]) ?? []).map((e) => e.replace(/^data\./, "")),
      ),
    ),
  );
  return { body: list(data, "/v1/subscriptions", subs.length > page.length) };
});
route("GET", "/v1/subscriptions/:id", async ({ db }, p, [id]) => {
  validate(p, { expand: EXPAND });
  return { body: await expand(db, publicView(await engine.requireSubscription(db, id)), arr(p, "expand") as string[]) };
});
route("POST", "/v1/subscriptions/:id", async ({ db }, p, [id]) => {
  validate(p, {
    cancel_at_period_end: "bool",
    items: [{ id: "string", price: "string", quantity: "int" }],
    proration_behavior: "string",
    metadata: META,
    expand: EXPAND,
  });
  const items = p.items ? (arr(p, "items") as Params[]).map((x) => ({ id: str(x, "id"), price: str(x, "price") })) : undefined;
  const sub = await engine.updateSubscription(db, id, {
    cancel_at_period_end: bool(p, "cancel_at_period_end"),
    items,
    proration_behavior: str(p, "proration_behavior"),
    metadata: p.metadata as Record<string, string>,
  });
  return { body: publicView(sub), changed: true };
});
route("DELETE", "/v1/subscriptions/:id", async ({ db }, p, [id]) => {
  validate(p, { invoice_now: "bool", prorate: "bool" });
  return { body: publicView(await engine.cancelSubscription(db, id)), changed: true };
});

// portal
route("POST", "/v1/billing_portal/sessions", async ({ db, origin }, p) => {
  validate(p, { customer: "string", return_url: "string", configuration: "string", locale: "string" }, ["customer"]);
  const customer = await engine.requireCustomer(db, str(p, "customer")!);
  if (customer.deleted) throw noSuch("customer", customer.id, "customer");
  const now = Math.floor(Date.now() / 1000);
  const id = newId("bps");
  const session = {
    id,
    object: "billing_portal.session",
    customer: customer.id,
    return_url: str(p, "return_url") ?? null,
    url: `${origin}/billing/local/portal/${id}`,
    created: now,
    livemode: false,
    _expires_at: now + 3600,
  };
  const { putObj } = await import("./store");
  await putObj(db, session);
  return { body: session };
});

// invoices
route("GET", "/v1/invoices", async ({ db }, p) => {
  validate(p, { customer: "string", subscription: "string", status: "string", limit: "int", expand: EXPAND, starting_after: "string" });
  let invoices = await listObjs(db, "invoice", str(p, "customer"));
  if (p.subscription) invoices = invoices.filter((i) => i.parent?.subscription_details?.subscription === str(p, "subscription"));
  if (p.status) invoices = invoices.filter((i) => i.status === str(p, "status"));
  const page = invoices.slice(0, limitOf(p));
  return { body: list(page.map(publicView), "/v1/invoices", invoices.length > page.length) };
});
route("GET", "/v1/invoices/:id", async ({ db }, p, [id]) => {
  validate(p, { expand: EXPAND });
  const inv = await getObj(db, id, "invoice");
  if (!inv) throw noSuch("invoice", id);
  return { body: publicView(inv) };
});
route("GET", "/v1/payment_methods/:id", async ({ db }, p, [id]) => {
  validate(p, { expand: EXPAND });
  const pm = await getObj(db, id, "payment_method");
  if (!pm) throw noSuch("payment_method", id);
  return { body: publicView(pm) };
});

// events
route("GET", "/v1/events", async ({ db }, p) => {
  validate(p, {
    limit: "int",
    starting_after: "string",
    ending_before: "string",
    type: "string",
    types: ["string"],
    delivery_success: "bool",
    created: "map",
  });
  const limit = limitOf(p);
  const conds = [];
  const type = str(p, "type");
  const types = arr(p, "types") as string[];
  if (type) conds.push(eq(stripeLocalEvents.type, type));
  if (types.length) conds.push(inArray(stripeLocalEvents.type, types));
  const after = str(p, "starting_after");
  const before = str(p, "ending_before");
  const seqOf = async (id: string) => {
    const [row] = await db.select({ seq: stripeLocalEvents.seq }).from(stripeLocalEvents).where(eq(stripeLocalEvents.id, id));
    if (!row) throw noSuch("event", id, after ? "starting_after" : "ending_before");
    return row.seq;
  };
  if (after) conds.push(lt(stripeLocalEvents.seq, await seqOf(after)));
  if (before) conds.push(gt(stripeLocalEvents.seq, await seqOf(before)));
  const rows = await db
    .select({ body: stripeLocalEvents.body })
    .from(stripeLocalEvents)
    .where(conds.length ? and(...conds) : undefined)
    .orderBy(before ? asc(stripeLocalEvents.seq) : desc(stripeLocalEvents.seq))
    .limit(limit + 1);
  const data = rows.slice(0, limit).map((r) => r.body);
  if (before) data.reverse();
  return { body: list(data, "/v1/events", rows.length > limit) };
});
route("GET", "/v1/events/:id", async ({ db }, p, [id]) => {
  validate(p, { expand: EXPAND });
  const [row] = await db.select({ body: stripeLocalEvents.body }).from(stripeLocalEvents).where(eq(stripeLocalEvents.id, id));
  if (!row) throw noSuch("event", id);
  return { body: row.body };
});

// test clock (one global clock for the stand-in)
route("GET", "/v1/test_helpers/test_clocks/:id", async ({ db }, p, [id]) => {
  validate(p, {});
  if (id !== "clock_spotter_local") throw noSuch("test_helpers.test_clock", id);
  const { nowSeconds } = await import("./store");
  return { body: { id, object: "test_helpers.test_clock", frozen_time: await nowSeconds(db), status: "ready", livemode: false } };
});
route("POST", "/v1/test_helpers/test_clocks/:id/advance", async ({ db }, p, [id]) => {
  validate(p, { frozen_time: "int" }, ["frozen_time"]);
  if (id !== "clock_spotter_local") throw noSuch("test_helpers.test_clock", id);
  const result = await engine.advanceClock(db, int(p, "frozen_time")!);
  return { body: publicView(result), changed: true };
});

export async function handleLocalStripe(request: Request, ctx: LocalApiContext, path: string): Promise<Response> {
  try {
    if (!authorized(request, ctx.secretKey))
      throw new LocalStripeError(
        401,
        "authentication_error",
        "Invalid API Key provided. This is the local test-mode Stripe: use the key it generated under the data directory.",
      );
    const url = new URL(request.url);
    const method = request.method.toUpperCase();
    const params = method === "POST" ? parseForm(new URLSearchParams(await request.text())) : parseForm(url.searchParams);
    const found = routes.find((r) => r.method === method && r.pattern.test(path));
    if (!found)
      throw new LocalStripeError(
        404,
        "invalid_request_error",
        `Unrecognized request URL (${method}: ${path}). This local test-mode Stripe serves the endpoints Spotter uses.`,
      );
    const ids = path.match(found.pattern)!.slice(1);
    const idemKey = method === "POST" ? request.headers.get("idempotency-key") : null;
    if (idemKey) {
      const previous = await stateValue<{ status: number; body: Obj; path: string }>(ctx.db, `idem:${idemKey}`);
      if (previous && previous.path === path) return json(previous.status, previous.body);
    }
    const result = await found.handler(ctx, params, ids);
    const status = result.status ?? 200;
    if (idemKey) await setStateValue(ctx.db, `idem:${idemKey}`, { status, body: result.body, path });
    if (result.changed !== false) ctx.afterChange?.();
    return json(status, publicView(result.body));
  } catch (error) {
    if (error instanceof LocalStripeError) return json(error.status, error.toJSON());
    logError("[stripe-local] request failed", error);
    return json(500, { error: { type: "api_error", message: "The local test-mode Stripe hit an internal error." } });
  }
}
