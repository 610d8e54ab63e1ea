import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { subscriptions } from "@/db/schema";
import { checkAllowance, METERS, refundAllowance, type Meter } from "@/lib/billing/allowance";
import { ENTITLEMENTS, getEntitlements } from "@/lib/billing/entitlements";
import { setPlan } from "@/lib/billing/plan";
import { createUser } from "@/lib/users/create-user";
import { useTestDatabase } from "./helpers/db";

const NOW = new Date("2026-06-15T12:30:00Z");
const day = 86_400_000;

describe("getEntitlements and the allowance check", () => {
  const t = useTestDatabase();
  let n = 0;
  const user = async () => (await createUser(t().db, { email: `allow-${++n}@example.com` })).id;

  it("reads the effective plan from stored dates: canceling pro is pro until the end, then free", async () => {
    const db = t().db;
    const id = await user();
    await db
      .update(subscriptions)
      .set({ plan: "pro", status: "active", source: "stripe", cancelAtPeriodEnd: true, currentPeriodEnd: new Date(NOW.getTime() + day) })
      .where(eq(subscriptions.userId, id));
    const before = await getEntitlements(db, id, NOW);
    expect(before).toMatchObject({ plan: "pro", subscribedPlan: "pro", status: "active", notice: { kind: "canceling" } });
    expect(before.limits).toBe(ENTITLEMENTS.pro);
    const after = await getEntitlements(db, id, new Date(NOW.getTime() + 2 * day));
    expect(after).toMatchObject({ plan: "free", subscribedPlan: "pro" });
    expect(after.limits.chatMessagesPerDay).toBe(ENTITLEMENTS.free.chatMessagesPerDay);
  });

  it("past_due: pro limits with a banner for 7 days, free limits after", async () => {
    const db = t().db;
    const id = await user();
    const failed = new Date(NOW.getTime() - 2 * day);
    await db.update(subscriptions).set({ plan: "trainer", status: "past_due", pastDueSince: failed }).where(eq(subscriptions.userId, id));
    expect(await getEntitlements(db, id, NOW)).toMatchObject({ plan: "trainer", notice: { kind: "past_due" } });
    expect(await getEntitlements(db, id, new Date(failed.getTime() + 7 * day))).toMatchObject({ plan: "free", notice: { kind: "past_due_expired" } });
  });

  for (const meter of Object.keys(METERS) as Meter[]) {
    it(`meter ${meter}: exactly the plan's limit per window, then a message naming the upgrade`, async () => {
      const db = t().db;
      const id = await user();
      const limit = ENTITLEMENTS.free[METERS[meter].limit];
      const results = await Promise.all(Array.from({ length: limit + 3 }, () => checkAllowance(db, id, { meter, now: NOW })));
      expect(results.filter((r) => r.allowed)).toHaveLength(limit);
      const denied = results.find((r) => !r.allowed)!;
      expect(denied).toMatchObject({ plan: "free", limit, remaining: 0, upgradeTo: "pro" });
      expect(denied.message).toContain(`${limit}`);
      expect(denied.message).toContain("Upgrade to Pro");
      // Peek does not count; the next window starts fresh.
      expect((await checkAllowance(db, id, { meter, now: NOW, peek: true })).allowed).toBe(false);
      const next = new Date(NOW.getTime() + METERS[meter].windowSeconds * 1000);
      expect((await checkAllowance(db, id, { meter, now: next, peek: true })).remaining).toBe(limit);
      // Upgrading raises the limit at once, within the same window.
      await setPlan(db, id, "pro");
      const pro = await checkAllowance(db, id, { meter, now: NOW });
      expect(pro).toMatchObject({ allowed: true, plan: "pro", limit: ENTITLEMENTS.pro[METERS[meter].limit] });
    });
  }

  it("refund gives units back", async () => {
    const db = t().db;
    const id = await user();
    await checkAllowance(db, id, { meter: "charts", now: NOW, cost: ENTITLEMENTS.free.chartsPerDay });
    expect((await checkAllowance(db, id, { meter: "charts", now: NOW, peek: true })).allowed).toBe(false);
    await refundAllowance(db, id, "charts", { now: NOW });
    expect((await checkAllowance(db, id, { meter: "charts", now: NOW, peek: true })).remaining).toBe(1);
  });

  it("capacity: coaches and client seats count what exists; free has no client seats", async () => {
    const db = t().db;
    const id = await user();
    expect(await checkAllowance(db, id, { capacity: "coaches", inUse: 0 })).toMatchObject({ allowed: true, limit: 1, remaining: 0 });
    const full = await checkAllowance(db, id, { capacity: "coaches", inUse: 1 });
    expect(full).toMatchObject({ allowed: false, upgradeTo: "pro" });
    expect(full.message).toMatch(/up to 1 coaches; you have 1/);
    const seats = await checkAllowance(db, id, { capacity: "clientSeats", inUse: 0 });
    expect(seats).toMatchObject({ allowed: false, upgradeTo: "trainer" });
    expect(seats.message).toMatch(/does not include client athletes.*Trainer/);
    await setPlan(db, id, "trainer");
    expect(await checkAllowance(db, id, { capacity: "clientSeats", inUse: 24 })).toMatchObject({ allowed: true, remaining: 0 });
    expect((await checkAllowance(db, id, { capacity: "clientSeats", inUse: 25 })).allowed).toBe(false);
  });

  it("capacity: import size by plan", async () => {
    const db = t().db;
    const id = await user();
    const MB = 1024 * 1024;
    expect((await checkAllowance(db, id, { capacity: "importMb", bytes: 10 * MB })).allowed).toBe(true);
    const big = await checkAllowance(db, id, { capacity: "importMb", bytes: 10 * MB + 1 });
    expect(big).toMatchObject({ allowed: false, limit: 10, upgradeTo: "pro" });
    expect(big.message).toMatch(/up to 10 MB/);
    await setPlan(db, id, "trainer");
    expect(await checkAllowance(db, id, { capacity: "importMb", bytes: 100 * MB })).toMatchObject({ allowed: true, upgradeTo: null });
  });
});
