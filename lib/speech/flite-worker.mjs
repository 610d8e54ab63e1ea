// Embedded voices: Flite (CMU, BSD-style licence — see THIRD_PARTY_NOTICES.md) compiled to WASI,
// run with node:wasi in this worker thread so synthesis never blocks the server's event loop.
// Protocol: { id, voice, text } in → { id, wav: Uint8Array } or { id, error } out.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parentPort, workerData } from "node:worker_threads";
import { WASI } from "node:wasi";

const VOICES = new Set(["slt", "rms", "kal16", "awb", "kal"]);
const wasmModule = workerData.module;
const outDir = fs.mkdtempSync(path.join(os.tmpdir(), "spotter-flite-"));

async function synthesize(voice, text) {
  if (!VOICES.has(voice)) throw new Error(`unknown flite voice ${voice}`);
  const file = `clip-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}.wav`;
  const wasi = new WASI({
    version: "preview1",
    // -t: the text is an argument, never a file path; the only directory flite can see is outDir.
    args: ["flite", "-voice", voice, "-t", text, "-o", `/out/${file}`],
    env: {},
    preopens: { "/out": outDir },
    returnOnExit: true,
  });
  const instance = await WebAssembly.instantiate(wasmModule, wasi.getImportObject());
  const code = wasi.start(instance);
  const full = path.join(outDir, file);
  try {
    if (code !== 0) throw new Error(`flite exited with ${code}`);
    return new Uint8Array(fs.readFileSync(full));
  } finally {
    fs.rmSync(full, { force: true });
  }
}

parentPort.on("message", async ({ id, voice, text }) => {
  try {
    const wav = await synthesize(voice, text);
    parentPort.postMessage({ id, wav }, [wav.buffer]);
  } catch (err) {
    parentPort.postMessage({ id, error: err instanceof Error ? err.message : String(err) });
  }
});

process.on("exit", () => fs.rmSync(outDir, { recursive: true, force: true }));
