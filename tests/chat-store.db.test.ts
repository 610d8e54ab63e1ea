import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { conversations, exerciseSets, messages, messageVisualizations, userProfiles, users, workoutSessions } from "@/db/schema";
import { createConversation, deleteConversation, listConversations, renameConversation } from "@/lib/chat/conversations";
import { confirmDraft, discardDraft, DraftActionError } from "@/lib/chat/drafts";
import { loadConversationMessages } from "@/lib/chat/messages";
import type { WorkoutDraft } from "@/lib/workout-text/types";
import { useTestDatabase } from "./helpers/db";

const db = useTestDatabase();

async function makeUser(name: string) {
  const [u] = await db()
    .db.insert(users)
    .values({ email: `${name}-${crypto.randomUUID()}@store.test` })
    .returning();
  return u;
}

const draft: WorkoutDraft = {
  unit: "kg",
  warnings: [],
  workouts: [
    {
      date: "2026-11-20",
      startedAt: "2026-11-20T17:00:00.000Z",
      name: "Bench",
      exercises: [
        {
          input: "bench",
          name: "Bench Press (Barbell)",
          sets: [1, 2, 3].map(() => ({ setType: "normal" as const, reps: 8, weightKg: 60, rpe: null, durationSeconds: null, distanceM: null })),
        },
      ],
    },
  ],
};

async function draftMessage(userId: string) {
  const conv = await createConversation(db().db, userId);
  const [m] = await db()
    .db.insert(messages)
    .values({
      conversationId: conv.id,
      userId,
      role: "assistant",
      parts: [
        { type: "text", text: "Here is your workout." },
        {
          type: "tool-log_workout",
          toolCallId: "call-1",
          state: "output-available",
          input: { text: "bench 3x8 at 60kg" },
          output: { status: "draft", draft, summary: "" },
        },
      ],
    })
    .returning();
  return { conv, message: m };
}

describe("conversation store", () => {
  it("lists the user's conversations newest first with a stable keyset cursor", async () => {
    const a = await makeUser("list-a");
    const b = await makeUser("list-b");
    const same = new Date("2026-11-01T10:00:00.123Z");
    const created: string[] = [];
    for (let i = 0; i < 7; i++) {
      const [c] = await db()
        .db.insert(conversations)
        .values({ userId: a.id, title: `c${i}`, lastMessageAt: i < 3 ? same : new Date(same.getTime() + i * 60_000) })
        .returning();
      created.push(c.id);
    }
    await createConversation(db().db, b.id, { title: "not yours" });

    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listConversations(db().db, a.id, { cursor, limit: 2 });
      seen.push(...page.items.map((c) => c.title));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen.slice(0, 4)).toEqual(["c6", "c5", "c4", "c3"]);
    expect(new Set(seen.slice(4))).toEqual(new Set(["c0", "c1", "c2"]));
    expect(seen).toHaveLength(7);
    // Old conversations read as inactive.
    const first = await listConversations(db().db, a.id, { limit: 1 });
    expect(first.items[0].status).toBe("inactive");
  });

  it("renames and deletes only the owner's conversation; delete cascades to messages and charts", async () => {
    const a = await makeUser("own-a");
    const b = await makeUser("own-b");
    const conv = await createConversation(db().db, a.id);
    const [m] = await db().db.insert(messages).values({ conversationId: conv.id, userId: a.id, role: "assistant", parts: [] }).returning();
    await db()
      .db.insert(messageVisualizations)
      .values({ messageId: m.id, userId: a.id, chartType: "bar", option: { series: [] }, sql: "select 1", columns: ["x"], rows: [{ x: 1 }] });

    expect(await renameConversation(db().db, b.id, conv.id, "hijacked")).toBe(false);
    expect(await deleteConversation(db().db, b.id, conv.id)).toBe(false);
    expect(await renameConversation(db().db, a.id, conv.id, "Squat talk")).toBe(true);
    const [row] = await db().db.select().from(conversations).where(eq(conversations.id, conv.id));
    expect(row.title).toBe("Squat talk");

    expect(await deleteConversation(db().db, a.id, conv.id)).toBe(true);
    expect(await db().db.select().from(messages).where(eq(messages.conversationId, conv.id))).toHaveLength(0);
    expect(await db().db.select().from(messageVisualizations).where(eq(messageVisualizations.messageId, m.id))).toHaveLength(0);
  });

  it("shows a reply stuck in 'streaming' for too long as interrupted", async () => {
    const a = await makeUser("stale");
    const conv = await createConversation(db().db, a.id);
    await db()
      .db.insert(messages)
      .values({
        conversationId: conv.id,
        userId: a.id,
        role: "assistant",
        status: "streaming",
        parts: [],
        createdAt: new Date(Date.now() - 3600_000),
      });
    const [m] = await loadConversationMessages(db().db, a.id, conv.id);
    expect(m.metadata).toMatchObject({ status: "error", errorMessage: expect.stringMatching(/interrupted/) });
  });
});

