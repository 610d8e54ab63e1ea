import type { Clip } from "./types";

/** Recent clips the browser keeps per user (issue 9: 10 per user, the oldest evicted). */
export const RECENT_CLIPS_PER_USER = 10;

export interface StoredClip extends Clip {
  /** Whose clip (clips of different users on one device never mix). */
  user: string;
  /** The server's clip cache key. */
  key: string;
  /** Last stored or played (ms since epoch): the least recent goes first. */
  usedAt: number;
}

/** Where recent clips live: IndexedDB in the browser (indexeddb-store.ts), memory in tests. */
export interface ClipStore {
  /** The clip, marking it used; null when absent. */
  get(user: string, key: string): Promise<Clip | null>;
  /** Stores the clip and evicts the user's least recently used beyond the limit. */
  put(user: string, key: string, clip: Clip): Promise<void>;
}

/** The keys to delete so at most `limit` remain — the least recently used go first. */
export function clipsToEvict(clips: readonly Pick<StoredClip, "key" | "usedAt">[], limit = RECENT_CLIPS_PER_USER): string[] {
  if (clips.length <= limit) return [];
  return [...clips]
    .sort((a, b) => b.usedAt - a.usedAt || (a.key < b.key ? -1 : 1))
    .slice(limit)
    .map((c) => c.key);
}

/** The same policy in memory (tests, and browsers without IndexedDB, e.g. private modes that refuse it). */
export class MemoryClipStore implements ClipStore {
  private readonly clips = new Map<string, StoredClip>();
  private tick = 0;

  constructor(
    private readonly limit = RECENT_CLIPS_PER_USER,
    private readonly now = () => Date.now(),
  ) {}

  // A strictly increasing clock, so two uses in one millisecond still have an order.
  private stamp(): number {
    this.tick = Math.max(this.tick + 1, this.now());
    return this.tick;
  }

  async get(user: string, key: string): Promise<Clip | null> {
    const c = this.clips.get(`${user}\u0000${key}`);
    if (!c) return null;
    c.usedAt = this.stamp();
    return { bytes: c.bytes, mime: c.mime };
  }

  async put(user: string, key: string, clip: Clip): Promise<void> {
    this.clips.set(`${user}\u0000${key}`, { user, key, bytes: clip.bytes, mime: clip.mime, usedAt: this.stamp() });
    const mine = [...this.clips.values()].filter((c) => c.user === user);
    for (const k of clipsToEvict(mine, this.limit)) this.clips.delete(`${user}\u0000${k}`);
  }

  keys(user: string): string[] {
    return [...this.clips.values()].filter((c) => c.user === user).map((c) => c.key);
  }
}
