import { z } from "zod";
import type { SophisticationLevel } from "@/db/tables/coach";
import { checklistItem, isKnown, nextField, progressOf, remainingOptional } from "./checklist";
import { extractAnswer, type AskKey, type Extraction } from "./extract";
import { describeValue, FIELD_KEYS, valueOf, type FieldKey, type FieldMap, type FieldUpdates, type FieldValues } from "./fields";
import { LIST_FIELDS, mergeField, removeValues } from "./merge";
import { METHODOLOGIES } from "./templates/methodologies";
import type { TrainingSummary } from "./history";
import { historyQuestion, questionFor } from "./questions";
import { assess, EMPTY_SCORES, evidenceFrom, evidenceFromHistory, type Assessment } from "./sophistication";

/**
 * The interview as a pure state machine: (state, answer, extraction) → new state + the coach's
 * next message. The database layer (interviews.ts) loads and saves the state; the extraction comes
 * from the offline rules or a model; nothing here does I/O, so it is tested directly.
 */
export const turnSchema = z
  .object({
    role: z.enum(["coach", "user"]),
    text: z.string().max(4000),
    at: z.string(),
    /** Coach: the field asked. User: the field that was being asked when they answered. */
    field: z.string().nullable(),
    /** User turns: the fields this answer filled or corrected. */
    filled: z.array(z.string()).optional(),
    corrected: z.array(z.string()).optional(),
  })
  .strict();
export type Turn = z.infer<typeof turnSchema>;

export interface InterviewState {
  fields: FieldMap;
  transcript: Turn[];
  assessments: Assessment[];
  training: TrainingSummary | null;
  currentField: AskKey | null;
}

export const HISTORY_CONFIRM = "history_confirm" as const;
const ASKED_CONFIDENCE = 0.9;
const VOLUNTEERED_CONFIDENCE = 0.75;

export function currentLevel(state: Pick<InterviewState, "assessments">): SophisticationLevel {
  return state.assessments.at(-1)?.level ?? "beginner";
}

export function startState(training: TrainingSummary | null, now: Date): InterviewState {
  const at = now.toISOString();
  const fields: FieldMap = {};
  const assessments: Assessment[] = [];
  if (training) {
    fields.frequency = { value: Math.min(14, training.perWeek), source: "history", confidence: 0.8, turn: -1 };
    if (training.spanMonths >= 6) {
      fields.experienceYears = { value: Math.round((training.spanMonths / 12) * 2) / 2, source: "history", confidence: 0.6, turn: -1 };
    }
    assessments.push(assess(EMPTY_SCORES, evidenceFromHistory(training), -1, now));
  }
  const state: InterviewState = { fields, transcript: [], assessments, training, currentField: null };
  const intro =
    "Hi! I'll ask a few quick questions to build a coach that fits you — about three minutes. Answer in your own words; " +
    "you can mention several things at once, skip optional questions, pause and come back, or finish early.";
  state.transcript.push({ role: "coach", text: intro, at, field: null });
  const first: AskKey | null = training ? HISTORY_CONFIRM : nextField(fields, currentLevel(state));
  state.currentField = first;
  if (first) state.transcript.push({ role: "coach", text: questionText(first, state), at, field: first });
  return state;
}

export function questionText(key: AskKey, state: InterviewState): string {
  if (key === HISTORY_CONFIRM) return state.training ? historyQuestion(state.training) : "";
  const implied = state.fields.methodology;
  if (key === "methodology" && implied?.source === "implied" && typeof implied.value === "string" && implied.value in METHODOLOGIES) {
    const m = METHODOLOGIES[implied.value as keyof typeof METHODOLOGIES];
    const why = m.id === "peaking" ? "You're preparing for a meet, so I'd run a" : "For your goals I'd run";
    return `${why} ${m.label.toLowerCase()}: ${m.summary.charAt(0).toLowerCase()}${m.summary.slice(1)} Shall I — or do you run something else (RPE blocks, conjugate, 5/3/1, hypertrophy blocks)?`;
  }
  const q = questionFor(key, currentLevel(state));
  return checklistItem(key).required ? q : `${q}`;
}

