import "server-only";
import OpenAI, { APIConnectionError, APIError, toFile } from "openai";
import type { Env } from "@/lib/config/env";

/**
 * OpenAI fine-tuning through the `openai` package: upload the batch (training and held-out
 * validation JSONL), create a job, poll it, read its metrics. Every call goes through `withRetries`:
 * transient failures (connection, 408/409/429/5xx) are retried with exponential backoff, at most
 * MAX_RETRIES times per run; the SDK's own retries are off so there is one budget.
 */
export const MAX_RETRIES = 5;
export const DEFAULT_FINETUNE_BASE_MODEL = "gpt-4.1-mini-2025-04-14";

class RetriesExhaustedError extends Error {
  constructor(
    readonly retries: number,
    readonly lastError: unknown,
  ) {
    super(`gave up after ${retries} retries: ${lastError instanceof Error ? lastError.message : String(lastError)}`);
    this.name = "RetriesExhaustedError";
  }
}

function isRetryable(error: unknown): boolean {
  if (error instanceof APIConnectionError) return true;
  if (error instanceof APIError) return error.status === undefined || [408, 409, 429].includes(error.status) || error.status >= 500;
  return false;
}

export interface RetryBudget {
  /** Retries used so far in this run (persisted by the caller through onRetry). */
  used: number;
  baseDelayMs: number;
  sleep: (ms: number) => Promise<void>;
  onRetry?: (used: number, error: unknown) => Promise<void> | void;
}

/** Runs `fn`, retrying transient failures with backoff (base × 2^n, capped at 60 s) within the budget. */
export async function withRetries<T>(budget: RetryBudget, fn: () => Promise<T>): Promise<T> {
  for (;;) {
    try {
      return await fn();
    } catch (error) {
      if (!isRetryable(error)) throw error;
      if (budget.used >= MAX_RETRIES) throw new RetriesExhaustedError(budget.used, error);
      const delay = Math.min(60_000, budget.baseDelayMs * 2 ** budget.used);
      budget.used++;
      await budget.onRetry?.(budget.used, error);
      await budget.sleep(delay);
    }
  }
}

export function openAiClient(e: Env): OpenAI {
  return new OpenAI({ apiKey: e.OPENAI_API_KEY, ...(e.OPENAI_BASE_URL ? { baseURL: e.OPENAI_BASE_URL } : {}), maxRetries: 0, timeout: 120_000 });
}

export interface FineTuneOutcome {
  jobId: string;
  fileIds: { training: string; validation: string | null };
  status: "succeeded" | "failed" | "cancelled" | "running";
  fineTunedModel: string | null;
  error: string | null;
  /** From the job's result file: the first and last validation loss, when reported. */
  metrics: { firstValidLoss: number | null; lastValidLoss: number | null; trainedTokens: number | null; steps: number };
}

/** Validation loss curve from the result CSV (columns step, train_loss, …, valid_loss …). */
function parseResultCsv(csv: string): { firstValidLoss: number | null; lastValidLoss: number | null; steps: number } {
  const [header, ...lines] = csv.trim().split(/\r?\n/);
  const cols = (header ?? "").split(",").map((c) => c.trim());
  const vi = cols.findIndex((c) => c === "valid_loss" || c === "full_valid_loss");
  const losses = lines.map((l) => Number(l.split(",")[vi])).filter((x) => vi >= 0 && Number.isFinite(x));
  return { firstValidLoss: losses[0] ?? null, lastValidLoss: losses.at(-1) ?? null, steps: lines.length };
}

/**
 * Upload, create, poll. `onJob` is called once the job exists (persist its id before waiting).
 * Polls every `pollMs` up to `maxPolls` times; a job still running then comes back as "running".
 */
export async function fineTune(
  client: OpenAI,
  input: { trainingJsonl: string; validationJsonl: string | null; baseModel: string; suffix: string },
  opts: { budget: RetryBudget; pollMs: number; maxPolls: number; onJob?: (jobId: string, fileId: string) => Promise<void> },
): Promise<FineTuneOutcome> {
  const call = <T>(fn: () => Promise<T>) => withRetries(opts.budget, fn);
  const upload = async (name: string, jsonl: string) =>
    (
      await call(async () =>
        client.files.create({ file: await toFile(Buffer.from(jsonl, "utf8"), name, { type: "application/jsonl" }), purpose: "fine-tune" }),
      )
    ).id;
  const training = await upload("spotter-train.jsonl", input.trainingJsonl);
  const validation = input.validationJsonl ? await upload("spotter-validation.jsonl", input.validationJsonl) : null;
  const created = await call(() =>
    client.fineTuning.jobs.create({
      model: input.baseModel,
      training_file: training,
      ...(validation ? { validation_file: validation } : {}),
      suffix: input.suffix,
    }),
  );
  await opts.onJob?.(created.id, training);
  let job = created;
  for (let polls = 0; !["succeeded", "failed", "cancelled"].includes(job.status) && polls < opts.maxPolls; polls++) {
    await opts.budget.sleep(opts.pollMs);
    job = await call(() => client.fineTuning.jobs.retrieve(created.id));
  }
  const done = ["succeeded", "failed", "cancelled"].includes(job.status);
  let curve = { firstValidLoss: null as number | null, lastValidLoss: null as number | null, steps: 0 };
  if (job.status === "succeeded" && job.result_files?.[0]) {
    const text = await call(async () => (await client.files.content(job.result_files[0])).text());
    curve = parseResultCsv(text);
  }
  return {
    jobId: created.id,
    fileIds: { training, validation },
    status: done ? (job.status as FineTuneOutcome["status"]) : "running",
    fineTunedModel: job.fine_tuned_model ?? null,
    error: job.error?.message ?? null,
    metrics: { ...curve, trainedTokens: job.trained_tokens ?? null },
  };
}
