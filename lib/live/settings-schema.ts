import { z } from "zod";

/** Live-mode settings as the settings form sends them (weights in the lifter's unit; the server stores kg). */
export const liveSettingsInputSchema = z.object({
  restCompoundSeconds: z.coerce.number().int().min(0).max(1800),
  restAccessorySeconds: z.coerce.number().int().min(0).max(1800),
  restEndSignal: z.enum(["voice", "beep", "vibrate"]),
  bar: z.coerce.number().min(0).max(220),
  /** Comma-separated plate weights, e.g. "25, 20, 15, 10, 5, 2.5, 1.25". */
  plates: z
    .string()
    .trim()
    .max(200)
    .transform((s, ctx) => {
      const out = s
        .split(/[,\s]+/)
        .filter(Boolean)
        .map(Number);
      if (out.some((n) => !Number.isFinite(n) || n <= 0 || n > 100) || out.length > 20) {
        ctx.addIssue({ code: "custom", message: "List up to 20 plate weights separated by commas, e.g. 20, 10, 5, 2.5." });
        return z.NEVER;
      }
      return [...new Set(out)].sort((a, b) => b - a);
    }),
  persona: z.enum(["auto", "alice", "aiden"]),
});
export type LiveSettingsInput = z.output<typeof liveSettingsInputSchema>;
