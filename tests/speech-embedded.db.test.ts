import { afterAll, describe, expect, it, vi } from "vitest";
import type { Env } from "@/lib/config/env";
import { speak } from "@/lib/speech";
import { embeddedVoicePid, fliteSynthesize, stopEmbeddedVoices, wavDurationSeconds } from "@/lib/speech/embedded";
import { speechCacheStats } from "@/lib/speech/cache";
import { useTestDatabase } from "./helpers/db";

afterAll(() => stopEmbeddedVoices());

describe("embedded voices (Flite in a process of its own)", () => {
  it("speaks as Alice (slt) and Aiden (rms): real, different WAV audio", async () => {
    const [alice, aiden] = await Promise.all([
      fliteSynthesize("slt", "one hundred two point five kilos"),
      fliteSynthesize("rms", "one hundred two point five kilos"),
    ]);
    for (const wav of [alice, aiden]) {
      expect(wav.toString("ascii", 0, 4)).toBe("RIFF");
      expect(wavDurationSeconds(wav)).toBeGreaterThan(0.8);
    }
    expect(alice.equals(aiden)).toBe(false);
  });

  it("rejects unknown voices", async () => {
    await expect(fliteSynthesize("nope", "hi")).rejects.toThrow(/unknown flite voice/);
  });

  it("a crash of the voice process (SIGSEGV) never reaches this process: the clip in flight is made again by a new one", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    await fliteSynthesize("slt", "warm up");
    const first = embeddedVoicePid();
    expect(first).toEqual(expect.any(Number));
    expect(first).not.toBe(process.pid);
    const inFlight = fliteSynthesize("slt", "this clip outlives the process that was making it");
    process.kill(first!, "SIGSEGV");
    expect(wavDurationSeconds(await inFlight)).toBeGreaterThan(0.5);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/embedded voice process stopped \(SIGSEGV\)/));
    const second = embeddedVoicePid();
    expect(second).toEqual(expect.any(Number));
    expect(second).not.toBe(first);
    // Twelve clips asked at once take turns in the voice process (workers retired inside it), in order.
    const many = await Promise.all(Array.from({ length: 12 }, (_, i) => fliteSynthesize(i % 2 ? "slt" : "rms", `set ${i + 1} of twelve`)));
    expect(many.every((w) => (wavDurationSeconds(w) ?? 0) > 0.3)).toBe(true);
    warn.mockRestore();
  });

  it("stops cleanly, and starts again on demand", async () => {
    await fliteSynthesize("slt", "one");
    await stopEmbeddedVoices();
    expect(embeddedVoicePid()).toBeNull();
    expect(wavDurationSeconds(await fliteSynthesize("slt", "two"))).toBeGreaterThan(0.2);
  });
});

describe("speech seam without a key", () => {
  const db = useTestDatabase();
  it("uses the embedded voice, caches it and records hit and miss", async () => {
    const e = {} as Env;
    const a = await speak(db().db, "alice", "Set 3/5. 100 kg × 5.", e);
    expect(a).toMatchObject({ engine: "flite", voice: "slt", cached: false, mime: "audio/wav" });
    const b = await speak(db().db, "alice", "Set 3/5. 100 kg × 5.", e);
    expect(b.cached).toBe(true);
    expect(b.audio.equals(a.audio)).toBe(true);
    const s = await speechCacheStats(db().db);
    expect(s).toMatchObject({ requests: 2, hits: 1, clips: 1 });
  });
});
