import { eq, inArray } from "drizzle-orm";
import pg from "pg";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { createPgHandle } from "@/db/client";
import { conversations, liveCues, messages } from "@/db/schema";
import purgeCommand from "@/lib/admin/commands/purge";
import { getRetentionDays, purgeExpiredHistory, setRetentionDays } from "@/lib/privacy/retention";
import { createUser } from "@/lib/users/create-user";
import { testBackend, useTestDatabase } from "./helpers/db";

const NOW = new Date("2026-12-03T12:00:00Z");
const daysAgo = (d: number) => new Date(NOW.getTime() - d * 86_400_000);
let n = 0;

/** A user with one conversation holding messages of the given ages (days) and one cue per age. */
async function lifter(db: Db, retention: number | null, ages: number[]) {
  const u = await createUser(db, { email: `ret-${++n}-${Date.now()}@example.com` });
  if (retention !== null) await setRetentionDays(db, u.id, retention);
  const [conv] = await db
    .insert(conversations)
    .values({ userId: u.id, lastMessageAt: daysAgo(Math.min(...ages)), contextSummary: "Earlier: squats at 140" })
    .returning();
  for (const age of ages) {
    await db.insert(messages).values({ conversationId: conv.id, userId: u.id, role: "user", parts: [], createdAt: daysAgo(age) });
    await db.insert(liveCues).values({
      userId: u.id,
      trigger: "set-end",
      kind: "praise",
      persona: "alice",
      text: "Nice",
      toast: "Nice",
      source: "template",
      generationMs: 1,
      createdAt: daysAgo(age),
    });
  }
  return { id: u.id, conv: conv.id };
}

async function counts(db: Db, userId: string) {
  const m = await db.select({ createdAt: messages.createdAt }).from(messages).where(eq(messages.userId, userId));
  const c = await db.select({ id: liveCues.id }).from(liveCues).where(eq(liveCues.userId, userId));
  const conv = await db.select().from(conversations).where(eq(conversations.userId, userId));
  return { messages: m.length, cues: c.length, conversations: conv.length, summary: conv[0]?.contextSummary ?? null };
}

describe("retention purge", () => {
  const t = useTestDatabase();

  it("validates the setting (1–180 days, default 180)", async () => {
    const db = t().db;
    const u = await createUser(db, { email: `ret-setting-${Date.now()}@example.com` });
    expect(await getRetentionDays(db, u.id)).toBe(180);
    await expect(setRetentionDays(db, u.id, 0)).rejects.toThrow(/at least 1 day/);
    await expect(setRetentionDays(db, u.id, 181)).rejects.toThrow(/at most 180 days/);
    await expect(setRetentionDays(db, u.id, 2.5)).rejects.toThrow(/whole number/);
    expect(await setRetentionDays(db, u.id, 30)).toBe(30);
    expect(await setRetentionDays(db, u.id, 45)).toBe(45);
    expect(await getRetentionDays(db, u.id)).toBe(45);
  });

  it("deletes each user's chat and cue history past their own retention, and nothing newer", async () => {
    const db = t().db;
    const week = await lifter(db, 7, [1, 6, 8, 30]);
    const byDefault = await lifter(db, null, [1, 179, 181, 400]);
    const allOld = await lifter(db, 1, [2, 3]);
    const r = await purgeExpiredHistory(db, NOW);
    expect(r).toMatchObject({ ran: true });
    expect(await counts(db, week.id)).toEqual({ messages: 2, cues: 2, conversations: 1, summary: null });
    expect(await counts(db, byDefault.id)).toEqual({ messages: 2, cues: 2, conversations: 1, summary: null });
    expect(await counts(db, allOld.id)).toEqual({ messages: 0, cues: 0, conversations: 0, summary: null });
    // A second run has nothing left to do.
    expect(await purgeExpiredHistory(db, NOW)).toEqual({ ran: true, messages: 0, conversations: 0, cues: 0 });
  });

  it("keeps a conversation's summary when none of its turns were purged", async () => {
    const db = t().db;
    const fresh = await lifter(db, 30, [1, 2]);
    await purgeExpiredHistory(db, NOW);
    expect(await counts(db, fresh.id)).toEqual({ messages: 2, cues: 2, conversations: 1, summary: "Earlier: squats at 140" });
  });

  it("two purgers at once: every expired row is deleted exactly once and neither fails", async () => {
    const db = t().db;
    const users = await Promise.all([lifter(db, 10, [1, 11, 12]), lifter(db, 10, [20, 2, 30])]);
    const second = testBackend === "postgres" ? createPgHandle(t().url!, "pg", 2) : null;
    try {
      const results = await Promise.all([purgeExpiredHistory(db, NOW), purgeExpiredHistory(second?.db ?? db, NOW)]);
      expect(results.some((r) => r.ran)).toBe(true);
      const deleted = results.reduce((sum, r) => sum + (r.ran ? r.messages : 0), 0);
      expect(deleted).toBe(4);
      for (const u of users) expect((await counts(db, u.id)).messages).toBe(1);
    } finally {
      await second?.pool.end();
    }
  });

  it.runIf(testBackend === "postgres")("a purger that finds the lock held (another instance mid-purge) skips without touching rows", async () => {
    const db = t().db;
    const u = await lifter(db, 5, [1, 9]);
    const other = new pg.Client({ connectionString: t().url });
    await other.connect();
    try {
      await other.query("begin");
      await other.query("select pg_advisory_xact_lock(hashtext('spotter:privacy:retention-purge'))");
      expect(await purgeExpiredHistory(db, NOW)).toEqual({ ran: false, reason: "locked" });
      expect((await counts(db, u.id)).messages).toBe(2);
      await other.query("rollback");
      expect(await purgeExpiredHistory(db, NOW)).toMatchObject({ ran: true, messages: 1 });
    } finally {
      await other.end();
    }
  });

  it("`admin purge` runs the same purge", async () => {
    const db = t().db;
    const u = await lifter(db, 1, [1000]);
    const r = await purgeCommand.run({ db, values: {}, positionals: [] });
    expect(r).toMatchObject({ ran: true });
    expect(
      await db
        .select()
        .from(messages)
        .where(inArray(messages.userId, [u.id])),
    ).toEqual([]);
  });
});
