import { describe, expect, it } from "vitest";
import { PLANS } from "@/db/tables/billing";
import { ENTITLEMENTS, FEATURE_AVAILABLE, PLAN_ORDER, type Entitlements } from "@/lib/billing/entitlements";
import { buildComparisonRows, cellText, formatMonthlyPrice, ROW_ORDER, ROW_SPECS } from "@/components/site/pricing-rows";

const LIMIT_KEYS = Object.keys(ENTITLEMENTS.free).filter(
  (k) => !["label", "priceUsdPerMonth", "priceUsdPerYear", "tagline", "highlights", "liveCuesPerHour", "speechGenerationsPerHour"].includes(k),
) as (keyof Entitlements)[];

describe("ENTITLEMENTS map", () => {
  it("PLAN_ORDER lists every plan exactly once", () => {
    expect([...PLAN_ORDER].sort()).toEqual([...PLANS].sort());
    expect(new Set(PLAN_ORDER).size).toBe(PLAN_ORDER.length);
    expect(Object.keys(ENTITLEMENTS).sort()).toEqual([...PLANS].sort());
  });

  it("every plan defines every key with a value of the same type", () => {
    const keys = Object.keys(ENTITLEMENTS.free).sort();
    for (const plan of PLAN_ORDER) {
      const ent = ENTITLEMENTS[plan];
      expect(Object.keys(ent).sort(), plan).toEqual(keys);
      for (const k of keys as (keyof Entitlements)[]) {
        expect(ent[k], `${plan}.${k}`).not.toBeUndefined();
        expect(typeof ent[k], `${plan}.${k}`).toBe(typeof ENTITLEMENTS.free[k]);
      }
      expect(ent.label.length).toBeGreaterThan(0);
      expect(ent.highlights.length).toBeGreaterThan(0);
    }
  });

  it("live mode's hourly caps are issue 9's numbers, one home for them", () => {
    expect(PLAN_ORDER.map((p) => ENTITLEMENTS[p].liveCuesPerHour)).toEqual([50, 200, 1000]);
    expect(PLAN_ORDER.map((p) => ENTITLEMENTS[p].speechGenerationsPerHour)).toEqual([20, 100, 500]);
  });

  it("a year costs ten months (two free) on paid plans", () => {
    for (const p of PLAN_ORDER) expect(ENTITLEMENTS[p].priceUsdPerYear, p).toBe(ENTITLEMENTS[p].priceUsdPerMonth * 10);
  });

  it("prices ascend strictly along PLAN_ORDER and the first plan is free", () => {
    const prices = PLAN_ORDER.map((p) => ENTITLEMENTS[p].priceUsdPerMonth);
    expect(prices[0]).toBe(0);
    for (let i = 1; i < prices.length; i++) expect(prices[i]).toBeGreaterThan(prices[i - 1]);
  });

  it("limits never shrink on a more expensive plan (free ≤ pro ≤ trainer)", () => {
    expect(LIMIT_KEYS.length).toBeGreaterThan(3);
    for (const key of LIMIT_KEYS) {
      for (let i = 1; i < PLAN_ORDER.length; i++) {
        const lower = Number(ENTITLEMENTS[PLAN_ORDER[i - 1]][key]);
        const higher = Number(ENTITLEMENTS[PLAN_ORDER[i]][key]);
        expect(higher, `${key}: ${PLAN_ORDER[i]} vs ${PLAN_ORDER[i - 1]}`).toBeGreaterThanOrEqual(lower);
      }
    }
  });

  it("numeric limits are non-negative integers and every plan can chat and import", () => {
    for (const plan of PLAN_ORDER) {
      const e = ENTITLEMENTS[plan];
      for (const key of LIMIT_KEYS) {
        const v = e[key];
        if (typeof v === "number") expect(Number.isInteger(v) && v >= 0, `${plan}.${key}`).toBe(true);
      }
      expect(e.chatMessagesPerDay).toBeGreaterThan(0);
      expect(e.importMaxMb).toBeGreaterThan(0);
      expect(e.maxCoaches).toBeGreaterThan(0);
    }
  });
});

describe("pricing comparison rows", () => {
  it("has a row for every limit key and no others", () => {
    expect([...ROW_ORDER].sort()).toEqual([...LIMIT_KEYS].sort());
    expect(Object.keys(ROW_SPECS).sort()).toEqual([...LIMIT_KEYS].sort());
  });

  it("derives each cell from the map, in plan order", () => {
    const rows = buildComparisonRows();
    expect(rows.map((r) => r.key)).toEqual(ROW_ORDER);
    for (const row of rows) {
      expect(row.cells.map((c) => c.plan)).toEqual(PLAN_ORDER);
    }
    const chat = rows.find((r) => r.key === "chatMessagesPerDay")!;
    expect(chat.cells.map((c) => cellText(c.cell))).toEqual(
      PLAN_ORDER.map((p) => `${ENTITLEMENTS[p].chatMessagesPerDay.toLocaleString("en-US")} / day`),
    );
    const voice = rows.find((r) => r.key === "liveWorkoutVoice")!;
    expect(voice.cells.map((c) => c.cell.kind)).toEqual(PLAN_ORDER.map((p) => (ENTITLEMENTS[p].liveWorkoutVoice ? "yes" : "no")));
  });

  it("follows changes to the map (nothing is hard-coded)", () => {
    const custom = structuredClone(ENTITLEMENTS);
    custom.free.chatMessagesPerDay = 1234;
    custom.pro.liveWorkoutVoice = false;
    custom.trainer.clientSeats = 0;
    custom.trainer.importMaxMb = 2048;
    const rows = buildComparisonRows(custom, ["trainer", "free"]);
    const byKey = Object.fromEntries(rows.map((r) => [r.key, r.cells]));
    expect(byKey.chatMessagesPerDay.map((c) => c.plan)).toEqual(["trainer", "free"]);
    expect(cellText(byKey.chatMessagesPerDay[1].cell)).toBe("1,234 / day");
    expect(byKey.clientSeats[0].cell).toEqual({ kind: "no" });
    expect(cellText(byKey.importMaxMb[0].cell)).toBe("2,048 MB");
    const pro = buildComparisonRows(custom, ["pro"]).find((r) => r.key === "liveWorkoutVoice")!;
    expect(pro.cells[0].cell).toEqual({ kind: "no" });
  });

  it("labels features this build lacks as coming soon (and only those)", () => {
    const rows = buildComparisonRows();
    for (const row of rows) {
      const spec = ROW_SPECS[row.key] as { feature?: keyof typeof FEATURE_AVAILABLE };
      expect(row.comingSoon, row.key).toBe(spec.feature ? !FEATURE_AVAILABLE[spec.feature] : false);
    }
    expect(rows.find((r) => r.key === "clientSeats")!.comingSoon).toBe(false); // the Trainer roster is built (issue 12)
    expect(rows.find((r) => r.key === "chatMessagesPerDay")!.comingSoon).toBe(false);
    for (const plan of PLAN_ORDER)
      for (const h of ENTITLEMENTS[plan].highlights) if (/client athletes|live workout/i.test(h.text)) expect(h.feature, h.text).toBeDefined();
  });

  it("formats prices", () => {
    expect(formatMonthlyPrice(0)).toBe("$0");
    expect(formatMonthlyPrice(12)).toBe("$12");
    expect(formatMonthlyPrice(12.5)).toBe("$12.50");
  });
});
