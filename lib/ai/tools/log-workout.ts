import { tool } from "ai";
import { z } from "zod";
import { SET_TYPES } from "@/lib/workouts/constants";
import { localDate, zonedTime } from "@/lib/time/zone";
import { parseWorkoutText } from "@/lib/workout-text/parse";
import { sessionName } from "@/lib/workout-text/session-name";
import { loadRecentSessions } from "@/lib/workout-text/recent";
import { resolveDraftNames } from "@/lib/workout-text/resolve-names";
import { workoutDraftSchema, type DraftWorkout, type WorkoutDraft } from "@/lib/workout-text/types";
import { weightToKg } from "@/lib/workout-text/units";
import { formatWeight, type Unit } from "@/lib/units";
import type { CoachToolContext } from "./context";

const modelSet = z
  .object({
    reps: z.number().int().min(0).max(1000).nullable().optional(),
    weight: z.number().min(0).max(4000).nullable().optional().describe("in `unit` (default: the user's unit)"),
    unit: z.enum(["kg", "lb"]).optional(),
    setType: z.enum(SET_TYPES).optional(),
    rpe: z.number().min(1).max(10).nullable().optional(),
    durationSeconds: z.number().int().min(0).max(86_400).nullable().optional(),
    distanceM: z.number().min(0).max(1_000_000).nullable().optional(),
  })
  .strict();

/** The draft as a model writes it: weights in the user's (or the stated) unit, dates as YYYY-MM-DD. */
const modelDraftSchema = z
  .object({
    workouts: z
      .array(
        z
          .object({
            date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
            name: z.string().min(1).max(200).optional(),
            exercises: z
              .array(z.object({ name: z.string().min(1).max(120), sets: z.array(modelSet).min(1).max(100) }).strict())
              .min(1)
              .max(50),
          })
          .strict(),
      )
      .min(1)
      .max(14),
  })
  .strict();
export type ModelDraft = z.infer<typeof modelDraftSchema>;

const logWorkoutInput = z
  .object({
    text: z.string().min(1).max(4000).optional().describe("The user's description of the workout(s), verbatim."),
    draft: modelDraftSchema.optional().describe("Your structured reading of the text; omit it to let the server's parser read `text`."),
  })
  .strict()
  .refine((v) => v.text !== undefined || v.draft !== undefined, { message: "Give the text, a draft, or both." });

export type LogWorkoutOutput =
  { status: "draft"; draft: WorkoutDraft; summary: string } | { error: "not_understood" | "invalid_draft"; reason: string; warnings?: string[] };

export function logWorkoutTool(ctx: CoachToolContext) {
  return tool({
    description:
      "Prepare a workout the user described for logging. Nothing is saved: the user sees a confirmation card and saves it there. " +
      "Pass the user's words as `text`; add `draft` when you have structured it yourself.",
    inputSchema: logWorkoutInput,
    execute: async ({ text, draft }): Promise<LogWorkoutOutput> => {
      await ctx.assertUser();
      const { units, timeZone } = await ctx.userSettings();
      const now = ctx.now();
      let parsed: WorkoutDraft;
      if (draft) {
        const converted = fromModelDraft(draft, { units, timeZone, now });
        if ("error" in converted) return converted;
        parsed = text ? crossCheck(converted, parseWorkoutText(text, { unit: units, now, timeZone })) : converted;
      } else {
        const recent = await loadRecentSessions(ctx.opts.db, ctx.opts.userId, now);
        parsed = parseWorkoutText(text!, { unit: units, now, timeZone, recent });
      }
      if (parsed.workouts.length === 0) {
        return {
          error: "not_understood",
          reason: "No exercise with sets was found. Example: 'bench 3x8 @ 60kg, squat 5/5/5 at 100'.",
          ...(parsed.warnings.length ? { warnings: parsed.warnings } : {}),
        };
      }
      const resolved = await resolveDraftNames(ctx.opts.db, ctx.opts.userId, parsed);
      return { status: "draft", draft: resolved, summary: summariseDraft(resolved, units) };
    },
  });
}

