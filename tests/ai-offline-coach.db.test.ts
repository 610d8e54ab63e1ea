import { generateText, stepCountIs, streamText, type ModelMessage } from "ai";
import { count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { exerciseSets, workoutSessions } from "@/db/schema";
import { createOfflineCoachModel } from "@/lib/ai/offline/model";
import { buildSystemPrompt, type CoachPersona } from "@/lib/ai/system-prompt";
import { createCoachTools, type CoachChart, type QueryInfo } from "@/lib/ai/tools";
import { SANDBOX_SCHEMA_DOC } from "@/lib/sql";
import { saveWorkoutDraft } from "@/lib/workout-text/save";
import type { WorkoutDraft } from "@/lib/workout-text/types";
import { useTestDatabase } from "./helpers/db";
import { NOW, numbersIn, numbersInValue, seedLifter, TODAY } from "./ai-support";

const getDb = useTestDatabase();
let userId: string;

beforeAll(async () => {
  userId = await seedLifter(getDb().db, "lifter@example.com");
}, 120_000);

type Run = {
  text: string;
  calls: { toolName: string; input: any }[];
  results: { toolName: string; output: any }[];
  queries: QueryInfo[];
  charts: CoachChart[];
};

async function ask(question: string, opts: { persona?: CoachPersona; history?: ModelMessage[]; units?: "kg" | "lb" } = {}): Promise<Run> {
  const units = opts.units ?? "kg";
  const queries: QueryInfo[] = [];
  const charts: CoachChart[] = [];
  const tools = createCoachTools({
    userId,
    db: getDb().db,
    units,
    timeZone: "UTC",
    now: () => NOW,
    onQuery: (q) => void queries.push(q),
    onChart: (c) => {
      charts.push(c);
      return { chartId: `chart-${charts.length}` };
    },
  });
  const result = await generateText({
    model: createOfflineCoachModel({ chunkDelayMs: 0 }),
    system: buildSystemPrompt({ persona: opts.persona, units, timeZone: "UTC", today: TODAY, schemaDoc: SANDBOX_SCHEMA_DOC }),
    messages: [...(opts.history ?? []), { role: "user", content: question }],
    tools,
    stopWhen: stepCountIs(6),
  });
  const calls = result.steps.flatMap((s) => s.toolCalls.map((c) => ({ toolName: c.toolName, input: c.input })));
  const results = result.steps.flatMap((s) => s.toolResults.map((r) => ({ toolName: r.toolName, output: r.output })));
  return { text: result.text, calls, results, queries, charts };
}

/** The main query of a reply (not the look-up of exercise names or of the data's span) and its result. */
function main(run: Run): { call: { toolName: string; input: any }; result: any; index: number } {
  const index = run.calls.findLastIndex(
    (c) => c.toolName === "query_training_data" && !/^(which exercises in your history|the span of your logged)/.test(c.input.purpose),
  );
  return { call: run.calls[index], result: run.results[index].output, index };
}

/** The answer may only state numbers that the tools returned, the user typed, or the period's dates in the coach's own SQL. */
function expectGroundedNumbers(run: Run, question: string) {
  const allowed = numbersInValue(run.results.map((r) => r.output));
  for (const c of run.calls) for (const n of numbersInValue(c.input.sql ?? "")) allowed.add(n);
  for (const n of numbersIn(question)) allowed.add(n);
  const stated = numbersIn(run.text);
  expect(stated.length).toBeGreaterThan(0);
  for (const n of stated) expect(allowed, `"${n}" in: ${run.text}`).toContain(n);
}

describe("offline coach with the real tools and sandbox", () => {
  it("exercise progress: names resolved → query → line chart → grounded answer", async () => {
    const q = "How is my squat going over the last 8 weeks?";
    const run = await ask(q);
    expect(run.calls.map((c) => c.toolName)).toEqual(["query_training_data", "query_training_data", "show_chart"]);
    expect(run.calls[0].input.purpose).toMatch(/^which exercises in your history match "squat"/);
    const { call, result: query } = main(run);
    expect(call.input.sql).toContain("exercise_name = 'Squat (Barbell)'");
    expect(call.input.sql).toContain("set_type <> 'warmup'");
    expect(query.error).toBeUndefined();
    expect(query.columns).toEqual(["day", "best_e1rm_kg", "top_weight_kg", "sets"]);
    expect(query.rows.length).toBeGreaterThanOrEqual(14);
    expect(run.calls[2].input).toMatchObject({ type: "line", x: "day", y: ["best_e1rm_kg", "top_weight_kg"], queryRef: query.queryRef });
    expect(run.charts).toHaveLength(1);
    expect(run.charts[0].type).toBe("line");
    expect(run.results[2].output.chartId).toBe("chart-1");
    expect(run.queries[1]).toMatchObject({ ok: true, sql: call.input.sql });
    expect(run.text).toMatch(/Squat \(Barbell\).*went up/);
    expect(run.text).not.toContain("The chart above");
    expectGroundedNumbers(run, q);
  });

  it("answers in pounds for a lb user, with numbers straight from the query", async () => {
    const q = "How is my bench going this year?";
    const run = await ask(q, { units: "lb" });
    const { call, result, index } = main(run);
    expect(call.input.sql).toContain("/ 0.45359237");
    expect(result.columns).toEqual(["week", "best_e1rm_lb", "top_weight_lb", "sets"]);
    expect(run.calls[index + 1].input.y).toEqual(["best_e1rm_lb", "top_weight_lb"]);
    expect((run.charts[0].option as any).yAxis.axisLabel.formatter).toBe("{value} lb");
    expect(run.text).toMatch(/\d lb/);
    expect(run.text).not.toMatch(/\bkg\b/);
    expectGroundedNumbers(run, q);
  });

  it("weekly volume by muscle group: sets per primary muscle, stacked bar chart", async () => {
    const q = "Show my weekly volume by muscle group since October";
    const run = await ask(q);
    expect(run.calls.map((c) => c.toolName)).toEqual(["query_training_data", "show_chart"]);
    expect(run.calls[0].input.sql).toContain("join exercises e on e.id = s.exercise_id");
    expect(run.calls[0].input.sql).toContain("at time zone 'UTC')::date >= '2026-10-05'"); // the first full week of October
    expect(run.calls[1].input).toMatchObject({ type: "bar", x: "week", y: "sets", series: "muscle", stacked: true });
    const rows = run.results[0].output.rows as { week: string; muscle: string; sets: number }[];
    const lastWithDeadlifts = rows.filter((r) => r.muscle === "hamstrings").at(-1)!.week; // the last week has no Lower B yet
    const week = rows.filter((r) => r.week === lastWithDeadlifts);
    const sets = (m: string) => week.find((r) => r.muscle === m)?.sets ?? 0;
    // squat = quads + glutes, deadlift = hamstrings + glutes + back, bench = chest: every primary muscle counts
    expect(sets("quads")).toBeGreaterThan(0);
    expect(sets("hamstrings")).toBeGreaterThan(0);
    expect(sets("back")).toBe(sets("hamstrings"));
    expect(sets("glutes")).toBe(sets("quads") + sets("hamstrings"));
    expect(sets("chest")).toBeGreaterThan(0);
    expect(run.text).toMatch(/counts for every primary muscle/);
    expectGroundedNumbers(run, q);
  });

  it("personal records across exercises", async () => {
    const q = "What are my PRs?";
    const run = await ask(q);
    expect(run.calls.map((c) => c.toolName)).toEqual(["query_training_data", "show_chart"]);
    const rows = run.results[0].output.rows;
    expect(rows.map((r: any) => r.exercise_name)).toEqual(["Deadlift (Barbell)", "Squat (Barbell)", "Bench Press (Barbell)"]);
    expect(rows[0].heaviest_kg).toBe(185);
    expect(run.text).toContain("Deadlift (Barbell)");
    expectGroundedNumbers(run, q);
  });

  it("training frequency: calendar heatmap with totals from SQL", async () => {
    const q = "How consistent have I been this year?";
    const run = await ask(q);
    expect(run.calls.map((c) => c.toolName)).toEqual(["query_training_data", "show_chart"]);
    expect(run.calls[1].input).toMatchObject({ type: "heatmap", x: "day", value: "sessions" });
    expect(run.charts[0].option).toHaveProperty("calendar");
    expect(run.results[0].output.rows[0]).toMatchObject({ total_sessions: 21, training_days: 21 });
    expect(run.text).toContain("21 workouts on 21 days so far");
    expectGroundedNumbers(run, q);
  });

  it("comparison of two exercises: one line per exercise", async () => {
    const q = "Compare squat and deadlift over the last 3 months";
    const run = await ask(q);
    const { result, index } = main(run);
    expect(run.calls[index + 1].input).toMatchObject({ type: "line", series: "exercise_name", y: "best_e1rm_kg" });
    const names = new Set(result.rows.map((r: any) => r.exercise_name));
    expect(names).toEqual(new Set(["Squat (Barbell)", "Deadlift (Barbell)"]));
    expect(run.text).toContain("Squat (Barbell)");
    expect(run.text).toContain("Deadlift (Barbell)");
    expectGroundedNumbers(run, q);
  });

  it("last workout summary", async () => {
    const q = "What did I do in my last workout?";
    const run = await ask(q);
    expect(run.calls[0].toolName).toBe("query_training_data");
    const rows = run.results[0].output.rows;
    expect(rows.map((r: any) => r.exercise_name)).toEqual(["Squat (Barbell)", "Bench Press (Barbell)"]);
    expect(run.text).toContain("23 Nov 2026");
    expectGroundedNumbers(run, q);
  });

  it("body-metric trend", async () => {
    const q = "How has my bodyweight changed over the last 3 months?";
    const run = await ask(q);
    expect(run.calls[0].input.sql).toContain("from body_metrics");
    expect(run.calls[1].input).toMatchObject({ type: "line", x: "date", y: "bodyweight_kg" });
    expect(run.text).toMatch(/Bodyweight, the last 3 months: 82 kg .* → 79 kg/);
    expectGroundedNumbers(run, q);
  });

  it("a follow-up that only names another lift reuses the previous question", async () => {
    const run = await ask("and bench?", {
      history: [
        { role: "user", content: "How is my squat going over the last 8 weeks?" },
        { role: "assistant", content: "Squat went up." },
      ],
    });
    expect(main(run).call.input.sql).toContain("exercise_name = 'Bench Press (Barbell)'");
    expect(run.text).toContain("Bench Press (Barbell)");
  });

  it("says plainly what it can do for anything else, without calling tools", async () => {
    const run = await ask("tell me a joke about cats");
    expect(run.calls).toEqual([]);
    expect(run.text).toMatch(/Progress on a lift/);
    expect(run.text).toMatch(/Logging/);
  });

  it("answers honestly when there is no data for the question", async () => {
    const q = "How has my sleep been in 2024?";
    const run = await ask(q);
    // nothing in 2024, but there are entries: the span of the data, then the same question over it
    expect(run.calls.map((c) => c.toolName)).toEqual(["query_training_data", "query_training_data", "query_training_data", "show_chart"]);
    expect(run.results[0].output.rows).toEqual([]);
    expect(run.text).toMatch(/^Nothing in 2024: your entries span 14 Sep 2026 to 23 Nov 2026\. Here is all of it/);
    expect(run.text).toMatch(/Sleep, 14 Sep – 23 Nov 2026: 7 h on 14 Sep 2026/);
    expectGroundedNumbers(run, q);
    const none = await ask("How many sets of calves did I do in 2024?");
    expect(none.text).toMatch(/^Nothing in 2024: your training spans/);
    expect(none.text).toMatch(/No working sets for calves/);
  });

  it("respects the persona: name and 'avoid' constraints in suggestions", async () => {
    const persona: CoachPersona = { name: "Coach Kai", tone: "direct", avoid: ["overhead pressing"] };
    const run = await ask("Suggest shoulder exercises", { persona });
    expect(run.calls).toEqual([]);
    const listed = run.text.split("\n").filter((l) => l.startsWith("- "));
    expect(listed.length).toBeGreaterThanOrEqual(3);
    for (const line of listed) expect(line).not.toMatch(/Overhead|Military|Push Press|Shoulder Press|Arnold/i);
    expect(run.text).toMatch(/Lateral Raise/);
    expect(run.text).toContain("leaving out overhead pressing");
    const help = await ask("hello", { persona });
    expect(help.text).toContain("Coach Kai");
  });
});

describe("logging through log_workout", () => {
  async function counts() {
    const db = getDb().db;
    const [s] = await db.select({ n: count() }).from(workoutSessions).where(eq(workoutSessions.userId, userId));
    const [x] = await db.select({ n: count() }).from(exerciseSets).where(eq(exerciseSets.userId, userId));
    return { sessions: s.n, sets: x.n };
  }

  it("turns a described workout into a draft (nothing written) that saveWorkoutDraft stores", async () => {
    const before = await counts();
    const run = await ask("bench 3x8 @ 60kg, last set only 6");
    expect(run.calls.map((c) => c.toolName)).toEqual(["log_workout"]);
    expect(run.calls[0].input.draft.workouts[0].exercises[0]).toMatchObject({ name: "Bench Press" });
    const out = run.results[0].output;
    expect(out.status).toBe("draft");
    const draft: WorkoutDraft = out.draft;
    expect(draft.workouts[0].exercises[0]).toMatchObject({ name: "Bench Press (Barbell)", known: true });
    expect(draft.workouts[0].exercises[0].sets.map((s) => s.reps)).toEqual([8, 8, 6]);
    expect(run.text).toContain("check the card");
    expect(await counts()).toEqual(before);

    const saved = await saveWorkoutDraft(getDb().db, userId, draft);
    expect(saved.sets).toBe(3);
    expect(await counts()).toEqual({ sessions: before.sessions + 1, sets: before.sets + 3 });
    const [row] = await getDb().db.select().from(workoutSessions).where(eq(workoutSessions.id, saved.sessionIds[0]));
    expect(row.source).toBe("chat");
  });

  it("resolves 'same as Monday but +2.5kg' against the user's own history", async () => {
    const run = await ask("same as Monday but +2.5kg");
    expect(run.calls[0].input).toEqual({ text: "same as Monday but +2.5kg" });
    const draft: WorkoutDraft = run.results[0].output.draft;
    const bench = draft.workouts[0].exercises.find((e) => e.name === "Bench Press (Barbell)")!;
    // Monday 23 Nov: bench 72.5 kg working sets (warm-up 40 kg stays as it was)
    expect(bench.sets.map((s) => s.weightKg)).toEqual([40, 75, 75, 75]);
    expect(draft.workouts[0].basedOn?.date).toBe("2026-11-23");
  });

  it("reports an unreadable workout instead of inventing one", async () => {
    const run = await ask("same as Sunday");
    const out = run.results[0].output;
    expect(out.error).toBe("not_understood");
    expect(run.text).toMatch(/couldn't read a workout/);
    expect(run.text).toMatch(/Sunday/);
  });

  it("saveWorkoutDraft re-validates a draft coming back from the browser", async () => {
    const bad = {
      workouts: [
        {
          date: "2026-11-26",
          startedAt: NOW.toISOString(),
          name: "x",
          exercises: [
            { input: "x", name: "x", sets: [{ setType: "normal", reps: -1, weightKg: 1, rpe: null, durationSeconds: null, distanceM: null }] },
          ],
        },
      ],
      unit: "kg",
      warnings: [],
    };
    await expect(saveWorkoutDraft(getDb().db, userId, bad as WorkoutDraft)).rejects.toThrow(/invalid/);
  });
});

describe("streaming", () => {
  it("streams the answer in word groups and reports token usage", async () => {
    const tools = createCoachTools({ userId, db: getDb().db, units: "kg", timeZone: "UTC", now: () => NOW });
    const result = streamText({
      model: createOfflineCoachModel({ chunkDelayMs: 0 }),
      system: buildSystemPrompt({ units: "kg", timeZone: "UTC", today: TODAY, schemaDoc: SANDBOX_SCHEMA_DOC }),
      prompt: "What are my PRs?",
      tools,
      stopWhen: stepCountIs(5),
    });
    const deltas: string[] = [];
    for await (const part of result.fullStream) if (part.type === "text-delta") deltas.push(part.text);
    expect(deltas.length).toBeGreaterThan(10);
    expect(deltas.join("")).toBe(await result.text);
    const usage = await result.totalUsage;
    expect(usage.inputTokens).toBeGreaterThan(100);
    expect(usage.outputTokens).toBeGreaterThan(10);
  });
});
