import { describe, expect, it } from "vitest";
import { formatDuration } from "@/lib/time/format";
import { isLocalDateTime, moveToDate, utcToZonedLocal, zonedLocalToUtc } from "@/lib/time/local";

describe("workout time zones", () => {
  it("reads wall-clock times in the profile zone", () => {
    expect(zonedLocalToUtc("2025-09-15T07:48", "UTC").toISOString()).toBe("2025-09-15T07:48:00.000Z");
    expect(zonedLocalToUtc("2025-09-15T07:48", "Europe/Berlin").toISOString()).toBe("2025-09-15T05:48:00.000Z");
    expect(zonedLocalToUtc("2025-01-15T07:48", "Europe/Berlin").toISOString()).toBe("2025-01-15T06:48:00.000Z");
    expect(zonedLocalToUtc("2025-07-01T18:00", "America/Los_Angeles").toISOString()).toBe("2025-07-02T01:00:00.000Z");
    expect(zonedLocalToUtc("2025-07-01T09:00", "Asia/Kolkata").toISOString()).toBe("2025-07-01T03:30:00.000Z");
  });

  it("handles the DST gap and overlap deterministically", () => {
    // 02:30 does not exist in Berlin on 2025-03-30: it moves forward to 03:30 CEST (01:30Z).
    expect(zonedLocalToUtc("2025-03-30T02:30", "Europe/Berlin").toISOString()).toBe("2025-03-30T01:30:00.000Z");
    // 02:30 happens twice on 2025-10-26; either instant reads back as 02:30.
    const amb = zonedLocalToUtc("2025-10-26T02:30", "Europe/Berlin");
    expect(utcToZonedLocal(amb, "Europe/Berlin")).toBe("2025-10-26T02:30");
  });

  it("moves an instant to another date by calendar days, keeping the wall-clock time across DST", () => {
    const berlin = "Europe/Berlin";
    // Sat 12:00 CET → Sun 12:00 CEST (spring forward on 2026-03-29): 23 hours later, not 24.
    expect(moveToDate(new Date("2026-03-28T11:00:00Z"), "2026-03-29", berlin).toISOString()).toBe("2026-03-29T10:00:00.000Z");
    // Sat 18:30 CEST → Sun 18:30 CET (fall back on 2026-10-25): 25 hours later.
    expect(moveToDate(new Date("2026-10-24T16:30:00Z"), "2026-10-25", berlin).toISOString()).toBe("2026-10-25T17:30:00.000Z");
    // Backwards across New York's spring-forward, and several days at once.
    expect(moveToDate(new Date("2026-03-09T00:15:00Z"), "2026-03-01", "America/New_York").toISOString()).toBe("2026-03-02T01:15:00.000Z");
    expect(utcToZonedLocal(moveToDate(new Date("2026-03-09T00:15:00Z"), "2026-03-01", "America/New_York"), "America/New_York")).toBe(
      "2026-03-01T20:15",
    );
    // The same date is the same instant (to the minute).
    expect(moveToDate(new Date("2026-06-01T08:00:00Z"), "2026-06-01", berlin).toISOString()).toBe("2026-06-01T08:00:00.000Z");
  });

  it("round-trips instants to datetime-local values", () => {
    const d = new Date("2025-09-15T05:48:00Z");
    expect(utcToZonedLocal(d, "Europe/Berlin")).toBe("2025-09-15T07:48");
    expect(zonedLocalToUtc(utcToZonedLocal(d, "Australia/Adelaide"), "Australia/Adelaide").getTime()).toBe(d.getTime());
  });

  it("validates local date-times", () => {
    expect(isLocalDateTime("2025-02-28T23:59")).toBe(true);
    expect(isLocalDateTime("2025-02-30T10:00")).toBe(false);
    expect(isLocalDateTime("2025-02-28T24:00")).toBe(false);
    expect(isLocalDateTime("2025-02-28 10:00")).toBe(false);
  });

  it("formats durations", () => {
    expect(formatDuration(85)).toBe("1 h 25 min");
    expect(formatDuration(45)).toBe("45 min");
    expect(formatDuration(120)).toBe("2 h");
    expect(formatDuration(null)).toBeNull();
  });
});

describe("session dates", () => {
  it("formats in the profile zone", async () => {
    const { formatSessionDate } = await import("@/lib/time/format");
    const d = new Date("2025-09-15T05:48:00Z");
    expect(formatSessionDate(d, "Europe/Berlin")).toBe("Mon 15 Sep 2025 · 07:48");
    expect(formatSessionDate(d, "America/New_York")).toBe("Mon 15 Sep 2025 · 01:48");
    expect(formatSessionDate(new Date("2025-09-15T23:30:00Z"), "Asia/Tokyo")).toBe("Tue 16 Sep 2025 · 08:30");
  });
});
