import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { programmeAssignments, subscriptions, trainerLinks, users, workoutSessions } from "@/db/schema";
import { useTestDatabase } from "./helpers/db";

/**
 * Tenancy over every trainer entry point: each read, write, action and route is called as
 * trainer A for their own client (works), for trainer B's client, a revoked link and a pending
 * invitation (404, nothing learned), as a trainer whose plan ended past the period end (403), and
 * as a downgraded trainer still inside the period (reads yes, writes 403).
 */
const state = vi.hoisted(() => ({ user: null as null | { id: string; email: string; name: string | null } }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => state.user }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ host: "app.test" }) }));

const actions = await import("@/lib/trainer/actions");
const view = await import("@/lib/trainer/client-view");
const { getClientAssignment, assignProgramme, saveProgramme } = await import("@/lib/trainer/programmes");
const { loadRoster } = await import("@/lib/trainer/roster");
const messages = await import("@/lib/trainer/messages");
const proposals = await import("@/lib/trainer/coach-proposals");
const { createCoach } = await import("@/lib/coach/coaches");
const { generateCoachCard } = await import("@/lib/coach/generate");
const { setPlan } = await import("@/lib/billing/plan");
const { POST: queryRoute } = await import("@/app/api/trainer/clients/[id]/query/route");
const { parseProgrammeText } = await import("@/lib/trainer/programme-schema");

const db = useTestDatabase();
const DAY = 86_400_000;

type U = { id: string; email: string; name: string | null };
const who: Record<string, U> = {};
const sessionOf: Record<string, string> = {};
const programmeOf: Record<string, string> = {};

async function user(key: string): Promise<U> {
  const [u] = await db()
    .db.insert(users)
    .values({ email: `${key}-${crypto.randomUUID()}@example.com`, name: key })
    .returning({ id: users.id, email: users.email, name: users.name });
  who[key] = u;
  const [s] = await db()
    .db.insert(workoutSessions)
    .values({ userId: u.id, name: `${key} secret workout`, startedAt: new Date(Date.now() - DAY) })
    .returning({ id: workoutSessions.id });
  sessionOf[key] = s.id;
  return u;
}

async function link(trainer: string, client: string, status: "active" | "revoked" | "pending") {
  await db()
    .db.insert(trainerLinks)
    .values({
      trainerUserId: who[trainer].id,
      clientUserId: status === "pending" ? null : who[client].id,
      inviteEmail: status === "pending" ? who[client].email : null,
      code: status === "pending" ? `code-${crypto.randomUUID()}` : null,
      status,
      acceptedAt: status === "pending" ? null : new Date(Date.now() - 10 * DAY),
      expiresAt: new Date(Date.now() + 10 * DAY),
    });
}

beforeAll(async () => {
  for (const k of ["trainerA", "trainerB", "trainerEnded", "trainerRO", "clientA", "clientB", "pending", "revoked", "clientEnded", "clientRO"])
    await user(k);
  for (const t of ["trainerA", "trainerB"]) await setPlan(db().db, who[t].id, "trainer");
  // Canceled at period end, and the period is over: free now.
  await db()
    .db.insert(subscriptions)
    .values({
      userId: who.trainerEnded.id,
      plan: "trainer",
      status: "active",
      source: "stripe",
      cancelAtPeriodEnd: true,
      currentPeriodEnd: new Date(Date.now() - DAY),
    });
  // Switched to Pro; the paid period runs another 10 days.
  await db()
    .db.insert(subscriptions)
    .values({ userId: who.trainerRO.id, plan: "pro", status: "active", source: "stripe", currentPeriodEnd: new Date(Date.now() + 10 * DAY) });
  await link("trainerA", "clientA", "active");
  await link("trainerB", "clientB", "active");
  await link("trainerA", "pending", "pending");
  await link("trainerA", "revoked", "revoked");
  await link("trainerEnded", "clientEnded", "active");
  await link("trainerRO", "clientRO", "active");
  for (const t of ["trainerA", "trainerB"])
    await createCoach(db().db, who[t].id, { card: generateCoachCard({ fields: {}, level: "beginner", training: null }) });
  const body = parseProgrammeText("Day A: Back squat 5x5 @75%", 2);
  for (const t of ["trainerA", "trainerB"]) programmeOf[t] = (await saveProgramme(db().db, who[t].id, { name: `${t} plan`, body })).id;
  // Programmes of trainers who are no longer on the plan (written while they were).
  for (const t of ["trainerEnded", "trainerRO"]) {
    await setPlan(db().db, who[t].id, "trainer");
    programmeOf[t] = (await saveProgramme(db().db, who[t].id, { name: `${t} plan`, body })).id;
  }
  await db()
    .db.update(subscriptions)
    .set({ plan: "trainer", status: "active", source: "stripe", cancelAtPeriodEnd: true, currentPeriodEnd: new Date(Date.now() - DAY) })
    .where(eqUser(who.trainerEnded.id));
  await db()
    .db.update(subscriptions)
    .set({ plan: "pro", status: "active", source: "stripe", cancelAtPeriodEnd: false, currentPeriodEnd: new Date(Date.now() + 10 * DAY) })
    .where(eqUser(who.trainerRO.id));
});

