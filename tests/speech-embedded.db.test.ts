import { afterAll, describe, expect, it } from "vitest";
import type { Env } from "@/lib/config/env";
import { speak } from "@/lib/speech";
import { fliteSynthesize, stopEmbeddedVoices, wavDurationSeconds } from "@/lib/speech/embedded";
import { speechCacheStats } from "@/lib/speech/cache";
import { useTestDatabase } from "./helpers/db";

afterAll(() => stopEmbeddedVoices());

describe("embedded voices (Flite in a worker thread)", () => {
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
