import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { LanguageModelV3CallOptions, LanguageModelV3GenerateResult } from "@ai-sdk/provider";
import { MockLanguageModelV3 } from "ai/test";
import { afterAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createModelExtractor, modelExtractionSchema, type Extractor } from "@/lib/coach/ai-extract";
import { coachCardSchema, type CoachCard } from "@/lib/coach/card";
import { applyAnswer, currentLevel, finishEarly, questionText, startState, type InterviewState } from "@/lib/coach/engine";
import { extractAnswer } from "@/lib/coach/extract";
import { valueOf, type FieldKey } from "@/lib/coach/fields";
import { generateCoachCard } from "@/lib/coach/generate";
import { personaFromCard } from "@/lib/coach/persona";

/**
 * Interview transcripts (tests/coach-transcripts/*.json): a lifter's answers, in order, and what the
 * finished coach card must say. Each transcript runs twice: through the offline extractor, and
 * through the model extractor with a mock model that reports the same facts as structured output
 * (the model path must produce the same card — merge rules live in the engine, not the extractor).
 */
const DIR = path.join(__dirname, "coach-transcripts");
const NOW = new Date("2026-11-26T10:00:00Z");

const ruleSchema = z
  .object({ movement: z.string(), scope: z.string().optional(), origin: z.string().optional(), source: z.string().optional() })
  .strict();
const injurySchema = z
  .object({ area: z.string(), side: z.string().nullable().optional(), status: z.string().optional(), condition: z.string().optional() })
  .strict();
const transcriptSchema = z
  .object({
    id: z.string(),
    about: z.string(),
    answers: z.array(z.union([z.string(), z.object({ ask: z.string(), say: z.string() }).strict()])).min(1),
    expect: z
      .object({
        level: z.enum(["beginner", "intermediate", "advanced"]).optional(),
        goals: z.array(z.string()).optional(),
        goalsInclude: z.array(z.string()).optional(),
        goalsExclude: z.array(z.string()).optional(),
        methodology: z.string().optional(),
        methodologyNot: z.array(z.string()).optional(),
        injuries: z.array(injurySchema).optional(),
        rules: z.array(ruleSchema).optional(),
        exactRules: z.boolean().optional(),
        forbidRules: z.array(z.string()).optional(),
        forbidAreas: z.array(z.string()).optional(),
        fields: z.record(z.string(), z.unknown()).optional(),
        favorites: z.array(z.string()).optional(),
        disliked: z.array(z.string()).optional(),
        corrected: z.array(z.string()).optional(),
        neverCorrected: z.array(z.string()).optional(),
        asked: z.array(z.string()).optional(),
        notAsked: z.array(z.string()).optional(),
        coachSays: z.array(z.string()).optional(),
        chatAvoids: z.array(z.string()).optional(),
        chatAllows: z.array(z.string()).optional(),
      })
      .strict(),
  })
  .strict();
type Transcript = z.infer<typeof transcriptSchema>;

const transcripts: Transcript[] = readdirSync(DIR)
  .filter((f) => f.endsWith(".json"))
  .sort()
  .flatMap((f) => z.array(transcriptSchema).parse(JSON.parse(readFileSync(path.join(DIR, f), "utf8"))));

async function run(t: Transcript, extractor: Extractor): Promise<{ state: InterviewState; card: CoachCard }> {
  let state = startState(null, NOW);
  for (const a of t.answers) {
    const say = typeof a === "string" ? a : a.say;
    if (typeof a !== "string") expect(state.currentField, `${t.id}: asked before “${say}”`).toBe(a.ask);
    if (state.currentField === null) break;
    const extraction = await extractor(say, { asking: state.currentField, question: questionText(state.currentField, state) });
    state = applyAnswer(state, say, extraction, NOW).state;
  }
  if (state.currentField !== null) state = finishEarly(state, NOW).state;
  const card = generateCoachCard({ fields: state.fields, level: currentLevel(state), training: null, transcript: state.transcript });
  return { state, card: coachCardSchema.parse(card) };
}