export function fromModelDraft(
  draft: ModelDraft,
  opts: { units: Unit; timeZone: string; now: Date },
): WorkoutDraft | { error: "invalid_draft"; reason: string } {
  const today = localDate(opts.now, opts.timeZone);
  const workouts: DraftWorkout[] = [];
  for (const w of draft.workouts) {
    if (w.date > today) return { error: "invalid_draft", reason: `${w.date} is in the future; only past or today's workouts can be logged.` };
    const exercises = w.exercises.map((e) => ({
      input: e.name,
      name: e.name,
      // distance covered, no reps or load: a cardio entry (a timed plank is not)
      ...(e.sets.every((s) => s.reps == null && s.weight == null) && e.sets.some((s) => s.distanceM != null) ? { cardio: true } : {}),
      sets: e.sets.map((s) => ({
        setType: s.setType ?? "normal",
        reps: s.reps ?? null,
        weightKg: s.weight === null || s.weight === undefined ? null : weightToKg(s.weight, s.unit ?? opts.units),
        rpe: s.rpe ?? null,
        durationSeconds: s.durationSeconds ?? null,
        distanceM: s.distanceM ?? null,
      })),
    }));
    const startedAt = w.date === today ? opts.now : zonedTime(w.date, 12, 0, opts.timeZone);
    workouts.push({
      date: w.date,
      startedAt: startedAt.toISOString(),
      name: w.name ?? sessionName(exercises.map((e) => e.name)),
      exercises,
    });
  }
  const candidate = { workouts, unit: opts.units, warnings: [] };
  const checked = workoutDraftSchema.safeParse(candidate);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    return { error: "invalid_draft", reason: `${issue.path.join(".")}: ${issue.message}` };
  }
  return checked.data;
}

const setCount = (d: WorkoutDraft) => d.workouts.reduce((n, w) => n + w.exercises.reduce((m, e) => m + e.sets.length, 0), 0);

/**
 * The model's structured reading is checked against the grammar's reading of the same words: when
 * they disagree on the number of sets, or the grammar found something it could not use, the card
 * says so instead of silently trusting either.
 */
export function crossCheck(model: WorkoutDraft, grammar: WorkoutDraft): WorkoutDraft {
  const warnings = [...model.warnings];
  const a = setCount(model);
  const b = setCount(grammar);
  if (grammar.workouts.length > 0 && a !== b) {
    warnings.push(`Your message reads as ${b} set${b === 1 ? "" : "s"}, but this draft holds ${a} — check the sets below.`);
  }
  for (const w of grammar.warnings) if (/^Not logged|can't be negative|more than/.test(w) && !warnings.includes(w)) warnings.push(w);
  return { ...model, warnings: warnings.slice(0, 50) };
}

/** One line per workout for the model to confirm back: "2026-11-26 — Bench Press (Barbell): 3 sets, top 60 kg". */
function summariseDraft(draft: WorkoutDraft, unit: Unit): string {
  return draft.workouts
    .map((w) => {
      const parts = w.exercises.map((e) => {
        const top = Math.max(...e.sets.map((s) => s.weightKg ?? 0));
        const detail = e.cardio
          ? e.sets
              .map((s) =>
                [s.distanceM ? `${s.distanceM} m` : "", s.durationSeconds ? formatSeconds(s.durationSeconds) : ""].filter(Boolean).join(" in "),
              )
              .join(", ")
          : `${e.sets.length} set${e.sets.length === 1 ? "" : "s"}${top > 0 ? `, top ${formatWeight(top, unit)}` : ""}`;
        return `${e.name}${e.known === false ? " (new exercise)" : ""}: ${detail}`;
      });
      return `${w.date} — ${parts.join("; ")}`;
    })
    .join("\n");
}

function formatSeconds(total: number): string {
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${String(s).padStart(2, "0")}` : `${m}:${String(s).padStart(2, "0")}`;
}
