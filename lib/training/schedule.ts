import "server-only";
import { getDb, type Db } from "@/db/client";
import { logError } from "@/lib/log/redact";
import { consumeRateLimit } from "@/lib/security/rate-limit";
import { exportDueBatches } from "./batches";
import { collectTrainingRecords } from "./collect";
import { purgeTrainingData } from "./retention";

const INTERVAL_SECONDS = 3600;
const g = globalThis as unknown as { __spotterTrainingTimer?: ReturnType<typeof setInterval> };

/**
 * The pipeline's chores, once an hour across all instances (a counter in Postgres lets one through):
 * collect records from consenting lifters, export the batches of closed periods (weekly for Pro and
 * Trainer, monthly for Free; one batch per period, so repeats are no-ops) and drop what is past six
 * months. Training runs stay an operator decision (`npm run admin -- training run`): they cost money.
 */
export async function maybeRunTrainingChores(db: Db, now = new Date()): Promise<boolean> {
  try {
    const gate = await consumeRateLimit(db, "job:training-chores", { limit: 1, windowSeconds: INTERVAL_SECONDS });
    if (!gate.allowed) return false;
    await collectTrainingRecords(db, { now });
    await exportDueBatches(db, { now });
    await purgeTrainingData(db, now);
    return true;
  } catch (error) {
    logError("[training] scheduled chores failed", error);
    return false;
  }
}

/** Tries every ten minutes from each long-running instance (timers unref'd); serverless hosts use cron instead. */
export function scheduleTrainingChores() {
  if (g.__spotterTrainingTimer) return;
  const tick = () => void maybeRunTrainingChores(getDb());
  setTimeout(tick, 90_000).unref?.();
  g.__spotterTrainingTimer = setInterval(tick, 600_000);
  g.__spotterTrainingTimer.unref?.();
}
