import fs from "node:fs";
import path from "node:path";
import { defineCommand, oneOf, optionalString, requireString } from "../command";
import { findUserByEmail } from "../find-user";

type ImporterModule = typeof import("@/lib/import/index");

class ImporterUnavailableError extends Error {
  constructor(reason: string) {
    super(`importer not available: ${reason}`);
    this.name = "ImporterUnavailableError";
  }
}

/** Loaded on demand so the other commands work even while the importer is broken or absent. */
async function loadImporter(): Promise<ImporterModule> {
  try {
    const mod = (await import("@/lib/import/index")) as ImporterModule;
    if (typeof mod.importWorkoutFile !== "function") throw new ImporterUnavailableError("lib/import/index.ts does not export importWorkoutFile");
    return mod;
  } catch (error) {
    if (error instanceof ImporterUnavailableError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ERR_MODULE_NOT_FOUND" || code === "MODULE_NOT_FOUND") throw new ImporterUnavailableError("lib/import/index.ts is missing");
    throw new ImporterUnavailableError((error as Error).message);
  }
}

export default defineCommand({
  name: "import",
  summary: "Import a Strong / Hevy / FitNotes CSV export into an account",
  usage: "--email EMAIL [--unit kg|lb] FILE",
  details:
    "Prints one JSON object: sessions and sets created by this run (0 and 0 when the file was imported before),\n" +
    "format, rows, skipped rows with reasons, exercises matched/created, duration.\n" +
    "--unit sets the unit of weights the file does not label (default: the account's profile unit).",
  options: {
    email: { type: "string" },
    unit: { type: "string" },
  },
  positionals: { min: 1, max: 1 },
  validate(values) {
    oneOf(optionalString(values, "unit"), ["kg", "lb"] as const, "unit");
    requireString(values, "email");
  },
  async run({ db, values, positionals }) {
    const unit = oneOf(optionalString(values, "unit"), ["kg", "lb"] as const, "unit");
    const email = requireString(values, "email");
    const file = path.resolve(positionals[0]);
    let content: Buffer;
    try {
      content = fs.readFileSync(file);
    } catch (error) {
      throw new Error(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message}`);
    }
    const { importWorkoutFile } = await loadImporter();
    const user = await findUserByEmail(db, email);
    const result = await importWorkoutFile(db, {
      userId: user.id,
      fileName: path.basename(file),
      content: new Uint8Array(content.buffer, content.byteOffset, content.byteLength),
      unit,
    });
    return { email: user.email, file, ...result };
  },
});
