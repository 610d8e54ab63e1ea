import { sql } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { resetEnvCache } from "@/lib/config/env";
import { createUser } from "@/lib/users/create-user";
import { useTestDatabase } from "./helpers/db";

/**
 * The real Auth.js configuration (auth.ts) driven through its route handlers, the way a browser
 * posting to /api/auth/callback/credentials would: CSRF, authorize(), throttling, JWT cookie.
 */
process.env.AUTH_SECRET = "test-secret-test-secret-test-secret-0123";
resetEnvCache();
const { handlers } = await import("@/auth");

const BASE = "http://localhost:3000";

class Browser {
  jar = new Map<string, string>();
  constructor(readonly ip: string) {}
  cookieHeader() {
    return [...this.jar].map(([k, v]) => `${k}=${v}`).join("; ");
  }
  store(res: Response) {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const i = pair.indexOf("=");
      const name = pair.slice(0, i);
      const value = pair.slice(i + 1);
      if (value === "" || /max-age=0/i.test(c) || /expires=Thu, 01 Jan 1970/i.test(c)) this.jar.delete(name);
      else this.jar.set(name, value);
    }
  }
  async get(path: string) {
    const res = await handlers.GET(new Request(`${BASE}${path}`, { headers: { cookie: this.cookieHeader(), "x-forwarded-for": this.ip } }) as never);
    this.store(res);
    return res;
  }
  async signIn(email: string, password: string) {
    const { csrfToken } = (await (await this.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const res = await handlers.POST(
      new Request(`${BASE}/api/auth/callback/credentials`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", cookie: this.cookieHeader(), "x-forwarded-for": `${this.ip}, 10.0.0.1` },
        body: new URLSearchParams({ email, password, csrfToken, callbackUrl: `${BASE}/workouts` }),
      }) as never,
    );
    this.store(res);
    return res;
  }
  async requestMagicLink(email: string) {
    const { csrfToken } = (await (await this.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const res = await handlers.POST(
      new Request(`${BASE}/api/auth/signin/email`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", cookie: this.cookieHeader(), "x-forwarded-for": this.ip },
        body: new URLSearchParams({ email, csrfToken, callbackUrl: `${BASE}/workouts` }),
      }) as never,
    );
    this.store(res);
    return res;
  }
  async session() {
    return (await (await this.get("/api/auth/session")).json()) as { user?: { id?: string; email?: string } } | null;
  }
}

describe("Auth.js credentials flow (auth.ts)", () => {
  const handle = useTestDatabase();
  let userId = "";
  const email = `flow-${Date.now()}@example.com`;

  beforeAll(async () => {
    userId = (await createUser(handle().db, { email, password: "correct-horse-1", name: "Flo" })).id;
  });
  beforeEach(async () => {
    await handle().db.execute(sql`delete from rate_limit_buckets`);
  });

  it("signs in with the right password: JWT session cookie, redirect to the callback URL, session names the user", async () => {
    const browser = new Browser("198.51.100.10");
    const res = await browser.signIn(email.toUpperCase(), "correct-horse-1");
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe(`${BASE}/workouts`);
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith("authjs.session-token="));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const session = await browser.session();
    expect(session?.user).toMatchObject({ id: userId, email });
    expect(JSON.stringify(session)).not.toMatch(/argon2|password/i);
  });

  it("a wrong password redirects to /sign-in with a credentials error and sets no session", async () => {
    const browser = new Browser("198.51.100.11");
    const res = await browser.signIn(email, "wrong-horse-1");
    const location = new URL(res.headers.get("location")!);
    expect(location.pathname).toBe("/sign-in");
    expect(location.searchParams.get("error")).toBe("CredentialsSignin");
    expect(location.searchParams.get("code")).toBe("invalid_credentials");
    expect(browser.jar.has("authjs.session-token")).toBe(false);
    expect(await browser.session()).toBeNull();
  });

  it("after 5 failures the account is throttled, even with the right password", async () => {
    const browser = new Browser("198.51.100.12");
    for (let i = 0; i < 5; i++) await browser.signIn(email, `wrong-horse-${i}`);
    const res = await browser.signIn(email, "correct-horse-1");
    expect(new URL(res.headers.get("location")!).searchParams.get("code")).toBe("throttled");
    expect(browser.jar.has("authjs.session-token")).toBe(false);
  });

  it("rejects a credentials POST without a valid CSRF token", async () => {
    const res = await handlers.POST(
      new Request(`${BASE}/api/auth/callback/credentials`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ email, password: "correct-horse-1", csrfToken: "forged" }),
      }) as never,
    );
    expect(res.headers.getSetCookie().some((c) => c.startsWith("authjs.session-token=") && !/=;/.test(c))).toBe(false);
    expect(new URL(res.headers.get("location") ?? `${BASE}/x`).searchParams.get("error")).toBe("MissingCSRF");
  });

  it("magic link: logged without SMTP, signs a new person up with a profile and free plan, works once", async () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    const newcomer = `Link-${Date.now()}@Example.com`;
    const browser = new Browser("198.51.100.20");
    const res = await browser.requestMagicLink(newcomer);
    const verify = new URL(res.headers.get("location")!);
    expect(verify.pathname).toBe("/api/auth/verify-request");
    expect(new URL((await browser.get(`${verify.pathname}${verify.search}`)).headers.get("location")!, BASE).pathname).toBe("/check-email");
    const line = log.mock.calls.map((c) => String(c[0])).find((l) => l.startsWith("[spotter] MAGIC LINK for "));
    log.mockRestore();
    expect(line).toContain(`MAGIC LINK for ${newcomer.toLowerCase()} (SMTP not configured): ${BASE}/api/auth/callback/email?`);
    const link = line!.slice(line!.indexOf(`${BASE}/`));

    const callback = await browser.get(link.slice(BASE.length));
    expect(callback.headers.get("location")).toBe(`${BASE}/workouts`);
    const session = await browser.session();
    expect(session?.user?.email).toBe(newcomer.toLowerCase());

    const rows = await handle().db.execute<{ email_verified: unknown; password_hash: unknown; units: string; plan: string }>(sql`
      select u.email_verified, u.password_hash, p.units, s.plan from users u
      join user_profiles p on p.user_id = u.id join subscriptions s on s.user_id = u.id
      where u.email = ${newcomer.toLowerCase()}`);
    expect(rows.rows).toHaveLength(1);
    expect(rows.rows[0]).toMatchObject({ password_hash: null, plan: "free" });
    expect(rows.rows[0].email_verified).not.toBeNull();

    const again = await new Browser("198.51.100.21").get(link.slice(BASE.length));
    expect(new URL(again.headers.get("location")!).searchParams.get("error")).toBe("Verification");
  });

  it("magic links are throttled per address (3 per 15 minutes)", async () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    const address = `flood-${Date.now()}@example.com`;
    const locations: string[] = [];
    for (let i = 0; i < 4; i++) locations.push((await new Browser(`198.51.100.${30 + i}`).requestMagicLink(address)).headers.get("location")!);
    const sent = log.mock.calls.filter((c) => String(c[0]).startsWith(`[spotter] MAGIC LINK for ${address}`)).length;
    log.mockRestore();
    expect(locations.slice(0, 3).map((l) => new URL(l).pathname)).toEqual(Array(3).fill("/api/auth/verify-request"));
    // Our form reports "try again in N minutes"; a hand-made POST lands on /sign-in with a generic error.
    const refused = new URL(locations[3]);
    expect(refused.pathname).toBe("/sign-in");
    expect(refused.searchParams.get("error")).toBeTruthy();
    expect(sent).toBe(3);
  });
});