function defaultValue<K extends FieldKey>(key: K, level: SophisticationLevel, units: "kg" | "lb" = "kg"): FieldValues[K] | undefined {
  const d: Partial<FieldValues> = {
    goals: ["general_fitness"],
    experienceYears: level === "advanced" ? 5 : level === "intermediate" ? 2 : 0,
    frequency: 3,
    injuries: [],
    equipment: "full_gym",
    coachingStyle: "balanced",
    voice: "alice",
    units,
  };
  return d[key] as FieldValues[K] | undefined;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export interface AnswerOutcome {
  state: InterviewState;
  filled: FieldKey[];
  corrected: FieldKey[];
  /** The interview has nothing more to ask. */
  done: boolean;
}

/** Applies one answer. `extraction` is for `text` with the current question (offline rules or a model). */
export function applyAnswer(
  prev: InterviewState,
  text: string,
  extraction: Extraction,
  now: Date,
  opts: { units?: "kg" | "lb" } = {},
): AnswerOutcome {
  const at = now.toISOString();
  const state: InterviewState = { ...prev, fields: { ...prev.fields }, transcript: [...prev.transcript], assessments: [...prev.assessments] };
  const asking = prev.currentField;
  const turn = state.transcript.length;
  const filled: FieldKey[] = [];
  const corrected: FieldKey[] = [];
  const notes: string[] = [];

  const correcting = new Set<FieldKey>(extraction.corrects ?? []);
  const conflicts: string[] = [];
  /**
   * Merge rules (the same for the offline rules and a model): an answer adds to a field; it
   * replaces an earlier answer only when the lifter corrects that field. A different value for a
   * single-valued field without a correction keeps the earlier answer and says so.
   */
  const put = (updates: FieldUpdates) => {
    for (const key of FIELD_KEYS) {
      if (!(key in updates)) continue;
      const before = state.fields[key];
      const answered = before?.source === "answer";
      const merged = mergeField(key, answered ? before.value : undefined, updates[key], {
        correcting: correcting.has(key),
        removes: (extraction.removes as Record<string, unknown[]> | undefined)?.[key] as never,
      });
      if (merged.conflict) {
        conflicts.push(`You told me ${describeValue(key, before!.value as never)} earlier, so I kept that — if it has changed, say “actually …”.`);
        continue;
      }
      const value = merged.value;
      if (before && before.source === "answer" && same(before.value, value)) continue;
      if (value === undefined) {
        delete state.fields[key];
        corrected.push(key);
        continue;
      }
      if (
        before &&
        (before.source === "answer" || before.source === "history") &&
        !same(before.value, value) &&
        (merged.replaced || before.source === "history")
      )
        corrected.push(key);
      state.fields[key] = { value, source: "answer", confidence: key === asking ? ASKED_CONFIDENCE : VOLUNTEERED_CONFIDENCE, turn };
      filled.push(key);
    }
    // Take-backs with nothing new ("scratch the fat loss"): only for fields the lifter corrects.
    for (const key of LIST_FIELDS) {
      const removes = (extraction.removes as Record<string, unknown[]> | undefined)?.[key];
      if (key in updates || !removes?.length || !correcting.has(key)) continue;
      const before = state.fields[key];
      if (before?.source !== "answer") continue;
      const value = removeValues(key, before.value, removes);
      if (same(value, before.value)) continue;
      if (value === undefined) delete state.fields[key];
      else state.fields[key] = { ...before, value, turn };
      corrected.push(key);
      if (value !== undefined) filled.push(key);
    }
  };
  const fallback = (key: FieldKey, why: string) => {
    const item = checklistItem(key);
    const value = item.required ? defaultValue(key, currentLevel(state), opts.units) : undefined;
    state.fields[key] =
      value !== undefined ? { value, source: "default", confidence: 0.3, turn } : { value: null, source: "skipped", confidence: 0, turn };
    notes.push(
      value !== undefined ? `${why} I'll go with ${describeValue(key, value as never)} for now — you can change it on your coach card.` : why,
    );
  };

  if (asking === HISTORY_CONFIRM) {
    if (extraction.affirm === true) {
      for (const key of FIELD_KEYS) {
        const e = state.fields[key];
        if (e?.source === "history") state.fields[key] = { ...e, confirmed: true, confidence: 0.95 };
      }
      notes.push("Great, I'll build on your log.");
    }
    put(extraction.updates);
    if (extraction.affirm === false && filled.length === 0) {
      for (const key of FIELD_KEYS) if (state.fields[key]?.source === "history") delete state.fields[key];
      notes.push("No problem — I'll ask instead.");
    }
  } else if (asking && extraction.alreadyTold && !(asking in extraction.updates)) {
    put(extraction.updates);
    // Honour "I already told you": look for it in the earlier answers, never ask again.
    let found = false;
    for (let i = state.transcript.length - 1; i >= 0 && !found; i--) {
      const t = state.transcript[i];
      if (t.role !== "user") continue;
      const again = extractAnswer(t.text, { asking });
      if (asking in again.updates) {
        put({ [asking]: again.updates[asking as FieldKey] } as FieldUpdates);
        found = true;
      }
    }
    if (found) notes.push("You're right, you did — sorry about that.");
    else fallback(asking, "Sorry, I missed it.");
  } else {
    put(extraction.updates);
    const implied = prev.fields.methodology?.source === "implied" ? prev.fields.methodology : null;
    if (asking === "methodology" && implied) {
      const chosen = state.fields.methodology;
      const noPreference = chosen?.source === "answer" && chosen.value === "none";
      if (noPreference || (chosen?.source === "implied" && (extraction.affirm === true || extraction.skip || failedBefore(prev, asking)))) {
        const sayYes = noPreference || extraction.affirm === true;
        state.fields.methodology = { value: implied.value, source: sayYes ? "answer" : "default", confidence: sayYes ? ASKED_CONFIDENCE : 0.5, turn };
        if (!filled.includes("methodology")) filled.push("methodology");
      }
    }
    if (asking && !isKnown(state.fields, asking as FieldKey) && state.fields[asking as FieldKey]?.source !== "implied") {
      if (extraction.skip) fallback(asking, checklistItem(asking).required ? "No problem." : "Skipped.");
      else if (failedBefore(prev, asking)) fallback(asking, "Let's not get stuck on this one.");
    }
  }

  // A methodology the answers imply (peaking for a meet) is suggested, then asked, never assumed.
  const impliedMethod = extraction.implied?.methodology;
  if (impliedMethod && (!state.fields.methodology || state.fields.methodology.source === "implied")) {
    state.fields.methodology = { value: impliedMethod, source: "implied", confidence: 0.5, turn };
  }

  // Sophistication: every answer is assessed, with the evidence it gave.
  const applied: FieldUpdates = {};
  for (const k of filled) (applied as Record<string, unknown>)[k] = state.fields[k]!.value;
  const previous = state.assessments.at(-1)?.scores ?? EMPTY_SCORES;
  state.assessments.push(assess(previous, evidenceFrom(text, applied), turn, now));

  state.transcript.push({ role: "user", text: text.slice(0, 4000), at, field: asking, filled, ...(corrected.length ? { corrected } : {}) });

  const askedStill = asking && asking !== HISTORY_CONFIRM && !isKnown(state.fields, asking) ? asking : null;
  const next: AskKey | null = askedStill ?? nextField(state.fields, currentLevel(state));
  state.currentField = next;

  const ack = acknowledgement(state.fields, filled, corrected, asking);
  const parts = [ack, ...notes, ...conflicts].filter(Boolean);
  if (askedStill && !extraction.skip) parts.push(filled.length ? "" : "Sorry, I didn't quite catch that.");
  if (next) {
    const progress = progressOf(state.fields);
    if (
      progress.filled === progress.total &&
      !checklistItem(next as FieldKey).required &&
      !prev.transcript.some((t) => t.role === "coach" && t.field && t.field !== HISTORY_CONFIRM && !checklistItem(t.field as FieldKey).required)
    ) {
      const n = remainingOptional(state.fields, currentLevel(state));
      parts.push(
        `That's all I need for your coach. ${n} optional question${n === 1 ? "" : "s"} left to fine-tune it — answer or skip them, or press “Finish now”.`,
      );
    }
    parts.push(questionText(next, state));
  } else {
    parts.push("That's everything I need — building your coach now.");
  }
  state.transcript.push({ role: "coach", text: parts.filter(Boolean).join(" "), at, field: next });
  return { state, filled, corrected, done: next === null };
}

/** The previous answer to this same question filled nothing either. */
function failedBefore(state: InterviewState, key: FieldKey): boolean {
  const lastUser = [...state.transcript].reverse().find((t) => t.role === "user");
  return Boolean(lastUser && lastUser.field === key && (lastUser.filled?.length ?? 0) === 0);
}

function acknowledgement(fields: FieldMap, filled: FieldKey[], corrected: FieldKey[], asking: AskKey | null): string {
  if (filled.length === 0) return "";
  const said = (k: FieldKey) => {
    const v = valueOf(fields, k);
    return v === undefined ? null : describeValue(k, v as never);
  };
  const changes = corrected.map(said).filter(Boolean);
  const others = filled
    .filter((k) => !corrected.includes(k))
    .map(said)
    .filter(Boolean);
  const out: string[] = [];
  if (changes.length) out.push(`Updated: ${changes.join("; ")}.`);
  if (others.length) out.push(`Got it — ${others.join("; ")}.`);
  if (asking && filled.length > 1 && !corrected.length) out.push("That covers a few of my questions already.");
  return out.join(" ");
}

/** Finish now: fill what is missing among the required fields with sensible defaults. */
export function finishEarly(prev: InterviewState, now: Date, opts: { units?: "kg" | "lb" } = {}): { state: InterviewState; defaulted: FieldKey[] } {
  const state: InterviewState = { ...prev, fields: { ...prev.fields }, transcript: [...prev.transcript] };
  const level = currentLevel(state);
  const defaulted: FieldKey[] = [];
  for (const key of FIELD_KEYS) {
    if (state.fields[key] || !checklistItem(key).required) continue;
    const value = defaultValue(key, level, opts.units);
    if (value === undefined) continue;
    state.fields[key] = { value, source: "default", confidence: 0.3, turn: state.transcript.length };
    defaulted.push(key);
  }
  const text = defaulted.length
    ? `Finishing here. I used sensible defaults for what we didn't cover (${defaulted.map((k) => checklistItem(k).label.toLowerCase()).join(", ")}); you can change them on your coach card.`
    : "Finishing here — I have what I need.";
  state.transcript.push({ role: "coach", text, at: now.toISOString(), field: null });
  state.currentField = null;
  return { state, defaulted };
}
