import { describe, expect, it } from "vitest";
import { uuid7 } from "@/lib/ids/uuid7";

describe("uuid7", () => {
  it("is a valid version-7, variant-10 UUID carrying the millisecond timestamp", () => {
    const now = Date.UTC(2026, 10, 26, 12, 0, 0);
    const id = uuid7(now);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(parseInt(id.replace(/-/g, "").slice(0, 12), 16)).toBe(now);
  });

  it("sorts in creation order, also within one millisecond, and never repeats", () => {
    const ids = Array.from({ length: 20_000 }, () => uuid7());
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
