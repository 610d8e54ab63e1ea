import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { importRuns, UNITS, userProfiles } from "@/db/schema";
import { ENTITLEMENTS } from "@/lib/billing/entitlements";
import { isValidTimeZone } from "@/lib/time/zone";
import { decodeContent } from "./decode";
import { ImportFormatError } from "./errors";
import { parseWorkoutFile } from "./parse";
import { MAX_LISTED_ISSUES, type ImportResult, type ParseResult, type Unit } from "./types";
import { writeWorkouts, type ImportProgress } from "./write";

export { ImportFormatError, ImportTooLargeError } from "./errors";
export { detectFormat, type DetectedFormat } from "./detect";
export { parseWorkoutFile, SUPPORTED_FORMATS_HELP } from "./parse";
export { parseStrong } from "./parsers/strong";
export { parseHevy } from "./parsers/hevy";
export { parseFitNotes } from "./parsers/fitnotes";
export { localToUtc, parseLocalDateTime } from "./datetime";
export { importKey, type ImportProgress } from "./write";
export type * from "./types";

const MB = 1024 * 1024;
/** Ceiling when the caller passes no limit: the largest any plan allows. */
export const IMPORT_HARD_MAX_BYTES = Math.max(...Object.values(ENTITLEMENTS).map((e) => e.importMaxMb)) * MB;

export function importMaxBytes(importMaxMb: number): number {
  return importMaxMb * MB;
}

export interface ImportInput {
  userId: string;
  fileName?: string;
  content: string | Uint8Array;
  /** Unit of weights the file does not label (Strong's "Weight"); default: the user's profile unit. */
  unit?: Unit;
  /** Default: the user's profile time zone. */
  timeZone?: string;
  /** Reject larger content (pass importMaxBytes(entitlementsFor(plan).importMaxMb)). */
  maxBytes?: number;
  /** Rows per INSERT statement. */
  chunkSize?: number;
  /** Called inside the transaction after each chunk; throwing aborts (and rolls back) the import. */
  onProgress?: (p: ImportProgress) => void | Promise<void>;
}

const DEFAULT_CHUNK = 10_000;

/** The caller-supplied options (content and callbacks aside); wrong ones are programming errors. */
const optionsSchema = z.object({
  userId: z.string().min(1),
  fileName: z.string().max(1000).optional(),
  unit: z.enum(UNITS).optional(),
  timeZone: z.string().min(1).max(64).optional(),
  maxBytes: z.number().int().positive().optional(),
  chunkSize: z.number().int().min(1).max(50_000).optional(),
});

/**
 * Imports a Strong / Hevy / FitNotes CSV export for one user, all or nothing: one transaction
 * writes the new sessions, their sets, any new custom exercises and an import_runs row.
 * Workouts imported before (same app, start and name) are left as they are, so importing the
 * same or an overlapping export again only adds what is new. Throws ImportFormatError (nothing
 * written) for an unknown, empty, binary or too-large file, or one with no usable row.
 */
export async function importWorkoutFile(db: Db, input: ImportInput): Promise<ImportResult> {
  const t0 = performance.now();
  optionsSchema.parse({ ...input, content: undefined, onProgress: undefined });
  if (typeof input.content !== "string" && !(input.content instanceof Uint8Array)) throw new TypeError("content must be a string or bytes");
  const decoded = decodeContent(input.content, input.maxBytes ?? IMPORT_HARD_MAX_BYTES);

  const [profile] = await db
    .select({ units: userProfiles.units, timeZone: userProfiles.timeZone })
    .from(userProfiles)
    .where(eq(userProfiles.userId, input.userId));
  const unit: Unit = input.unit ?? profile?.units ?? "kg";
  const timeZone = input.timeZone ?? profile?.timeZone ?? "UTC";
  if (!isValidTimeZone(timeZone)) throw new Error(`unknown time zone "${timeZone}" for user ${input.userId}`);

  const parsed = parseWorkoutFile(decoded.text, { unit });
  assertUsable(parsed);

  const written = await db.transaction(async (tx) => {
    const w = await writeWorkouts(tx, parsed.workouts, {
      userId: input.userId,
      app: parsed.app,
      timeZone,
      chunkSize: input.chunkSize ?? DEFAULT_CHUNK,
      onProgress: input.onProgress,
    });
    await tx.insert(importRuns).values({
      userId: input.userId,
      format: parsed.format,
      fileName: input.fileName?.slice(0, 255) ?? null,
      fileSha256: decoded.sha256,
      rows: parsed.rows,
      sessionsCreated: w.sessions,
      setsCreated: w.sets,
      skipped: parsed.skipped.length,
    });
    return w;
  });

  return {
    format: parsed.format,
    rows: parsed.rows,
    ...written,
    skipped: { count: parsed.skipped.length, reasons: parsed.skipped.slice(0, MAX_LISTED_ISSUES) },
    warnings: { count: parsed.warnings.length, reasons: parsed.warnings.slice(0, MAX_LISTED_ISSUES) },
    durationMs: Math.round(performance.now() - t0),
  };
}

function assertUsable(parsed: ParseResult) {
  if (parsed.rows === 0) throw new ImportFormatError("The file has a header but no rows: there is nothing to import.");
  if (parsed.workouts.length === 0) {
    const first = parsed.skipped
      .slice(0, 3)
      .map((s) => `line ${s.row}: ${s.reason}`)
      .join("; ");
    throw new ImportFormatError(`None of the ${parsed.rows} rows could be imported (${first}${parsed.skipped.length > 3 ? "; …" : ""}).`);
  }
}
