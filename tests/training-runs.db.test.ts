import http from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { modelVersions, trainingRecords, trainingRuns } from "@/db/schema";
import type { Env } from "@/lib/config/env";
import { templateOrder } from "@/lib/cues/engine";
import { exportDueBatches } from "@/lib/training/batches";
import { collectTrainingRecords } from "@/lib/training/collect";
import { grantTrainingConsent } from "@/lib/training/consent";
import { MAX_RETRIES, openAiClient, withRetries } from "@/lib/training/openai-finetune";
import { deployedCuePreferences, deployedModel } from "@/lib/training/registry";
import { runTraining } from "@/lib/training/runs";
import { useTestDatabase } from "./helpers/db";
import { addCue, makeTrainingUser } from "./helpers/training";

const db = useTestDatabase();
const H = 3_600_000;
const D = 24 * H;

/** A local fake of OpenAI's files and fine-tuning API, with switchable failure modes. */
type Mode = "ok" | "down" | "overfit";
const fake = {
  mode: "ok" as Mode,
  requests: [] as { method: string; path: string; auth: string | undefined; body: string }[],
  polls: 0,
  failuresLeft: 0,
};
let server: http.Server;
let baseURL = "";

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const path = (req.url ?? "").replace(/\?.*$/, "");
      fake.requests.push({ method: req.method ?? "", path, auth: req.headers.authorization, body });
      const send = (status: number, json: unknown, type = "application/json") => {
        res.writeHead(status, { "content-type": type });
        res.end(typeof json === "string" ? json : JSON.stringify(json));
      };
      if (req.headers.authorization !== "Bearer sk-fake-test") return send(401, { error: { message: "bad key" } });
      if (fake.mode === "down") return send(503, { error: { message: "overloaded" } });
      if (fake.failuresLeft > 0) {
        fake.failuresLeft--;
        return send(500, { error: { message: "try again" } });
      }
      const job = (status: string) => ({
        id: "ftjob-1",
        object: "fine_tuning.job",
        model: "gpt-4.1-mini-2025-04-14",
        status,
        fine_tuned_model: status === "succeeded" ? "ft:gpt-4.1-mini:spotter::fake1" : null,
        result_files: status === "succeeded" ? ["file-result"] : [],
        trained_tokens: status === "succeeded" ? 12345 : null,
        error: null,
      });
      if (req.method === "POST" && path === "/v1/files")
        return send(200, { id: `file-${fake.requests.length}`, object: "file", bytes: body.length, purpose: "fine-tune" });
      if (req.method === "POST" && path === "/v1/fine_tuning/jobs") return send(200, job("queued"));
      if (req.method === "GET" && path === "/v1/fine_tuning/jobs/ftjob-1") return send(200, job(++fake.polls >= 3 ? "succeeded" : "running"));
      if (req.method === "GET" && path === "/v1/files/file-result/content") {
        const rising = fake.mode === "overfit";
        return send(
          200,
          `step,train_loss,train_accuracy,valid_loss,valid_mean_token_accuracy\n1,2.1,0.4,${rising ? 1.2 : 2.0},0.4\n2,1.1,0.6,${rising ? 1.9 : 1.3},0.6\n`,
          "text/csv",
        );
      }
      send(404, { error: { message: `no route ${req.method} ${path}` } });
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

function reset(mode: Mode, failures = 0) {
  fake.mode = mode;
  fake.requests = [];
  fake.polls = 0;
  fake.failuresLeft = failures;
}

const client = () => openAiClient({ OPENAI_API_KEY: "sk-fake-test", OPENAI_BASE_URL: baseURL } as Env);
const noSleep = (delays: number[] = []) => ({ sleep: async (ms: number) => void delays.push(ms) });

