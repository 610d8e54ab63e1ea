import "server-only";
import { getDb } from "@/db/client";
import { maybePurgeHistory, PURGE_INTERVAL_SECONDS } from "./retention";

const g = globalThis as unknown as { __spotterPurgeTimer?: ReturnType<typeof setInterval> };

/**
 * Runs the retention purge from every long-running app instance: a minute after start, then every
 * ten minutes a try — maybePurgeHistory lets one instance per hour through (a counter in Postgres)
 * and the advisory lock keeps overlapping runs apart. Timers are unref'd (they never keep the process
 * alive). Serverless deployments, where timers do not run between requests, schedule
 * `npm run admin -- purge` instead (docs/decisions.md).
 */
export function scheduleRetentionPurge() {
  if (g.__spotterPurgeTimer) return;
  const tick = () => void maybePurgeHistory(getDb());
  setTimeout(tick, 60_000).unref?.();
  g.__spotterPurgeTimer = setInterval(tick, Math.min(600, PURGE_INTERVAL_SECONDS) * 1000);
  g.__spotterPurgeTimer.unref?.();
}
