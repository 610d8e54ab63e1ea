import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Env } from "@/lib/config/env";
import { speak } from "@/lib/speech";
import { createElevenLabsClient, ElevenLabsError } from "@/lib/speech/elevenlabs";
import { stopEmbeddedVoices, wavDurationSeconds } from "@/lib/speech/embedded";
import { useTestDatabase } from "./helpers/db";

/** A local fake of ElevenLabs' text-to-speech endpoint; each test scripts its answers. */
type Reply = { status: number; body?: Buffer | string; headers?: Record<string, string>; delayMs?: number };
let script: Reply[] = [];
const seen: { url: string; headers: http.IncomingHttpHeaders; body: Record<string, unknown> }[] = [];
let active = 0;
let maxActive = 0;
const server = http.createServer((req, res) => {
  let raw = "";
  req.on("data", (c) => (raw += c));
  req.on("end", () => {
    seen.push({ url: req.url ?? "", headers: req.headers, body: JSON.parse(raw || "{}") });
    const reply = script.shift() ?? { status: 200, body: Buffer.from("ID3fake-mp3") };
    const counted = String(seen.at(-1)?.body.text ?? "").startsWith("concurrent");
    if (counted) active++;
    maxActive = Math.max(maxActive, active);
    setTimeout(() => {
      if (counted) active--;
      if (res.destroyed) return;
      res.writeHead(reply.status, { "content-type": reply.status === 200 ? "audio/mpeg" : "application/json", ...reply.headers });
      res.end(reply.body ?? JSON.stringify({ detail: { status: "error", message: "secret-echo" } }));
    }, reply.delayMs ?? 0);
  });
});
let baseUrl = "";
beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  await stopEmbeddedVoices();
});
afterEach(() => {
  script = [];
  seen.length = 0;
  maxActive = 0;
});

const settings = { stability: 0.5, similarityBoost: 0.75 };
const client = (over: Partial<Parameters<typeof createElevenLabsClient>[0]> = {}) =>
  createElevenLabsClient({ apiKey: "test-key", baseUrl, model: "eleven_flash_v2_5", timeoutMs: 2000, concurrency: 2, ...over });

describe("ElevenLabs client against a local fake", () => {
  it("sends the model, voice, settings and key, and returns the audio", async () => {
    const audio = await client().synthesize("voice-123", "one hundred for five", settings);
    expect(audio.toString()).toBe("ID3fake-mp3");
    expect(seen[0].url).toMatch(/^\/v1\/text-to-speech\/voice-123\?output_format=mp3_/);
    expect(seen[0].headers["xi-api-key"]).toBe("test-key");
    expect(seen[0].body).toEqual({
      text: "one hundred for five",
      model_id: "eleven_flash_v2_5",
      voice_settings: { stability: 0.5, similarity_boost: 0.75 },
    });
  });

  it("waits out a 429 (Retry-After) and then succeeds", async () => {
    script = [
      { status: 429, headers: { "retry-after": "0" } },
      { status: 429, headers: { "retry-after": "0" } },
      { status: 200, body: Buffer.from("ok-audio") },
    ];
    expect((await client().synthesize("v", "hi", settings)).toString()).toBe("ok-audio");
    expect(seen).toHaveLength(3);
  });

  it("retries one 5xx, then gives up with the status (not the body)", async () => {
    script = [{ status: 503 }, { status: 200, body: Buffer.from("second-try") }];
    expect((await client().synthesize("v", "hi", settings)).toString()).toBe("second-try");
    script = [{ status: 500 }, { status: 502 }];
    const err = await client()
      .synthesize("v", "hi", settings)
      .catch((e) => e);
    expect(err).toBeInstanceOf(ElevenLabsError);
    expect(err.status).toBe(502);
    expect(err.message).not.toContain("secret-echo");
  });

  it("does not retry a 401", async () => {
    script = [{ status: 401 }];
    await expect(client().synthesize("v", "hi", settings)).rejects.toMatchObject({ status: 401 });
    expect(seen).toHaveLength(1);
  });

  it("times out a slow answer", async () => {
    script = [{ status: 200, delayMs: 1500 }];
    const t = Date.now();
    await expect(client({ timeoutMs: 300 }).synthesize("v", "hi", settings)).rejects.toMatchObject({ status: null });
    expect(Date.now() - t).toBeLessThan(1400);
  });

  it("never runs more requests at once than its concurrency", async () => {
    script = Array.from({ length: 6 }, () => ({ status: 200, body: Buffer.from("a"), delayMs: 80 }));
    const c = client({ concurrency: 2 });
    await Promise.all(Array.from({ length: 6 }, (_, i) => c.synthesize("v", `concurrent ${i}`, settings)));
    expect(maxActive).toBe(2);
  });
});

describe("speech seam with ElevenLabs keyed", () => {
  const db = useTestDatabase();
  const e = (): Env =>
    ({ ELEVENLABS_API_KEY: "test-key", ELEVENLABS_BASE_URL: baseUrl, ELEVENLABS_TIMEOUT_MS: 2000, ELEVENLABS_VOICE_ALICE: "alice-voice" }) as Env;

  it("uses ElevenLabs with the configured voice, then serves the clip from the cache", async () => {
    const first = await speak(db().db, "alice", "Try 102.5 kg.", e());
    expect(first).toMatchObject({ engine: "elevenlabs", voice: "alice-voice", mime: "audio/mpeg", cached: false });
    expect(seen[0].body.text).toBe("Try one hundred two point five kilos.");
    const again = await speak(db().db, "alice", "Try 102.5 kg.", e());
    expect(again).toMatchObject({ engine: "elevenlabs", cached: true });
    expect(seen).toHaveLength(1);
  });

  it.each([
    ["5xx", [{ status: 500 }, { status: 500 }], /answered 500/],
    ["timeout", [{ status: 200, delayMs: 4000 }], /timed out/],
    ["429 past the deadline", [{ status: 429, headers: { "retry-after": "5" } }], /timed out/],
  ] as const)("falls back to the embedded voice on %s", async (_label, replies, reason) => {
    script = replies.map((r) => ({ ...r }));
    const r = await speak(db().db, "aiden", `Rest over, case ${_label}.`, e());
    expect(r.engine).toBe("flite");
    expect(r.voice).toBe("rms");
    expect(r.mime).toBe("audio/wav");
    expect(r.fallbackReason).toMatch(reason);
    expect(wavDurationSeconds(r.audio)).toBeGreaterThan(0.3);
  });
});