/** A closed monthly batch of cue records: `liked` template gets thumbs up, `disliked` thumbs down. */
async function makeBatch(month: string, n: number, liked = 3, disliked = 0) {
  const at = new Date(`${month}-10T12:00:00Z`);
  const u = await makeTrainingUser(db().db, { name: "Run Tester" });
  await grantTrainingConsent(db().db, u.id, { now: new Date(at.getTime() - 2 * D) });
  for (let i = 0; i < n; i++) {
    const good = i % 2 === 0;
    // 90% consistent signal, so held-out feedback is predictable but not perfectly.
    const noisy = i % 10 === 9;
    await addCue(db().db, u.id, {
      template: good ? liked : disliked,
      feedback: (good !== noisy ? 1 : -1) as 1 | -1,
      text: good ? "Nice set, 100 kg × 5. Breathe and recover." : "Well done. Shake it out and rest.",
      at: new Date(at.getTime() - 3 * H - i * 1000),
    });
  }
  await collectTrainingRecords(db().db, { now: at, userIds: [u.id] });
  const [batch] = await exportDueBatches(db().db, { now: new Date(at.getTime() + 35 * D), cadences: ["monthly"] });
  return batch;
}

describe("training runs", () => {
  it("offline: the coach learns template preferences from thumbs, validates on held-out feedback and deploys them", async () => {
    const batch = await makeBatch("2026-01", 160);
    const r = await runTraining(db().db, { batchId: batch.id, provider: "offline" });
    expect(r).toMatchObject({ state: "completed", provider: "offline", deployed: true, version: "1.0.0" });
    expect(r.metrics!.heldOutExamples as number).toBeGreaterThanOrEqual(10);
    expect(r.metrics!.brier as number).toBeLessThan(r.metrics!.baselineBrier as number);
    const prefs = await deployedCuePreferences(db().db);
    const w = prefs!.alice!["set-end"]!;
    expect(w[3]).toBeGreaterThan(0.75);
    expect(w[0]).toBeLessThan(0.25);
    // The deployed preferences change what the offline cue model says: template 3 leads far more often than 0.
    const firsts = Array.from({ length: 200 }, (_, i) => templateOrder(w.length, `seed-${i}`, w)[0]);
    expect(firsts.filter((i) => i === 3).length).toBeGreaterThan(firsts.filter((i) => i === 0).length * 3);
    const states = await db().db.select({ state: trainingRecords.state }).from(trainingRecords).where(eq(trainingRecords.batchId, batch.id));
    expect(new Set(states.map((s) => s.state))).toEqual(new Set(["archived"]));
    const [run] = await db().db.select().from(trainingRuns).where(eq(trainingRuns.id, r.runId));
    expect(run.state).toBe("completed");
  });

  it("offline: a validation that fails never deploys; the previous version stays", async () => {
    const batch = await makeBatch("2026-02", 12);
    const r = await runTraining(db().db, { batchId: batch.id, provider: "offline" });
    expect(r.state).toBe("failed");
    expect(r.error).toMatch(/validation failed: only \d+ held-out thumbs/);
    const [v] = await db().db.select().from(modelVersions).where(eq(modelVersions.version, r.version!));
    expect(v).toMatchObject({ status: "failed", validationPassed: false });
    expect((await deployedModel(db().db))?.version).toBe("1.0.0");
  });

  it("OpenAI: uploads the batch, creates the job, polls, reads metrics and deploys the fine-tune (against a local fake)", async () => {
    reset("ok");
    const batch = await makeBatch("2026-03", 60);
    const r = await runTraining(db().db, { batchId: batch.id, provider: "openai", client: client(), pollMs: 1, ...noSleep() });
    expect(r).toMatchObject({ state: "completed", provider: "openai", deployed: true, retries: 0 });
    const paths = fake.requests.map((q) => `${q.method} ${q.path}`);
    expect(paths.filter((p) => p === "POST /v1/files")).toHaveLength(2); // training + held-out validation
    expect(paths).toContain("POST /v1/fine_tuning/jobs");
    expect(paths.filter((p) => p === "GET /v1/fine_tuning/jobs/ftjob-1")).toHaveLength(3);
    expect(fake.requests.every((q) => q.auth === "Bearer sk-fake-test")).toBe(true);
    const upload = fake.requests.find((q) => q.path === "/v1/files")!.body;
    expect(upload).toContain('{"messages":[{"role":"system"');
    expect(upload).toContain('name="purpose"');
    const jobBody = JSON.parse(fake.requests.find((q) => q.path === "/v1/fine_tuning/jobs")!.body);
    expect(jobBody).toMatchObject({
      model: "gpt-4.1-mini-2025-04-14",
      training_file: expect.stringMatching(/^file-/),
      validation_file: expect.stringMatching(/^file-/),
    });
    const deployed = await deployedModel(db().db);
    expect(deployed).toMatchObject({ provider: "openai", externalModel: "ft:gpt-4.1-mini:spotter::fake1", version: r.version });
    expect(deployed!.metrics).toMatchObject({ firstValidLoss: 2, lastValidLoss: 1.3, trainedTokens: 12345 });
    const [run] = await db().db.select().from(trainingRuns).where(eq(trainingRuns.id, r.runId));
    expect(run).toMatchObject({ jobId: "ftjob-1", state: "completed" });
  });

  it("OpenAI: transient failures are retried with backoff; a rising validation loss fails validation and never deploys", async () => {
    const batch = await makeBatch("2026-04", 60);
    const before = (await deployedModel(db().db))!.version;
    const delays: number[] = [];
    reset("overfit", 2);
    const flaky = await runTraining(db().db, {
      batchId: batch.id,
      provider: "openai",
      client: client(),
      pollMs: 1,
      baseDelayMs: 100,
      ...noSleep(delays),
    });
    expect(flaky.state).toBe("failed");
    expect(flaky.error).toMatch(/validation loss rose from 1.2 to 1.9/);
    expect(flaky.retries).toBe(2);
    expect(delays.slice(0, 2)).toEqual([100, 200]);
    expect((await deployedModel(db().db))!.version).toBe(before);
    const [v] = await db().db.select().from(modelVersions).where(eq(modelVersions.version, flaky.version!));
    expect(v.status).toBe("failed");
  });

  it("OpenAI: retries stop at 5 and the run fails", async () => {
    reset("down");
    const batch = await makeBatch("2026-05", 20);
    const delays: number[] = [];
    const r = await runTraining(db().db, { batchId: batch.id, provider: "openai", client: client(), baseDelayMs: 100, ...noSleep(delays) });
    expect(r).toMatchObject({ state: "failed", retries: MAX_RETRIES });
    expect(r.error).toMatch(/gave up after 5 retries/);
    expect(fake.requests).toHaveLength(MAX_RETRIES + 1);
    expect(delays).toEqual([100, 200, 400, 800, 1600]);
    const [run] = await db().db.select().from(trainingRuns).where(eq(trainingRuns.id, r.runId));
    expect(run).toMatchObject({ state: "failed", retries: 5 });
  });

  it("retry budget: a non-transient error is not retried; a transient one recovers within the budget", async () => {
    reset("ok", 3);
    const budget = { used: 0, baseDelayMs: 1, sleep: async () => {} };
    const files = await withRetries(budget, () => client().fineTuning.jobs.retrieve("ftjob-1"));
    expect(files.id).toBe("ftjob-1");
    expect(budget.used).toBe(3);
    const bad = openAiClient({ OPENAI_API_KEY: "sk-wrong", OPENAI_BASE_URL: baseURL } as Env);
    const b2 = { used: 0, baseDelayMs: 1, sleep: async () => {} };
    await expect(withRetries(b2, () => bad.fineTuning.jobs.retrieve("ftjob-1"))).rejects.toMatchObject({ status: 401 });
    expect(b2.used).toBe(0);
  });
});
