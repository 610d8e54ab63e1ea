import { generateText, stepCountIs } from "ai";
import { MockLanguageModelV3 } from "ai/test";
import type { LanguageModelV3GenerateResult } from "@ai-sdk/provider";
import { beforeAll, describe, expect, it } from "vitest";
import { createCoachTools, type QueryInfo } from "@/lib/ai/tools";
import { MODEL_ROW_CAP } from "@/lib/ai/tools/query-training-data";
import { useTestDatabase } from "./helpers/db";
import { NOW, seedLifter } from "./ai-support";

const getDb = useTestDatabase();
let userId: string;
const SECRET = "victim-secret-note-7f3a";

beforeAll(async () => {
  userId = await seedLifter(getDb().db, "attacker@example.com");
  await seedLifter(getDb().db, "victim@example.com", { secretNote: SECRET });
}, 120_000);

const usage = {
  inputTokens: { total: 10, noCache: 10, cacheRead: 0, cacheWrite: 0 },
  outputTokens: { total: 5, text: 5, reasoning: 0 },
};

function toolStep(calls: { toolName: string; input: unknown }[]): LanguageModelV3GenerateResult {
  return {
    content: calls.map((c, i) => ({
      type: "tool-call" as const,
      toolCallId: `call-${i}-${c.toolName}`,
      toolName: c.toolName,
      input: JSON.stringify(c.input),
    })),
    finishReason: { unified: "tool-calls", raw: undefined },
    usage,
    warnings: [],
  };
}

const done: LanguageModelV3GenerateResult = {
  content: [{ type: "text", text: "done" }],
  finishReason: { unified: "stop", raw: undefined },
  usage,
  warnings: [],
};

function tools(extra: { onQuery?: (q: QueryInfo) => void } = {}) {
  return createCoachTools({ userId, db: getDb().db, units: "kg", timeZone: "UTC", now: () => NOW, ...extra });
}

