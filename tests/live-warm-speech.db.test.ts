import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import type { Env } from "@/lib/config/env";
import { commonPhrases } from "@/lib/cues/common-phrases";
import { warmCommonPhrases } from "@/lib/live/warm-speech";
import { consumeRateLimit } from "@/lib/security/rate-limit";
import { clipKeyFor, speak } from "@/lib/speech";
import { putClip, speechCacheStats } from "@/lib/speech/cache";
import { stopEmbeddedVoices } from "@/lib/speech/embedded";
import { useTestDatabase } from "./helpers/db";

afterAll(() => stopEmbeddedVoices());
const e = {} as Env;
const count = async (db: ReturnType<ReturnType<typeof useTestDatabase>>["db"]) =>
  Number(((await db.execute(sql`select count(*)::int as n from speech_clips`)).rows[0] as { n: number }).n);

describe("common phrases rendered at first start", () => {
  const db = useTestDatabase();

  it("renders missing phrases once, into the shared cache, without counting them as requests", async () => {
    const first = await warmCommonPhrases(db().db, e, { limit: 3 });
    expect(first).toEqual({ phrases: 3, present: 0, rendered: 3, skipped: 0 });
    expect(await count(db().db)).toBe(3);
    expect((await speechCacheStats(db().db)).requests).toBe(0);
    // A second start (or a second instance afterwards) finds them cached.
    expect(await warmCommonPhrases(db().db, e, { limit: 3 })).toEqual({ phrases: 3, present: 3, rendered: 0, skipped: 0 });
    // A lifter's cue with that text is a hit.
    const p = commonPhrases()[0];
    expect((await speak(db().db, p.persona, p.text, e)).cached).toBe(true);
  });

  it("skips a phrase another instance has claimed", async () => {
    await db().db.execute(sql`delete from speech_clips`);
    await db().db.execute(sql`delete from rate_limit_buckets where key like 'speechWarm:%'`);
    const [p] = commonPhrases();
    await consumeRateLimit(db().db, `speechWarm:${clipKeyFor(p.persona, p.text, e).key}`, { limit: 1, windowSeconds: 600 });
    expect(await warmCommonPhrases(db().db, e, { limit: 2 })).toEqual({ phrases: 2, present: 0, rendered: 1, skipped: 1 });
  });

  it("evicts least recently used clips at the configured SPEECH_CACHE_MAX_MB", async () => {
    await db().db.execute(sql`delete from speech_clips`);
    const filler = { audio: Buffer.alloc(600_000, 1), mime: "audio/wav", engine: "flite", voice: "slt" };
    const old = new Date(Date.now() - 60_000);
    await putClip(db().db, "old-filler", filler, { maxBytes: 10_000_000, now: old });
    await putClip(db().db, "new-filler", filler, { maxBytes: 10_000_000 });
    // 1 MB cache: the new clip plus the two fillers do not fit; the least recently used filler goes.
    await speak(db().db, "aiden", "Next set. Same load.", { SPEECH_CACHE_MAX_MB: 1 } as Env);
    const keys = (await db().db.execute(sql`select key from speech_clips order by key`)).rows.map((r) => (r as { key: string }).key);
    expect(keys).not.toContain("old-filler");
    expect(keys).toContain("new-filler");
    expect(keys).toHaveLength(2);
  });
});
