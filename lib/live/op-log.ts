import { z } from "zod";
import { applyOps, liveOpSchema, LiveOpError, type ExerciseMeta, type LiveOp, type LiveState } from "./model";

/**
 * Exactly-once operations. Every operation the browser makes gets an id (a UUID) when it is made,
 * is queued with it and sent with it. The server keeps the ids it has applied (the workout's
 * `appliedOpIds`, the newest MAX_APPLIED_OP_IDS, written in the same conditional UPDATE as the
 * state) and skips an id it already has. So a save whose answer was lost (the network dropped after
 * the commit, or a reload before the response) can be sent again — after a 409, after a reload, from
 * another tab that picked up the stored queue — and each operation still applies once, also the ones
 * that are not idempotent by themselves (move, rest ±15 s, an add after a remove). The browser, on
 * adopting a newer workout, drops the queued operations the server already has before replaying the
 * rest on screen (`pendingAfter`). The pure logic lives here so browser, server and tests share it.
 */

/** The window of remembered ids: larger than one save (MAX_OPS_PER_SAVE) plus what other tabs do meanwhile. */
export const MAX_APPLIED_OP_IDS = 500;
export const MAX_OPS_PER_SAVE = 200;

const queuedOpSchema = z.object({ id: z.uuid(), op: liveOpSchema }).strict();
/** An operation as queued in the browser and sent to the server. */
export type QueuedOp = z.output<typeof queuedOpSchema>;
export const queuedOpsSchema = z.array(queuedOpSchema).min(1).max(MAX_OPS_PER_SAVE);

type ApplyContext = Parameters<typeof applyOps>[2];

/** A v4 UUID; `crypto.randomUUID` only exists in secure contexts, `getRandomValues` everywhere. */
function newOpId(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, "0")).join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export function queued(op: LiveOp): QueuedOp {
  return { id: newOpId(), op };
}

/**
 * Server side: applies the operations whose ids are not applied yet (a repeated id inside the batch
 * counts once) and returns the new state, the id window to store and the operations that were new.
 * Throws LiveOpError like applyOps when a new operation does not fit.
 */
export function applyOnce(
  state: LiveState,
  appliedOpIds: readonly string[],
  ops: readonly QueuedOp[],
  ctx: ApplyContext,
): { state: LiveState; appliedOpIds: string[]; fresh: QueuedOp[] } {
  const seen = new Set(appliedOpIds);
  const fresh: QueuedOp[] = [];
  for (const q of ops) {
    if (seen.has(q.id)) continue;
    seen.add(q.id);
    fresh.push(q);
  }
  if (!fresh.length) return { state, appliedOpIds: [...appliedOpIds], fresh };
  const next = applyOps(
    state,
    fresh.map((q) => q.op),
    ctx,
  );
  return { state: next, appliedOpIds: [...appliedOpIds, ...fresh.map((q) => q.id)].slice(-MAX_APPLIED_OP_IDS), fresh };
}

/** Browser side: the queued operations a newer workout from the server does not have yet, in order. */
export function pendingAfter(workout: { appliedOpIds: readonly string[] }, queue: readonly QueuedOp[]): QueuedOp[] {
  const applied = new Set(workout.appliedOpIds);
  return queue.filter((q) => !applied.has(q.id));
}

/** The screen's state: the server's workout with the queue replayed on top; an operation that no longer fits is skipped. */
export function replayQueue(state: LiveState, queue: readonly QueuedOp[], meta: (id: string) => ExerciseMeta | undefined): LiveState {
  let s = state;
  for (const q of queue) {
    try {
      s = applyOps(s, [q.op], { meta, now: new Date(8.64e15) });
    } catch (e) {
      if (!(e instanceof LiveOpError)) throw e;
    }
  }
  return s;
}

/**
 * A queue read back from localStorage. Entries from before op ids (a numeric id) were never sent
 * with an id, so the server cannot hold one for them: they get a fresh id (for those, at most the old
 * risk of a repeat remains, once). Anything unreadable is dropped rather than sent.
 */
export function parseStoredQueue(raw: string | null): QueuedOp[] {
  if (!raw) return [];
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return [];
  }
  if (!Array.isArray(data)) return [];
  const out: QueuedOp[] = [];
  for (const entry of data) {
    if (!entry || typeof entry !== "object") continue;
    const e = entry as { id?: unknown; op?: unknown };
    const parsed = queuedOpSchema.safeParse({ id: typeof e.id === "number" ? newOpId() : e.id, op: e.op });
    if (parsed.success) out.push(parsed.data);
  }
  return out;
}
