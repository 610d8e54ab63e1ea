import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { clipKey, evictClips, getClip, MAX_CLIP_BYTES, putClip, recordSpeechRequest, speechCacheStats } from "@/lib/speech/cache";
import { useTestDatabase } from "./helpers/db";

const clip = (bytes: number, fill = 1) => ({ audio: Buffer.alloc(bytes, fill), mime: "audio/wav", engine: "flite", voice: "slt" });
const day = 86_400_000;

describe("speech cache keys", () => {
  const base = { engine: "flite", voice: "slt", settings: { stability: 0.5, model: "m" }, text: "one hundred" };
  it("depends on engine, voice, settings and text — and nothing else", () => {
    const k = clipKey(base);
    expect(k).toMatch(/^[0-9a-f]{64}$/);
    expect(clipKey({ ...base, settings: { model: "m", stability: 0.5 } })).toBe(k);
    expect(clipKey({ ...base, engine: "elevenlabs" })).not.toBe(k);
    expect(clipKey({ ...base, voice: "rms" })).not.toBe(k);
    expect(clipKey({ ...base, settings: { stability: 0.6, model: "m" } })).not.toBe(k);
    expect(clipKey({ ...base, text: "one hundred." })).not.toBe(k);
  });
});

describe("speech cache in Postgres", () => {
  const db = useTestDatabase();
  const t0 = new Date("2026-06-01T12:00:00Z");

  it("round-trips audio bytes exactly and counts hits", async () => {
    const audio = Buffer.from(Array.from({ length: 5000 }, (_, i) => i % 256));
    expect(await putClip(db().db, "k-round", { ...clip(1), audio }, { maxBytes: 10_000_000, now: t0 })).toBe(true);
    const got = await getClip(db().db, "k-round", t0);
    expect(got?.audio.equals(audio)).toBe(true);
    expect(got).toMatchObject({ mime: "audio/wav", engine: "flite", voice: "slt" });
    await getClip(db().db, "k-round", t0);
    const r = await db().db.execute(sql`select hits from speech_clips where key = 'k-round'`);
    expect(Number((r.rows[0] as { hits: number }).hits)).toBe(2);
    expect(await getClip(db().db, "k-missing", t0)).toBeNull();
  });

  it("refuses clips of 1 MB or more", async () => {
    expect(await putClip(db().db, "k-big", clip(MAX_CLIP_BYTES + 1), { maxBytes: 100_000_000, now: t0 })).toBe(false);
    expect(await putClip(db().db, "k-edge", clip(MAX_CLIP_BYTES), { maxBytes: 100_000_000, now: t0 })).toBe(true);
    expect(await getClip(db().db, "k-big", t0)).toBeNull();
    await db().db.execute(sql`delete from speech_clips`);
  });

  it("expires clips after 30 days", async () => {
    await putClip(db().db, "k-exp", clip(100), { maxBytes: 10_000_000, now: t0 });
    expect(await getClip(db().db, "k-exp", new Date(t0.getTime() + 29 * day))).not.toBeNull();
    expect(await getClip(db().db, "k-exp", new Date(t0.getTime() + 30 * day + 1000))).toBeNull();
    expect(await evictClips(db().db, 10_000_000, new Date(t0.getTime() + 31 * day))).toBeGreaterThanOrEqual(1);
    const r = await db().db.execute(sql`select count(*)::int as n from speech_clips where key = 'k-exp'`);
    expect(Number((r.rows[0] as { n: number }).n)).toBe(0);
  });

  it("evicts the least recently used clips when over the size limit", async () => {
    await db().db.execute(sql`delete from speech_clips`);
    const at = (min: number) => new Date(t0.getTime() + min * 60_000);
    await putClip(db().db, "a", clip(400), { maxBytes: 1000, now: at(0) });
    await putClip(db().db, "b", clip(400), { maxBytes: 1000, now: at(1) });
    await getClip(db().db, "a", at(2)); // a is now more recent than b
    await putClip(db().db, "c", clip(400), { maxBytes: 1000, now: at(3) });
    const r = await db().db.execute(sql`select key from speech_clips order by key`);
    expect((r.rows as { key: string }[]).map((x) => x.key)).toEqual(["a", "c"]);
  });

  it("records hits, misses and latency", async () => {
    await recordSpeechRequest(db().db, { engine: "flite", hit: false, ms: 120 });
    await recordSpeechRequest(db().db, { engine: "flite", hit: true, ms: 4 });
    await recordSpeechRequest(db().db, { engine: "flite", hit: true, ms: 6 });
    await recordSpeechRequest(db().db, { engine: "flite", hit: true, ms: 5, fallbackReason: "ElevenLabs answered 503" });
    const s = await speechCacheStats(db().db);
    expect(s.requests).toBe(4);
    expect(s.hits).toBe(3);
    expect(s.hitRate).toBe(0.75);
    expect(s.p95Ms).toBeGreaterThan(5);
  });
});
