import { describe, expect, it } from "vitest";
import { CATALOG_BY_SLUG } from "@/lib/exercises/catalog";
import { addDays } from "@/lib/time/calendar";
import { localDate, zonedTime } from "@/lib/time/zone";
import { generateDemoMetrics, generateDemoSessions } from "@/lib/seed/demo-program";

const strip = (s: ReturnType<typeof generateDemoSessions>) => s.map((x) => ({ week: x.week, name: x.name, sets: x.sets }));

describe("demo program generator", () => {
  const now = new Date("2026-06-10T20:00:00Z");
  const today = localDate(now, "Europe/London");

  it("is deterministic", () => {
    const a = generateDemoSessions(today, "Europe/London", now);
    const b = generateDemoSessions(today, "Europe/London", now);
    expect(a).toEqual(b);
    expect(generateDemoMetrics(today, new Set(a.map((s) => s.date)))).toEqual(generateDemoMetrics(today, new Set(b.map((s) => s.date))));
  });

  it("keeps the same sessions when shifted by whole weeks", () => {
    const later = new Date(now.getTime() + 14 * 86_400_000);
    const a = strip(generateDemoSessions(today, "Europe/London", now)).filter((s) => s.week >= 2);
    const b = strip(generateDemoSessions(localDate(later, "Europe/London"), "Europe/London", later)).filter((s) => s.week >= 2);
    expect(b).toEqual(a);
  });

  it("uses only catalog exercises and valid set values", () => {
    for (const s of generateDemoSessions(today, "Europe/London", now)) {
      expect(s.endedAt.getTime()).toBeGreaterThan(s.startedAt.getTime());
      expect(s.endedAt.getTime()).toBeLessThanOrEqual(now.getTime());
      for (const x of s.sets) {
        expect(CATALOG_BY_SLUG.has(x.slug), x.slug).toBe(true);
        expect(x.weightKg ?? x.reps ?? x.durationSeconds ?? x.distanceM).not.toBeNull();
        if (x.rpe !== null) expect(x.rpe).toBeLessThanOrEqual(10);
        if (x.weightKg !== null) expect(x.weightKg).toBeGreaterThan(0);
      }
    }
  });

  it("converts local wall-clock times across DST", () => {
    expect(zonedTime("2026-01-15", 0, 18 * 60, "Europe/London").toISOString()).toBe("2026-01-15T18:00:00.000Z");
    expect(zonedTime("2026-07-15", 0, 18 * 60, "Europe/London").toISOString()).toBe("2026-07-15T17:00:00.000Z");
    expect(addDays("2026-03-28", 2)).toBe("2026-03-30");
  });
});
