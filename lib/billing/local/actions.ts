"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { billingMode, isLookupKey } from "../config";
import * as engine from "./engine";
import { scheduleWebhookFlush } from "./runtime";
import { getObj, listObjs } from "./store";

/**
 * The stand-in's hosted pages (checkout, portal) act here, as Stripe's pages would: the session id
 * is the capability (like Stripe's unguessable URLs), checked on every action.
 */
export type PayState = { error: string; field: string } | null;

const cardSchema = z.object({
  number: z.string().max(40).default(""),
  exp: z.string().max(10).default(""),
  cvc: z.string().max(6).default(""),
  name: z.string().max(200).optional(),
});

function assertLocal() {
  if (billingMode() !== "local") throw new Error("The local test-mode Stripe is not active.");
}

export async function payCheckoutAction(sessionId: string, _prev: PayState, form: FormData): Promise<PayState> {
  assertLocal();
  const card = cardSchema.parse(Object.fromEntries(form));
  const result = await engine.payCheckoutSession(getDb(), sessionId, card);
  scheduleWebhookFlush();
  if (!result.ok) return { error: result.message, field: result.field };
  const target = new URL(result.redirect);
  redirect(`${target.pathname}${target.search}`);
}

async function portalContext(portalId: string) {
  assertLocal();
  const db = getDb();
  const session = await getObj(db, portalId, "billing_portal.session");
  if (!session || session._expires_at < Math.floor(Date.now() / 1000))
    throw new Error("This billing session has expired. Open “Manage billing” again.");
  const sub = (await listObjs(db, "subscription", session.customer)).find((s) => !["canceled", "incomplete_expired"].includes(s.status)) ?? null;
  return { db, session, sub };
}

function back(portalId: string, done: string): never {
  scheduleWebhookFlush();
  redirect(`/billing/local/portal/${portalId}?done=${done}`);
}

export async function portalSwitchAction(portalId: string, form: FormData) {
  const { db, sub } = await portalContext(portalId);
  const key = form.get("lookupKey");
  if (!sub || !isLookupKey(key)) back(portalId, "nothing");
  const price = (await listObjs(db, "price")).find((p) => p.lookup_key === key && p.active);
  if (!price) back(portalId, "nothing");
  await engine.updateSubscription(db, sub.id, { items: [{ id: sub.items.data[0].id, price: price.id }], proration_behavior: "always_invoice" });
  back(portalId, "switched");
}

export async function portalCancelAction(portalId: string) {
  const { db, sub } = await portalContext(portalId);
  if (sub) await engine.updateSubscription(db, sub.id, { cancel_at_period_end: true });
  back(portalId, "canceled");
}

export async function portalResumeAction(portalId: string) {
  const { db, sub } = await portalContext(portalId);
  if (sub) await engine.updateSubscription(db, sub.id, { cancel_at_period_end: false });
  back(portalId, "resumed");
}

export async function portalCardAction(portalId: string, _prev: PayState, form: FormData): Promise<PayState> {
  const { db, session } = await portalContext(portalId);
  const card = cardSchema.parse(Object.fromEntries(form));
  const r = await engine.replaceCard(db, session.customer, card);
  if (!r.ok) return { error: r.message, field: "number" };
  back(portalId, "card");
}
