import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type Stripe from "stripe";
import { describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import {
  accountDeletionTokens,
  accounts,
  billingCustomers,
  bodyMetrics,
  coachInterviews,
  coachVersions,
  coaches,
  conversations,
  exerciseAliases,
  exercises,
  importRuns,
  liveCues,
  liveSettings,
  liveWorkouts,
  messageVisualizations,
  messages,
  privacySettings,
  rateLimitBuckets,
  sessions,
  speechClips,
  trainerLinks,
  trainingRecords,
  users,
  verificationTokens,
  workoutTemplates,
} from "@/db/schema";
import { loginEmailKey } from "@/lib/auth/authenticate";
import { startCheckout } from "@/lib/billing/checkout";
import { lookupKeyFor } from "@/lib/billing/config";
import { customerForUser } from "@/lib/billing/customers";
import * as engine from "@/lib/billing/local/engine";
import { setStripeClient } from "@/lib/billing/stripe-client";
import { recordDataAccess } from "@/lib/privacy/access-log";
import { BillingCancelError, consumeDeletionToken, deleteAccount, sendDeletionLink } from "@/lib/privacy/delete-account";
import { clipKeyFor } from "@/lib/speech";
import { grantTrainingConsent } from "@/lib/training/consent";
import { createUser } from "@/lib/users/create-user";
import { writeSessions } from "@/lib/workouts/write";
import { useTestDatabase } from "./helpers/db";
import { useLocalStripe } from "./helpers/stripe-local";
import { allTables, userReferencingColumns } from "./helpers/user-tables";

const CARD_OK = { number: "4242 4242 4242 4242", exp: "12/34", cvc: "123" };
/** The local test-mode Stripe's own store: it plays Stripe's servers, which keep a deleted customer's record as Stripe does. */
const STRIPE_STAND_IN = /^stripe_local_/;

let n = 0;

/** A user with a row in every per-user table this test knows (tables added later are still checked for zero rows). */
async function populatedUser(db: Db, opts: { subscribe?: (userId: string) => Promise<void> } = {}) {
  const email = `del-${++n}-${Date.now()}@example.com`;
  const u = await createUser(db, { email, password: "correct-horse-1", name: `Delete Me ${n}` });
  const [ex] = await db.select({ id: exercises.id }).from(exercises).limit(1);
  const [custom] = await db
    .insert(exercises)
    .values({ slug: `mine-${n}`, name: `Mine ${n}`, ownerUserId: u.id, category: "strength", equipment: "barbell" })
    .returning();
  await db.insert(exerciseAliases).values({ alias: `my lift ${n}`, exerciseId: ex.id, ownerUserId: u.id });
  await db.transaction((tx) =>
    writeSessions(tx, u.id, [
      {
        name: "Day",
        notes: email,
        startedAt: new Date("2026-01-05T10:00:00Z"),
        endedAt: null,
        source: "manual",
        exercises: [
          { exerciseId: ex.id, sets: [{ setType: "normal", reps: 5, weightKg: 100, rpe: null, durationSeconds: null, distanceM: null }] },
          { exerciseId: custom.id, sets: [{ setType: "normal", reps: 5, weightKg: 50, rpe: null, durationSeconds: null, distanceM: null }] },
        ],
      },
    ]),
  );
  await db.insert(bodyMetrics).values({ userId: u.id, date: "2026-01-05", bodyweightKg: 80, restingHr: 55 });
  await db.insert(importRuns).values({ userId: u.id, format: "strong", fileSha256: "x", rows: 1, sessionsCreated: 1, setsCreated: 1, skipped: 0 });
  const [conv] = await db.insert(conversations).values({ userId: u.id }).returning();
  const [msg] = await db
    .insert(messages)
    .values({ conversationId: conv.id, userId: u.id, role: "user", parts: [{ type: "text", text: "hi" }] })
    .returning();
  await db.insert(messageVisualizations).values({ messageId: msg.id, userId: u.id, chartType: "line", option: {}, sql: "select 1" });
  const [coach] = await db.insert(coaches).values({ userId: u.id, name: "Coach" }).returning();
  await db.insert(coachVersions).values({ coachId: coach.id, userId: u.id, version: 1, card: {} });
  await db.insert(coachInterviews).values({ userId: u.id, expiresAt: new Date(Date.now() + 86_400_000) });
  const cueText = `Great set, Delete Me ${n}!`;
  await db.insert(liveCues).values({
    userId: u.id,
    trigger: "set-end",
    kind: "praise",
    persona: "aiden",
    text: cueText,
    toast: "Great set",
    source: "template",
    generationMs: 1,
  });
  const clip = clipKeyFor("aiden", cueText).key;
  await db.insert(speechClips).values({
    key: clip,
    engine: "flite",
    voice: "v",
    mime: "audio/wav",
    audio: Buffer.from("RIFF"),
    bytes: 4,
    expiresAt: new Date(Date.now() + 86_400_000),
  });
  await db.insert(liveWorkouts).values({ userId: u.id, state: { exercises: [] }, origin: "empty", startedAt: new Date() });
  await db.insert(liveSettings).values({ userId: u.id });
  await db.insert(workoutTemplates).values({ userId: u.id, name: "Tmpl", exercises: [] });
  await db.insert(privacySettings).values({ userId: u.id, historyRetentionDays: 30 });
  await recordDataAccess(db, { subjectUserId: u.id, actorUserId: null, actorKind: "operator", what: "Full data export", via: "admin CLI: export" });
  await db.insert(accountDeletionTokens).values({ tokenHash: randomUUID(), userId: u.id, expiresAt: new Date(Date.now() + 60_000) });
  await grantTrainingConsent(db, u.id);
  await db.insert(trainingRecords).values({
    id: randomUUID(),
    userId: u.id,
    subject: "a".repeat(64),
    source: "chat",
    sourceRef: randomUUID(),
    cadence: "weekly",
    messages: [],
    quality: 0.5,
    occurredAt: new Date(),
  });
  await db.insert(accounts).values({ userId: u.id, type: "oauth", provider: "github", providerAccountId: `gh-${n}` });
  await db.insert(sessions).values({ sessionToken: `tok-${n}-${randomUUID()}`, userId: u.id, expires: new Date(Date.now() + 86_400_000) });
  await db.insert(verificationTokens).values({ identifier: email, token: randomUUID(), expires: new Date(Date.now() + 60_000) });
  const window = new Date(Math.floor(Date.now() / 60_000) * 60_000);
  await db.insert(rateLimitBuckets).values([
    { key: `chat:user:${u.id}`, windowStart: window, count: 1, expiresAt: new Date(Date.now() + 86_400_000) },
    { key: loginEmailKey(email), windowStart: window, count: 1, expiresAt: new Date(Date.now() + 86_400_000) },
  ]);
  await opts.subscribe?.(u.id);
  return { ...u, clip };
}

async function rowsFor(db: Db, userId: string) {
  const out: Record<string, number> = {};
  for (const { table, column } of await userReferencingColumns(db)) {
    const r = await db.execute<{ n: number }>(
      sql`select count(*)::int as n from ${sql.identifier(table)} where ${sql.identifier(column)} = ${userId}`,
    );
    out[`${table}.${column}`] = Number(r.rows[0].n);
  }
  return out;
}

/** Rows anywhere (outside the Stripe stand-in) whose text mentions the user's id or email. */
async function mentions(db: Db, needles: string[]) {
  const found: string[] = [];
  for (const table of await allTables(db)) {
    if (STRIPE_STAND_IN.test(table)) continue;
    for (const needle of needles) {
      const r = await db.execute<{ n: number }>(
        sql`select count(*)::int as n from ${sql.identifier(table)} t where position(${needle} in t::text) > 0`,
      );
      if (Number(r.rows[0].n) > 0) found.push(`${table} ∋ ${needle}`);
    }
  }
  return found;
}

describe("account deletion", () => {
  const t = useTestDatabase();
  const db = () => t().db;
  const stripe = useLocalStripe(db);

  it("leaves zero rows for the user in every table that references users (read from the catalog), and the Stripe customer deleted", async () => {
    let customer = "";
    const u = await populatedUser(db(), {
      subscribe: async (userId) => {
        const start = await startCheckout(db(), userId, lookupKeyFor("pro", "month"), "http://app.test");
        await engine.payCheckoutSession(db(), start.url.split("/").pop()!, CARD_OK);
        await stripe().flush();
        customer = (await customerForUser(db(), userId))!.stripeCustomerId;
      },
    });
    expect(customer).toMatch(/^cus_/);

    const trainer = await createUser(db(), { email: `coach-${Date.now()}@example.com` });
    await db()
      .insert(trainerLinks)
      .values([
        { trainerUserId: trainer.id, inviteEmail: u.email, code: `inv-${randomUUID()}`, expiresAt: new Date(Date.now() + 86_400_000) },
        { trainerUserId: trainer.id, clientUserId: u.id, status: "active", acceptedAt: new Date(), expiresAt: new Date(Date.now() + 86_400_000) },
      ]);
    const bystander = await populatedUser(db());
    await recordDataAccess(db(), {
      subjectUserId: bystander.id,
      actorUserId: u.id,
      actorKind: "trainer",
      what: "Training log",
      via: "trainer roster",
    });
    const bystanderBefore = await rowsFor(db(), bystander.id);

    const before = await rowsFor(db(), u.id);
    const populated = Object.entries(before)
      .filter(([, c]) => c > 0)
      .map(([k]) => k.split(".")[0]);
    for (const table of [
      "users",
      "workout_sessions",
      "exercise_sets",
      "exercises",
      "messages",
      "live_cues",
      "subscriptions",
      "billing_customers",
      "training_records",
      "training_consents",
      "sessions",
      "accounts",
      "data_access_log",
      "trainer_links",
    ]) {
      expect(populated).toContain(table);
    }

    const mentionedBefore = await mentions(db(), [u.id, u.email]);
    for (const table of ["stripe_events", "rate_limit_buckets", "verification_tokens", "workout_sessions", "trainer_links"])
      expect(mentionedBefore.join("\n")).toContain(table);

    const report = await deleteAccount(db(), u.id);
    expect(report).toMatchObject({ deletedCustomer: customer, purgedAudioClips: 1, deletedTrainingRecords: 1 });

    const after = await rowsFor(db(), u.id);
    expect(Object.entries(after).filter(([, c]) => c > 0)).toEqual([]);
    expect(Object.keys(after).length).toBeGreaterThanOrEqual(25);
    if (process.env.PRIVACY_PRINT_TABLES) console.log(Object.keys(after).join("\n"));
    expect(await mentions(db(), [u.id, u.email])).toEqual([]);
    expect(await db().select().from(speechClips).where(eq(speechClips.key, u.clip))).toEqual([]);

    // Stripe (the stand-in here) deleted the customer, which cancels the subscription at once.
    const c = await stripe().stripe.customers.retrieve(customer);
    expect(c.deleted).toBe(true);

    // Nobody else lost anything; the trainer entry on the bystander's log stays, unlinked.
    const bystanderAfter = await rowsFor(db(), bystander.id);
    expect(bystanderAfter).toEqual(bystanderBefore);
    const [entry] = await db()
      .execute<{ actor_user_id: string | null }>(
        sql`select actor_user_id from data_access_log where subject_user_id = ${bystander.id} and actor_kind = 'trainer'`,
      )
      .then((r) => r.rows);
    expect(entry.actor_user_id).toBeNull();

    // Idempotent: deleting again is a no-op.
    expect(await deleteAccount(db(), u.id)).toMatchObject({ deletedCustomer: null, purgedAudioClips: 0 });
  });

  it("deletes nothing when the payment provider cannot cancel", async () => {
    const u = await populatedUser(db());
    await db()
      .insert(billingCustomers)
      .values({ userId: u.id, stripeCustomerId: `cus_broken_${n}`, mode: "local" });
    setStripeClient({
      customers: { del: async () => Promise.reject(Object.assign(new Error("connection refused"), { code: "ECONNREFUSED" })) },
    } as unknown as Stripe);
    try {
      await expect(deleteAccount(db(), u.id)).rejects.toBeInstanceOf(BillingCancelError);
    } finally {
      setStripeClient(stripe().stripe);
    }
    expect((await rowsFor(db(), u.id))["users.id"]).toBe(1);
    expect((await rowsFor(db(), u.id))["workout_sessions.user_id"]).toBe(1);
  });

  it("emailed deletion links work once, only for their user, and only until they expire", async () => {
    const a = await createUser(db(), { email: `link-a-${Date.now()}@example.com` });
    const b = await createUser(db(), { email: `link-b-${Date.now()}@example.com` });
    const logs: string[] = [];
    const spy = vi.spyOn(console, "log").mockImplementation((l: string) => void logs.push(l));
    try {
      await sendDeletionLink(db(), a, "http://app.test");
    } finally {
      spy.mockRestore();
    }
    const token = new URL(
      logs
        .find((l) => l.includes("ACCOUNT DELETION LINK"))!
        .split(": ")
        .pop()!,
    ).searchParams.get("token")!;
    expect(await consumeDeletionToken(db(), b.id, token)).toBe(false);
    expect(await consumeDeletionToken(db(), a.id, token, new Date(Date.now() + 31 * 60_000))).toBe(false);
    expect(await consumeDeletionToken(db(), a.id, token)).toBe(true);
    expect(await consumeDeletionToken(db(), a.id, token)).toBe(false);
    expect(await db().select().from(users).where(eq(users.id, a.id))).toHaveLength(1);
  });
});
