import { describe, expect, it } from "vitest";
import { columnLabel } from "@/lib/charts/column-label";
import { formatRelativeTime, formatShortDate } from "@/lib/text/relative-time";

describe("columnLabel", () => {
  it("turns SQL column names into headers a person reads", () => {
    expect(columnLabel("BEST_E1RM_KG")).toBe("Best e1RM (kg)");
    expect(columnLabel("best_e1rm_kg")).toBe("Best e1RM (kg)");
    expect(columnLabel("avg_rpe")).toBe("Avg RPE");
    expect(columnLabel("volume_lb")).toBe("Volume (lb)");
    expect(columnLabel("week")).toBe("Week");
    expect(columnLabel("weight_kg", "lb")).toBe("Weight (lb)");
  });
});

describe("relative times", () => {
  const now = Date.parse("2026-12-03T12:00:00Z");
  it("says how long ago, then falls back to a date in the given zone", () => {
    expect(formatRelativeTime("2026-12-03T11:59:50Z", now)).toBe("just now");
    expect(formatRelativeTime("2026-12-03T11:55:00Z", now)).toBe("5 min ago");
    expect(formatRelativeTime("2026-12-03T09:00:00Z", now)).toBe("3 h ago");
    expect(formatRelativeTime("2026-12-01T12:00:00Z", now)).toBe("2 d ago");
    expect(formatRelativeTime("2026-11-20T23:30:00Z", now, "UTC")).toBe("Nov 20");
    expect(formatRelativeTime("2026-11-20T23:30:00Z", now, "Asia/Tokyo")).toBe("Nov 21");
    expect(formatShortDate("2026-11-20T23:30:00Z")).toBe("Nov 20");
  });
});
