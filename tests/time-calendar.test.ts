import { describe, expect, it } from "vitest";
import { addDays, addMonths, daysBetween, daysInMonth, isoWeekday, isYmd, startOfIsoWeek, validYmd, weekday } from "@/lib/time/calendar";
import { localDate, zonedTime } from "@/lib/time/zone";

describe("calendar arithmetic on local dates", () => {
  it("adds days across month, year and DST boundaries", () => {
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(addDays("2024-03-01", -1)).toBe("2024-02-29");
    expect(addDays("2026-03-28", 2)).toBe("2026-03-30");
  });

  it("adds months, clamping to the last day", () => {
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonths("2024-01-31", 1)).toBe("2024-02-29");
    expect(addMonths("2026-03-15", -3)).toBe("2025-12-15");
    expect(addMonths("2026-11-26", -12)).toBe("2025-11-26");
  });

  it("counts days and weekdays", () => {
    expect(daysBetween("2026-03-28", "2026-03-30")).toBe(2);
    expect(daysBetween("2026-03-30", "2026-03-28")).toBe(-2);
    expect(weekday("2026-11-26")).toBe(4); // Thursday
    expect(isoWeekday("2026-11-29")).toBe(6); // Sunday
    expect(startOfIsoWeek("2026-11-29")).toBe("2026-11-23");
    expect(startOfIsoWeek("2026-11-23")).toBe("2026-11-23");
  });

  it("validates dates", () => {
    expect(validYmd(2025, 2, 29)).toBeNull();
    expect(validYmd(2024, 2, 29)).toBe("2024-02-29");
    expect(isYmd("2026-04-31")).toBe(false);
    expect(isYmd("2026-04-30")).toBe(true);
    expect(daysInMonth(2024, 2)).toBe(29);
  });
});

describe("zone helpers used by chat logging", () => {
  it("falls back to UTC for a zone Intl does not know instead of throwing", () => {
    const instant = new Date("2026-11-26T23:30:00Z");
    expect(localDate(instant, "Mars/Olympus_Mons")).toBe("2026-11-26");
    expect(zonedTime("2026-11-26", 12, 0, "Mars/Olympus_Mons").toISOString()).toBe("2026-11-26T12:00:00.000Z");
  });

  it("accepts minutes past 59 (the seed gives start times in minutes after midnight)", () => {
    expect(zonedTime("2026-07-15", 0, 18 * 60 + 30, "Europe/London").toISOString()).toBe("2026-07-15T17:30:00.000Z");
  });
});
