import { describe, expect, it } from "vitest";
import { initials } from "@/lib/text/initials";

const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe("initials", () => {
  it("never splits a character", () => {
    for (const name of ["Zoë 🏋️", "🏋️ Zoë", "🏋️", "👩‍👩‍👧 family", "Zoe\u0308 Smith", "𝒜lice 𝒝ob", "😀😀"]) {
      const out = initials(name, "x@example.com");
      expect(out, name).not.toMatch(loneSurrogate);
      expect(out.length, name).toBeGreaterThan(0);
    }
  });

  it("prefers letters over emoji", () => {
    expect(initials("Zoë 🏋️", "z@x.test")).toBe("ZO");
    expect(initials("🏋️ Zoë Smith", "z@x.test")).toBe("ZS");
    expect(initials("Zoe\u0308", "z@x.test")).toBe("ZO");
    expect(initials("élodie durand", "z@x.test")).toBe("ÉD");
    expect(initials("🏋️", "z@x.test")).toBe("🏋️");
  });

  it("falls back to the email", () => {
    expect(initials(null, "jane.doe@example.com")).toBe("JD");
    expect(initials("  ", "sam@example.com")).toBe("SA");
    expect(initials(null, "@x")).toBe("?");
  });
});
