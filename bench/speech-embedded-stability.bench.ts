/**
 * Embedded voices under load: `npm run tsx -- bench/speech-embedded-stability.bench.ts [batches] [--no-doc]`.
 *
 * Asks the embedded Flite engine (lib/speech/embedded.ts → its own process, lib/speech/flite-host.mjs)
 * for `batches` × 12 distinct clips, twelve at a time, and counts failed clips and voice processes
 * used (a new process means the previous one crashed). Writes the "Embedded voices under load"
 * section of docs/benchmarks.md.
 */
import { writeBenchmarkSection } from "./lib/benchmarks-doc";
import { loadAverage, machine } from "./lib/measure";
import { embeddedVoicePid, fliteSynthesize, stopEmbeddedVoices } from "@/lib/speech/embedded";

const args = process.argv.slice(2);
const writeDoc = !args.includes("--no-doc");
const batches = Number(args.find((a) => /^\d+$/.test(a)) ?? 25);
const loadBefore = loadAverage();

const pids = new Set<number>();
let failed = 0;
const started = performance.now();
for (let b = 0; b < batches; b++) {
  const got = await Promise.allSettled(
    Array.from({ length: 12 }, (_, i) => fliteSynthesize(i % 2 ? "slt" : "rms", `batch ${b} clip ${i}: one hundred two point five kilos`)),
  );
  failed += got.filter((r) => r.status === "rejected").length;
  const pid = embeddedVoicePid();
  if (pid) pids.add(pid);
}
const seconds = (performance.now() - started) / 1000;
await stopEmbeddedVoices();

const clips = batches * 12;
const body = [
  `${clips} distinct clips asked twelve at a time from the embedded Flite engine (\`bench/speech-embedded-stability.bench.ts\`):`,
  "",
  "| Clips | Failed | Voice processes used | Seconds | Clips/s |",
  "|---:|---:|---:|---:|---:|",
  `| ${clips} | ${failed} | ${pids.size} | ${seconds.toFixed(1)} | ${(clips / seconds).toFixed(1)} |`,
  "",
  "One voice process means it never crashed. Before clips took turns in the host (one WASI run at a time), the same",
  "run used 6 processes (5 crashes: SIGSEGV / V8 fatal errors) and lost 4 clips even with the one retry, at 8.2 clips/s;",
  "before the engine had a process of its own, such a crash took the web server down.",
  "",
  `Measured ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC on ${machine()}; load average ${loadBefore} before, ${loadAverage()} after.`,
  "Run: `npm run tsx -- bench/speech-embedded-stability.bench.ts [batches]`.",
].join("\n");
console.log(body);
if (writeDoc) writeBenchmarkSection("Embedded voices under load", body);
