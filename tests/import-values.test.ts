import { describe, expect, it } from "vitest";
import { localToUtc, parseLocalDateTime } from "@/lib/import/datetime";
import { plainArray, textArray } from "@/lib/import/pg-array";
import { BadValue, parseDuration, parseNumber, strongSetType } from "@/lib/import/values";
import { lbToKg, roundTo } from "@/lib/units";
import { KG_PER_LB } from "@/lib/units";

describe("parseLocalDateTime", () => {
  it.each([
    ["2025-01-30 12:34:56 pm", "2025-01-30T12:34:56"],
    ["2025-01-30 12:34:56 am", "2025-01-30T00:34:56"],
    ["2025-01-30 05:34:56 PM", "2025-01-30T17:34:56"],
    ["2025-01-30 12:34:56", "2025-01-30T12:34:56"],
    ["2025-01-30T08:05", "2025-01-30T08:05:00"],
    ["2025-01-30", "2025-01-30T00:00:00"],
    ["15 Sep 2025, 07:48", "2025-09-15T07:48:00"],
    ["3 Jul 2024, 15:36", "2024-07-03T15:36:00"],
    ["Sep 15, 2025, 7:48 PM", "2025-09-15T19:48:00"],
    ["29 Feb 2024, 10:00", "2024-02-29T10:00:00"],
  ])("%s → %s", (input, expected) => {
    expect(parseLocalDateTime(input)).toBe(expected);
  });

  it.each([
    "",
    "yesterday",
    "2025-02-29 10:00:00",
    "2025-13-01",
    "31 Jun 2024, 15:36",
    "2025-01-30 25:00:00",
    "2025-01-30 13:00:00 pm",
    "30/01/2025",
  ])("%j → null", (input) => expect(parseLocalDateTime(input)).toBeNull());
});

describe("localToUtc", () => {
  it.each([
    ["2025-07-01T18:00:00", "America/New_York", "2025-07-01T22:00:00.000Z"],
    ["2025-01-15T18:00:00", "America/New_York", "2025-01-15T23:00:00.000Z"],
    // spring forward: 02:00–02:59 does not exist → shifted forward by the gap
    ["2025-03-09T02:30:00", "America/New_York", "2025-03-09T07:30:00.000Z"],
    ["2025-03-09T01:59:59", "America/New_York", "2025-03-09T06:59:59.000Z"],
    ["2025-03-09T03:00:00", "America/New_York", "2025-03-09T07:00:00.000Z"],
    // fall back: 01:00–01:59 happens twice → the earlier instant
    ["2025-11-02T01:30:00", "America/New_York", "2025-11-02T05:30:00.000Z"],
    ["2025-11-02T02:00:00", "America/New_York", "2025-11-02T07:00:00.000Z"],
    ["2025-03-30T02:30:00", "Europe/Berlin", "2025-03-30T01:30:00.000Z"],
    ["2025-10-26T02:30:00", "Europe/Berlin", "2025-10-26T00:30:00.000Z"],
    ["2025-06-01T10:00:00", "Asia/Kolkata", "2025-06-01T04:30:00.000Z"],
    ["2025-06-01T10:00:00", "Australia/Lord_Howe", "2025-05-31T23:30:00.000Z"],
    ["2025-06-01T10:00:00", "UTC", "2025-06-01T10:00:00.000Z"],
  ])("%s in %s → %s", (local, tz, expected) => {
    expect(localToUtc(local, tz).toISOString()).toBe(expected);
  });
});

describe("numbers", () => {
  it("rounds float noise and halves away from zero at the column precision", () => {
    expect(roundTo(12.900000000000034, 2)).toBe(12.9);
    expect(roundTo(1.005, 2)).toBe(1.01);
    expect(roundTo(8.25, 1)).toBe(8.3);
    expect(roundTo(0.1 + 0.2, 2)).toBe(0.3);
  });

  it("converts pounds to kilograms correctly rounded to 0.01 kg", () => {
    for (let tenths = 0; tenths <= 20000; tenths += 7) {
      const lb = tenths / 10;
      // reference: exact decimal arithmetic with BigInt (lb × 0.45359237, half-up to 2 places)
      const exactE9 = BigInt(tenths) * 45359237n; // kg × 1e9
      const expected = Number((exactE9 + 5_000_000n) / 10_000_000n) / 100;
      expect(lbToKg(lb)).toBe(expected);
    }
    expect(lbToKg(225)).toBe(102.06);
    expect(lbToKg(1)).toBe(Math.round(KG_PER_LB * 100) / 100);
  });

  it("parses number cells (decimal comma allowed) and rejects junk", () => {
    expect(parseNumber("", "W")).toBeNull();
    expect(parseNumber(" 80.5 ", "W")).toBe(80.5);
    expect(parseNumber("142,5", "W")).toBe(142.5);
    expect(parseNumber("13.0", "W")).toBe(13);
    expect(parseNumber("1.1368683772161603e-13", "W")).toBeCloseTo(0, 12);
    expect(parseNumber("  ", "W")).toBeNull();
    for (const bad of ["abc", "0x10", " 0b1", "0o7", "Infinity", "1,000.5", "12kg"]) expect(() => parseNumber(bad, "W")).toThrow(BadValue);
  });

  it("parses durations", () => {
    expect(parseDuration("49m", "D")).toBe(2940);
    expect(parseDuration("1h 5m", "D")).toBe(3900);
    expect(parseDuration("1h", "D")).toBe(3600);
    expect(parseDuration("35s", "D")).toBe(35);
    expect(parseDuration("1:05:00", "D")).toBe(3900);
    expect(parseDuration("0:20:00", "D")).toBe(1200);
    expect(parseDuration("3600.0", "D")).toBe(3600);
    expect(parseDuration("", "D")).toBeNull();
    expect(() => parseDuration("an hour", "D")).toThrow(BadValue);
  });

  it("maps Strong set orders", () => {
    expect(["1", "12", "W", "f", "D", "Rest Timer", "Note"].map(strongSetType)).toEqual([
      "normal",
      "normal",
      "warmup",
      "failure",
      "drop",
      null,
      null,
    ]);
  });
});

describe("pg array literals", () => {
  it("quotes text with backslash escapes and writes NULLs", () => {
    expect(plainArray([1, null, 2.5, "abc-1"])).toBe("{1,NULL,2.5,abc-1}");
    expect(textArray(['a "b"', null, "c\\d", "NULL", "x,y\n{z}", ""])).toBe('{"a \\"b\\"",NULL,"c\\\\d","NULL","x,y\n{z}",""}');
  });
});
