import { describe, expect, it } from "vitest";
import { CueApiError, createCueApi, type CueApi, type CuePatch } from "@/lib/cues/client/api";
import { beepWav } from "@/lib/cues/client/beep";
import { clipsToEvict, MemoryClipStore } from "@/lib/cues/client/clip-store";
import { CuePlayerCore, requestKey, type AudioOutput } from "@/lib/cues/client/player";
import type { Clip, LiveCue } from "@/lib/cues/client/types";
import type { CueKind, CueRequest } from "@/lib/cues/types";

const flush = () => new Promise((r) => setTimeout(r, 0));
const bytes = (s: string) => new TextEncoder().encode(s).buffer as ArrayBuffer;
const text = (c: Clip) => new TextDecoder().decode(c.bytes);

function request(over: Partial<CueRequest> = {}, reps = 5): CueRequest {
  return {
    trigger: "set-end",
    persona: "alice",
    facts: { unit: "kg", exercise: { name: "Bench", setNumber: 1, totalSets: 3, compound: true }, done: { weightKg: 100, reps } },
    ...over,
  };
}

/** A fake server: cues in order of creation, each with its kind; audio bytes = the clip key. */
function harness(opts: { voice?: boolean; voiceEnabled?: boolean; audioError?: CueApiError; kinds?: CueKind[] } = {}) {
  let n = 0;
  let clock = 1000;
  // `shown` claims are kept apart from the other reports (played, thumbs) so each can be asserted on its own.
  const calls = { create: [] as CueRequest[], audio: [] as string[], update: [] as [string, CuePatch][], shown: [] as string[] };
  const gates: (() => void)[] = [];
  let holdCreate = false;
  const api: CueApi = {
    async create(ask) {
      const req = ask as CueRequest;
      calls.create.push(req);
      if (holdCreate) await new Promise<void>((r) => gates.push(r));
      const id = `cue-${++n}`;
      const key = `key:${req.trigger}:${JSON.stringify(req.facts.done ?? null)}`;
      return {
        id,
        trigger: req.trigger,
        kind: opts.kinds?.[n - 1] ?? "info",
        persona: req.persona,
        text: `text ${id}`,
        toast: `toast ${id}`,
        source: "template",
        generationMs: 1,
        voice: opts.voice ?? true,
        audio: (opts.voice ?? true) ? { url: `/api/live/cues/${id}/audio`, key } : null,
      } satisfies LiveCue;
    },
    async audio(url) {
      calls.audio.push(url);
      if (opts.audioError) throw opts.audioError;
      clock += 40; // the audio's trip
      return { bytes: bytes(`audio of ${url}`), mime: "audio/wav", key: null };
    },
    async update(id, { shown, ...patch }) {
      if (shown) calls.shown.push(id);
      if (Object.keys(patch).length) calls.update.push([id, patch]);
    },
  };
  const played: { clip: Clip; ended: () => void }[] = [];
  let stops = 0;
  const output: AudioOutput = {
    async play(clip, ended) {
      played.push({ clip, ended });
    },
    stop() {
      stops++;
    },
  };
  const told = { cues: [] as string[], refused: [] as string[], upgrade: [] as [string, string][] };
  const store = new MemoryClipStore(10, () => clock);
  const core = new CuePlayerCore(
    {
      api,
      store,
      output,
      user: "u1",
      now: () => clock,
      notify: {
        cue: (c) => told.cues.push(c.toast),
        refused: (m) => told.refused.push(m),
        upgrade: (m, url) => told.upgrade.push([m, url]),
      },
    },
    opts.voiceEnabled ?? true,
  );
  return {
    core,
    calls,
    played,
    told,
    store,
    get stops() {
      return stops;
    },
    hold: () => (holdCreate = true),
    release: () => {
      holdCreate = false;
      gates.splice(0).forEach((g) => g());
    },
    advance: (ms: number) => (clock += ms),
  };
}

