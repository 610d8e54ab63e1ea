import { z } from "zod";
import { isYmd } from "@/lib/time/calendar";

/** Limits shared with the body_metrics CHECK constraints (db/tables/training.ts). */
export const BODY_LIMITS = { bodyweightKg: { min: 20, max: 400 }, sleepHours: { min: 0, max: 24 }, restingHr: { min: 20, max: 250 } } as const;

const optionalNumber = (label: string) =>
  z.preprocess(
    (v) => (v === "" || v === null || v === undefined ? undefined : typeof v === "string" ? Number(v.replace(",", ".")) : v),
    z
      .number({ error: `${label} must be a number.` })
      .finite(`${label} must be a number.`)
      .optional(),
  );

/**
 * One day's entry as typed: bodyweight in the user's unit (converted to kg by the caller), sleep in
 * hours, resting heart rate in beats per minute. At least one value.
 */
export const bodyMetricInputSchema = z
  .object({
    id: z.uuid().optional(),
    date: z.string().refine(isYmd, "Use a date like 2026-12-03."),
    bodyweight: optionalNumber("Bodyweight"),
    sleepHours: optionalNumber("Sleep").refine((v) => v === undefined || (v >= 0 && v <= 24), "Sleep is between 0 and 24 hours."),
    restingHr: optionalNumber("Resting heart rate").refine(
      (v) => v === undefined || (Number.isInteger(v) && v >= 20 && v <= 250),
      "Resting heart rate is a whole number between 20 and 250 bpm.",
    ),
  })
  .refine((v) => v.bodyweight !== undefined || v.sleepHours !== undefined || v.restingHr !== undefined, {
    message: "Enter at least one of bodyweight, sleep or resting heart rate.",
    path: ["bodyweight"],
  });

export type BodyMetricInput = z.output<typeof bodyMetricInputSchema>;
