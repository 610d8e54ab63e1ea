import { z } from "zod";
import { addDays, daysBetween } from "@/lib/time/calendar";

/**
 * A programme: weeks × days × exercises, each with sets, reps and an intensity (%e1RM or RPE).
 * Pure (no database): the trainer's form, the roster's schedule and "today" all read it.
 */

const intensitySchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("e1rm"), percent: z.number().min(20).max(110) }),
  z.object({ kind: z.literal("rpe"), rpe: z.number().min(5).max(10) }),
  z.object({ kind: z.literal("none") }),
]);
const prescriptionSchema = z.object({
  exercise: z.string().trim().min(1).max(100),
  sets: z.number().int().min(1).max(20),
  reps: z.number().int().min(1).max(100),
  intensity: intensitySchema,
});
const programmeDaySchema = z.object({ name: z.string().trim().min(1).max(60), exercises: z.array(prescriptionSchema).min(1).max(20) });
const programmeWeekSchema = z.object({ days: z.array(programmeDaySchema).min(1).max(7) });
export const programmeBodySchema = z.object({ weeks: z.array(programmeWeekSchema).min(1).max(24) });

export type Prescription = z.infer<typeof prescriptionSchema>;
export type ProgrammeDay = z.infer<typeof programmeDaySchema>;
export type ProgrammeBody = z.infer<typeof programmeBodySchema>;

export class ProgrammeTextError extends Error {}

const PRESCRIPTION = /^(.+?)\s+(\d{1,2})\s*[x×]\s*(\d{1,3})(?:\s*@\s*(?:(\d{2,3}(?:\.\d)?)\s*%|rpe\s*(\d{1,2}(?:\.\d)?)))?$/i;

function parsePrescription(text: string, where: string): Prescription {
  const m = PRESCRIPTION.exec(text.trim());
  if (!m)
    throw new ProgrammeTextError(
      `${where}: write each exercise as "Back squat 5x5 @75%" or "Bench press 3x8 @RPE 8" (got "${text.trim().slice(0, 60)}").`,
    );
  const intensity = m[4]
    ? { kind: "e1rm" as const, percent: Number(m[4]) }
    : m[5]
      ? { kind: "rpe" as const, rpe: Number(m[5]) }
      : { kind: "none" as const };
  const parsed = prescriptionSchema.safeParse({ exercise: m[1], sets: Number(m[2]), reps: Number(m[3]), intensity });
  if (!parsed.success) throw new ProgrammeTextError(`${where}: ${text.trim().slice(0, 60)} — sets 1–20, reps 1–100, 20–110 % or RPE 5–10.`);
  return parsed.data;
}

/**
 * The trainer's simple form: one day per line, "Day name: exercise 5x5 @75%, exercise 3x8 @RPE 8".
 * "Week N" lines start a new week; without them the days repeat for `weeks` weeks.
 */
export function parseProgrammeText(text: string, weeks: number): ProgrammeBody {
  const out: ProgrammeDay[][] = [];
  let current: ProgrammeDay[] | null = null;
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  lines.forEach((line, i) => {
    if (!line) return;
    if (/^week\s*\d+\s*:?$/i.test(line)) {
      current = [];
      out.push(current);
      return;
    }
    const colon = line.indexOf(":");
    if (colon < 1) throw new ProgrammeTextError(`Line ${i + 1}: start a day with its name and a colon, e.g. "Day A: Back squat 5x5 @75%".`);
    const name = line.slice(0, colon).trim().slice(0, 60);
    const items = line
      .slice(colon + 1)
      .split(/[,;]/)
      .map((s) => s.trim())
      .filter(Boolean);
    if (items.length === 0) throw new ProgrammeTextError(`Line ${i + 1}: "${name}" has no exercises.`);
    if (!current) {
      current = [];
      out.push(current);
    }
    current.push({ name, exercises: items.map((it) => parsePrescription(it, `Line ${i + 1}`)) });
  });
  if (out.length === 0) throw new ProgrammeTextError("Write at least one day.");
  const body = { weeks: out.length === 1 ? Array.from({ length: weeks }, () => ({ days: out[0] })) : out.map((days) => ({ days })) };
  const parsed = programmeBodySchema.safeParse(body);
  if (!parsed.success) throw new ProgrammeTextError("A programme has 1–24 weeks of 1–7 days with up to 20 exercises each.");
  return parsed.data;
}

export function formatPrescription(p: Prescription): string {
  const i = p.intensity.kind === "e1rm" ? ` @${p.intensity.percent}%` : p.intensity.kind === "rpe" ? ` @RPE ${p.intensity.rpe}` : "";
  return `${p.exercise} ${p.sets}x${p.reps}${i}`;
}

/** The programme back as the form's text (week headers only when weeks differ). */
export function programmeToText(body: ProgrammeBody): string {
  const lines = (days: ProgrammeDay[]) => days.map((d) => `${d.name}: ${d.exercises.map(formatPrescription).join(", ")}`);
  const same = body.weeks.every((w) => JSON.stringify(w.days) === JSON.stringify(body.weeks[0].days));
  if (same) return lines(body.weeks[0].days).join("\n");
  return body.weeks.flatMap((w, i) => [`Week ${i + 1}`, ...lines(w.days)]).join("\n");
}

export function daysPerWeekOf(body: ProgrammeBody): number {
  return Math.max(...body.weeks.map((w) => w.days.length));
}

/** Day k of n in a week falls on offset ⌊k·7/n⌋ from the week's start (3 days: +0, +2, +4). */
function dayOffset(k: number, n: number): number {
  return Math.floor((k * 7) / n);
}

export interface ScheduledDay {
  date: string;
  week: number;
  dayIndex: number;
  day: ProgrammeDay;
}

/** Every training day of an assignment started on `startDate` (YYYY-MM-DD), in order. */
export function schedule(body: ProgrammeBody, startDate: string): ScheduledDay[] {
  const out: ScheduledDay[] = [];
  body.weeks.forEach((w, wi) => {
    w.days.forEach((day, di) => out.push({ date: addDays(startDate, wi * 7 + dayOffset(di, w.days.length)), week: wi + 1, dayIndex: di, day }));
  });
  return out;
}

/** The scheduled day on `date`, or null (rest day, not started, finished). */
export function scheduledOn(body: ProgrammeBody, startDate: string, date: string): ScheduledDay | null {
  const d = daysBetween(startDate, date);
  if (d < 0 || d >= body.weeks.length * 7) return null;
  return schedule(body, startDate).find((s) => s.date === date) ?? null;
}

/** Training days scheduled in [from, to] (inclusive). */
export function assignedBetween(body: ProgrammeBody, startDate: string, from: string, to: string): string[] {
  return schedule(body, startDate)
    .map((s) => s.date)
    .filter((d) => d >= from && d <= to);
}