describe("cue player (browser, pure part)", () => {
  it("Pro: shows the toast, plays the clip and reports played with the playback-start time", async () => {
    const h = harness();
    const out = await h.core.play(request());
    expect(out.status).toBe("queued");
    await flush();
    expect(h.told.cues).toEqual(["toast cue-1"]);
    expect(h.calls.audio).toEqual(["/api/live/cues/cue-1/audio"]);
    expect(text(h.played[0].clip)).toBe("audio of /api/live/cues/cue-1/audio");
    expect(h.calls.update).toEqual([["cue-1", { played: true, playbackStartMs: 40 }]]);
  });

  it("plays a recent clip from the store without fetching it again", async () => {
    const h = harness();
    await h.core.play(request());
    await flush();
    h.played[0].ended();
    await h.core.play(request({ seed: "another set, same words" }));
    await flush();
    expect(h.calls.create).toHaveLength(2);
    expect(h.calls.audio).toHaveLength(1); // the second cue has the same clip key
    expect(text(h.played[1].clip)).toBe("audio of /api/live/cues/cue-1/audio");
    expect(h.calls.update[1]).toEqual(["cue-2", { played: true, playbackStartMs: 0 }]);
  });

  it("plays one cue at a time, then the highest priority; lower ones are dropped", async () => {
    const h = harness({ kinds: ["info", "pace", "rest-end", "form"] });
    await h.core.play(request({}, 1));
    await h.core.play(request({}, 2));
    await h.core.play(request({}, 3));
    await h.core.play(request({}, 4));
    await flush();
    expect(h.told.cues).toEqual(["toast cue-1"]);
    h.played[0].ended();
    await flush();
    expect(h.told.cues).toEqual(["toast cue-1", "toast cue-3"]); // rest-end beat form and pace
    h.played[1].ended();
    await flush();
    expect(h.told.cues).toHaveLength(2); // form and pace were older news than the rest-end
    expect(h.played).toHaveLength(2);
  });

  it("drops a cue whose phase ended while it was being written, and stops a stale one that plays", async () => {
    const h = harness();
    h.core.setPhase("set:1");
    h.hold();
    const pending = h.core.play(request({ trigger: "set-start" }));
    h.core.setPhase("rest:1");
    h.release();
    expect((await pending).status).toBe("stale");
    await flush();
    expect(h.told.cues).toEqual([]);
    expect(h.played).toHaveLength(0);

    await h.core.play(request());
    await flush();
    expect(h.played).toHaveLength(1);
    h.core.setPhase("set:2");
    expect(h.stops).toBe(1);
    await h.core.play(request({}, 8));
    await flush();
    expect(h.played).toHaveLength(2); // the player is free again
  });

  it("drops a cue older than 20 s while waiting its turn", async () => {
    const h = harness();
    await h.core.play(request({}, 1));
    await h.core.play(request({}, 2));
    await flush();
    h.advance(21_000);
    h.played[0].ended();
    await flush();
    expect(h.told.cues).toEqual(["toast cue-1"]);
  });

  it("uses a prefetched cue and clip for an equal request, and asks afresh for a different one", async () => {
    const h = harness();
    const req = request();
    h.core.prefetch(req);
    await flush();
    expect(h.calls.create).toHaveLength(1);
    expect(h.calls.audio).toHaveLength(1);
    // Same request with its keys in another order: no new request, plays at once.
    const reordered: CueRequest = {
      facts: { done: { reps: 5, weightKg: 100 }, exercise: req.facts.exercise, unit: "kg" },
      persona: "alice",
      trigger: "set-end",
    };
    expect(requestKey(reordered)).toBe(requestKey(req));
    await h.core.play(reordered);
    await flush();
    expect(h.calls.create).toHaveLength(1);
    expect(h.calls.update[0]).toEqual(["cue-1", { played: true, playbackStartMs: 0 }]);
    h.played[0].ended();
    // A prefetch is used once; 4 reps instead of 5 is another cue.
    await h.core.play(request({}, 4));
    expect(h.calls.create).toHaveLength(2);
  });

  it("a prefetch is marked prefetch: true; play() of the same moment asks without it", async () => {
    const h = harness();
    h.core.prefetch(request());
    await flush();
    expect(h.calls.create[0]).toEqual({ ...request(), prefetch: true });
    await h.core.play(request({}, 4));
    expect(h.calls.create[1]).toEqual(request({}, 4));
    expect(h.calls.create[1]).not.toHaveProperty("prefetch");
  });

  it("reports every surfaced cue shown exactly once (prefetched or not, voice or toast); repeats and dropped cues are not claimed", async () => {
    const h = harness({ voice: false });
    h.core.prefetch(request());
    await flush();
    expect(h.calls.shown).toEqual([]); // written ahead, not shown: not claimed
    await h.core.play(request());
    await flush();
    expect(h.told.cues).toEqual(["toast cue-1"]);
    expect(h.calls.shown).toEqual(["cue-1"]);
    h.played[0].ended(); // Free: the beep ends
    await h.core.play(request({}, 4)); // not prefetched
    await flush();
    h.played[1].ended();
    expect(h.calls.shown).toEqual(["cue-1", "cue-2"]);
    expect(h.core.repeatLast()).toBe(true);
    await flush();
    h.played[2].ended();
    expect(h.calls.shown).toEqual(["cue-1", "cue-2"]); // a repeat is not a new claim
    // A prefetched cue whose moment passed before its turn is never shown, so never claimed.
    h.core.setPhase("set:1");
    h.core.prefetch(request({}, 3));
    await flush();
    await h.core.play(request({}, 3), { phase: "set:0" });
    await flush();
    expect(h.calls.shown).toEqual(["cue-1", "cue-2"]);
    // With voice: one claim, and the played report as before.
    const v = harness();
    await v.core.play(request());
    await flush();
    expect(v.calls.shown).toEqual(["cue-1"]);
    expect(v.calls.update).toEqual([["cue-1", { played: true, playbackStartMs: 40 }]]);
  });

  it("Free: the toast and a beep through the same output, no audio request", async () => {
    const h = harness({ voice: false });
    await h.core.play(request());
    await flush();
    expect(h.told.cues).toEqual(["toast cue-1"]);
    expect(h.calls.audio).toEqual([]);
    expect(h.played).toHaveLength(1);
    expect(h.played[0].clip.mime).toBe("audio/wav");
    expect(new TextDecoder().decode(h.played[0].clip.bytes.slice(0, 4))).toBe("RIFF");
    expect(h.calls.update).toEqual([]); // a beep is not the cue's voice
  });

  it("402 on the audio: says where to upgrade once, beeps, and stops asking for audio", async () => {
    const h = harness({ audioError: new CueApiError("Spoken cues are not included in the Free plan.", 402, "voice_requires_upgrade", "/pricing") });
    await h.core.play(request({}, 1));
    await flush();
    h.played[0].ended();
    await h.core.play(request({}, 2));
    await flush();
    expect(h.told.upgrade).toEqual([["Spoken cues are not included in the Free plan.", "/pricing"]]);
    expect(h.calls.audio).toHaveLength(1);
    expect(h.told.cues).toEqual(["toast cue-1", "toast cue-2"]);
    expect(h.played.map((p) => p.clip.mime)).toEqual(["audio/wav", "audio/wav"]);
  });

  it("speech allowance used up: the message once, the text cue still shows", async () => {
    const h = harness({ audioError: new CueApiError("You've used all 100 speech generations this hour.", 429, "rate_limited") });
    await h.core.play(request({}, 1));
    await flush();
    h.played[0].ended();
    await h.core.play(request({}, 2));
    await flush();
    expect(h.told.refused).toEqual(["You've used all 100 speech generations this hour."]);
    expect(h.told.cues).toEqual(["toast cue-1", "toast cue-2"]);
  });

  it("cue allowance used up: the server's message, nothing queued", async () => {
    const h = harness();
    h.core["deps"].api.create = async () => {
      throw new CueApiError("You've used all 50 live cues this hour on the Free plan.", 429, "rate_limited");
    };
    const out = await h.core.play(request());
    expect(out.status).toBe("refused");
    expect(h.told.refused).toEqual(["You've used all 50 live cues this hour on the Free plan."]);
  });

  it("voice off: the toast alone; turning it off mid-cue stops the clip", async () => {
    const h = harness({ voiceEnabled: false });
    await h.core.play(request());
    await flush();
    expect(h.told.cues).toHaveLength(1);
    expect(h.played).toHaveLength(0);
    expect(h.calls.audio).toHaveLength(0);

    h.core.setVoiceEnabled(true);
    await h.core.play(request({}, 2));
    await flush();
    expect(h.played).toHaveLength(1);
    h.core.setVoiceEnabled(false);
    expect(h.stops).toBe(1);
  });

  it("repeats the last cue's clip without asking the server or reporting it again", async () => {
    const h = harness();
    expect(h.core.repeatLast()).toBe(false);
    await h.core.play(request());
    await flush();
    h.played[0].ended();
    expect(h.core.repeatLast()).toBe(true);
    await flush();
    expect(h.played).toHaveLength(2);
    expect(text(h.played[1].clip)).toBe(text(h.played[0].clip));
    expect(h.calls.create).toHaveLength(1);
    expect(h.calls.audio).toHaveLength(1);
    expect(h.calls.update).toHaveLength(1);
    expect(h.core.lastCue?.id).toBe("cue-1");
  });

  it("sends thumbs up/down as feedback", async () => {
    const h = harness();
    await h.core.feedback("cue-9", -1);
    expect(h.calls.update).toEqual([["cue-9", { feedback: -1 }]]);
  });
});

