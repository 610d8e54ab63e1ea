import { describe, expect, it } from "vitest";
import { integerToWords, numberToWords, speakable } from "@/lib/speech/speakable";

describe("speakable: numbers and units read naturally", () => {
  it("reads the issue's example", () => {
    expect(speakable("102.5 kg")).toBe("one hundred two point five kilos");
  });

  it.each([
    ["Last time 100 × 5. Try 102.5.", "Last time one hundred for five. Try one hundred two point five."],
    ["100kg x 5", "one hundred kilos for five"],
    ["Bench · Set 3/5", "Bench , Set three of five"],
    ["Rest 90 s", "Rest ninety seconds"],
    ["1 kg more", "one kilo more"],
    ["225 lb", "two hundred twenty-five pounds"],
    ["RPE 8.5", "R P E eight point five"],
    ["PR — 105 beats 102.5 from October.", "P R , one hundred five beats one hundred two point five from October."],
    ["e1RM 140", "estimated one rep max one hundred forty"],
    ["80%", "eighty percent"],
    ["Volume 12,450 kg", "Volume twelve thousand four hundred fifty kilos"],
    ["2 min", "two minutes"],
    ["+15 s", "plus fifteen seconds"],
  ])("%s", (input, expected) => {
    expect(speakable(input)).toBe(expected);
  });

  it("does not turn words that contain unit letters into units", () => {
    expect(speakable("5 sets of squats")).toBe("five sets of squats");
    expect(speakable("3 mins rest, 2 more")).toBe("three minutes rest, two more");
  });

  it("spells integers and decimals", () => {
    expect(integerToWords(0)).toBe("zero");
    expect(integerToWords(1000)).toBe("one thousand");
    expect(integerToWords(1250)).toBe("one thousand two hundred fifty");
    expect(integerToWords(2_000_017)).toBe("two million seventeen");
    expect(numberToWords("0.75")).toBe("zero point seven five");
    expect(numberToWords("60.0")).toBe("sixty");
  });
});
