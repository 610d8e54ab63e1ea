import { describe, expect, it } from "vitest";
import { consumeRateLimit, minutesUntil, peekRateLimit, purgeExpiredRateLimits, refundRateLimit, resetRateLimit } from "@/lib/security/rate-limit";
import { useTestDatabase } from "./helpers/db";

describe("consumeRateLimit (Postgres-backed fixed window)", () => {
  const db = useTestDatabase();
  const t0 = new Date("2026-03-01T10:00:00Z"); // on a 15-minute boundary
  const opts = { limit: 3, windowSeconds: 900 };

  it("allows up to the limit in a window, then denies until the next window", async () => {
    const key = "t:window";
    const results = [];
    for (let i = 0; i < 5; i++) results.push(await consumeRateLimit(db().db, key, { ...opts, now: new Date(t0.getTime() + i * 1000) }));
    expect(results.map((r) => r.allowed)).toEqual([true, true, true, false, false]);
    expect(results.map((r) => r.remaining)).toEqual([2, 1, 0, 0, 0]);
    expect(results.map((r) => r.count)).toEqual([1, 2, 3, 4, 5]);
    expect(results[0].resetAt.toISOString()).toBe("2026-03-01T10:15:00.000Z");

    const nextWindow = await consumeRateLimit(db().db, key, { ...opts, now: new Date("2026-03-01T10:15:00Z") });
    expect(nextWindow).toMatchObject({ allowed: true, count: 1, remaining: 2 });
    expect(nextWindow.resetAt.toISOString()).toBe("2026-03-01T10:30:00.000Z");
  });

  it("keeps keys independent and honours cost", async () => {
    const a = await consumeRateLimit(db().db, "t:a", { ...opts, cost: 3, now: t0 });
    const b = await consumeRateLimit(db().db, "t:b", { ...opts, now: t0 });
    expect(a).toMatchObject({ allowed: true, remaining: 0, count: 3 });
    expect(b).toMatchObject({ allowed: true, remaining: 2, count: 1 });
    expect((await consumeRateLimit(db().db, "t:a", { ...opts, now: t0 })).allowed).toBe(false);
  });

  it("grants exactly `limit` of 20 concurrent consumes", async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => consumeRateLimit(db().db, "t:concurrent", { limit: 5, windowSeconds: 900 })));
    expect(results.filter((r) => r.allowed)).toHaveLength(5);
    expect(results.map((r) => r.count).sort((x, y) => x - y)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it("peek does not consume; refund and reset give units back", async () => {
    const key = "t:peek";
    expect(await peekRateLimit(db().db, key, { ...opts, now: t0 })).toMatchObject({ allowed: true, count: 0, remaining: 3 });
    await consumeRateLimit(db().db, key, { ...opts, cost: 3, now: t0 });
    expect(await peekRateLimit(db().db, key, { ...opts, now: t0 })).toMatchObject({ allowed: false, count: 3, remaining: 0 });
    expect(await peekRateLimit(db().db, key, { ...opts, now: t0 })).toMatchObject({ count: 3 });

    await refundRateLimit(db().db, key, { windowSeconds: 900, now: t0 });
    expect(await peekRateLimit(db().db, key, { ...opts, now: t0 })).toMatchObject({ allowed: true, count: 2 });
    await refundRateLimit(db().db, key, { windowSeconds: 900, cost: 10, now: t0 });
    expect(await peekRateLimit(db().db, key, { ...opts, now: t0 })).toMatchObject({ count: 0 });

    await consumeRateLimit(db().db, key, { ...opts, cost: 3, now: t0 });
    await resetRateLimit(db().db, key);
    expect(await peekRateLimit(db().db, key, { ...opts, now: t0 })).toMatchObject({ count: 0, allowed: true });
  });

  it("purges expired windows only", async () => {
    await consumeRateLimit(db().db, "t:old", { ...opts, now: new Date("2020-01-01T00:00:00Z") });
    await consumeRateLimit(db().db, "t:current", { ...opts });
    expect(await purgeExpiredRateLimits(db().db)).toBeGreaterThanOrEqual(1);
    expect(await peekRateLimit(db().db, "t:old", { ...opts, now: new Date("2020-01-01T00:00:00Z") })).toMatchObject({ count: 0 });
    expect(await peekRateLimit(db().db, "t:current", opts)).toMatchObject({ count: 1 });
  });

  it("rejects nonsensical options", async () => {
    await expect(consumeRateLimit(db().db, "t:x", { limit: 1, windowSeconds: 0 })).rejects.toThrow(/windowSeconds/);
    await expect(consumeRateLimit(db().db, "t:x", { limit: -1, windowSeconds: 5 })).rejects.toThrow(/limit/);
  });
});

describe("minutesUntil", () => {
  it("rounds up to whole minutes, at least one", () => {
    const now = new Date("2026-03-01T10:00:00Z");
    expect(minutesUntil(new Date("2026-03-01T10:14:01Z"), now)).toBe(15);
    expect(minutesUntil(new Date("2026-03-01T10:00:10Z"), now)).toBe(1);
    expect(minutesUntil(new Date("2026-03-01T09:59:00Z"), now)).toBe(1);
  });
});
