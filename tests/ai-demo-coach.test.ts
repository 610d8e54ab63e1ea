import { generateText, stepCountIs } from "ai";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { users } from "@/db/schema";
import { createOfflineCoachModel } from "@/lib/ai/offline/model";
import { buildSystemPrompt } from "@/lib/ai/system-prompt";
import { createCoachTools } from "@/lib/ai/tools";
import { syncCatalog } from "@/lib/exercises/sync-catalog";
import { DEMO_EMAIL, DEMO_TIME_ZONE, seedDemoIfEmpty } from "@/lib/seed/demo";
import { SANDBOX_SCHEMA_DOC } from "@/lib/sql";
import { localDate } from "@/lib/time/zone";
import { useTestDatabase } from "./helpers/db";
import { numbersIn, numbersInValue } from "./ai-support";

/**
 * The offline coach over the demo account's year of training: every supported question runs its
 * SQL through the real sandbox, gets a fitting chart and an answer whose numbers come from the data.
 */
const getDb = useTestDatabase();
const now = new Date();
let userId: string;

beforeAll(async () => {
  await syncCatalog(getDb().db);
  await seedDemoIfEmpty(getDb().db, now);
  const [u] = await getDb().db.select({ id: users.id }).from(users).where(eq(users.email, DEMO_EMAIL));
  userId = u.id;
}, 180_000);

const questions: [question: string, chart: string | null][] = [
  ["How is my squat going over the last 6 months?", "line"],
  ["Compare bench press and overhead press this year", "line"],
  ["Weekly volume by muscle group in the last 8 weeks", "bar"],
  ["Monthly volume over the last 12 months", "bar"],
  ["What are my PRs?", "bar"],
  ["my deadlift rep maxes", "bar"],
  ["How consistent have I been over the last 12 months?", "heatmap"],
  ["What did I do in my last workout?", "bar"],
  ["show my progress", "line"],
  ["How has my bodyweight changed?", null],
  ["How did I sleep this month?", null],
  ["resting heart rate since March", null],
];

describe("offline coach on the demo account", () => {
  it.each(questions)("%s", async (question, chart) => {
    const tools = createCoachTools({ userId, db: getDb().db, units: "kg", timeZone: DEMO_TIME_ZONE, now: () => now });
    const result = await generateText({
      model: createOfflineCoachModel({ chunkDelayMs: 0 }),
      system: buildSystemPrompt({ units: "kg", timeZone: DEMO_TIME_ZONE, today: localDate(now, DEMO_TIME_ZONE), schemaDoc: SANDBOX_SCHEMA_DOC }),
      prompt: question,
      tools,
      stopWhen: stepCountIs(6),
    });
    const calls = result.steps.flatMap((s) => s.toolCalls.map((c) => c.toolName));
    const outputs = result.steps.flatMap((s) => s.toolResults.map((r) => r.output as any));
    expect(calls[0]).toBe("query_training_data");
    // The first query is accepted by the sandbox — no retry was needed.
    expect(outputs[0].error, JSON.stringify(outputs[0])).toBeUndefined();
    if (chart) {
      expect(outputs[0].rows.length).toBeGreaterThan(0);
      expect(calls).toContain("show_chart");
      expect(outputs.find((o) => o.option)?.type, JSON.stringify(outputs.slice(1))).toBe(chart);
    }
    expect(result.text.length).toBeGreaterThan(20);
    const allowed = numbersInValue(outputs);
    for (const n of numbersIn(question)) allowed.add(n);
    for (const n of numbersIn(result.text)) expect(allowed, `"${n}" in: ${result.text}`).toContain(n);
  });
});
