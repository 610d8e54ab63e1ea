import { describe, expect, it, vi } from "vitest";

vi.mock("@node-rs/argon2", async (importOriginal) => {
  const real = await importOriginal<typeof import("@node-rs/argon2")>();
  return { ...real, verify: vi.fn(real.verify), hash: vi.fn(real.hash) };
});

const argon2 = await import("@node-rs/argon2");
const { hashPassword, verifyPassword, passwordSchema, PASSWORD_RULES } = await import("@/lib/auth/password");

describe("password policy", () => {
  const check = (p: string) => passwordSchema.safeParse(p);

  it("accepts long-enough passwords that mix letters with a number or symbol", () => {
    expect(check("correct-horse").success).toBe(true);
    expect(check("abcdefghi1").success).toBe(true);
    expect(check("ÄÖÜäöüßéèê1").success).toBe(true);
  });

  it("rejects short, letters-only, digits-only and over-long passwords with clear messages", () => {
    expect(check("abc-12").error?.issues[0].message).toBe("Use at least 10 characters.");
    expect(check("abcdefghijkl").error?.issues[0].message).toMatch(/number or symbol/);
    expect(check("12345678901234").error?.issues[0].message).toMatch(/letters/i);
    expect(check(`a1${"x".repeat(127)}`).error?.issues[0].message).toBe("Use at most 128 characters.");
  });

  it("exposes the same rules to the form checklist", () => {
    const met = (p: string) => PASSWORD_RULES.filter((r) => r.test(p)).map((r) => r.id);
    expect(met("")).toEqual([]);
    expect(met("abcdefghij")).toEqual(["length"]);
    expect(met("abc1")).toEqual(["mix"]);
    expect(met("abcdefghi1")).toEqual(["length", "mix"]);
  });
});

describe("hashPassword / verifyPassword", () => {
  it("hashes with argon2id and verifies only the right password", async () => {
    const stored = await hashPassword("correct-horse-1");
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(stored).not.toContain("correct-horse-1");
    expect(await verifyPassword("correct-horse-1", stored)).toBe(true);
    expect(await verifyPassword("correct-horse-2", stored)).toBe(false);
    expect(await verifyPassword("", stored)).toBe(false);
  });

  it("salts: the same password hashes differently", async () => {
    expect(await hashPassword("same-password-1")).not.toBe(await hashPassword("same-password-1"));
  });

  it("does a real argon2 verification against a dummy hash when there is no stored hash", async () => {
    const verify = vi.mocked(argon2.verify);
    await hashPassword("warm-up-1"); // the dummy hash is created lazily; count only the verify
    verify.mockClear();
    expect(await verifyPassword("anything-1", null)).toBe(false);
    expect(await verifyPassword("anything-1", undefined)).toBe(false);
    expect(verify).toHaveBeenCalledTimes(2);
    expect(verify.mock.calls[0][0]).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it("treats a malformed stored hash as a mismatch instead of throwing", async () => {
    expect(await verifyPassword("whatever-1", "not-a-phc-string")).toBe(false);
  });

  it("never accepts input longer than the policy allows, even if its prefix matches", async () => {
    const max = `a1${"x".repeat(126)}`;
    const stored = await hashPassword(max);
    expect(await verifyPassword(max, stored)).toBe(true);
    expect(await verifyPassword(`${max}extra`, stored)).toBe(false);
  });
});