describe("a cue carried by the save's answer (PATCH /api/live/workout with cue)", () => {
  const carried = (over: Partial<LiveCue> = {}): LiveCue => ({
    id: "cue-s",
    trigger: "set-end",
    kind: "pr",
    persona: "alice",
    text: "PR — 105 beats 102.5 from October.",
    toast: "PR · 105 kg (was 102.5)",
    source: "template",
    generationMs: 1,
    voice: true,
    audio: { url: "/api/live/cues/cue-s/audio", key: "k".repeat(64) },
    ...over,
  });
  const b64 = (s: string) => btoa(s);

  it("plays the inline clip at once: no cue request, no audio request; the clip is kept and its key reported", async () => {
    const h = harness();
    const out = await h.core.play(request(), {
      ready: Promise.resolve({ cue: carried({ clip: { mime: "audio/wav", base64: b64("RIFF inline") } }) }),
    });
    expect(out.status).toBe("queued");
    await flush();
    expect(h.calls.create).toEqual([]);
    expect(h.calls.audio).toEqual([]);
    expect(h.told.cues).toEqual(["PR · 105 kg (was 102.5)"]);
    expect(text(h.played[0].clip)).toBe("RIFF inline");
    expect(h.calls.update).toEqual([["cue-s", { played: true, playbackStartMs: 0 }]]);
    expect(await h.store.get("u1", "k".repeat(64))).not.toBeNull();
    expect(h.core.keptClips()).toEqual(["k".repeat(64)]);
  });

  it("without an inline clip: fetches only the audio (or takes it from the store)", async () => {
    const h = harness();
    await h.core.play(request(), { ready: Promise.resolve({ cue: carried() }) });
    await flush();
    expect(h.calls.create).toEqual([]);
    expect(h.calls.audio).toEqual(["/api/live/cues/cue-s/audio"]);
    h.played[0].ended();
    await h.core.play(request({ seed: "again" }), { ready: Promise.resolve({ cue: carried({ id: "cue-t" }) }) });
    await flush();
    expect(h.calls.audio).toHaveLength(1);
    expect(h.core.keptClips()).toEqual(["k".repeat(64)]);
  });

  it("a refusal in the answer is told like a refused request; no answer means no cue (and no request of its own)", async () => {
    const h = harness();
    const refused = await h.core.play(request(), {
      ready: Promise.resolve({ cueError: { error: "You've used all 50 live workout cues this hour.", code: "rate_limited", status: 429 } }),
    });
    expect(refused).toMatchObject({ status: "refused", error: { status: 429, code: "rate_limited" } });
    expect(h.told.refused).toEqual(["You've used all 50 live workout cues this hour."]);
    const none = await h.core.play(request(), { ready: Promise.resolve(null) });
    expect(none.status).toBe("failed");
    expect(h.calls.create).toEqual([]);
    expect(h.played).toEqual([]);
  });

  it("keeps at most 10 clip keys, most recent last", async () => {
    const h = harness();
    for (let i = 0; i < 12; i++) {
      const key = String(i).padStart(64, "0");
      await h.core.play(request({ seed: String(i) }), {
        ready: Promise.resolve({
          cue: carried({ id: `c${i}`, audio: { url: `/a/${i}`, key }, clip: { mime: "audio/wav", base64: b64(`clip ${i}`) } }),
        }),
      });
      await flush();
      h.played.at(-1)!.ended();
    }
    const kept = h.core.keptClips();
    expect(kept).toHaveLength(10);
    expect(kept.at(-1)).toBe(String(11).padStart(64, "0"));
    expect(kept[0]).toBe(String(2).padStart(64, "0"));
  });
});

