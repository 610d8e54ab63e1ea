import "server-only";
import { lt, or } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { trainingBatches, trainingRecords } from "@/db/schema";

/** Training data is kept at most six calendar months. */
const RETENTION_MONTHS = 6;

export function retentionCutoff(now: Date): Date {
  const d = new Date(now);
  d.setUTCMonth(d.getUTCMonth() - RETENTION_MONTHS);
  return d;
}

/**
 * Six-month limit: records whose source (or collection) is older than six months go, whatever their
 * state, and so do batches (their JSONL holds the same text) whose period ended more than six
 * months ago. Runs keep their metrics; their batch link becomes null.
 */
export async function purgeTrainingData(db: Queryable, now = new Date()): Promise<{ records: number; batches: number }> {
  const cutoff = retentionCutoff(now);
  return db.transaction(async (tx) => {
    const records = await tx
      .delete(trainingRecords)
      .where(or(lt(trainingRecords.occurredAt, cutoff), lt(trainingRecords.createdAt, cutoff)))
      .returning({ id: trainingRecords.id });
    const batches = await tx.delete(trainingBatches).where(lt(trainingBatches.periodEnd, cutoff)).returning({ id: trainingBatches.id });
    return { records: records.length, batches: batches.length };
  });
}
