import { sql } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
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
});
