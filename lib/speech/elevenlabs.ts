import type { VoiceSettings } from "./voices";

/**
 * ElevenLabs text-to-speech. Calls go through a small concurrency-limited queue (plans cap
 * concurrent requests; going over earns a 429). A 429 waits for Retry-After and a 5xx retries
 * once, both only inside the overall deadline; past it the caller falls back to the embedded voice.
 */
export interface ElevenLabsConfig {
  apiKey: string;
  baseUrl: string;
  model: string;
  /** Whole-request deadline including queueing and retries. */
  timeoutMs: number;
  concurrency: number;
}

export class ElevenLabsError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
  ) {
    super(message);
    this.name = "ElevenLabsError";
  }
}

class Semaphore {
  private active = 0;
  private waiting: (() => void)[] = [];
  constructor(private readonly limit: number) {}
  async acquire(signal: AbortSignal): Promise<() => void> {
    if (this.active >= this.limit) {
      await new Promise<void>((resolve, reject) => {
        const go = () => {
          signal.removeEventListener("abort", onAbort);
          resolve();
        };
        const onAbort = () => {
          this.waiting = this.waiting.filter((w) => w !== go);
          reject(new ElevenLabsError("timed out waiting in the ElevenLabs queue", null));
        };
        signal.addEventListener("abort", onAbort, { once: true });
        this.waiting.push(go);
      });
    }
    this.active++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.active--;
      this.waiting.shift()?.();
    };
  }
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal.aborted) return reject(new ElevenLabsError("ElevenLabs request timed out", null));
    const t = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(t);
      reject(new ElevenLabsError("ElevenLabs request timed out", null));
    };
    signal.addEventListener("abort", onAbort, { once: true });
  });

function retryAfterMs(res: Response): number {
  const h = res.headers.get("retry-after");
  const s = h ? Number(h) : NaN;
  return Number.isFinite(s) && s >= 0 ? Math.min(s * 1000, 10_000) : 500;
}

export function createElevenLabsClient(config: ElevenLabsConfig) {
  const queue = new Semaphore(Math.max(1, config.concurrency));

  async function attempt(voiceId: string, text: string, settings: VoiceSettings, signal: AbortSignal): Promise<Response> {
    const url = `${config.baseUrl.replace(/\/$/, "")}/v1/text-to-speech/${encodeURIComponent(voiceId)}?output_format=mp3_44100_64`;
    try {
      return await fetch(url, {
        method: "POST",
        signal,
        headers: { "xi-api-key": config.apiKey, "content-type": "application/json", accept: "audio/mpeg" },
        body: JSON.stringify({
          text,
          model_id: config.model,
          voice_settings: { stability: settings.stability, similarity_boost: settings.similarityBoost },
        }),
      });
    } catch (err) {
      if (signal.aborted) throw new ElevenLabsError("ElevenLabs request timed out", null);
      throw new ElevenLabsError(`ElevenLabs unreachable: ${err instanceof Error ? err.message : String(err)}`, null);
    }
  }

  /** MP3 audio; throws ElevenLabsError (status null for timeouts and network errors). */
  async function synthesize(voiceId: string, text: string, settings: VoiceSettings): Promise<Buffer> {
    const signal = AbortSignal.timeout(config.timeoutMs);
    const release = await queue.acquire(signal);
    try {
      let serverErrors = 0;
      for (;;) {
        const res = await attempt(voiceId, text, settings, signal);
        if (res.ok) {
          const audio = Buffer.from(await res.arrayBuffer());
          if (audio.length === 0) throw new ElevenLabsError("ElevenLabs returned no audio", res.status);
          return audio;
        }
        await res.body?.cancel().catch(() => {});
        if (res.status === 429) {
          await sleep(retryAfterMs(res), signal);
          continue;
        }
        if (res.status >= 500 && serverErrors++ < 1) {
          await sleep(200, signal);
          continue;
        }
        // The body may echo request details; the status is enough for logs.
        throw new ElevenLabsError(`ElevenLabs answered ${res.status}`, res.status);
      }
    } finally {
      release();
    }
  }

  return { synthesize };
}

export type ElevenLabsClient = ReturnType<typeof createElevenLabsClient>;
