import type { Clip, CueAsk, LiveCue } from "./types";

/** A refusal from the cue routes, with the server's message (shown as is) and code. */
export class CueApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string | null,
    /** 402 voice_requires_upgrade: where to upgrade. */
    readonly upgradeUrl: string | null = null,
  ) {
    super(message);
  }
}

export interface CuePatch {
  /** Surfaced (toast or voice): the claim that counts a prefetched cue. */
  shown?: true;
  played?: boolean;
  playbackStartMs?: number;
  feedback?: -1 | 1 | null;
}

/** The three cue routes as the player uses them. */
export interface CueApi {
  create(req: CueAsk): Promise<LiveCue>;
  /** The clip and the key of the clip that answered (differs from cue.audio.key after a fallback). */
  audio(url: string): Promise<Clip & { key: string | null }>;
  update(cueId: string, patch: CuePatch): Promise<void>;
}

async function refusal(res: Response): Promise<CueApiError> {
  const body = (await res.json().catch(() => null)) as { error?: string; code?: string; upgradeUrl?: string } | null;
  return new CueApiError(body?.error ?? `The cue request failed (${res.status}).`, res.status, body?.code ?? null, body?.upgradeUrl ?? null);
}

export function createCueApi(fetchImpl: typeof fetch = (...a) => fetch(...a)): CueApi {
  return {
    async create(req) {
      const res = await fetchImpl("/api/live/cues", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(req) });
      if (!res.ok) throw await refusal(res);
      return (await res.json()) as LiveCue;
    },
    async audio(url) {
      const res = await fetchImpl(url);
      if (!res.ok) throw await refusal(res);
      return { bytes: await res.arrayBuffer(), mime: res.headers.get("content-type") ?? "audio/wav", key: res.headers.get("x-speech-key") };
    },
    async update(cueId, patch) {
      const res = await fetchImpl(`/api/live/cues/${encodeURIComponent(cueId)}`, {
        method: "PATCH",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(patch),
      });
      if (!res.ok) throw await refusal(res);
    },
  };
}
