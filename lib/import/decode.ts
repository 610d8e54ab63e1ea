import { createHash } from "node:crypto";
import { ImportFormatError, ImportTooLargeError } from "./errors";
import { stripBom } from "./csv";

export interface DecodedFile {
  text: string;
  sizeBytes: number;
  sha256: string;
}

/**
 * Turns the uploaded content into text: enforces the size limit before anything else, refuses
 * binary content, decodes UTF-8 — or UTF-16 with a BOM, or Windows-1252 when the bytes are not
 * UTF-8 (a CSV re-saved by Excel on Windows) — and strips a BOM.
 */
export function decodeContent(content: string | Uint8Array, maxBytes: number): DecodedFile {
  const bytes = typeof content === "string" ? Buffer.from(content, "utf8") : content;
  if (bytes.byteLength > maxBytes) throw new ImportTooLargeError(bytes.byteLength, maxBytes);
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  let text: string;
  if (typeof content === "string") text = content;
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder("utf-16le").decode(bytes);
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = new TextDecoder("utf-16be").decode(bytes);
  else {
    if (bytes.subarray(0, 65_536).includes(0)) throw binary();
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      text = new TextDecoder("windows-1252").decode(bytes);
    }
  }
  text = stripBom(text);
  if (text.trim() === "") throw new ImportFormatError("The file is empty.");
  if (text.slice(0, 65_536).includes("\u0000")) throw binary();
  return { text, sizeBytes: bytes.byteLength, sha256 };
}

function binary() {
  return new ImportFormatError("The file looks binary, not like a CSV export. Upload the CSV exactly as the app exported it.");
}
