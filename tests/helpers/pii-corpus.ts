import { readFileSync } from "node:fs";
import path from "node:path";

export interface PiiNote {
  user: number;
  kind: string;
  text: string;
  pii: string[];
}
export interface PiiCorpus {
  users: { name: string; displayName: string | null; email: string }[];
  notes: PiiNote[];
}

export const piiCorpus: PiiCorpus = JSON.parse(readFileSync(path.join(import.meta.dirname, "../fixtures/pii-corpus.json"), "utf8"));

const fold = (s: string) =>
  s
    .normalize("NFKC")
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[\u200B-\u200D\u2060\uFEFF]/g, "")
    .toLowerCase();
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * What of `note` survives in `output`: each pii string (case- and accent-insensitive, as a whole
 * word), and for phone numbers also their last 6 digits anywhere in the output's digits.
 */
export function leaks(note: Pick<PiiNote, "kind" | "pii">, output: string): string[] {
  const out = fold(output);
  const outDigits = output.normalize("NFKC").replace(/\D/g, "");
  const found: string[] = [];
  for (const p of note.pii) {
    const needle = fold(p);
    if (new RegExp(String.raw`(?<![\p{L}\p{N}])${escape(needle)}(?![\p{L}\p{N}])`, "u").test(out)) found.push(p);
    if (note.kind === "phone") {
      const d = p.normalize("NFKC").replace(/\D/g, "");
      if (d.length >= 7 && outDigits.includes(d.slice(-6))) found.push(`${p} (digits)`);
    }
  }
  return found;
}