describe("recent clips in the browser", () => {
  const clip = (s: string): Clip => ({ bytes: bytes(s), mime: "audio/wav" });

  it("keeps 10 per user and evicts the least recently used", async () => {
    let t = 0;
    const store = new MemoryClipStore(10, () => t++);
    for (let i = 0; i < 10; i++) await store.put("a", `k${i}`, clip(`c${i}`));
    expect(await store.get("a", "k0")).not.toBeNull(); // k0 is now the most recent
    await store.put("a", "k10", clip("c10"));
    expect(store.keys("a")).toHaveLength(10);
    expect(await store.get("a", "k1")).toBeNull(); // the oldest unused one went
    expect(text((await store.get("a", "k0"))!)).toBe("c0");
  });

  it("never mixes users", async () => {
    const store = new MemoryClipStore();
    await store.put("a", "k", clip("alice's"));
    expect(await store.get("b", "k")).toBeNull();
    for (let i = 0; i < 12; i++) await store.put("b", `k${i}`, clip("x"));
    expect(store.keys("a")).toEqual(["k"]);
    expect(store.keys("b")).toHaveLength(10);
  });

  it("eviction policy: oldest first, nothing below the limit", () => {
    const clips = Array.from({ length: 12 }, (_, i) => ({ key: `k${i}`, usedAt: 100 - i }));
    expect(clipsToEvict(clips)).toEqual(["k10", "k11"]);
    expect(clipsToEvict(clips.slice(0, 10))).toEqual([]);
  });
});

