import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { users } from "@/db/schema";
import { getRetentionDays } from "@/lib/privacy/retention";
import { createUser } from "@/lib/users/create-user";
import { useTestDatabase } from "./helpers/db";

const session = vi.hoisted(() => ({ user: null as { id: string; email: string; name: string | null } | null }));
const signOut = vi.hoisted(() => vi.fn(async () => undefined));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => session.user, requireUser: async () => session.user }));
vi.mock("@/auth", () => ({ signOut, signIn: vi.fn(), auth: vi.fn(async () => null) }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ host: "app.test" }) }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const { deleteAccountAction, sendDeletionLinkAction, setRetentionAction } = await import("@/lib/privacy/actions");

const PASSWORD = "correct horse battery staple 9";

describe("privacy actions", () => {
  const t = useTestDatabase();
  beforeEach(() => {
    session.user = null;
    signOut.mockClear();
  });

  it("refuse a signed-out caller", async () => {
    expect(await setRetentionAction({ days: 30 })).toMatchObject({ ok: false, code: "unauthenticated" });
    expect(await deleteAccountAction({ confirm: "DELETE", password: PASSWORD })).toMatchObject({ ok: false, code: "unauthenticated" });
  });

  it("retention: saves 1–180 days for the signed-in user only, with a field error otherwise", async () => {
    const u = await createUser(t().db, { email: `pa-ret-${Date.now()}@x.test` });
    session.user = u;
    expect(await setRetentionAction({ days: 0 })).toMatchObject({ ok: false, fieldErrors: { days: [expect.stringMatching(/at least 1/)] } });
    expect(await setRetentionAction({ days: "30" as never })).toMatchObject({ ok: true, data: { days: 30 } });
    expect(await getRetentionDays(t().db, u.id)).toBe(30);
  });

  it("delete: a wrong password or a missing DELETE deletes nothing; the right one deletes and signs out", async () => {
    const u = await createUser(t().db, { email: `pa-del-${Date.now()}@x.test`, password: PASSWORD });
    session.user = u;
    expect(await deleteAccountAction({ confirm: "delete" as never, password: PASSWORD })).toMatchObject({
      ok: false,
      fieldErrors: { confirm: expect.any(Array) },
    });
    expect(await deleteAccountAction({ confirm: "DELETE", password: "nope nope nope" })).toMatchObject({
      ok: false,
      fieldErrors: { password: expect.any(Array) },
    });
    expect(await deleteAccountAction({ confirm: "DELETE" })).toMatchObject({ ok: false, fieldErrors: { password: expect.any(Array) } });
    expect(await t().db.select().from(users).where(eq(users.id, u.id))).toHaveLength(1);
    expect(signOut).not.toHaveBeenCalled();

    expect(await deleteAccountAction({ confirm: "DELETE", password: PASSWORD })).toMatchObject({ ok: true });
    expect(await t().db.select().from(users).where(eq(users.id, u.id))).toHaveLength(0);
    expect(signOut).toHaveBeenCalledWith({ redirectTo: "/sign-in?notice=account-deleted" });
  });

  it("delete without a password: needs the emailed link's token", async () => {
    const u = await createUser(t().db, { email: `pa-link-${Date.now()}@x.test` });
    session.user = u;
    expect(await deleteAccountAction({ confirm: "DELETE", token: "made-up" })).toMatchObject({ ok: false, code: "deletion_link_invalid" });
    const logs: string[] = [];
    const spy = vi.spyOn(console, "log").mockImplementation((l: string) => void logs.push(l));
    const sent = await sendDeletionLinkAction({});
    spy.mockRestore();
    expect(sent).toMatchObject({ ok: true, data: { via: "log" } });
    const url = new URL(
      logs
        .find((l) => l.includes("ACCOUNT DELETION LINK"))!
        .split(": ")
        .pop()!,
    );
    expect(url.pathname).toBe("/settings/privacy/delete");
    expect(await deleteAccountAction({ confirm: "DELETE", token: url.searchParams.get("token")! })).toMatchObject({ ok: true });
    expect(await t().db.select().from(users).where(eq(users.id, u.id))).toHaveLength(0);
  });

  it("a password account cannot ask for a link instead of its password", async () => {
    const u = await createUser(t().db, { email: `pa-pw-${Date.now()}@x.test`, password: PASSWORD });
    session.user = u;
    expect(await sendDeletionLinkAction({})).toMatchObject({ ok: false });
  });
});
