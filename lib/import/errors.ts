import { UserError } from "@/lib/errors/user-error";

/** The file cannot be imported at all (unknown format, nothing usable, too large). Nothing was written. */
export class ImportFormatError extends UserError {
  constructor(message: string) {
    super(message, { code: "import_format", status: 422, fieldErrors: { file: [message] } });
    this.name = "ImportFormatError";
  }
}

export class ImportTooLargeError extends ImportFormatError {
  constructor(
    readonly sizeBytes: number,
    readonly maxBytes: number,
  ) {
    super(
      `The file is ${formatMb(sizeBytes)}, larger than the ${formatMb(maxBytes)} your plan allows per import. ` +
        `Export a shorter date range, or split the file, and import the parts one after another.`,
    );
    this.name = "ImportTooLargeError";
  }
}

function formatMb(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  const mb = bytes / (1024 * 1024);
  return `${mb >= 10 ? Math.round(mb) : Math.round(mb * 10) / 10} MB`;
}
