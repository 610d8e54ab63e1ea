import { describe, expect, it } from "vitest";
import { isUuid } from "@/lib/ids/is-uuid";
import { uuid7 } from "@/lib/ids/uuid7";
import { uuidv4 } from "@/lib/ids/uuidv4";

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

describe("uuidv4", () => {
  it("is a valid version-4, variant-10 UUID, different every time", () => {
    const ids = Array.from({ length: 2_000 }, () => uuidv4());
    for (const id of ids.slice(0, 50)) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe("isUuid", () => {
  it("accepts any version in either case, and nothing else", () => {
    expect(isUuid(uuidv4())).toBe(true);
    expect(isUuid(uuid7())).toBe(true);
    expect(isUuid(uuidv4().toUpperCase())).toBe(true);
    for (const bad of ["", "nope", `${uuidv4()}x`, ` ${uuidv4()}`, "------------------------------------", 42, null, undefined, {}]) {
      expect(isUuid(bad), String(bad)).toBe(false);
    }
  });
});
