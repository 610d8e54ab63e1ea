import "server-only";
import type OpenAI from "openai";
import { and, asc, desc, eq, isNotNull, notExists, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { modelVersions, trainingBatches, trainingRecords, trainingRuns, type ModelProvider, type TrainingRunState } from "@/db/schema";
import { env } from "@/lib/config/env";
import { uuid7 } from "@/lib/ids/uuid7";
import { errorText } from "@/lib/log/redact";
import { toJsonlLine } from "./batches";
import type { TrainingMessage } from "./collect";
import { isHeldOut, trainOffline, type FeedbackExample } from "./offline-fit";
import { DEFAULT_FINETUNE_BASE_MODEL, fineTune, openAiClient, type RetryBudget } from "./openai-finetune";
import { createModelVersion, deployedCuePreferences, deployModel, nextModelVersion, recordValidation } from "./registry";

export interface RunOptions {
  batchId?: string;
  provider?: ModelProvider;
  /** Deploy when validation passes (default true). */
  deploy?: boolean;
  client?: OpenAI;
  sleep?: (ms: number) => Promise<void>;
  baseDelayMs?: number;
  pollMs?: number;
  maxPolls?: number;
  baseModel?: string;
}

export interface RunResult {
  runId: string;
  state: TrainingRunState;
  provider: ModelProvider;
  batchId: string;
  version: string | null;
  deployed: boolean;
  retries: number;
  metrics: Record<string, unknown> | null;
  error: string | null;
}

class NoBatchError extends Error {
  constructor() {
    super("No exported batch is waiting for training (run `npm run admin -- training batch` first).");
    this.name = "NoBatchError";
  }
}

/** The newest batch no completed run has used yet. */
async function nextBatchId(db: Queryable): Promise<string | null> {
  const [row] = await db
    .select({ id: trainingBatches.id })
    .from(trainingBatches)
    .where(
      notExists(
        db
          .select({ one: sql`1` })
          .from(trainingRuns)
          .where(and(eq(trainingRuns.batchId, trainingBatches.id), eq(trainingRuns.state, "completed"))),
      ),
    )
    .orderBy(desc(trainingBatches.createdAt))
    .limit(1);
  return row?.id ?? null;
}

/**
 * One training run: scheduled → collecting (the batch's records) → training (offline preference
 * fit, or an OpenAI fine-tuning job) → validating (held-out fifth) → completed (validated; deployed
 * unless `deploy: false`) or failed (the version is marked failed and can never be deployed).
 */
export async function runTraining(db: Queryable, opts: RunOptions = {}): Promise<RunResult> {
  const e = env();
  const provider: ModelProvider = opts.provider ?? (e.OPENAI_API_KEY ? "openai" : "offline");
  const batchId = opts.batchId ?? (await nextBatchId(db));
  if (!batchId) throw new NoBatchError();
  const runId = uuid7();
  await db.insert(trainingRuns).values({ id: runId, batchId, provider, state: "scheduled" });
  const setRun = async (patch: Partial<typeof trainingRuns.$inferInsert>): Promise<void> => {
    await db
      .update(trainingRuns)
      .set({ ...patch, updatedAt: new Date() })
      .where(eq(trainingRuns.id, runId));
  };
  const budget: RetryBudget = {
    used: 0,
    baseDelayMs: opts.baseDelayMs ?? 1000,
    sleep: opts.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms))),
    onRetry: (used) => setRun({ retries: used }),
  };
  let versionId: string | null = null;
  let version: string | null = null;
  const result = (state: TrainingRunState, extra: Partial<RunResult> = {}): RunResult => ({
    runId,
    state,
    provider,
    batchId,
    version,
    deployed: false,
    retries: budget.used,
    metrics: null,
    error: null,
    ...extra,
  });
  try {
    await setRun({ state: "collecting" });
    const records = await db
      .select({
        id: trainingRecords.id,
        messages: trainingRecords.messages,
        persona: trainingRecords.persona,
        trigger: trainingRecords.trigger,
        template: trainingRecords.template,
        feedback: trainingRecords.feedback,
      })
      .from(trainingRecords)
      .where(eq(trainingRecords.batchId, batchId))
      .orderBy(asc(trainingRecords.id));
    if (!records.length) throw new Error("the batch has no records left (purged or deleted)");

    version = await nextModelVersion(db);
    const created = await createModelVersion(db, { version, provider });
    versionId = created.id;
    await setRun({ state: "training", modelVersionId: versionId });

    let metrics: Record<string, unknown>;
    let passed: boolean;
    let reason: string | null;
    if (provider === "offline") {
      const examples: FeedbackExample[] = records
        .filter((r) => r.persona && r.trigger && r.template !== null && (r.feedback === 1 || r.feedback === -1))
        .map((r) => ({ id: r.id, persona: r.persona!, trigger: r.trigger!, template: r.template!, feedback: r.feedback as 1 | -1 }));
      const current = await deployedCuePreferences(db);
      const fit = trainOffline(examples, current);
      await db
        .update(modelVersions)
        .set({ params: { preferences: fit.preferences, batchId }, status: "validating" })
        .where(eq(modelVersions.id, versionId));
      await setRun({ state: "validating" });
      ({ metrics, passed, reason } = fit);
    } else {
      const client = opts.client ?? openAiClient(e);
      const train = records.filter((r) => !isHeldOut(r.id)).map((r) => toJsonlLine(r.messages as TrainingMessage[]));
      const held = records.filter((r) => isHeldOut(r.id)).map((r) => toJsonlLine(r.messages as TrainingMessage[]));
      const out = await fineTune(
        client,
        {
          trainingJsonl: train.join("\n") + "\n",
          validationJsonl: held.length ? held.join("\n") + "\n" : null,
          baseModel: opts.baseModel ?? DEFAULT_FINETUNE_BASE_MODEL,
          suffix: `spotter-${version.replaceAll(".", "-")}`,
        },
        { budget, pollMs: opts.pollMs ?? 30_000, maxPolls: opts.maxPolls ?? 480, onJob: (jobId, fileId) => setRun({ jobId, fileId }) },
      );
      if (out.status === "running") throw new Error(`fine-tuning job ${out.jobId} still running after ${opts.maxPolls ?? 480} polls`);
      await db
        .update(modelVersions)
        .set({
          externalModel: out.fineTunedModel,
          params: { jobId: out.jobId, baseModel: opts.baseModel ?? DEFAULT_FINETUNE_BASE_MODEL, batchId },
          status: "validating",
        })
        .where(eq(modelVersions.id, versionId));
      await setRun({ state: "validating" });
      metrics = { ...out.metrics, trainExamples: train.length, heldOutExamples: held.length, jobStatus: out.status };
      const m = out.metrics;
      reason =
        out.status !== "succeeded" || !out.fineTunedModel
          ? `fine-tuning job ${out.status}${out.error ? `: ${out.error}` : ""}`
          : !held.length
            ? "no held-out examples to validate on"
            : m.lastValidLoss === null || m.firstValidLoss === null
              ? "the job reported no validation loss"
              : m.lastValidLoss > m.firstValidLoss
                ? `validation loss rose from ${m.firstValidLoss} to ${m.lastValidLoss}`
                : null;
      passed = reason === null;
    }
    await recordValidation(db, versionId, metrics, passed);
    if (!passed) {
      const error = `validation failed: ${reason}`;
      await setRun({ state: "failed", error });
      return result("failed", { metrics, error });
    }
    const deploy = opts.deploy ?? true;
    if (deploy) await deployModel(db, version);
    await db
      .update(trainingRecords)
      .set({ state: "archived" })
      .where(and(eq(trainingRecords.batchId, batchId), eq(trainingRecords.state, "exported")));
    await setRun({ state: "completed" });
    return result("completed", { metrics, deployed: deploy });
  } catch (error) {
    const message = errorText(error).slice(0, 2000);
    await setRun({ state: "failed", error: message });
    if (versionId) {
      await db
        .update(modelVersions)
        .set({ status: "failed", validationPassed: false })
        .where(and(eq(modelVersions.id, versionId), sql`${modelVersions.status} in ('training','validating')`));
    }
    return result("failed", { error: message });
  }
}

export async function listRuns(db: Queryable, limit = 20) {
  return db
    .select({
      id: trainingRuns.id,
      provider: trainingRuns.provider,
      state: trainingRuns.state,
      retries: trainingRuns.retries,
      batchId: trainingRuns.batchId,
      jobId: trainingRuns.jobId,
      version: modelVersions.version,
      error: trainingRuns.error,
      createdAt: trainingRuns.createdAt,
    })
    .from(trainingRuns)
    .leftJoin(modelVersions, eq(modelVersions.id, trainingRuns.modelVersionId))
    .where(isNotNull(trainingRuns.id))
    .orderBy(desc(trainingRuns.createdAt))
    .limit(limit);
}
