import { describe, expect, it } from "vitest";
import { normalizeValue, parsePgArray } from "@/lib/sql/normalize";

describe("SQL sandbox result normalisation", () => {
  it("turns numeric text into numbers when safe and keeps big or special values as text", () => {
    expect(normalizeValue("12.50", 1700)).toBe(12.5);
    expect(normalizeValue("-3", 23)).toBe(-3);
    expect(normalizeValue("9007199254740993", 20)).toBe("9007199254740993");
    expect(normalizeValue(9007199254740993n, 20)).toBe("9007199254740993");
    expect(normalizeValue(42n, 20)).toBe(42);
    expect(normalizeValue("NaN", 1700)).toBe("NaN");
    expect(normalizeValue("Infinity", 701)).toBe("Infinity");
    expect(normalizeValue(Number.NaN, 701)).toBe("NaN");
  });

  it("formats dates and timestamps as ISO 8601", () => {
    expect(normalizeValue("2024-05-01 18:30:00+02", 1184)).toBe("2024-05-01T18:30:00+02:00");
    expect(normalizeValue("2024-05-01 18:30:00.25+00", 1184)).toBe("2024-05-01T18:30:00.25Z");
    expect(normalizeValue("2024-05-01 18:30:00+05:30", 1184)).toBe("2024-05-01T18:30:00+05:30");
    expect(normalizeValue("2024-05-01 18:30:00", 1114)).toBe("2024-05-01T18:30:00");
    expect(normalizeValue("infinity", 1184)).toBe("infinity");
    expect(normalizeValue("2024-05-01", 1082)).toBe("2024-05-01");
    expect(normalizeValue(new Date("2024-05-01T00:00:00Z"), 1082)).toBe("2024-05-01");
  });

  it("parses arrays, JSON and booleans from text or pre-parsed values", () => {
    expect(normalizeValue('{quads,"lower back",NULL}', 1009)).toEqual(["quads", "lower back", null]);
    expect(normalizeValue("{{1.5,2},{3,4}}", 1231)).toEqual([
      [1.5, 2],
      [3, 4],
    ]);
    expect(normalizeValue(["1", "2"], 1231)).toEqual([1, 2]);
    expect(normalizeValue('{"2024-01-01 10:00:00+00"}', 1185)).toEqual(["2024-01-01T10:00:00Z"]);
    expect(normalizeValue('{"a":[1,{"b":null}]}', 3802)).toEqual({ a: [1, { b: null }] });
    expect(normalizeValue({ a: 1n }, 114)).toEqual({ a: 1 });
    expect(normalizeValue("t", 16)).toBe(true);
    expect(normalizeValue(false, 16)).toBe(false);
    expect(parsePgArray('{"a\\"b","c\\\\d"}')).toEqual(['a"b', "c\\d"]);
    expect(parsePgArray("[0:1]={7,8}")).toEqual(["7", "8"]);
    expect(parsePgArray("not an array")).toBeNull();
  });

  it("makes anything else JSON-safe", () => {
    expect(normalizeValue("(1,abc)", 2249)).toBe("(1,abc)");
    expect(normalizeValue(new Uint8Array([0xde, 0xad]), 17)).toBe("dead");
    expect(normalizeValue(undefined, 25)).toBeNull();
  });
});