function eqUser(id: string) {
  return eq(subscriptions.userId, id);
}

type Outcome = { ok: true } | { ok: false; status: number; code: string };

async function outcome(fn: () => Promise<unknown>): Promise<Outcome> {
  try {
    const r = await fn();
    if (r instanceof Response) {
      if (r.ok) return { ok: true };
      const j = await r.json();
      return { ok: false, status: r.status, code: j.code };
    }
    if (r && typeof r === "object" && "ok" in r && r.ok === false) {
      const a = r as { code?: string };
      return { ok: false, status: a.code === "not_found" ? 404 : 403, code: String(a.code) };
    }
    return { ok: true };
  } catch (e) {
    const u = e as { status?: number; code?: string };
    if (u.status) return { ok: false, status: u.status, code: String(u.code) };
    throw e;
  }
}

/** Every trainer entry point that takes a client: [name, kind, call(trainerKey, clientKey)]. */
const ENTRY_POINTS: [string, "read" | "write", (t: string, c: string) => Promise<unknown>][] = [
  ["loadClientHeader", "read", (t, c) => view.loadClientHeader(db().db, who[t].id, who[c].id)],
  ["loadClientLog", "read", (t, c) => view.loadClientLog(db().db, who[t].id, who[c].id)],
  ["loadClientSession", "read", (t, c) => view.loadClientSession(db().db, who[t].id, who[c].id, sessionOf[c])],
  ["loadClientCharts", "read", (t, c) => view.loadClientCharts(db().db, who[t].id, who[c].id)],
  ["runClientQuery", "read", (t, c) => view.runClientQuery(db().db, who[t].id, who[c].id, "select count(*) as n from sessions")],
  ["getClientAssignment", "read", (t, c) => getClientAssignment(db().db, who[t].id, who[c].id)],
  ["assignProgramme", "write", (t, c) => assignProgramme(db().db, who[t].id, who[c].id, programmeOf[t])],
  [
    "assignProgrammeAction",
    "write",
    async (t, c) => {
      state.user = who[t];
      return actions.assignProgrammeAction({ clientId: who[c].id, programmeId: programmeOf[t] });
    },
  ],
  ["trainerThread", "read", (t, c) => messages.trainerThread(db().db, who[t].id, who[c].id)],
  ["trainerThread (workout comments)", "read", (t, c) => messages.trainerThread(db().db, who[t].id, who[c].id, { sessionId: sessionOf[c] })],
  ["sendAsTrainer (comment on a workout)", "write", (t, c) => messages.sendAsTrainer(db().db, who[t].id, who[c].id, "Nice squats", sessionOf[c])],
  [
    "sendTrainerMessageAction",
    "write",
    async (t, c) => {
      state.user = who[t];
      return actions.sendTrainerMessageAction({ clientId: who[c].id, body: "How did it feel?" });
    },
  ],
  ["proposeCoachChanges", "write", (t, c) => proposals.proposeCoachChanges(db().db, who[t].id, who[c].id)],
  [
    "proposeCoachChangesAction",
    "write",
    async (t, c) => {
      state.user = who[t];
      return actions.proposeCoachChangesAction({ clientId: who[c].id });
    },
  ],
  [
    "POST /api/trainer/clients/[id]/query",
    "read",
    async (t, c) => {
      state.user = who[t];
      return queryRoute(
        new Request(`http://app.test/api/trainer/clients/${who[c].id}/query`, {
          method: "POST",
          body: JSON.stringify({ sql: "select name from sessions" }),
        }),
        {
          params: Promise.resolve({ id: who[c].id }),
        },
      );
    },
  ],
];

