import "server-only";
import { sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { commonPhrases } from "@/lib/cues/common-phrases";
import { env, type Env } from "@/lib/config/env";
import { consumeRateLimit } from "@/lib/security/rate-limit";
import { clipKeyFor, speak } from "@/lib/speech";

/** How long one instance holds its claim on a phrase while it renders it. */
const CLAIM_SECONDS = 600;

export interface WarmResult {
  phrases: number;
  /** Already in the cache. */
  present: number;
  rendered: number;
  /** Claimed by another instance that is rendering them. */
  skipped: number;
}

/**
 * Renders the common cue phrases (lib/cues/common-phrases.ts) of both personas into the shared
 * speech cache, one at a time. Safe with several instances starting together: the cache is in
 * Postgres, and each phrase is claimed in Postgres (a one-per-10-minutes bucket in
 * rate_limit_buckets) before anyone renders it, so no two instances render the same phrase. Runs at every start:
 * a phrase whose clip expired (30 days) or was evicted is rendered again.
 */
export async function warmCommonPhrases(db: Queryable, e: Env = env(), opts: { limit?: number } = {}): Promise<WarmResult> {
  const phrases = commonPhrases()
    .slice(0, opts.limit)
    .map((p) => ({ ...p, key: clipKeyFor(p.persona, p.text, e).key }));
  const keys = phrases.map((p) => p.key);
  const r = await db.execute(sql`
    select key from speech_clips
    where key in (${sql.join(
      keys.map((k) => sql`${k}`),
      sql`, `,
    )}) and expires_at > now()`);
  const present = new Set((r.rows as { key: string }[]).map((row) => row.key));
  const result: WarmResult = { phrases: phrases.length, present: present.size, rendered: 0, skipped: 0 };
  for (const p of phrases) {
    if (present.has(p.key)) continue;
    const claim = await consumeRateLimit(db, `speechWarm:${p.key}`, { limit: 1, windowSeconds: CLAIM_SECONDS });
    if (!claim.allowed) {
      result.skipped++;
      continue;
    }
    await speak(db, p.persona, p.text, e, { record: false });
    result.rendered++;
  }
  return result;
}

/** At server start, in the background (a few seconds later, so the first requests go first). */
export function scheduleSpeechWarmUp(db: Queryable, log: (line: string) => void, onError: (error: unknown) => void, e: Env = env()): void {
  if (e.SPEECH_WARM_PHRASES === "0") return;
  const timer = setTimeout(() => {
    warmCommonPhrases(db, e).then((r) => {
      if (r.rendered) log(`speech: rendered ${r.rendered} common cue phrases (${r.present} were cached, ${r.skipped} taken by another instance)`);
    }, onError);
  }, 5_000);
  timer.unref();
}
