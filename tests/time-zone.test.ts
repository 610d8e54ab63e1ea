import { describe, expect, it } from "vitest";
import { isValidTimeZone, localDate, offsetMs, wallClockToUtc } from "@/lib/time/zone";

describe("time zone conversion", () => {
  it("converts a wall-clock time to UTC on both sides of a DST change", () => {
    expect(wallClockToUtc(2026, 3, 28, 9, 0, 0, "Europe/London").toISOString()).toBe("2026-03-28T09:00:00.000Z");
    expect(wallClockToUtc(2026, 3, 30, 9, 0, 0, "Europe/London").toISOString()).toBe("2026-03-30T08:00:00.000Z");
    expect(wallClockToUtc(2026, 7, 1, 18, 30, 15, "America/New_York").toISOString()).toBe("2026-07-01T22:30:15.000Z");
  });

  it("moves a time in the spring-forward gap forward and takes the earlier of an ambiguous time", () => {
    // 02:30 does not exist in Berlin on 2026-03-29
    expect(wallClockToUtc(2026, 3, 29, 2, 30, 0, "Europe/Berlin").toISOString()).toBe("2026-03-29T01:30:00.000Z");
    // 01:30 happens twice in New York on 2026-11-01
    expect(wallClockToUtc(2026, 11, 1, 1, 30, 0, "America/New_York").toISOString()).toBe("2026-11-01T05:30:00.000Z");
  });

  it("reads the local calendar date and the offset", () => {
    const instant = new Date("2026-11-26T23:30:00Z");
    expect(localDate(instant, "UTC")).toBe("2026-11-26");
    expect(localDate(instant, "Asia/Tokyo")).toBe("2026-11-27");
    expect(offsetMs(instant, "Asia/Kolkata")).toBe(5.5 * 3600_000);
  });

  it("validates zone names", () => {
    expect(isValidTimeZone("Europe/London")).toBe(true);
    expect(isValidTimeZone("Mars/Olympus_Mons")).toBe(false);
  });
});
