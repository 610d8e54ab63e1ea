import fs from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { numbersIn } from "../ai-support";
import { testBackend, useTestDatabase } from "../helpers/db";
import type { CoachPersona, CoachPlan } from "@/lib/ai/system-prompt";
import { loadCoachSettings } from "@/lib/chat/coach";
import { CASES, type Case, type Check } from "./cases";
import { ask, setupLifters, type Lifter } from "./harness";

/**
 * The offline coach's evaluation: every question of tests/coach-eval/cases.ts, asked through the
 * real tools and sandbox over one shared database (the demo account and two imported exports),
 * graded against figures computed by independent SQL. The run must get ≥ 95 % right; the report
 * (console and reports/coach-eval.md) lists every miss with what was expected.
 */
const THRESHOLD = 0.95;
/**
 * A *.db.test.ts, so it runs on PGlite (the embedded default) and on PostgreSQL (production). The
 * SQL of a case is the same for each of its paraphrases (they differ in how the question is read,
 * which no database changes), so PostgreSQL asks every case once — its first question — and PGlite
 * asks them all: every query shape is proven on both without doubling the run.
 */
const EVERY_PARAPHRASE = testBackend === "pglite";
const REPORT = testBackend === "pglite" ? "reports/coach-eval.md" : "reports/coach-eval-postgres.md";
/** Lines that say nothing, which no answer may carry. */
const FILLER = [/chart above shows the full picture/i, /keep showing up/i, /^chart above\.?$/im];
const t = useTestDatabase();
let lifters: Record<Lifter["key"], Lifter>;

beforeAll(async () => {
  lifters = await setupLifters(t().db);
}, 120_000);

/** The coach a case asks: a fixed plan, the lifter's primary coach loaded exactly as the chat loads it, or the default. */
async function coachFor(c: Case, lifter: Lifter): Promise<{ plan?: CoachPlan; persona?: CoachPersona | null }> {
  if (c.plan === "primary") {
    const settings = await loadCoachSettings(t().db, lifter.userId);
    return { plan: settings.plan ?? undefined, persona: settings.persona };
  }
  return c.plan ? { plan: c.plan } : {};
}

type Miss = { lifter: string; shape: string; question: string; problems: string[]; answer: string };

export function grade(answer: string, check: Check): string[] {
  const problems: string[] = [];
  const stated = new Set(numbersIn(answer));
  for (const f of check.figures ?? []) if (!stated.has(f)) problems.push(`missing figure ${f}`);
  for (const s of check.says ?? []) if (typeof s === "string" ? !answer.includes(s) : !s.test(answer)) problems.push(`does not say ${String(s)}`);
  for (const s of check.never ?? []) if (typeof s === "string" ? answer.includes(s) : s.test(answer)) problems.push(`says ${String(s)}`);
  return problems;
}

describe("coach evaluation", () => {
  it("grading notices a wrong figure, a missing phrase and a forbidden one", () => {
    expect(grade("March 2026: 16 workouts on 16 days.", { figures: [16], says: ["March 2026"] })).toEqual([]);
    expect(grade("March 2026: 102 workouts.", { figures: [16] })).toEqual(["missing figure 16"]);
    expect(grade("Squat (Barbell) went up", { says: [/Dumbbell/], never: ["Barbell"] })).toHaveLength(2);
  });

  it(`answers at least ${THRESHOLD * 100} % of the questions right`, async () => {
    const started = Date.now();
    const misses: Miss[] = [];
    let total = 0;
    const byShape = new Map<string, { n: number; ok: number }>();
    for (const c of CASES) {
      const lifter = lifters[c.lifter];
      const check = await c.expect(t().db, lifter);
      for (const question of EVERY_PARAPHRASE ? c.questions : c.questions.slice(0, 1)) {
        total++;
        let answer: string;
        try {
          answer = (await ask(t().db, lifter, question, await coachFor(c, lifter))).text;
        } catch (error) {
          answer = `(error: ${(error as Error).message})`;
        }
        const problems = answer ? grade(answer, { ...check, never: [...(check.never ?? []), ...FILLER] }) : ["empty answer"];
        const s = byShape.get(c.shape) ?? { n: 0, ok: 0 };
        s.n++;
        if (problems.length === 0) s.ok++;
        byShape.set(c.shape, s);
        if (problems.length) misses.push({ lifter: c.lifter, shape: c.shape, question, problems, answer });
      }
    }
    const right = total - misses.length;
    const accuracy = right / total;
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const report = [
      `# Coach evaluation (${testBackend}${EVERY_PARAPHRASE ? "" : ", first question of each case"})`,
      ``,
      `${right} of ${total} questions right (${(accuracy * 100).toFixed(1)} %), threshold ${THRESHOLD * 100} %; ${CASES.length} cases over ${new Set(CASES.map((c) => c.shape)).size} shapes; ${seconds} s.`,
      ``,
      `| shape | right |`,
      `|---|---|`,
      ...[...byShape.entries()].map(([shape, s]) => `| ${shape} | ${s.ok}/${s.n} |`),
      ``,
      misses.length ? `## Misses` : `No misses.`,
      ...misses.flatMap((m) => [``, `### [${m.lifter}] ${m.question} (${m.shape})`, ...m.problems.map((p) => `- ${p}`), ``, "```", m.answer, "```"]),
    ].join("\n");
    fs.mkdirSync("reports", { recursive: true });
    fs.writeFileSync(REPORT, `${report}\n`);
    console.log(report);
    expect(total).toBeGreaterThanOrEqual(EVERY_PARAPHRASE ? 150 : CASES.length);
    expect(accuracy, `misses:\n${misses.map((m) => `[${m.lifter}] ${m.question}: ${m.problems.join("; ")}`).join("\n")}`).toBeGreaterThanOrEqual(
      THRESHOLD,
    );
  }, 600_000);
});
