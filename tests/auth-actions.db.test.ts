import { CredentialsSignin } from "next-auth";
import { sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { useTestDatabase } from "./helpers/db";

const signIn = vi.hoisted(() => vi.fn());
const signOut = vi.hoisted(() => vi.fn());
const requestHeaders = vi.hoisted(() => ({ value: new Headers({ "x-forwarded-for": "203.0.113.50" }) }));
vi.mock("@/auth", () => ({ signIn, signOut, auth: vi.fn(async () => null) }));
vi.mock("next/headers", () => ({ headers: async () => requestHeaders.value }));

const { signInAction, signUpAction, magicLinkAction, signOutAction } = await import("@/lib/auth/actions");
const { ThrottledSignin, MagicLinkError, InvalidCredentials } = await import("@/lib/auth/errors");
const { createUser } = await import("@/lib/users/create-user");

const form = (fields: Record<string, string>) => {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.set(k, v);
  return fd;
};
const redirectTarget = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: { digest?: string }) => e.digest?.split(";")[2] ?? Promise.reject(e),
  );

describe("auth server actions", () => {
  const handle = useTestDatabase();
  beforeEach(() => {
    signIn.mockReset();
    signIn.mockResolvedValue("http://localhost/workouts");
  });
  afterEach(async () => {
    requestHeaders.value = new Headers({ "x-forwarded-for": "203.0.113.50" });
    await handle().db.execute(sql`delete from rate_limit_buckets`);
  });

  describe("signInAction", () => {
    it("signs in through Auth.js and redirects to a safe next path", async () => {
      const to = await redirectTarget(signInAction(null, form({ email: " Ana@Example.com ", password: "pw-1234567", next: "/settings?tab=units" })));
      expect(to).toBe("/settings?tab=units");
      expect(signIn).toHaveBeenCalledWith("credentials", { email: "ana@example.com", password: "pw-1234567", redirect: false });
    });

    it("ignores a foreign next and goes to /workouts", async () => {
      expect(await redirectTarget(signInAction(null, form({ email: "a@example.com", password: "x", next: "https://evil.example" })))).toBe(
        "/workouts",
      );
    });

    it("explains wrong credentials without saying which part was wrong", async () => {
      signIn.mockRejectedValue(new InvalidCredentials());
      expect(await signInAction(null, form({ email: "a@example.com", password: "nope" }))).toEqual({
        ok: false,
        code: "rejected",
        error: "That email and password don't match. Check them and try again.",
      });
    });

    it("says how long to wait when throttled", async () => {
      signIn.mockRejectedValue(new ThrottledSignin(new Date(Date.now() + 9.5 * 60_000)));
      expect(await signInAction(null, form({ email: "a@example.com", password: "x" }))).toMatchObject({
        ok: false,
        error: "Too many attempts. Please try again in 10 minutes.",
      });
    });

    it("validates before calling Auth.js", async () => {
      expect(await signInAction(null, form({ email: "not-an-email" }))).toMatchObject({
        ok: false,
        fieldErrors: { email: ["Enter a valid email address, like you@example.com."], password: ["Enter your password."] },
      });
      expect(signIn).not.toHaveBeenCalled();
    });

    it("never reports success when Auth.js answers with an error URL", async () => {
      const log = vi.spyOn(console, "error").mockImplementation(() => {});
      signIn.mockResolvedValue("http://localhost/sign-in?error=Configuration");
      expect(await signInAction(null, form({ email: "a@example.com", password: "x" }))).toMatchObject({ ok: false, code: "internal" });
      log.mockRestore();
    });
  });

  describe("signUpAction", () => {
    it("creates the account (profile + free plan), signs in, and lands on the first page", async () => {
      const email = `new-${Date.now()}@example.com`;
      const to = await redirectTarget(signUpAction(null, form({ name: "Nia", email: email.toUpperCase(), password: "correct-horse-1" })));
      expect(to).toBe("/coach/new");
      const rows = await handle().db.execute<{ name: string; plan: string; hash: string }>(sql`
        select u.name, s.plan, u.password_hash as hash from users u join subscriptions s on s.user_id = u.id where u.email = ${email}`);
      expect(rows.rows[0]).toMatchObject({ name: "Nia", plan: "free" });
      expect(rows.rows[0].hash).toMatch(/^\$argon2id\$/);
      expect(signIn).toHaveBeenCalledWith("credentials", { email, password: "correct-horse-1", redirect: false });
    });

    it("shows the password rules that were not met", async () => {
      const result = await signUpAction(null, form({ email: "p@example.com", password: "abcdefghijk" }));
      expect(result).toMatchObject({ ok: false, fieldErrors: { password: ["Mix letters with at least one number or symbol."] } });
    });

    it("points existing addresses to sign-in", async () => {
      const email = `taken-${Date.now()}@example.com`;
      await createUser(handle().db, { email, password: "correct-horse-1" });
      expect(await signUpAction(null, form({ email, password: "correct-horse-2" }))).toMatchObject({
        ok: false,
        fieldErrors: { email: ["An account with this email already exists. Sign in instead."] },
      });
    });

    it("if the automatic sign-in is refused, sends the new user to sign in with a notice", async () => {
      signIn.mockRejectedValue(new CredentialsSignin());
      const to = await redirectTarget(
        signUpAction(null, form({ email: `late-${Date.now()}@example.com`, password: "correct-horse-1", next: "/settings" })),
      );
      expect(to).toBe("/sign-in?notice=account-created&next=%2Fsettings");
    });

    it("limits sign-ups per IP (10 per hour)", async () => {
      requestHeaders.value = new Headers({ "x-forwarded-for": "192.0.2.200" });
      for (let i = 0; i < 10; i++)
        await redirectTarget(signUpAction(null, form({ email: `bulk${i}-${Date.now()}@example.com`, password: "correct-horse-1" })));
      expect(await signUpAction(null, form({ email: `bulk-x-${Date.now()}@example.com`, password: "correct-horse-1" }))).toMatchObject({
        ok: false,
        error: expect.stringMatching(/^Too many attempts\. Please try again in \d+ minutes?\.$/),
      });
    });
  });

  describe("magicLinkAction", () => {
    it("requests a link and reports where it went", async () => {
      signIn.mockResolvedValue("http://localhost/api/auth/verify-request?provider=email&type=email");
      expect(await magicLinkAction(null, form({ email: "M@Example.com" }))).toEqual({
        ok: true,
        data: { email: "m@example.com", delivery: "server-log" },
      });
      expect(signIn).toHaveBeenCalledWith("email", { email: "m@example.com", redirectTo: "/workouts", redirect: false });
    });

    it("maps throttling and delivery failures to clear messages", async () => {
      signIn.mockRejectedValueOnce(new MagicLinkError("throttled", new Date(Date.now() + 60_000)));
      expect(await magicLinkAction(null, form({ email: "m@example.com" }))).toMatchObject({
        ok: false,
        error: "Too many attempts. Please try again in 1 minute.",
      });
      signIn.mockRejectedValueOnce(new MagicLinkError("delivery"));
      expect(await magicLinkAction(null, form({ email: "m@example.com" }))).toMatchObject({
        ok: false,
        error: expect.stringContaining("couldn't send the sign-in email"),
      });
    });
  });

  it("signOutAction signs out and goes home", async () => {
    await signOutAction();
    expect(signOut).toHaveBeenCalledWith({ redirectTo: "/" });
  });
});