describe("workout draft confirmation", () => {
  it("saves the confirmed draft once, marks the card saved, and is idempotent", async () => {
    const a = await makeUser("draft-a");
    const { message } = await draftMessage(a.id);
    const edited: WorkoutDraft = structuredClone(draft);
    edited.workouts[0].exercises[0].sets[2].reps = 6;

    const first = await confirmDraft(db().db, a.id, { messageId: message.id, toolCallId: "call-1", draft: edited });
    expect(first).toMatchObject({ status: "saved", sets: 3 });
    const again = await confirmDraft(db().db, a.id, { messageId: message.id, toolCallId: "call-1", draft: edited });
    expect(again.sessionIds).toEqual(first.sessionIds);

    const sessions = await db().db.select().from(workoutSessions).where(eq(workoutSessions.userId, a.id));
    expect(sessions).toHaveLength(1);
    expect(sessions[0].source).toBe("chat");
    const sets = await db().db.select().from(exerciseSets).where(eq(exerciseSets.sessionId, sessions[0].id));
    expect(sets.map((s) => [s.weightKg, s.reps])).toEqual([
      [60, 8],
      [60, 8],
      [60, 6],
    ]);
    const [m] = await db().db.select().from(messages).where(eq(messages.id, message.id));
    expect(m.parts).toContainEqual(
      expect.objectContaining({ type: "data-draft-status", id: "call-1", data: expect.objectContaining({ status: "saved" }) }),
    );
    await expect(discardDraft(db().db, a.id, { messageId: message.id, toolCallId: "call-1" })).rejects.toThrow(/already logged/);
  });

  it("moves an edited date by calendar days in the user's zone, keeping the time of day across DST", async () => {
    const a = await makeUser("draft-dst");
    await db()
      .db.insert(userProfiles)
      .values({ userId: a.id, timeZone: "Europe/Berlin" })
      .onConflictDoUpdate({ target: userProfiles.userId, set: { timeZone: "Europe/Berlin" } });
    const { message } = await draftMessage(a.id);
    // Saturday 12:00 CET, the day before Berlin springs forward; the user moves it to Sunday.
    const edited: WorkoutDraft = structuredClone(draft);
    edited.workouts[0] = { ...edited.workouts[0], date: "2026-03-29", startedAt: "2026-03-28T11:00:00.000Z" };
    const saved = await confirmDraft(db().db, a.id, { messageId: message.id, toolCallId: "call-1", draft: edited });
    const [s] = await db().db.select().from(workoutSessions).where(eq(workoutSessions.id, saved.sessionIds![0]));
    // Sunday 12:00 CEST (10:00Z), not 13:00 as adding 24 hours would give.
    expect(s.startedAt.toISOString()).toBe("2026-03-29T10:00:00.000Z");
  });

  it("marks a saved card whose workout was deleted since, so it does not link to a 404", async () => {
    const a = await makeUser("draft-deleted");
    const { conv, message } = await draftMessage(a.id);
    const saved = await confirmDraft(db().db, a.id, { messageId: message.id, toolCallId: "call-1", draft });
    const statusOf = async () => {
      const list = await loadConversationMessages(db().db, a.id, conv.id);
      const part = list.flatMap((m) => m.parts).find((p) => p.type === "data-draft-status");
      return part && part.type === "data-draft-status" ? part.data : undefined;
    };
    expect((await statusOf())?.deletedSessionIds).toBeUndefined();
    await db().db.delete(workoutSessions).where(eq(workoutSessions.id, saved.sessionIds![0]));
    expect(await statusOf()).toMatchObject({ status: "saved", sessionIds: saved.sessionIds, deletedSessionIds: saved.sessionIds });
  });

  it("refuses another user's draft, an unknown tool call and an invalid draft, writing nothing", async () => {
    const a = await makeUser("draft-owner");
    const b = await makeUser("draft-thief");
    const { message } = await draftMessage(a.id);
    await expect(confirmDraft(db().db, b.id, { messageId: message.id, toolCallId: "call-1", draft })).rejects.toBeInstanceOf(DraftActionError);
    await expect(confirmDraft(db().db, a.id, { messageId: message.id, toolCallId: "call-9", draft })).rejects.toBeInstanceOf(DraftActionError);
    const broken = structuredClone(draft) as unknown as { workouts: { exercises: { sets: { reps: number }[] }[] }[] };
    broken.workouts[0].exercises[0].sets[0].reps = -5;
    await expect(
      confirmDraft(db().db, a.id, { messageId: message.id, toolCallId: "call-1", draft: broken as unknown as WorkoutDraft }),
    ).rejects.toThrow(/invalid/);
    expect(await db().db.select().from(workoutSessions).where(eq(workoutSessions.userId, b.id))).toHaveLength(0);
    expect(await db().db.select().from(workoutSessions).where(eq(workoutSessions.userId, a.id))).toHaveLength(0);

    const discarded = await discardDraft(db().db, a.id, { messageId: message.id, toolCallId: "call-1" });
    expect(discarded.status).toBe("discarded");
    await expect(confirmDraft(db().db, a.id, { messageId: message.id, toolCallId: "call-1", draft })).rejects.toThrow(/discarded/);
  });
});
