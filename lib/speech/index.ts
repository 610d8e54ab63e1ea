import type { Queryable } from "@/db/client";
import { env, type Env } from "@/lib/config/env";
import { clipKey, DEFAULT_CACHE_MAX_MB, getClip, putClip, recordSpeechRequest } from "./cache";
import { createElevenLabsClient, ElevenLabsError, type ElevenLabsClient } from "./elevenlabs";
import { fliteSynthesize } from "./embedded";
import { speechEngineId, type SpeechEngineId } from "./describe";
import { speakable } from "./speakable";
import { ELEVENLABS_MODEL, PERSONA_VOICES, type VoicePersona } from "./voices";

/**
 * The speech seam. ELEVENLABS_API_KEY set → ElevenLabs (eleven_flash_v2_5), with the embedded
 * voice answering whenever ElevenLabs fails or is late; otherwise the embedded Flite voices.
 * Every clip goes through the shared Postgres cache.
 */
export interface SpeechResult {
  audio: Buffer;
  mime: string;
  engine: SpeechEngineId;
  voice: string;
  cached: boolean;
  /** The clip's cache key (of the engine that answered). */
  key: string;
  /** Server time to produce the clip (cache lookup included). */
  ms: number;
  /** Why the embedded voice answered instead of ElevenLabs. */
  fallbackReason?: string;
}

const MAX_SPEECH_CHARS = 1500;

function elevenLabsVoiceId(persona: VoicePersona, e: Env = env()): string {
  const configured = persona === "alice" ? e.ELEVENLABS_VOICE_ALICE : e.ELEVENLABS_VOICE_AIDEN;
  return configured ?? PERSONA_VOICES[persona].defaultElevenLabsVoiceId;
}

const g = globalThis as unknown as { __spotterElevenLabs?: { signature: string; client: ElevenLabsClient } };

function elevenLabs(e: Env): ElevenLabsClient {
  const config = {
    apiKey: e.ELEVENLABS_API_KEY!,
    baseUrl: e.ELEVENLABS_BASE_URL ?? "https://api.elevenlabs.io",
    model: ELEVENLABS_MODEL,
    timeoutMs: e.ELEVENLABS_TIMEOUT_MS ?? 2500,
    concurrency: 2,
  };
  const signature = JSON.stringify(config);
  if (g.__spotterElevenLabs?.signature !== signature) g.__spotterElevenLabs = { signature, client: createElevenLabsClient(config) };
  return g.__spotterElevenLabs.client;
}

interface Rendered {
  audio: Buffer;
  mime: string;
  engine: SpeechEngineId;
  voice: string;
  key: string;
}

function fliteParts(persona: VoicePersona, text: string) {
  const voice = PERSONA_VOICES[persona].fliteVoice;
  return { voice, key: clipKey({ engine: "flite", voice, settings: {}, text }) };
}

/**
 * The cache key of the clip the active engine would produce for `text` (before any fallback), and
 * the text as it is spoken. The browser keeps recent clips under this key.
 */
export function clipKeyFor(persona: VoicePersona, text: string, e: Env = env()): { key: string; engine: SpeechEngineId; spoken: string } {
  const spoken = speakable(text).slice(0, MAX_SPEECH_CHARS);
  if (speechEngineId(e) === "elevenlabs") {
    const voice = elevenLabsVoiceId(persona, e);
    const { settings } = PERSONA_VOICES[persona];
    return {
      key: clipKey({ engine: "elevenlabs", voice, settings: { model: ELEVENLABS_MODEL, ...settings }, text: spoken }),
      engine: "elevenlabs",
      spoken,
    };
  }
  return { key: fliteParts(persona, spoken).key, engine: "flite", spoken };
}

export interface SpeakOptions {
  /** Runs before a fresh synthesis (never on a cache hit) — e.g. to count it against an allowance. */
  beforeRender?: () => Promise<void>;
  /** Record the request in speech_requests (default true; the first-start warm-up does not). */
  record?: boolean;
}

async function cachedOrRender(db: Queryable, key: string, maxBytes: number, render: () => Promise<Rendered>, opts: SpeakOptions) {
  const hit = await getClip(db, key);
  if (hit) return { ...hit, key, engine: hit.engine as SpeechEngineId, cached: true };
  await opts.beforeRender?.();
  const clip = await render();
  await putClip(db, clip.key, clip, { maxBytes });
  return { ...clip, cached: false };
}

/**
 * The active engine's clip for `text` when the cache already holds it (recorded as a hit), else null
 * without synthesizing — for answers that may carry a clip only when it costs nothing.
 */
export async function cachedSpeech(db: Queryable, persona: VoicePersona, text: string, e: Env = env()): Promise<SpeechResult | null> {
  const started = performance.now();
  const { key, engine } = clipKeyFor(persona, text, e);
  const hit = await getClip(db, key);
  if (!hit) return null;
  const ms = performance.now() - started;
  await recordSpeechRequest(db, { engine, hit: true, ms });
  return { audio: hit.audio, mime: hit.mime, engine, voice: hit.voice, cached: true, key, ms };
}

/** Audio of `text` in the persona's voice from the active engine, through the cache. */
export async function speak(db: Queryable, persona: VoicePersona, text: string, e: Env = env(), opts: SpeakOptions = {}): Promise<SpeechResult> {
  const started = performance.now();
  const spoken = speakable(text).slice(0, MAX_SPEECH_CHARS);
  if (!spoken) throw new Error("nothing to say");
  const maxBytes = (e.SPEECH_CACHE_MAX_MB ?? DEFAULT_CACHE_MAX_MB) * 1024 * 1024;
  const flite = fliteParts(persona, spoken);
  const renderFlite = async (): Promise<Rendered> => ({
    audio: await fliteSynthesize(flite.voice, spoken),
    mime: "audio/wav",
    engine: "flite",
    voice: flite.voice,
    key: flite.key,
  });

  let fallbackReason: string | undefined;
  let result: Omit<SpeechResult, "ms">;
  if (speechEngineId(e) === "elevenlabs") {
    const voice = elevenLabsVoiceId(persona, e);
    const { settings } = PERSONA_VOICES[persona];
    const { key } = clipKeyFor(persona, text, e);
    try {
      result = await cachedOrRender(
        db,
        key,
        maxBytes,
        async () => ({
          audio: await elevenLabs(e).synthesize(voice, spoken, settings),
          mime: "audio/mpeg",
          engine: "elevenlabs",
          voice,
          key,
        }),
        opts,
      );
    } catch (err) {
      if (!(err instanceof ElevenLabsError)) throw err;
      fallbackReason = err.message;
      console.warn(`[speech] ${err.message}; the embedded voice answers instead`);
      result = { ...(await cachedOrRender(db, flite.key, maxBytes, renderFlite, opts)), fallbackReason };
    }
  } else {
    result = await cachedOrRender(db, flite.key, maxBytes, renderFlite, opts);
  }
  const ms = performance.now() - started;
  if (opts.record !== false) await recordSpeechRequest(db, { engine: result.engine, hit: result.cached, ms, fallbackReason });
  return { ...result, ms };
}

export { VOICE_PERSONAS, type VoicePersona } from "./voices";
export type { SpeechEngineId } from "./describe";
