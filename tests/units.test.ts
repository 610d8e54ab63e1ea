import { describe, expect, it } from "vitest";
import { formatVolume, formatWeight, fromKg, KG_PER_LB, roundWeight, toKg, weightInputValue } from "@/lib/units";

describe("units", () => {
  it("converts exactly by the 1959 definition", () => {
    expect(KG_PER_LB).toBe(0.45359237);
    expect(toKg(100, "lb")).toBeCloseTo(45.359237, 12);
    expect(fromKg(45.359237, "lb")).toBeCloseTo(100, 12);
    expect(toKg(100, "kg")).toBe(100);
    expect(fromKg(102.5, "kg")).toBe(102.5);
  });

  it("round-trips a typed lb weight through 0.01 kg storage", () => {
    for (const lb of [45, 135, 225, 315, 405, 2.5, 132.3, 47.5]) {
      const storedKg = Math.round(toKg(lb, "lb") * 100) / 100;
      expect(formatWeight(storedKg, "lb")).toBe(`${lb} lb`);
      expect(weightInputValue(storedKg, "lb")).toBe(String(lb));
    }
  });

  it("rounds display to plate steps, keeps quarter kilos, else one decimal", () => {
    expect(formatWeight(102.5, "kg")).toBe("102.5 kg");
    expect(formatWeight(100, "kg")).toBe("100 kg");
    expect(formatWeight(101.25, "kg")).toBe("101.25 kg");
    expect(formatWeight(60.33, "kg")).toBe("60.3 kg");
    expect(roundWeight(99.99)).toBe(100);
    expect(formatWeight(1000, "kg")).toBe("1,000 kg");
    expect(formatWeight(100, "lb")).toBe("220.5 lb"); // 220.462… → 220.5
    expect(formatWeight(null, "kg")).toBe("—");
  });

  it("formats volume in whole units with thousands separators", () => {
    expect(formatVolume(12345.6, "kg")).toBe("12,346 kg");
    expect(formatVolume(0, "kg")).toBe("0 kg");
    expect(formatVolume(1000, "lb")).toBe("2,205 lb");
    expect(formatVolume(undefined, "lb")).toBe("—");
  });

  it("prefills inputs with the stored value in the user's unit", () => {
    expect(weightInputValue(102.55, "kg")).toBe("102.55");
    expect(weightInputValue(null, "kg")).toBe("");
  });
});
