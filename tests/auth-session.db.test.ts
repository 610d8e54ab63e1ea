import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createUser } from "@/lib/users/create-user";
import { useTestDatabase } from "./helpers/db";

const session = vi.hoisted(() => ({ value: null as null | { user?: { id?: string; email?: string } } }));
const requestHeaders = vi.hoisted(() => ({ value: new Headers() }));
vi.mock("@/auth", () => ({ auth: vi.fn(async () => session.value) }));
vi.mock("next/headers", () => ({ headers: async () => requestHeaders.value }));

const { getCurrentUser, requireUser } = await import("@/lib/auth/session");

describe("getCurrentUser / requireUser", () => {
  const handle = useTestDatabase();
  afterEach(() => {
    session.value = null;
    requestHeaders.value = new Headers();
  });

  it("is null without a session", async () => {
    expect(await getCurrentUser()).toBeNull();
    session.value = { user: { email: "no-id@example.com" } };
    expect(await getCurrentUser()).toBeNull();
  });

  it("returns the current row (id, email, name) for a valid session — never the password hash", async () => {
    const user = await createUser(handle().db, { email: `s-${Date.now()}@example.com`, password: "correct-horse-1", name: "Sam" });
    session.value = { user: { id: user.id, email: "stale@example.com" } };
    expect(await getCurrentUser()).toEqual({ id: user.id, email: user.email, name: "Sam" });
  });

  it("treats a session whose account was deleted as signed out", async () => {
    const user = await createUser(handle().db, { email: `gone-${Date.now()}@example.com` });
    session.value = { user: { id: user.id } };
    expect(await getCurrentUser()).not.toBeNull();
    await handle().db.execute(sql`delete from users where id = ${user.id}`);
    expect(await getCurrentUser()).toBeNull();
  });

  it("requireUser returns the user when signed in", async () => {
    const user = await createUser(handle().db, { email: `r-${Date.now()}@example.com` });
    session.value = { user: { id: user.id } };
    expect(await requireUser()).toMatchObject({ id: user.id });
  });

  it("requireUser redirects signed-out visitors to /sign-in?next=<the requested path>", async () => {
    requestHeaders.value = new Headers({ "x-spotter-path": "/workouts?page=2" });
    await expect(requireUser()).rejects.toMatchObject({ digest: expect.stringContaining(`/sign-in?next=${encodeURIComponent("/workouts?page=2")}`) });
  });

  it("requireUser never puts a foreign URL into next", async () => {
    requestHeaders.value = new Headers({ "x-spotter-path": "//evil.example/phish" });
    const error = await requireUser().catch((e: { digest: string }) => e);
    expect((error as { digest: string }).digest).toMatch(/;\/sign-in;/);
  });
});
