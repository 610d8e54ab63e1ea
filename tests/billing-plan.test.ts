import { describe, expect, it } from "vitest";
import { SUBSCRIPTION_STATUSES, type SubscriptionStatus } from "@/db/tables/billing";
import { PAST_DUE_GRACE_MS, resolvePlan, type SubscriptionState } from "@/lib/billing/plan";

const NOW = new Date("2026-06-15T12:00:00Z");
const day = 86_400_000;
const at = (offsetDays: number) => new Date(NOW.getTime() + offsetDays * day);

function row(status: SubscriptionStatus, over: Partial<SubscriptionState> = {}): SubscriptionState {
  return {
    plan: "pro",
    status,
    currentPeriodStart: at(-10),
    currentPeriodEnd: at(20),
    cancelAtPeriodEnd: false,
    pastDueSince: null,
    ...over,
  };
}

describe("effective plan: plan × status × dates", () => {
  it("no row is free", () => {
    expect(resolvePlan(null, NOW)).toEqual({ plan: "free", notice: null });
    expect(resolvePlan(undefined, NOW)).toEqual({ plan: "free", notice: null });
  });

  // The full matrix for both paid plans; the expectation for each status is stated once here.
  const expected: Record<SubscriptionStatus, "plan" | "free"> = {
    active: "plan",
    trialing: "plan",
    past_due: "plan", // within the grace (pastDueSince null → period start, 10 days ago: see below)
    canceled: "free",
    unpaid: "free",
    incomplete: "free",
    incomplete_expired: "free",
    paused: "free",
  };
  for (const plan of ["pro", "trainer"] as const) {
    for (const status of SUBSCRIPTION_STATUSES) {
      it(`${plan} × ${status}`, () => {
        const r = row(status, { plan, pastDueSince: status === "past_due" ? at(-2) : null });
        expect(resolvePlan(r, NOW).plan).toBe(expected[status] === "plan" ? plan : "free");
      });
    }
  }

  it("canceled is free even when the stored period has not ended (Stripe ended it)", () => {
    expect(resolvePlan(row("canceled", { currentPeriodEnd: at(5) }), NOW).plan).toBe("free");
  });

  it("an operator-set plan with no period never expires", () => {
    expect(resolvePlan(row("active", { plan: "trainer", currentPeriodStart: null, currentPeriodEnd: null }), at(5000)).plan).toBe("trainer");
  });

  describe("cancel at period end", () => {
    const r = row("active", { cancelAtPeriodEnd: true, currentPeriodEnd: at(3) });
    it("keeps the plan until the period ends, with a canceling notice", () => {
      expect(resolvePlan(r, NOW)).toEqual({ plan: "pro", notice: { kind: "canceling", endsAt: at(3) } });
      expect(resolvePlan(r, new Date(at(3).getTime() - 1)).plan).toBe("pro");
    });
    it("is free from the period end on, with no webhook needed", () => {
      expect(resolvePlan(r, at(3))).toEqual({ plan: "free", notice: null });
      expect(resolvePlan(r, at(40)).plan).toBe("free");
    });
    it("trialing that cancels behaves the same", () => {
      expect(resolvePlan({ ...r, status: "trialing" }, at(4)).plan).toBe("free");
    });
    it("resumed (flag cleared) keeps the plan past the old end while active", () => {
      expect(resolvePlan({ ...r, cancelAtPeriodEnd: false }, at(4)).plan).toBe("pro");
    });
  });

  describe("past_due grace of 7 days from the failed payment", () => {
    const failed = at(-3);
    const r = row("past_due", { pastDueSince: failed });
    it("keeps the plan with a banner until the grace ends", () => {
      expect(resolvePlan(r, NOW)).toEqual({ plan: "pro", notice: { kind: "past_due", graceEndsAt: new Date(failed.getTime() + PAST_DUE_GRACE_MS) } });
      expect(resolvePlan(r, new Date(failed.getTime() + PAST_DUE_GRACE_MS - 1)).plan).toBe("pro");
    });
    it("falls to free when the grace ends, saying why", () => {
      const later = new Date(failed.getTime() + PAST_DUE_GRACE_MS);
      expect(resolvePlan(r, later)).toEqual({ plan: "free", notice: { kind: "past_due_expired", since: failed } });
    });
    it("without a stored failure date, counts from the period start", () => {
      const noDate = row("past_due", { pastDueSince: null, currentPeriodStart: at(-8) });
      expect(resolvePlan(noDate, NOW).plan).toBe("free");
      expect(resolvePlan({ ...noDate, currentPeriodStart: at(-6) }, NOW).plan).toBe("pro");
    });
  });

  it("a free row is free whatever its status", () => {
    for (const status of SUBSCRIPTION_STATUSES) expect(resolvePlan(row(status, { plan: "free", pastDueSince: at(-1) }), NOW).plan).toBe("free");
  });
});
