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
 * What of `note` survives in any of `outputs` (e.g. the lines of a batch): each pii string (case-
 * and accent-insensitive, as a whole word), and for phone numbers also their last 6 digits among
 * one output's digits.
 */
export function leaks(note: Pick<PiiNote, "kind" | "pii">, outputs: string | string[]): string[] {
  const list = (Array.isArray(outputs) ? outputs : [outputs]).map((o) => ({ text: fold(o), digits: o.normalize("NFKC").replace(/\D/g, "") }));
  const found: string[] = [];
  for (const p of note.pii) {
    const re = new RegExp(String.raw`(?<![\p{L}\p{N}])${escape(fold(p))}(?![\p{L}\p{N}])`, "u");
    if (list.some((o) => re.test(o.text))) found.push(p);
    if (note.kind === "phone") {
      const d = p.normalize("NFKC").replace(/\D/g, "");
      if (d.length >= 7 && list.some((o) => o.digits.includes(d.slice(-6)))) found.push(`${p} (digits)`);
    }
  }
  return found;
}
