/**
 * Data export of a large account: `npm run tsx -- bench/privacy-export.bench.ts [--rows 100000] [--no-doc]`.
 *
 * Imports a generated Strong export (`--rows` sets, years of sessions) into a fresh in-memory PGlite,
 * then streams exportArchive into a byte counter (as the route streams to the browser), measuring the
 * main thread's retained heap after a forced GC every 25 chunks (run with --expose-gc). Target: the heap grows by far less than the archive's size (no
 * whole-archive buffering). Rewrites the "Privacy export" section of docs/benchmarks.md.
 */
import { freshPglite } from "./lib/databases";
import { writeBenchmarkSection } from "./lib/benchmarks-doc";
import { generateStrongExport } from "./lib/generate-exports";
import { loadAverage, machine, measure } from "./lib/measure";
import { importWorkoutFile } from "@/lib/import";
import { exportArchive } from "@/lib/privacy/export";

const args = process.argv.slice(2);
const largest = Number(args[args.indexOf("--rows") + 1]) || 100_000;
const writeDoc = !args.includes("--no-doc");
const MB = 1024 * 1024;

async function one(rows: number): Promise<{ line: string; growth: number }> {
  const target = await freshPglite();
  try {
    const imported = await importWorkoutFile(target.db, { userId: target.userId, content: generateStrongExport(rows), unit: "kg" });
    // Warm-up export: loads and compiles every module the export touches, so the measured run sees only its data.
    for await (const c of exportArchive(target.db, target.userId)) void c;
    global.gc?.();
    const heap0 = process.memoryUsage().heapUsed;
    let peak = heap0;
    let bytes = 0;
    let chunks = 0;
    const run = await measure(async () => {
      for await (const c of exportArchive(target.db, target.userId)) {
        bytes += c.length;
        // Every 25th chunk: collect garbage, then read what is still retained (live memory, not litter).
        if (++chunks % 25 === 0 && global.gc) {
          global.gc();
          peak = Math.max(peak, process.memoryUsage().heapUsed);
        }
      }
    });
    const growth = (peak - heap0) / MB;
    const line =
      `${imported.sessions} sessions, ${imported.sets} sets → ${(bytes / MB).toFixed(1)} MB ZIP in ${chunks} chunks, ` +
      `${(run.wallMs / 1000).toFixed(2)} s wall (cpu ${(run.cpuMs / 1000).toFixed(2)} s), ${(bytes / MB / (run.wallMs / 1000)).toFixed(1)} MB/s; ` +
      `retained main-thread heap peak +${growth.toFixed(1)} MB over the start (${((growth * MB * 100) / bytes).toFixed(0)} % of the archive)`;
    console.log(line);
    return { line, growth };
  } finally {
    await target.dispose();
  }
}

async function main() {
  const small = await one(Math.round(largest / 4));
  const large = await one(largest);
  const ok = large.growth <= small.growth + 4;
  console.log(ok ? "target met: retained heap does not grow with the account" : "TARGET MISSED: retained heap grows with the account");
  {
    if (writeDoc) {
      writeBenchmarkSection(
        "Privacy export",
        [
          "`npm run tsx -- --expose-gc bench/privacy-export.bench.ts` — a generated Strong export imported into in-memory PGlite, then",
          "`exportArchive` streamed into a byte counter (as `/api/privacy/export` streams to the browser), for a quarter and the",
          "full `--rows` (default 100 000 sets). Target: the",
          "retained main-thread heap (after a forced GC every 25 chunks) stays flat as the account grows (keyset pages of 200 sessions; no whole-archive buffer).",
          "Measured on a second export of the same account (the first loads the code). The PGlite worker's own memory is not in this number.",
          "",
          `- ${small.line}`,
          `- ${large.line}`,
          "",
          ok ? "Target met: 4× the data, about the same retained heap." : "TARGET MISSED: the retained heap grew with the account.",
          "",
          `Machine: ${machine()}; load ${loadAverage()}; ${new Date().toISOString().slice(0, 10)}.`,
        ].join("\n"),
      );
    }
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