describe("beep and API client", () => {
  it("the beep is a valid 8-bit mono PCM WAV of the asked length; amplitude 0 is silence", () => {
    const { bytes: b } = beepWav({ ms: 100, sampleRate: 8000 });
    const v = new DataView(b);
    expect(b.byteLength).toBe(44 + 800);
    expect(v.getUint32(40, true)).toBe(800);
    expect(v.getUint16(34, true)).toBe(8);
    const samples = new Uint8Array(b, 44);
    expect(Math.max(...samples) - Math.min(...samples)).toBeGreaterThan(100);
    const quiet = new Uint8Array(beepWav({ amplitude: 0 }).bytes, 44);
    expect(new Set(quiet)).toEqual(new Set([128]));
  });

  it("turns a refusal into CueApiError with the server's message, code and upgrade link", async () => {
    const api = createCueApi(async () =>
      Response.json(
        { error: "Spoken cues are not included in the Free plan.", code: "voice_requires_upgrade", upgradeUrl: "/pricing" },
        { status: 402 },
      ),
    );
    const err = await api.audio("/api/live/cues/x/audio").catch((e) => e);
    expect(err).toBeInstanceOf(CueApiError);
    expect(err).toMatchObject({
      status: 402,
      code: "voice_requires_upgrade",
      upgradeUrl: "/pricing",
      message: "Spoken cues are not included in the Free plan.",
    });
  });

  it("reads the clip key the server answered with", async () => {
    const api = createCueApi(
      async () => new Response(new Uint8Array([1, 2, 3]), { headers: { "content-type": "audio/mpeg", "x-speech-key": "abc" } }),
    );
    const got = await api.audio("/a");
    expect(got).toMatchObject({ mime: "audio/mpeg", key: "abc" });
    expect(got.bytes.byteLength).toBe(3);
  });
});
