import "server-only";
import { randomBytes } from "node:crypto";
import { and, desc, eq, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { stripeLocalEvents, stripeLocalObjects, stripeLocalState } from "@/db/schema";

/** Stripe-shaped JSON object (loosely typed: the stand-in owns these shapes). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Obj = Record<string, any>;

const API_VERSION = "2026-10-28.endive";

export function newId(prefix: string): string {
  // Stripe ids: prefix, underscore, alphanumerics.
  const alnum = randomBytes(18)
    .toString("base64")
    .replace(/[^A-Za-z0-9]/g, "")
    .slice(0, 24);
  return `${prefix}_${alnum.padEnd(24, "0")}`;
}

/** The stand-in's clock: real time plus the test clock's offset (seconds). */
export async function clockOffset(db: Queryable): Promise<number> {
  const [row] = await db.select().from(stripeLocalState).where(eq(stripeLocalState.key, "clock_offset"));
  return row ? Number(row.value) : 0;
}

export async function nowSeconds(db: Queryable): Promise<number> {
  return Math.floor(Date.now() / 1000) + (await clockOffset(db));
}

export async function setClockOffset(db: Queryable, seconds: number) {
  await db
    .insert(stripeLocalState)
    .values({ key: "clock_offset", value: seconds })
    .onConflictDoUpdate({ target: stripeLocalState.key, set: { value: seconds } });
}

export async function getObj(db: Queryable, id: string, object?: string, lock = false): Promise<Obj | null> {
  if (!id || typeof id !== "string") return null;
  const q = db
    .select({ data: stripeLocalObjects.data, object: stripeLocalObjects.object })
    .from(stripeLocalObjects)
    .where(eq(stripeLocalObjects.id, id));
  const [row] = lock ? await q.for("update") : await q;
  if (!row || (object && row.object !== object)) return null;
  return row.data;
}

export async function putObj(db: Queryable, obj: Obj): Promise<Obj> {
  const customer = obj.object === "customer" ? obj.id : typeof obj.customer === "string" ? obj.customer : null;
  await db
    .insert(stripeLocalObjects)
    .values({ id: obj.id, object: obj.object, customer, data: obj, created: obj.created ?? 0 })
    .onConflictDoUpdate({ target: stripeLocalObjects.id, set: { data: obj, customer } });
  return obj;
}

export async function listObjs(db: Queryable, object: string, customer?: string): Promise<Obj[]> {
  const rows = await db
    .select({ data: stripeLocalObjects.data })
    .from(stripeLocalObjects)
    .where(customer ? and(eq(stripeLocalObjects.object, object), eq(stripeLocalObjects.customer, customer)) : eq(stripeLocalObjects.object, object))
    .orderBy(desc(stripeLocalObjects.seq));
  return rows.map((r) => r.data);
}

/** Public JSON: internal fields (leading underscore) never leave the stand-in. */
export function publicView(obj: Obj): Obj {
  return JSON.parse(JSON.stringify(obj, (k, v) => (k.startsWith("_") ? undefined : v)));
}

export async function emit(db: Queryable, type: string, obj: Obj, previous?: Obj): Promise<Obj> {
  const created = await nowSeconds(db);
  const event = {
    id: newId("evt"),
    object: "event",
    api_version: API_VERSION,
    created,
    data: { object: publicView(obj), ...(previous ? { previous_attributes: previous } : {}) },
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
  };
  const customer = obj.object === "customer" ? obj.id : typeof obj.customer === "string" ? obj.customer : null;
  await db.insert(stripeLocalEvents).values({ id: event.id, type, customer, body: event, created });
  return event;
}

export async function stateValue<T>(db: Queryable, key: string): Promise<T | null> {
  const [row] = await db.select().from(stripeLocalState).where(eq(stripeLocalState.key, key));
  return row ? (row.value as T) : null;
}

export async function setStateValue(db: Queryable, key: string, value: unknown) {
  await db
    .insert(stripeLocalState)
    .values({ key, value: value as object })
    .onConflictDoUpdate({ target: stripeLocalState.key, set: { value: value as object } });
}

/** Serialises changes to one customer's billing objects (subscription updates, renewals). */
export async function lockCustomer(db: Queryable, customer: string) {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`stripe-local:${customer}`}))`);
}
