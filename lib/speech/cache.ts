import "server-only";
import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";

/** Clips at or above this size are served but never stored (an onboarding monologue, say). */
export const MAX_CLIP_BYTES = 1024 * 1024 - 1;
const CLIP_TTL_DAYS = 30;
export const DEFAULT_CACHE_MAX_MB = 256;

export interface ClipKeyParts {
  engine: string;
  voice: string;
  /** Engine settings that change the audio (model, stability, similarity boost…). */
  settings: Record<string, string | number | boolean>;
  /** The text as sent to the engine (after speakable()). */
  text: string;
}

/** Stable for equal inputs regardless of settings' key order. */
export function clipKey(p: ClipKeyParts): string {
  const settings = Object.keys(p.settings)
    .sort()
    .map((k) => [k, p.settings[k]]);
  return createHash("sha256")
    .update(JSON.stringify([p.engine, p.voice, settings, p.text]))
    .digest("hex");
}

export interface CachedClip {
  audio: Buffer;
  mime: string;
  engine: string;
  voice: string;
}

/**
 * A live clip for the key (and marks it used), or null. Expired clips are never returned.
 * One statement; the audio travels hex-encoded as text because PGlite's own bytea decoder takes
 * ~20–30 ms for a 60 kB clip where Buffer.from(hex) takes well under 1 ms (bench/live-cues.bench.ts).
 */
export async function getClip(db: Queryable, key: string, now?: Date): Promise<CachedClip | null> {
  const clock = now ? sql`${now.toISOString()}::timestamptz` : sql`now()`;
  const r = await db.execute(sql`
    update speech_clips set hits = hits + 1, last_used_at = ${clock}
    where key = ${key} and expires_at > ${clock}
    returning encode(audio, 'hex') as audio, mime, engine, voice`);
  const row = r.rows[0] as { audio: string; mime: string; engine: string; voice: string } | undefined;
  return row ? { audio: Buffer.from(row.audio, "hex"), mime: row.mime, engine: row.engine, voice: row.voice } : null;
}

/** Stores a clip (false when too large to cache), then evicts least-recently-used clips beyond maxBytes. */
export async function putClip(db: Queryable, key: string, clip: CachedClip, opts: { maxBytes: number; now?: Date }): Promise<boolean> {
  if (clip.audio.length === 0 || clip.audio.length > MAX_CLIP_BYTES) return false;
  const clock = opts.now ? sql`${opts.now.toISOString()}::timestamptz` : sql`now()`;
  await db.execute(sql`
    insert into speech_clips (key, engine, voice, mime, audio, bytes, created_at, last_used_at, expires_at)
    values (${key}, ${clip.engine}, ${clip.voice}, ${clip.mime}, ${clip.audio}, ${clip.audio.length}, ${clock}, ${clock},
            ${clock} + make_interval(days => ${CLIP_TTL_DAYS}))
    on conflict (key) do update set audio = excluded.audio, bytes = excluded.bytes, mime = excluded.mime,
      last_used_at = excluded.last_used_at, created_at = excluded.created_at, expires_at = excluded.expires_at`);
  await evictClips(db, opts.maxBytes, opts.now);
  return true;
}

/** Deletes expired clips, then the least recently used until the rest fit in maxBytes. Returns how many went. */
export async function evictClips(db: Queryable, maxBytes: number, now?: Date): Promise<number> {
  const clock = now ? sql`${now.toISOString()}::timestamptz` : sql`now()`;
  const r = await db.execute(sql`
    delete from speech_clips where key in (
      select key from speech_clips where expires_at <= ${clock}
      union all
      select key from (
        select key, sum(bytes) over (order by last_used_at desc, key) as running
        from speech_clips where expires_at > ${clock}
      ) ranked where running > ${maxBytes}
    ) returning key`);
  await db.execute(sql`delete from speech_requests where at < ${clock} - make_interval(days => ${CLIP_TTL_DAYS})`);
  return r.rows.length;
}

export async function recordSpeechRequest(
  db: Queryable,
  row: { engine: string; hit: boolean; ms: number; fallbackReason?: string | null },
): Promise<void> {
  await db.execute(sql`
    insert into speech_requests (engine, hit, ms, fallback_reason)
    values (${row.engine}, ${row.hit}, ${Math.round(row.ms)}, ${row.fallbackReason ?? null})`);
}

export interface CacheStats {
  requests: number;
  hits: number;
  hitRate: number;
  p50Ms: number | null;
  p95Ms: number | null;
  clips: number;
  bytes: number;
}

/** Hit rate and latency over the last `days` days, plus the cache's current size. */
export async function speechCacheStats(db: Queryable, days = 30): Promise<CacheStats> {
  const r = await db.execute(sql`
    select count(*)::int as requests, count(*) filter (where hit)::int as hits,
           percentile_cont(0.5) within group (order by ms) as p50,
           percentile_cont(0.95) within group (order by ms) as p95
    from speech_requests where at > now() - make_interval(days => ${days})`);
  const s = await db.execute(sql`select count(*)::int as clips, coalesce(sum(bytes), 0)::bigint as bytes from speech_clips`);
  const a = r.rows[0] as { requests: number; hits: number; p50: number | null; p95: number | null };
  const b = s.rows[0] as { clips: number; bytes: string | number };
  const requests = Number(a.requests);
  return {
    requests,
    hits: Number(a.hits),
    hitRate: requests ? Number(a.hits) / requests : 0,
    p50Ms: a.p50 === null ? null : Number(a.p50),
    p95Ms: a.p95 === null ? null : Number(a.p95),
    clips: Number(b.clips),
    bytes: Number(b.bytes),
  };
}