/** Actions that never take a client id (they act on the caller's own rows) — listed so a new action cannot slip through untested. */
const OWN_ROWS_ACTIONS = [
  "inviteAthleteAction",
  "createShareCodeAction",
  "acceptInvitationAction",
  "declineInvitationAction",
  "revokeLinkAction",
  "saveTrainerSettingsAction",
  "endAssignmentAction",
  "saveProgrammeAction",
  "deleteProgrammeAction",
  "sendAthleteMessageAction",
  "answerCoachProposalAction",
  "draftProgrammeAction",
];

describe("trainer tenancy", () => {
  it("covers every exported trainer action", () => {
    const covered = new Set([...ENTRY_POINTS.map(([n]) => n), ...OWN_ROWS_ACTIONS]);
    for (const name of Object.keys(actions)) expect(covered, `${name} has no tenancy case`).toContain(name);
  });

  it.each(ENTRY_POINTS)("%s: works for the trainer's own client", async (_n, _k, call) => {
    expect(await outcome(() => call("trainerA", "clientA"))).toEqual({ ok: true });
  });

  it.each(ENTRY_POINTS)("%s: 404 for another trainer's client, a revoked link and a pending invitation", async (_n, _k, call) => {
    for (const c of ["clientB", "revoked", "pending"])
      expect(await outcome(() => call("trainerA", c))).toEqual({ ok: false, status: 404, code: "not_found" });
    expect(await outcome(() => call("trainerB", "clientA"))).toEqual({ ok: false, status: 404, code: "not_found" });
  });

  it.each(ENTRY_POINTS)("%s: 403 once a downgraded trainer's period has ended", async (_n, _k, call) => {
    expect(await outcome(() => call("trainerEnded", "clientEnded"))).toEqual({ ok: false, status: 403, code: "trainer_access_ended" });
  });

  it.each(ENTRY_POINTS)("%s: a downgraded trainer inside the period may read, not write", async (_n, kind, call) => {
    const r = await outcome(() => call("trainerRO", "clientRO"));
    if (kind === "read") expect(r).toEqual({ ok: true });
    else expect(r).toEqual({ ok: false, status: 403, code: "trainer_read_only" });
  });

  it("every allowed read was logged for the client to see; refused ones logged nothing", async () => {
    const { listTrainerReads } = await import("@/lib/trainer/links");
    const reads = await listTrainerReads(db().db, who.clientA.id);
    expect(reads.length).toBeGreaterThanOrEqual(ENTRY_POINTS.filter(([, k]) => k === "read").length);
    expect(new Set(reads.map((r) => r.trainerName))).toEqual(new Set(["trainerA"]));
    expect(reads.map((r) => r.what)).toEqual(expect.arrayContaining(["training log", "analytics query over training data", "charts of lifts"]));
    for (const c of ["clientB", "revoked", "pending", "clientEnded"]) {
      const theirs = await listTrainerReads(db().db, who[c].id);
      expect(
        theirs.filter((r) => r.trainerName !== "trainerB"),
        c,
      ).toEqual([]);
    }
  });

  it("messages: threads and unread counts per pair; an athlete writes only to their own trainers, about their own workouts", async () => {
    const before = (await messages.unreadCounts(db().db, who.clientA.id)).get(who.trainerA.id) ?? 0;
    expect(before).toBeGreaterThan(0); // the trainer's messages above
    const thread = await messages.athleteThread(db().db, who.clientA.id, who.trainerA.id);
    expect(thread.map((m) => m.body)).toEqual(expect.arrayContaining(["Nice squats", "How did it feel?"]));
    expect((await messages.unreadCounts(db().db, who.clientA.id)).get(who.trainerA.id)).toBeUndefined();
    await messages.sendAsAthlete(db().db, who.clientA.id, who.trainerA.id, "Heavy!", sessionOf.clientA);
    expect((await messages.unreadCounts(db().db, who.trainerA.id)).get(who.clientA.id)).toBe(1);
    await expect(messages.sendAsAthlete(db().db, who.clientA.id, who.trainerB.id, "hi")).rejects.toMatchObject({ status: 404 });
    await expect(messages.athleteThread(db().db, who.clientB.id, who.trainerA.id)).rejects.toMatchObject({ status: 404 });
    await expect(messages.sendAsAthlete(db().db, who.clientA.id, who.trainerA.id, "hi", sessionOf.clientB)).rejects.toMatchObject({ status: 404 });
    await expect(messages.sendAsTrainer(db().db, who.trainerA.id, who.clientA.id, "hi", sessionOf.clientB)).rejects.toMatchObject({ status: 404 });
    state.user = who.clientA;
    expect(await actions.sendAthleteMessageAction({ trainerId: who.trainerB.id, body: "hi" })).toMatchObject({ ok: false, code: "not_found" });
    // Nothing reached trainer B or client B's threads from A's side.
    expect(await messages.trainerThread(db().db, who.trainerB.id, who.clientB.id)).toEqual([]);
  });

  it("a refused write changed nothing: only trainer A's client has an assignment", async () => {
    const rows = await db().db.select({ client: programmeAssignments.clientUserId }).from(programmeAssignments);
    expect(new Set(rows.map((r) => r.client))).toEqual(new Set([who.clientA.id]));
  });

  it("the roster shows only the trainer's own active clients, and nothing once the plan ended", async () => {
    const a = await loadRoster(db().db, who.trainerA.id);
    expect(a.clients.map((c) => c.clientUserId)).toEqual([who.clientA.id]);
    const ended = await loadRoster(db().db, who.trainerEnded.id);
    expect(ended.standing.mode).toBe("none");
    expect(ended.clients).toEqual([]);
    const ro = await loadRoster(db().db, who.trainerRO.id);
    expect(ro.standing.mode).toBe("read-only");
    expect(ro.clients.map((c) => c.clientUserId)).toEqual([who.clientRO.id]);
  });

  it("the query route binds the checked client: the trainer sees the client's rows, not their own", async () => {
    state.user = who.trainerA;
    const res = await queryRoute(new Request(`http://app.test/x`, { method: "POST", body: JSON.stringify({ sql: "select name from sessions" }) }), {
      params: Promise.resolve({ id: who.clientA.id }),
    });
    expect(res.status).toBe(200);
    const j = await res.json();
    expect(j.rows).toEqual([{ name: "clientA secret workout" }]);
  });

  it("a signed-out caller gets 401 from the route and an unauthenticated action result", async () => {
    state.user = null;
    const res = await queryRoute(new Request(`http://app.test/x`, { method: "POST", body: JSON.stringify({ sql: "select 1" }) }), {
      params: Promise.resolve({ id: who.clientA.id }),
    });
    expect(res.status).toBe(401);
    expect(await actions.assignProgrammeAction({ clientId: who.clientA.id, programmeId: programmeOf.trainerA })).toMatchObject({
      ok: false,
      code: "unauthenticated",
    });
  });

  it("a trainer cannot assign another trainer's programme to their own client", async () => {
    state.user = who.trainerA;
    expect(await actions.assignProgrammeAction({ clientId: who.clientA.id, programmeId: programmeOf.trainerB })).toMatchObject({
      ok: false,
      code: "not_found",
    });
  });
});