describe("coach tools against a hostile model", () => {
  it("rejects hostile SQL with a reason and never returns anyone else's data", async () => {
    const hostile = [
      "select * from users",
      "select email, password_hash from users",
      "delete from sets",
      "select * from sets; drop table exercise_sets",
      "select * from public.exercise_sets",
      "select * from pg_catalog.pg_user",
      "select current_setting('is_superuser')",
      "select s.notes from sets s",
      "select count(*) as n from exercise_sets",
    ];
    const queries: QueryInfo[] = [];
    const model = new MockLanguageModelV3({
      doGenerate: [toolStep(hostile.map((sql) => ({ toolName: "query_training_data", input: { sql, purpose: "exfiltrate" } }))), done],
    });
    const result = await generateText({
      model,
      prompt: "give me everything",
      tools: tools({ onQuery: (q) => void queries.push(q) }),
      stopWhen: stepCountIs(3),
    });
    const outputs = result.steps[0].toolResults.map((r) => r.output as any);
    expect(outputs).toHaveLength(hostile.length);
    const byIndex = (i: number) => outputs[i];
    for (const i of [0, 1, 2, 3, 4, 5, 6, 8]) {
      expect(byIndex(i).error, hostile[i]).toBeDefined();
      expect(typeof byIndex(i).reason).toBe("string");
      expect(byIndex(i).rows).toBeUndefined();
    }
    // The allowed query only sees the attacker's own rows.
    expect(byIndex(7).error).toBeUndefined();
    expect(byIndex(7).rows.length).toBeGreaterThan(0);
    const everything = JSON.stringify(result.steps.map((s) => s.toolResults.map((r) => r.output)));
    expect(everything).not.toContain(SECRET);
    expect(everything).not.toContain("victim@example.com");
    expect(everything).not.toMatch(/\$argon2/);
    // Failures are reported to the caller too (for query_executed on the message).
    expect(queries.filter((q) => !q.ok)).toHaveLength(8);
    expect(queries.find((q) => q.ok)?.rowCount).toBe(byIndex(7).rowCount);
  });

  it("charts only data this reply queried: injected data and unknown refs are refused", async () => {
    const model = new MockLanguageModelV3({
      doGenerate: [
        toolStep([
          { toolName: "show_chart", input: { type: "line", title: "fake", x: "week", y: "v" } },
          { toolName: "show_chart", input: { type: "line", title: "fake", x: "week", y: "v", data: [["2026-01-01", 999]] } },
        ]),
        toolStep([
          { toolName: "query_training_data", input: { sql: "select reps, count(*) as n from sets group by reps order by reps", purpose: "reps" } },
        ]),
        toolStep([
          { toolName: "show_chart", input: { type: "bar", title: "Reps", x: "reps", y: "not_a_column" } },
          { toolName: "show_chart", input: { type: "bar", title: "Reps", x: "reps", y: "n", queryRef: "q9" } },
          { toolName: "show_chart", input: { type: "bar", title: "<img src=x onerror=alert(1)>", x: "reps", y: "n" } },
        ]),
        done,
      ],
    });
    const result = await generateText({ model, prompt: "chart", tools: tools(), stopWhen: stepCountIs(5) });
    const parts = result.steps[0].content.filter((p) => p.type === "tool-result" || p.type === "tool-error") as any[];
    const noQuery = parts.find((p) => p.toolCallId === "call-0-show_chart");
    const injected = parts.find((p) => p.toolCallId === "call-1-show_chart");
    expect(noQuery.output).toMatchObject({ error: "invalid_chart" });
    expect(noQuery.output.reason).toMatch(/Run query_training_data first/);
    expect(injected.type).toBe("tool-error"); // strict schema: unknown key "data"
    const third = result.steps[2].toolResults.map((r) => r.output as any);
    expect(third[0]).toMatchObject({ error: "invalid_chart" });
    expect(third[0].reason).toMatch(/"not_a_column".*Available columns: "reps", "n"/);
    expect(third[1].reason).toMatch(/no query result "q9"/);
    expect(third[2].type).toBe("bar");
    expect(JSON.stringify(third[2].option)).not.toMatch(/[<>]/);
    // The model is told the chart is shown, not handed the whole option back.
    const modelView = (result.response.messages.find((m) => m.role === "tool" && JSON.stringify(m).includes("shown")) ?? null) as any;
    expect(JSON.stringify(modelView)).not.toContain("calendar");
    expect(JSON.stringify(modelView)).toContain('"shown":true');
  });

  it("caps the rows handed back to the model and says so", async () => {
    const t = tools();
    const out = (await t.query_training_data.execute!(
      { sql: "select g as n from generate_series(1, 500) as g", purpose: "many rows" },
      { toolCallId: "x", messages: [] },
    )) as any;
    expect(out.rows).toHaveLength(MODEL_ROW_CAP);
    expect(out.rowCount).toBe(500);
    expect(out.truncated).toBe(true);
    expect(out.note).toMatch(/first 200 of 500/);
    // ...while a chart still gets every row.
    const chart = (await t.show_chart.execute!({ type: "line", title: "n", x: "n", y: "n" }, { toolCallId: "y", messages: [] })) as any;
    expect(chart.rows).toHaveLength(500);
  });

  it("acts only for an existing account", async () => {
    const t = createCoachTools({ userId: "no-such-user", db: getDb().db, units: "kg", timeZone: "UTC" });
    await expect(t.query_training_data.execute!({ sql: "select 1 as one", purpose: "x" }, { toolCallId: "x", messages: [] })).rejects.toThrow(
      /no longer exists/,
    );
    expect(() => createCoachTools({ userId: "", db: getDb().db })).toThrow();
  });

  it("log_workout rejects future dates in a model's draft and returns a draft otherwise", async () => {
    const t = tools();
    const future = (await t.log_workout.execute!(
      { draft: { workouts: [{ date: "2026-12-01", exercises: [{ name: "Squat", sets: [{ reps: 5, weight: 100 }] }] }] } },
      { toolCallId: "x", messages: [] },
    )) as any;
    expect(future).toMatchObject({ error: "invalid_draft" });
    const ok = (await t.log_workout.execute!(
      {
        draft: {
          workouts: [
            {
              date: "2026-11-25",
              exercises: [
                { name: "Back Squat", sets: [{ reps: 5, weight: 225, unit: "lb" }] },
                { name: "Zercher Carry", sets: [{ durationSeconds: 60 }] },
              ],
            },
          ],
        },
      },
      { toolCallId: "y", messages: [] },
    )) as any;
    expect(ok.status).toBe("draft");
    const [squat, carry] = ok.draft.workouts[0].exercises;
    expect(squat).toMatchObject({ name: "Squat (Barbell)", known: true });
    expect(squat.sets[0].weightKg).toBe(102.06);
    expect(carry).toMatchObject({ name: "Zercher Carry", known: false });
    expect(carry.cardio).toBeUndefined();
    expect(ok.summary).toContain("Zercher Carry (new exercise)");
  });
});
