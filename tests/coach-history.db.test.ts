import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { users } from "@/db/schema";
import { startState } from "@/lib/coach/engine";
import { liftTrend, loadTrainingSummary, type TrainingSummary } from "@/lib/coach/history";
import { DEMO_EMAIL, seedDemoIfEmpty } from "@/lib/seed/demo";
import { useTestDatabase } from "./helpers/db";

const t = useTestDatabase();
let summary: TrainingSummary | null;

beforeAll(async () => {
  await seedDemoIfEmpty(t().db, new Date("2026-11-26T12:00:00Z"));
  const [demo] = await t().db.select({ id: users.id }).from(users).where(eq(users.email, DEMO_EMAIL));
  summary = await loadTrainingSummary(t().db, demo.id);
}, 180_000);

describe("training history for the interview", () => {
  it("summarises the demo lifter's year: frequency, span, main lifts, trends", () => {
    expect(summary).not.toBeNull();
    expect(summary!.perWeek).toBeGreaterThanOrEqual(3);
    expect(summary!.spanMonths).toBeGreaterThanOrEqual(11);
    expect(summary!.mainLifts).toHaveLength(3);
    const squat = summary!.trends.find((x) => /squat/i.test(x.exercise));
    // The demo squat stalled mid-year and has since climbed to new PRs: the current trend is up.
    expect(squat?.status).toBe("up");
    const question = startState(summary, new Date("2026-11-26T12:00:00Z")).transcript.at(-1)!.text;
    expect(question).toMatch(/you train about \d×\/week/);
    expect(question).toMatch(/squat is still going up/);
  });

  it("trend rules: stalled, down, up, too little data", () => {
    const m = (...best: number[]) => best.map((b, i) => ({ month: `2026-${String(i + 1).padStart(2, "0")}`, best: b }));
    expect(liftTrend(m(100, 110, 120, 130))).toEqual({ status: "up", since: "2026-04" });
    expect(liftTrend(m(100, 120, 119, 120.5, 118))).toEqual({ status: "stalled", since: "2026-02" });
    expect(liftTrend(m(100, 120, 110, 105))).toEqual({ status: "down", since: "2026-02" });
    expect(liftTrend(m(100, 120))).toBeNull();
  });
});
