import { and, eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { trainerLinks, trainerSettings, users } from "@/db/schema";
import { setPlan } from "@/lib/billing/plan";
import { ENTITLEMENTS } from "@/lib/billing/entitlements";
import {
  acceptInvitation,
  createShareCode,
  declineInvitation,
  findInvitation,
  inviteByEmail,
  listAthleteTrainers,
  normalizeCode,
  revokeLink,
} from "@/lib/trainer/links";
import { requireClientAccess, trainerStanding } from "@/lib/trainer/access";
import { subscriptions } from "@/db/schema";
import { useTestDatabase } from "./helpers/db";

const db = useTestDatabase();
const DAY = 86_400_000;

async function user(label: string) {
  const [u] = await db()
    .db.insert(users)
    .values({ email: `${label}-${crypto.randomUUID()}@example.com`, name: label })
    .returning({ id: users.id, email: users.email, name: users.name });
  return u;
}

async function trainer(label = "coach") {
  const t = await user(label);
  await setPlan(db().db, t.id, "trainer");
  return t;
}

function codeFromLog(spy: ReturnType<typeof vi.spyOn>): string {
  const line = spy.mock.calls.map((c: unknown[]) => String(c[0])).find((l: string) => l.includes("TRAINER INVITE"));
  expect(line).toBeDefined();
  return line!.split("/trainer/invite/")[1].trim();
}

describe("invitations", () => {
  it("an email invitation is logged when there is no SMTP, and only that address can accept it", async () => {
    const t = await trainer();
    const athlete = await user("athlete");
    const other = await user("other");
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    const sent = await inviteByEmail(db().db, t, athlete.email.toUpperCase(), "http://app.test");
    expect(sent.via).toBe("log");
    const code = codeFromLog(log);
    log.mockRestore();
    const inv = await findInvitation(db().db, code);
    expect(inv).toMatchObject({ trainerName: "coach", inviteEmail: athlete.email });
    // Nothing is shared before acceptance.
    await expect(requireClientAccess(db().db, t.id, athlete.id)).rejects.toMatchObject({ status: 404 });
    await expect(acceptInvitation(db().db, other, code)).rejects.toMatchObject({ code: "invitation_other_email" });
    await acceptInvitation(db().db, athlete, code);
    expect((await requireClientAccess(db().db, t.id, athlete.id)).mode).toBe("full");
    // The code is single use.
    await expect(acceptInvitation(db().db, athlete, code)).rejects.toMatchObject({ code: "invitation_invalid" });
    expect((await listAthleteTrainers(db().db, athlete.id)).map((r) => r.trainerUserId)).toEqual([t.id]);
  });

  it("a share code works for whoever enters it (in any case, with or without the dash), once", async () => {
    const t = await trainer();
    const athlete = await user("athlete");
    const { code } = await createShareCode(db().db, t.id);
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(normalizeCode(code.replace("-", "").toLowerCase())).toBe(code);
    await acceptInvitation(db().db, athlete, code.toLowerCase());
    await expect(requireClientAccess(db().db, t.id, athlete.id)).resolves.toMatchObject({ mode: "full" });
    await expect(acceptInvitation(db().db, await user("late"), code)).rejects.toMatchObject({ code: "invitation_invalid" });
  });

  it("refuses an expired invitation, one's own invitation, and a second link to the same trainer", async () => {
    const t = await trainer();
    const athlete = await user("athlete");
    const old = await createShareCode(db().db, t.id, new Date(Date.now() - 8 * DAY));
    await expect(acceptInvitation(db().db, athlete, old.code)).rejects.toMatchObject({ code: "invitation_invalid" });
    const own = await createShareCode(db().db, t.id);
    await expect(acceptInvitation(db().db, t, own.code)).rejects.toThrow(/your own invitation/);
    await acceptInvitation(db().db, athlete, (await createShareCode(db().db, t.id)).code);
    await expect(acceptInvitation(db().db, athlete, (await createShareCode(db().db, t.id)).code)).rejects.toMatchObject({ code: "already_linked" });
  });

  it("declining shares nothing and uses up the invitation", async () => {
    const t = await trainer();
    const athlete = await user("athlete");
    const { code } = await createShareCode(db().db, t.id);
    await declineInvitation(db().db, athlete, code);
    await expect(acceptInvitation(db().db, athlete, code)).rejects.toMatchObject({ code: "invitation_invalid" });
    await expect(requireClientAccess(db().db, t.id, athlete.id)).rejects.toMatchObject({ status: 404 });
  });

  it("only the Trainer plan can invite", async () => {
    const free = await user("free");
    await expect(createShareCode(db().db, free.id)).rejects.toMatchObject({ code: "plan_required" });
    const pro = await user("pro");
    await setPlan(db().db, pro.id, "pro");
    await expect(inviteByEmail(db().db, pro, "x@example.com", "http://app.test")).rejects.toMatchObject({ code: "plan_required" });
  });
});

describe("revocation", () => {
  it("either side ends the link at any time; a stranger cannot", async () => {
    for (const side of ["trainer", "client"] as const) {
      const t = await trainer();
      const athlete = await user("athlete");
      const { id } = await createShareCode(db().db, t.id);
      await acceptInvitation(
        db().db,
        athlete,
        (await db().db.select({ code: trainerLinks.code }).from(trainerLinks).where(eq(trainerLinks.id, id)))[0].code!,
      );
      await expect(revokeLink(db().db, (await user("stranger")).id, id)).rejects.toMatchObject({ status: 404 });
      await revokeLink(db().db, side === "trainer" ? t.id : athlete.id, id);
      await expect(requireClientAccess(db().db, t.id, athlete.id)).rejects.toMatchObject({ status: 404 });
      const [row] = await db().db.select().from(trainerLinks).where(eq(trainerLinks.id, id));
      expect(row).toMatchObject({ status: "revoked", endedBy: side });
    }
  });

  it("an athlete cannot cancel someone else's pending invitation by id", async () => {
    const t = await trainer();
    const { id } = await createShareCode(db().db, t.id);
    await expect(revokeLink(db().db, (await user("athlete")).id, id)).rejects.toMatchObject({ status: 404 });
  });
});

describe("seats", () => {
  async function fillSeats(trainerId: string, n: number) {
    const rows = [];
    for (let i = 0; i < n; i++) rows.push(await user(`seat${i}`));
    await db()
      .db.insert(trainerLinks)
      .values(
        rows.map((r) => ({ trainerUserId: trainerId, clientUserId: r.id, status: "active" as const, acceptedAt: new Date(), expiresAt: new Date() })),
      );
  }

  it("the Trainer plan's seats come from the entitlements map, and a full roster refuses the next athlete", async () => {
    const t = await trainer();
    const seats = ENTITLEMENTS.trainer.clientSeats;
    await fillSeats(t.id, seats);
    const { code } = await createShareCode(db().db, t.id);
    await expect(acceptInvitation(db().db, await user("one-too-many"), code)).rejects.toMatchObject({ code: "no_seats" });
  });

  it("two athletes accepting at once for the last seat: exactly one wins", async () => {
    const t = await trainer();
    await fillSeats(t.id, ENTITLEMENTS.trainer.clientSeats - 1);
    const [a, b] = [await user("racer-a"), await user("racer-b")];
    const [ca, cb] = [await createShareCode(db().db, t.id), await createShareCode(db().db, t.id)];
    const results = await Promise.allSettled([acceptInvitation(db().db, a, ca.code), acceptInvitation(db().db, b, cb.code)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toMatchObject({ code: "no_seats" });
    const [{ n }] = (
      await db().db.execute(`select count(*)::int as n from trainer_links where trainer_user_id = '${t.id}' and status = 'active'` as never)
    ).rows as {
      n: number;
    }[];
    expect(Number(n)).toBe(ENTITLEMENTS.trainer.clientSeats);
  });
});

describe("downgrade", () => {
  it("below the plan: read-only until the stored period end (fixed when first seen), then nothing; back on the plan: full", async () => {
    const t = await trainer();
    const athlete = await user("athlete");
    await acceptInvitation(db().db, athlete, (await createShareCode(db().db, t.id)).code);
    const periodEnd = new Date(Date.now() + 5 * DAY);
    await db().db.update(subscriptions).set({ plan: "pro", source: "stripe", currentPeriodEnd: periodEnd }).where(eq(subscriptions.userId, t.id));
    const ro = await requireClientAccess(db().db, t.id, athlete.id);
    expect(ro.mode).toBe("read-only");
    expect(ro.readOnlyUntil?.getTime()).toBe(periodEnd.getTime());
    await expect(requireClientAccess(db().db, t.id, athlete.id, { write: true })).rejects.toMatchObject({ code: "trainer_read_only" });
    // Pro renews: the read-only window does not move.
    await db()
      .db.update(subscriptions)
      .set({ currentPeriodEnd: new Date(Date.now() + 35 * DAY) })
      .where(eq(subscriptions.userId, t.id));
    expect((await requireClientAccess(db().db, t.id, athlete.id)).readOnlyUntil?.getTime()).toBe(periodEnd.getTime());
    await expect(requireClientAccess(db().db, t.id, athlete.id, { now: new Date(periodEnd.getTime() + 1000) })).rejects.toMatchObject({
      code: "trainer_access_ended",
    });
    await setPlan(db().db, t.id, "trainer");
    expect((await requireClientAccess(db().db, t.id, athlete.id, { write: true })).mode).toBe("full");
    const [s] = await db().db.select().from(trainerSettings).where(eq(trainerSettings.userId, t.id));
    expect(s.readOnlyUntil).toBeNull();
  });

  it("an operator downgrade (no stored period) ends access at once", async () => {
    const t = await trainer();
    const athlete = await user("athlete");
    await acceptInvitation(db().db, athlete, (await createShareCode(db().db, t.id)).code);
    await setPlan(db().db, t.id, "free");
    expect((await trainerStanding(db().db, t.id)).mode).toBe("none");
    await expect(requireClientAccess(db().db, t.id, athlete.id)).rejects.toMatchObject({ code: "trainer_access_ended" });
    // The athlete can still end the link.
    const [l] = await db()
      .db.select({ id: trainerLinks.id })
      .from(trainerLinks)
      .where(and(eq(trainerLinks.trainerUserId, t.id), eq(trainerLinks.status, "active")));
    await revokeLink(db().db, athlete.id, l.id);
  });
});