function check(t: Transcript, state: InterviewState, card: CoachCard) {
  const e = t.expect;
  const why = (what: string) => `${t.id}: ${what}`;
  if (e.level) expect(card.athlete.level, why("level")).toBe(e.level);
  if (e.goals) expect([...card.athlete.goals].sort(), why("goals")).toEqual([...e.goals].sort());
  for (const g of e.goalsInclude ?? []) expect(card.athlete.goals, why(`goal ${g}`)).toContain(g);
  for (const g of e.goalsExclude ?? []) expect(card.athlete.goals, why(`no goal ${g}`)).not.toContain(g);
  if (e.methodology) expect(card.methodology.template, why("methodology")).toBe(e.methodology);
  for (const m of e.methodologyNot ?? []) expect(card.methodology.template, why(`methodology not ${m}`)).not.toBe(m);

  const injuries = valueOf(state.fields, "injuries") ?? [];
  if (e.injuries) {
    expect(injuries.map((i) => i.area).sort(), why("injury areas")).toEqual(e.injuries.map((i) => i.area).sort());
    for (const want of e.injuries) {
      const got = injuries.find((i) => i.area === want.area)!;
      if (want.side !== undefined) expect(got.side, why(`${want.area} side`)).toBe(want.side);
      if (want.status) expect(got.status, why(`${want.area} status`)).toBe(want.status);
      if (want.condition) expect(got.condition ?? "", why(`${want.area} condition`)).toContain(want.condition);
    }
  }
  for (const a of e.forbidAreas ?? [])
    expect(
      injuries.map((i) => i.area),
      why(`no injury area ${a}`),
    ).not.toContain(a);

  const rules = card.safety.avoid;
  for (const want of e.rules ?? []) {
    const got = rules.find((r) => r.movement === want.movement);
    expect(got, why(`rule ${want.movement} in ${JSON.stringify(rules.map((r) => `${r.scope}:${r.movement}`))}`)).toBeDefined();
    if (want.scope) expect(got!.scope, why(`${want.movement} scope`)).toBe(want.scope);
    if (want.origin) expect(got!.origin, why(`${want.movement} origin`)).toBe(want.origin);
    if (want.source) expect(got!.source ?? "", why(`${want.movement} source`)).toContain(want.source);
  }
  if (e.exactRules) expect(rules.map((r) => r.movement).sort(), why("exactly these rules")).toEqual((e.rules ?? []).map((r) => r.movement).sort());
  for (const f of e.forbidRules ?? []) {
    const re = new RegExp(f, "i");
    expect(
      rules.filter((r) => re.test(r.movement)).map((r) => r.movement),
      why(`no rule matching /${f}/`),
    ).toEqual([]);
  }
  // Every rule shows where it came from (a dislike may have no quote only when it came from nowhere).
  for (const r of rules) {
    expect(r.origin, why(`${r.movement} has an origin`)).not.toBeNull();
    if (r.origin !== "disliked") expect(r.source, why(`${r.movement} has a source`)).toBeTruthy();
  }

  for (const [k, v] of Object.entries(e.fields ?? {})) expect(valueOf(state.fields, k as FieldKey), why(`field ${k}`)).toEqual(v);
  for (const f of e.favorites ?? []) expect(card.athlete.favoriteMovements, why(`favourite ${f}`)).toContain(f);
  for (const d of e.disliked ?? []) expect(valueOf(state.fields, "dislikedMovements") ?? [], why(`disliked ${d}`)).toContain(d);

  const correctedAll = state.transcript.flatMap((x) => x.corrected ?? []);
  for (const c of e.corrected ?? []) expect(correctedAll, why(`corrected ${c}`)).toContain(c);
  for (const c of e.neverCorrected ?? []) expect(correctedAll, why(`never corrected ${c}`)).not.toContain(c);
  const asked = state.transcript.filter((x) => x.role === "coach").map((x) => x.field);
  for (const a of e.asked ?? []) expect(asked, why(`asked ${a}`)).toContain(a);
  for (const a of e.notAsked ?? []) expect(asked, why(`not asked ${a}`)).not.toContain(a);
  const coachText = state.transcript
    .filter((x) => x.role === "coach")
    .map((x) => x.text)
    .join("\n");
  for (const s of e.coachSays ?? []) expect(coachText, why(`coach says /${s}/`)).toMatch(new RegExp(s, "i"));

  const persona = personaFromCard(card);
  for (const m of e.chatAvoids ?? []) expect(persona.avoid ?? [], why(`chat avoids ${m}`)).toContain(m);
  for (const m of e.chatAllows ?? [])
    expect(
      (persona.avoid ?? []).filter((a) => a.toLowerCase().includes(m.toLowerCase())),
      why(`chat allows ${m}`),
    ).toEqual([]);
}

// ---- the model path: a mock model that states the same facts as structured output -------------

const usage = {
  inputTokens: { total: 10, noCache: 10, cacheRead: undefined, cacheWrite: undefined },
  outputTokens: { total: 10, text: 10, reasoning: undefined },
};
const nulls = Object.fromEntries(Object.keys(modelExtractionSchema.shape).map((k) => [k, null]));

function mirrorModel(): MockLanguageModelV3 {
  return new MockLanguageModelV3({
    doGenerate: async (opts: LanguageModelV3CallOptions): Promise<LanguageModelV3GenerateResult> => {
      const prompt = JSON.stringify(opts.prompt);
      const asking = /Field being asked: (\w+)/.exec(prompt)?.[1];
      const answer = JSON.parse(`"${/Answer: ((?:[^"\\]|\\.)*)"/.exec(prompt)![1]}"`) as string;
      const x = extractAnswer(answer, { asking: asking === "none" ? null : (asking as FieldKey) });
      const body = {
        ...nulls,
        ...x.updates,
        alreadyTold: x.alreadyTold,
        skip: x.skip,
        affirm: x.affirm,
        corrects: x.corrects,
        removedGoals: x.removes.goals ?? [],
      };
      return { content: [{ type: "text", text: JSON.stringify(body) }], finishReason: { unified: "stop", raw: undefined }, usage, warnings: [] };
    },
  });
}

const results: { id: string; path: string; ok: boolean }[] = [];
afterAll(() => {
  const offline = results.filter((r) => r.path === "offline");
  const passed = offline.filter((r) => r.ok).length;
  console.log(
    `coach transcripts: ${passed}/${offline.length} pass offline, ${results.filter((r) => r.path === "model" && r.ok).length}/${results.filter((r) => r.path === "model").length} through the model path`,
  );
});

describe("coach interview transcripts", () => {
  it("has at least 40 transcripts with unique ids", () => {
    expect(transcripts.length).toBeGreaterThanOrEqual(40);
    expect(new Set(transcripts.map((t) => t.id)).size).toBe(transcripts.length);
  });

  for (const t of transcripts) {
    it(`${t.id} — ${t.about}`, async () => {
      let ok = false;
      try {
        const { state, card } = await run(t, async (text, ctx) => extractAnswer(text, { asking: ctx.asking }));
        check(t, state, card);
        ok = true;
      } finally {
        results.push({ id: t.id, path: "offline", ok });
      }
    });
  }

  for (const t of transcripts) {
    it(`model path: ${t.id}`, async () => {
      let ok = false;
      try {
        const { state, card } = await run(t, createModelExtractor(mirrorModel()));
        check(t, state, card);
        ok = true;
      } finally {
        results.push({ id: t.id, path: "model", ok });
      }
    });
  }
});
