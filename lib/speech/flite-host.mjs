// The embedded voices' own process (forked by lib/speech/embedded.ts). Flite runs in worker threads
// here (lib/speech/flite-worker.mjs): every synthesis instantiates the WASI module afresh and V8
// gives those wasm memories back slowly — enough of them have crashed a process with SIGSEGV. In
// this process such a crash costs the clips in flight, never the web server; the server forks a
// new host on the next clip. A worker serves at most USES_PER_WORKER clips and is then retired
// (its isolate's teardown frees the memories); the compiled module is shared.
// Protocol (IPC, advanced serialization): { id, voice, text } in → { id, wav: Uint8Array } or { id, error } out.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";

const here = path.dirname(fileURLToPath(import.meta.url));
const WORKER_FILE = path.join(here, "flite-worker.mjs");
const WASM_FILE = process.argv[2];
const USES_PER_WORKER = 2;

let compiled = null;
const moduleOnce = () => (compiled ??= fs.promises.readFile(WASM_FILE).then((bytes) => WebAssembly.compile(bytes)));

/** @type {{ worker: Worker, pending: Set<number>, done: Map<number, () => void>, uses: number } | null} */
let current = null;
const reply = (msg) => process.connected && process.send(msg);

async function workerFor() {
  if (current && current.uses < USES_PER_WORKER) return current;
  const wasmModule = await moduleOnce();
  if (current && current.uses < USES_PER_WORKER) return current;
  const w = { worker: new Worker(WORKER_FILE, { workerData: { module: wasmModule } }), pending: new Set(), done: new Map(), uses: 0 };
  const next = (id) => {
    w.done.get(id)?.();
    w.done.delete(id);
  };
  w.worker.on("message", async (msg) => {
    w.pending.delete(msg.id);
    reply(msg);
    // A retired worker is gone before the next clip starts (no two WASI runs overlap).
    if (w.uses >= USES_PER_WORKER && w.pending.size === 0) await w.worker.terminate();
    next(msg.id);
  });
  const fail = (why) => {
    for (const id of [...w.pending]) {
      w.pending.delete(id);
      reply({ id, error: why });
      next(id);
    }
    if (current === w) current = null;
  };
  w.worker.on("error", (err) => fail(err instanceof Error ? err.message : String(err)));
  w.worker.on("exit", (code) => fail(`embedded voice worker exited (${code})`));
  current = w;
  return w;
}

/** One clip at a time: no two WASI runs overlap (a crash in CI came with twelve clips asked at once). */
function synthesize({ id, voice, text }) {
  return new Promise((resolve) => {
    workerFor()
      .then((w) => {
        w.uses++;
        if (w.uses >= USES_PER_WORKER && current === w) current = null;
        w.pending.add(id);
        w.done.set(id, resolve);
        w.worker.postMessage({ id, voice, text });
      })
      .catch((err) => {
        reply({ id, error: err instanceof Error ? err.message : String(err) });
        resolve();
      });
  });
}

let queue = Promise.resolve();
process.on("message", (msg) => {
  queue = queue.then(() => synthesize(msg));
});

// The server went away (or stopped us): so do we.
process.on("disconnect", () => process.exit(0));
