import "server-only";
import { createHash } from "node:crypto";
import { and, asc, desc, eq, lt, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { TRAINING_CADENCES, trainingBatches, trainingRecords, type TrainingCadence } from "@/db/schema";
import { isUuid } from "@/lib/ids/is-uuid";
import { uuid7 } from "@/lib/ids/uuid7";
import type { TrainingMessage } from "./collect";

/** Periods in UTC: weekly batches start on Monday 00:00, monthly ones on the 1st. */
export function periodOf(cadence: TrainingCadence, at: Date): { start: Date; end: Date } {
  if (cadence === "monthly") {
    const start = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), 1));
    return { start, end: new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + 1, 1)) };
  }
  const day = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  const start = new Date(day.getTime() - ((day.getUTCDay() + 6) % 7) * 86_400_000);
  return { start, end: new Date(start.getTime() + 7 * 86_400_000) };
}

/** One JSONL line in OpenAI's chat fine-tuning format: {"messages":[{role,content[,weight]}…]}. */
export function toJsonlLine(messages: TrainingMessage[]): string {
  return JSON.stringify({
    messages: messages.map((m) =>
      m.role === "assistant" && m.weight !== undefined
        ? { role: m.role, content: m.content, weight: m.weight }
        : { role: m.role, content: m.content },
    ),
  });
}

export interface BatchSummary {
  id: string;
  cadence: TrainingCadence;
  periodStart: Date;
  periodEnd: Date;
  recordCount: number;
  sizeBytes: number;
  sha256: string;
  createdAt: Date;
}

const summaryColumns = {
  id: trainingBatches.id,
  cadence: trainingBatches.cadence,
  periodStart: trainingBatches.periodStart,
  periodEnd: trainingBatches.periodEnd,
  recordCount: trainingBatches.recordCount,
  sizeBytes: trainingBatches.sizeBytes,
  sha256: trainingBatches.sha256,
  createdAt: trainingBatches.createdAt,
};

/**
 * Exports the last closed period of each cadence (weekly: Pro and Trainer lifters; monthly: Free):
 * its records (and any stragglers from before) go created → pending_export → exported, lose their
 * user id, and are written as one JSONL batch with its size and record count. Safe with several
 * instances (advisory lock; one batch per cadence and period). Periods without records make no batch.
 */
export async function exportDueBatches(db: Queryable, opts: { now?: Date; cadences?: readonly TrainingCadence[] } = {}): Promise<BatchSummary[]> {
  const now = opts.now ?? new Date();
  const made: BatchSummary[] = [];
  for (const cadence of opts.cadences ?? TRAINING_CADENCES) {
    const current = periodOf(cadence, now);
    const closed = periodOf(cadence, new Date(current.start.getTime() - 1));
    const batch = await db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`training:batch:${cadence}`}))`);
      const [exists] = await tx
        .select({ id: trainingBatches.id })
        .from(trainingBatches)
        .where(and(eq(trainingBatches.cadence, cadence), eq(trainingBatches.periodStart, closed.start)));
      if (exists) return null;
      await tx
        .update(trainingRecords)
        .set({ state: "pending_export" })
        .where(and(eq(trainingRecords.state, "created"), eq(trainingRecords.cadence, cadence), lt(trainingRecords.createdAt, closed.end)));
      const pending = await tx
        .select({ id: trainingRecords.id, messages: trainingRecords.messages })
        .from(trainingRecords)
        .where(and(eq(trainingRecords.state, "pending_export"), eq(trainingRecords.cadence, cadence)))
        .orderBy(asc(trainingRecords.id));
      if (!pending.length) return null;
      const jsonl = pending.map((r) => toJsonlLine(r.messages as TrainingMessage[])).join("\n") + "\n";
      const id = uuid7();
      const [row] = await tx
        .insert(trainingBatches)
        .values({
          id,
          cadence,
          periodStart: closed.start,
          periodEnd: closed.end,
          recordCount: pending.length,
          sizeBytes: Buffer.byteLength(jsonl, "utf8"),
          sha256: createHash("sha256").update(jsonl).digest("hex"),
          jsonl,
          createdAt: now,
        })
        .returning(summaryColumns);
      await tx
        .update(trainingRecords)
        .set({ state: "exported", userId: null, batchId: id, exportedAt: now })
        .where(and(eq(trainingRecords.state, "pending_export"), eq(trainingRecords.cadence, cadence)));
      return row;
    });
    if (batch) made.push(batch);
  }
  return made;
}

export async function listBatches(db: Queryable, limit = 50): Promise<BatchSummary[]> {
  return db.select(summaryColumns).from(trainingBatches).orderBy(desc(trainingBatches.periodStart), asc(trainingBatches.cadence)).limit(limit);
}

export async function batchJsonl(db: Queryable, id: string): Promise<string | null> {
  if (!isUuid(id)) return null;
  const [row] = await db.select({ jsonl: trainingBatches.jsonl }).from(trainingBatches).where(eq(trainingBatches.id, id));
  return row?.jsonl ?? null;
}
