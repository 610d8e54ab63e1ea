import { z } from "zod";
import { CUE_TRIGGERS } from "@/lib/cues/types";

const kg = z.number().min(0).max(2000).nullable();
const reps = z.number().int().min(0).max(1000).nullable();
const setFact = z.object({ weightKg: kg, reps, rpe: z.number().min(1).max(10).nullish() }).strict();
const label = z.string().trim().min(1).max(80);
const when = z.string().trim().max(40).nullish();

/** The facts a cue request may carry: the lifter's own workout, bounded like the training tables. */
const cueFactsSchema = z
  .object({
    unit: z.enum(["kg", "lb"]),
    firstName: z.string().trim().max(40).nullish(),
    workoutName: label.nullish(),
    exercise: z
      .object({ name: label, setNumber: z.number().int().min(1).max(100), totalSets: z.number().int().min(1).max(100), compound: z.boolean() })
      .strict()
      .nullish(),
    target: setFact.nullish(),
    lastTime: setFact.extend({ when }).nullish(),
    done: setFact.nullish(),
    previous: setFact.nullish(),
    pr: z
      .object({
        kind: z.enum(["weight", "e1rm", "reps", "volume"]),
        value: z.number().min(0).max(1_000_000),
        previous: z.number().min(0).max(1_000_000).nullable(),
        previousWhen: when,
      })
      .strict()
      .nullish(),
    restSeconds: z.number().int().min(0).max(3600).nullish(),
    strain: z
      .object({
        reason: z.enum(["rpe-rising", "reps-falling", "long-rest"]),
        from: z.number().min(0).max(100_000),
        to: z.number().min(0).max(100_000),
      })
      .strict()
      .nullish(),
    summary: z
      .object({
        sets: z.number().int().min(0).max(1000),
        volumeKg: z.number().min(0).max(10_000_000),
        prs: z.number().int().min(0).max(1000),
        minutes: z.number().int().min(0).max(1440),
        lastVolumeKg: z.number().min(0).max(10_000_000).nullish(),
      })
      .strict()
      .nullish(),
    safety: z
      .object({ avoid: z.array(z.string().max(80)).max(32), painReported: z.boolean().optional() })
      .strict()
      .nullish(),
  })
  .strict();

export const cueRequestSchema = z
  .object({
    trigger: z.enum(CUE_TRIGGERS),
    persona: z.enum(["alice", "aiden"]),
    facts: cueFactsSchema,
    seed: z.string().max(100).optional(),
  })
  .strict();

export const cueUpdateSchema = z
  .object({
    /** The cue was surfaced (toast or voice): claims it; a prefetched cue is counted then, once. */
    shown: z.literal(true).optional(),
    played: z.boolean().optional(),
    playbackStartMs: z.number().int().min(0).max(600_000).optional(),
    feedback: z.union([z.literal(-1), z.literal(1), z.null()]).optional(),
  })
  .strict();
