import { sql } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { useTestDatabase } from "./helpers/db";

vi.mock("@/lib/auth/password", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/auth/password")>();
  return { ...real, verifyPassword: vi.fn(real.verifyPassword) };
});

const { verifyPassword } = await import("@/lib/auth/password");
const { authenticateWithPassword, LOGIN_LIMITS, loginEmailKey } = await import("@/lib/auth/authenticate");
const { createUser } = await import("@/lib/users/create-user");

describe("authenticateWithPassword", () => {
  const handle = useTestDatabase();
  const db = () => handle().db;
  const verify = vi.mocked(verifyPassword);
  let n = 0;
  const fresh = () => `athlete${++n}-${Date.now()}@example.com`;
  const ip = () => `203.0.113.${n % 250}`;

  beforeEach(async () => {
    verify.mockClear();
    await db().execute(sql`delete from rate_limit_buckets`);
  });

  it("returns the user for the right password (email case and spaces do not matter)", async () => {
    const email = fresh();
    const user = await createUser(db(), { email, password: "correct-horse-1", name: "Ana" });
    const result = await authenticateWithPassword(db(), { email: `  ${email.toUpperCase()} `, password: "correct-horse-1", ip: ip() });
    expect(result).toEqual({ ok: true, user: { id: user.id, email, name: "Ana" } });
  });

  it("refuses a wrong password with a generic code", async () => {
    const email = fresh();
    await createUser(db(), { email, password: "correct-horse-1" });
    expect(await authenticateWithPassword(db(), { email, password: "wrong-horse-1", ip: ip() })).toEqual({ ok: false, code: "invalid_credentials" });
  });

  it("runs the dummy verification for unknown emails and password-less accounts (same timing path)", async () => {
    const unknown = await authenticateWithPassword(db(), { email: fresh(), password: "whatever-123", ip: ip() });
    expect(unknown).toEqual({ ok: false, code: "invalid_credentials" });
    expect(verify).toHaveBeenCalledTimes(1);
    expect(verify).toHaveBeenLastCalledWith("whatever-123", null);

    const linkOnly = fresh();
    await createUser(db(), { email: linkOnly });
    expect(await authenticateWithPassword(db(), { email: linkOnly, password: "whatever-123", ip: ip() })).toMatchObject({ ok: false });
    expect(verify).toHaveBeenCalledTimes(2);
    expect(verify).toHaveBeenLastCalledWith("whatever-123", null);
  });

  it("throttles an account after 5 failures without checking the password, even the right one", async () => {
    const email = fresh();
    await createUser(db(), { email, password: "correct-horse-1" });
    for (let i = 0; i < LOGIN_LIMITS.perEmail.limit; i++) {
      expect(await authenticateWithPassword(db(), { email, password: `wrong-${i}-horse`, ip: `198.51.100.${i}` })).toMatchObject({
        code: "invalid_credentials",
      });
    }
    verify.mockClear();
    const throttled = await authenticateWithPassword(db(), { email: email.toUpperCase(), password: "correct-horse-1", ip: "198.51.100.99" });
    expect(throttled).toMatchObject({ ok: false, code: "throttled" });
    if (throttled.ok || throttled.code !== "throttled") throw new Error("unreachable");
    expect(throttled.retryAt.getTime()).toBeGreaterThan(Date.now());
    expect(throttled.retryAt.getTime()).toBeLessThanOrEqual(Date.now() + LOGIN_LIMITS.perEmail.windowSeconds * 1000);
    expect(verify).not.toHaveBeenCalled();
  });

  it("a successful sign-in forgets the account's earlier failures", async () => {
    const email = fresh();
    await createUser(db(), { email, password: "correct-horse-1" });
    for (let i = 0; i < 4; i++) await authenticateWithPassword(db(), { email, password: "wrong-horse-1", ip: ip() });
    expect(await authenticateWithPassword(db(), { email, password: "correct-horse-1", ip: ip() })).toMatchObject({ ok: true });
    for (let i = 0; i < 4; i++) await authenticateWithPassword(db(), { email, password: "wrong-horse-1", ip: ip() });
    expect(await authenticateWithPassword(db(), { email, password: "correct-horse-1", ip: ip() })).toMatchObject({ ok: true });
  });

  it("throttles an IP after 20 failures across many accounts", async () => {
    const attacker = "192.0.2.77";
    for (let i = 0; i < LOGIN_LIMITS.perIp.limit; i++) {
      expect(await authenticateWithPassword(db(), { email: fresh(), password: "guess-guess-1", ip: attacker })).toMatchObject({
        code: "invalid_credentials",
      });
    }
    const email = fresh();
    await createUser(db(), { email, password: "correct-horse-1" });
    expect(await authenticateWithPassword(db(), { email, password: "correct-horse-1", ip: attacker })).toMatchObject({ code: "throttled" });
    // the same account from another network is fine
    expect(await authenticateWithPassword(db(), { email, password: "correct-horse-1", ip: "192.0.2.78" })).toMatchObject({ ok: true });
  });

  it("under 20 concurrent guesses, at most 5 passwords are ever verified", async () => {
    const email = fresh();
    await createUser(db(), { email, password: "correct-horse-1" });
    verify.mockClear();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => authenticateWithPassword(db(), { email, password: `guess-${i}-horse`, ip: `10.0.0.${i}` })),
    );
    expect(verify).toHaveBeenCalledTimes(LOGIN_LIMITS.perEmail.limit);
    expect(results.filter((r) => !r.ok && r.code === "throttled")).toHaveLength(20 - LOGIN_LIMITS.perEmail.limit);
  });

  it("never stores the email address in rate-limit keys", async () => {
    const email = fresh();
    await authenticateWithPassword(db(), { email, password: "guess-guess-1", ip: ip() });
    const keys = (await db().execute<{ key: string }>(sql`select key from rate_limit_buckets`)).rows.map((r) => r.key);
    expect(keys).toContain(loginEmailKey(email));
    expect(keys.join(" ")).not.toContain(email);
  });
});
