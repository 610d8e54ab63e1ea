import { clipsToEvict, RECENT_CLIPS_PER_USER, type ClipStore, type StoredClip } from "./clip-store";
import type { Clip } from "./types";

const DB_NAME = "spotter-cue-clips";
const STORE = "clips";

const done = <T>(req: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });

const committed = (tx: IDBTransaction) =>
  new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });

/**
 * Recent clips in IndexedDB: records keyed [user, key] with an index on user; the policy is
 * clip-store.ts's clipsToEvict (tested there with the in-memory store).
 */
export class IndexedDbClipStore implements ClipStore {
  private db: Promise<IDBDatabase> | null = null;

  constructor(
    private readonly factory: IDBFactory = indexedDB,
    private readonly limit = RECENT_CLIPS_PER_USER,
  ) {}

  private open(): Promise<IDBDatabase> {
    this.db ??= new Promise((resolve, reject) => {
      const req = this.factory.open(DB_NAME, 1);
      req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: ["user", "key"] }).createIndex("user", "user");
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    return this.db;
  }

  async get(user: string, key: string): Promise<Clip | null> {
    const db = await this.open();
    const tx = db.transaction(STORE, "readwrite");
    const store = tx.objectStore(STORE);
    const row = (await done(store.get([user, key]))) as StoredClip | undefined;
    if (row) store.put({ ...row, usedAt: Date.now() });
    await committed(tx);
    return row ? { bytes: row.bytes, mime: row.mime } : null;
  }

  async put(user: string, key: string, clip: Clip): Promise<void> {
    const db = await this.open();
    const tx = db.transaction(STORE, "readwrite");
    const store = tx.objectStore(STORE);
    const row: StoredClip = { user, key, bytes: clip.bytes, mime: clip.mime, usedAt: Date.now() };
    store.put(row);
    const mine = (await done(store.index("user").getAll(user))) as StoredClip[];
    for (const k of clipsToEvict(mine, this.limit)) store.delete([user, k]);
    await committed(tx);
  }
}
