import fs from "node:fs";
import path from "node:path";

const DOC = path.join(process.cwd(), "docs", "benchmarks.md");
const HEADER = "# Benchmarks\n\nSpeed targets are measured by the scripts in `bench/`, not by timed tests. Each section is written by its script.\n";

/**
 * Replaces (or appends) one "## <title>" section of docs/benchmarks.md, leaving every other
 * section exactly as it is. Creates the file with a short header when missing.
 */
export function writeBenchmarkSection(title: string, body: string) {
  let doc = fs.existsSync(DOC) ? fs.readFileSync(DOC, "utf8") : HEADER;
  const heading = `## ${title}`;
  const section = `${heading}\n\n${body.trim()}\n`;
  const start = doc.search(new RegExp(`^${heading.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\s*$`, "m"));
  if (start === -1) {
    doc = `${doc.trimEnd()}\n\n${section}`;
  } else {
    const rest = doc.slice(start + heading.length);
    const next = rest.search(/^## /m);
    const end = next === -1 ? doc.length : start + heading.length + next;
    doc = `${doc.slice(0, start)}${section}${next === -1 ? "" : "\n"}${doc.slice(end)}`;
  }
  fs.mkdirSync(path.dirname(DOC), { recursive: true });
  fs.writeFileSync(DOC, doc.endsWith("\n") ? doc : `${doc}\n`);
}
