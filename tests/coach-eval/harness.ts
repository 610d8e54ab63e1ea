import fs from "node:fs";
import path from "node:path";
import { generateText, stepCountIs, type ModelMessage } from "ai";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { DEFAULT_COACH_PLAN } from "@/lib/ai/coach-plan";
import { createOfflineCoachModel } from "@/lib/ai/offline/model";
import { buildSystemPrompt, type CoachPersona, type CoachPlan } from "@/lib/ai/system-prompt";
import { createCoachTools, type QueryInfo } from "@/lib/ai/tools";
import { MAX_STEPS } from "@/lib/chat/chat-handler";
import { importWorkoutFile } from "@/lib/import/index";
import { DEMO_EMAIL, seedDemoIfEmpty } from "@/lib/seed/demo";
import { SANDBOX_SCHEMA_DOC } from "@/lib/sql";
import { localDate } from "@/lib/time/zone";
import { createUser } from "@/lib/users/create-user";
import { updateProfile } from "@/lib/users/profile";

/**
 * The coach evaluation's fixtures: one database holding the demo account (seeded at a pinned
 * clock) and two lifters who imported the sample exports in tests/fixtures/imports/, and a way
 * to ask the offline coach a question exactly as the chat does (same tools, sandbox, prompt).
 */
const EVAL_NOW = new Date("2026-12-03T15:00:00Z"); // a Thursday

export type Lifter = { key: "demo" | "hevy" | "strong"; userId: string; timeZone: string; units: "kg" | "lb"; today: string };

const FIXTURES = path.resolve(import.meta.dirname, "../fixtures/imports");

async function importer(db: Db, email: string, file: string, timeZone: string): Promise<string> {
  const user = await createUser(db, { email, password: "correct horse battery staple 1" });
  await updateProfile(db, user.id, { units: "kg", timeZone });
  await importWorkoutFile(db, { userId: user.id, fileName: file, content: fs.readFileSync(path.join(FIXTURES, file)) });
  return user.id;
}

export async function setupLifters(db: Db): Promise<Record<Lifter["key"], Lifter>> {
  await seedDemoIfEmpty(db, EVAL_NOW);
  const [demo] = await db.select({ id: users.id }).from(users).where(eq(users.email, DEMO_EMAIL));
  const hevy = await importer(db, "hevy@eval.local", "hevy-metric-sample.csv", "America/New_York");
  const strong = await importer(db, "strong@eval.local", "strong-sample.csv", "Europe/Berlin");
  const mk = (key: Lifter["key"], userId: string, timeZone: string): Lifter => ({
    key,
    userId,
    timeZone,
    units: "kg",
    today: localDate(EVAL_NOW, timeZone),
  });
  return { demo: mk("demo", demo.id, "Europe/London"), hevy: mk("hevy", hevy, "America/New_York"), strong: mk("strong", strong, "Europe/Berlin") };
}

export type Reply = { text: string; queries: QueryInfo[]; calls: { toolName: string; input: any }[]; results: { toolName: string; output: any }[] };

export async function ask(
  db: Db,
  lifter: Lifter,
  question: string,
  opts: { plan?: CoachPlan | null; persona?: CoachPersona | null; history?: ModelMessage[] } = {},
): Promise<Reply> {
  const queries: QueryInfo[] = [];
  const tools = createCoachTools({
    userId: lifter.userId,
    db,
    units: lifter.units,
    timeZone: lifter.timeZone,
    now: () => EVAL_NOW,
    onQuery: (q) => void queries.push(q),
  });
  const result = await generateText({
    model: createOfflineCoachModel({ chunkDelayMs: 0, now: () => EVAL_NOW }),
    system: buildSystemPrompt({
      persona: opts.persona ?? null,
      plan: opts.plan === undefined ? DEFAULT_COACH_PLAN : opts.plan,
      units: lifter.units,
      timeZone: lifter.timeZone,
      today: lifter.today,
      schemaDoc: SANDBOX_SCHEMA_DOC,
    }),
    messages: [...(opts.history ?? []), { role: "user", content: question }],
    tools,
    // exactly the chat's step budget: an answer that needs more steps never reaches the user
    stopWhen: stepCountIs(MAX_STEPS),
  });
  return {
    text: result.text,
    queries,
    calls: result.steps.flatMap((s) => s.toolCalls.map((c) => ({ toolName: c.toolName, input: c.input }))),
    results: result.steps.flatMap((s) => s.toolResults.map((r) => ({ toolName: r.toolName, output: r.output }))),
  };
}
