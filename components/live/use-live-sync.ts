"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { toast } from "sonner";
import type { ExerciseMeta, LiveOp } from "@/lib/live/model";
import { MAX_OPS_PER_SAVE, parseStoredQueue, pendingAfter, queued, replayQueue, type QueuedOp } from "@/lib/live/op-log";
import type { CueReply, CueReplyFields } from "@/lib/cues/client/types";
import type { LiveView } from "@/lib/live/service";
import type { LiveWorkout } from "@/lib/live/workout";

/**
 * The browser side of the version protocol. Every change is an operation: applied at once on
 * screen, queued (and kept in localStorage, so a crash or a reload offline loses nothing), and sent
 * with the version it was made on. A 409 brings the current workout: the queued operations are
 * replayed on top of it and sent again. Offline, the queue waits for the connection. Every operation
 * has an id the server remembers once applied: whenever a newer workout is adopted (an answer, a
 * 409, a reload) the queued operations it already holds are dropped, so a save whose answer was
 * lost is never applied twice (lib/live/op-log.ts).
 */
type Pending = QueuedOp;

/** A cue asked for with a queued operation: sent with the batch that carries it, answered by that save. */
interface CueAsk {
  moment: object;
  resolve: (reply: CueReply | null) => void;
}

/** The exercises whose last-time sets the screen holds (the save answers them only when asked). */
const exerciseIds = (w: LiveWorkout | null) => new Set(w?.state.exercises.map((e) => e.exerciseId) ?? []);

const storeKey = (workoutId: string) => `spotter.live.queue.${workoutId}`;

function loadQueue(workoutId: string): Pending[] {
  try {
    return parseStoredQueue(localStorage.getItem(storeKey(workoutId)));
  } catch {
    return [];
  }
}

function saveQueue(workoutId: string, q: Pending[]) {
  try {
    if (q.length) localStorage.setItem(storeKey(workoutId), JSON.stringify(q));
    else localStorage.removeItem(storeKey(workoutId));
  } catch {
    // storage full or blocked: the queue still lives in memory
  }
}

export type SyncStatus = "saved" | "saving" | "offline" | "error";

export function useLiveSync(initial: LiveView, catalog: ExerciseMeta[]) {
  const [server, setServer] = useState<LiveWorkout | null>(initial.workout);
  const [last, setLast] = useState(initial.last);
  const [queue, setQueue] = useState<Pending[]>([]);
  const [status, setStatus] = useState<SyncStatus>("saved");
  const queueRef = useRef<Pending[]>([]);
  const serverRef = useRef<LiveWorkout | null>(initial.workout);
  const inflight = useRef(false);
  const waiters = useRef<(() => void)[]>([]);
  const cueAsks = useRef(new Map<string, CueAsk>());
  const lastFor = useRef(exerciseIds(initial.workout));
  const metaMap = useMemo(() => new Map(catalog.map((m) => [m.exerciseId, m])), [catalog]);
  const meta = useCallback((id: string) => metaMap.get(id), [metaMap]);

  const setQ = useCallback((q: Pending[]) => {
    queueRef.current = q;
    setQueue(q);
    if (serverRef.current) saveQueue(serverRef.current.id, q);
  }, []);

  const adopt = useCallback((w: LiveWorkout | null) => {
    serverRef.current = w;
    setServer(w);
  }, []);

  const answerCue = useCallback((id: string, reply: CueReply | null) => {
    cueAsks.current.get(id)?.resolve(reply);
    cueAsks.current.delete(id);
  }, []);

  /**
   * A newer workout from the server: what it already applied leaves the queue (a lost answer is not
   * applied twice), and a cue asked with an operation that left that way gets "none" at once.
   */
  const adoptNewer = useCallback(
    (w: LiveWorkout, sent?: Set<string>) => {
      adopt(w);
      const q = pendingAfter(w, sent ? queueRef.current.filter((p) => !sent.has(p.id)) : queueRef.current);
      setQ(q);
      const left = new Set(q.map((p) => p.id));
      for (const id of [...cueAsks.current.keys()]) if (!left.has(id)) answerCue(id, null);
    },
    [adopt, setQ, answerCue],
  );

  const flushOnce = useCallback(async (): Promise<boolean> => {
    const w = serverRef.current;
    if (inflight.current || !w) return false;
    const batch = queueRef.current.slice(0, MAX_OPS_PER_SAVE);
    if (!batch.length) {
      setStatus("saved");
      waiters.current.splice(0).forEach((f) => f());
      return false;
    }
    if (typeof navigator !== "undefined" && navigator.onLine === false) {
      setStatus("offline");
      return false;
    }
    inflight.current = true;
    setStatus("saving");
    // Only the newest cue asked for in this batch is still due; older ones are answered "none".
    const askIds = batch.map((p) => p.id).filter((id) => cueAsks.current.has(id));
    const askId = askIds.at(-1);
    for (const id of askIds.slice(0, -1)) answerCue(id, null);
    const withLast = w.state.exercises.some((e) => !lastFor.current.has(e.exerciseId));
    try {
      const res = await fetch("/api/live/workout", {
        method: "PATCH",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          workoutId: w.id,
          version: w.version,
          ops: batch,
          ...(withLast ? { withLast } : {}),
          ...(askId !== undefined ? { cue: cueAsks.current.get(askId)!.moment } : {}),
        }),
      });
      const body = (await res.json().catch(() => null)) as
        (Partial<LiveView> & CueReplyFields & { workout?: LiveWorkout | null; error?: string; code?: string; current?: LiveWorkout | null }) | null;
      const sent = new Set(batch.map((p) => p.id));
      if (res.ok && body?.workout) {
        // The cue first: its clip starts before the screen re-renders with the saved workout.
        if (askId !== undefined) answerCue(askId, body.cue ? { cue: body.cue } : body.cueError ? { cueError: body.cueError } : null);
        adoptNewer(body.workout, sent);
        if (body.last) {
          setLast(body.last);
          lastFor.current = exerciseIds(body.workout);
        }
        return true;
      }
      if (res.status === 409 && body?.code === "live_conflict" && body.current) {
        // Another screen saved first, or an earlier answer was lost: drop what the server already
        // applied, rebase the rest on the newest version and send again.
        adoptNewer(body.current);
        return true;
      }
      if (res.status === 409 || res.status === 404) {
        toast.error(body?.error ?? "This workout ended on another screen.");
        adopt(null);
        setQ([]);
        for (const id of [...cueAsks.current.keys()]) answerCue(id, null);
        return false;
      }
      if (res.status === 422 && body?.current) {
        toast.error(body.error ?? "That change could not be saved.");
        adoptNewer(body.current, sent);
        if (askId !== undefined) answerCue(askId, null);
        return true;
      }
      setStatus("error");
      toast.error(body?.error ?? "Saving failed; your changes are kept and will be sent again.");
      return false;
    } catch {
      setStatus("offline");
      return false;
    } finally {
      inflight.current = false;
    }
  }, [adopt, adoptNewer, setQ, answerCue]);

  const flush = useCallback(async (): Promise<void> => {
    for (let i = 0; i < 20 && (await flushOnce()); i++);
  }, [flushOnce]);

  // Adopt a queue left by a reload or a crash, and retry whenever the connection comes back.
  const workoutId = server?.id;
  useEffect(() => {
    if (!workoutId) return;
    // After a reload the page's workout may already hold some of them (the answer was lost).
    const kept = loadQueue(workoutId);
    const stored = serverRef.current ? pendingAfter(serverRef.current, kept) : [];
    if (stored.length !== kept.length) saveQueue(workoutId, stored);
    if (stored.length) {
      // Adopted after this render: the queue lives in localStorage, outside React.
      queueMicrotask(() => {
        queueRef.current = stored;
        setQueue(stored);
        void flush();
      });
    }
    const online = () => void flush();
    window.addEventListener("online", online);
    const timer = window.setInterval(() => {
      if (queueRef.current.length) void flush();
    }, 5000);
    return () => {
      window.removeEventListener("online", online);
      window.clearInterval(timer);
    };
  }, [workoutId, flush]);

  const dispatch = useCallback(
    (...ops: LiveOp[]) => {
      if (!serverRef.current) return;
      setQ([...queueRef.current, ...ops.map(queued)]);
      void flush();
    },
    [flush, setQ],
  );

  /**
   * Queues the operations and asks for the cue of the moment they create (`moment`: the body of
   * PATCH /api/live/workout's `cue`) in the same save. Resolves with the cue, the reason there is
   * none, or null when the save did not go through in time (offline: no cue, the set is kept).
   */
  const dispatchWithCue = useCallback(
    (moment: object, ...ops: LiveOp[]): Promise<CueReply | null> => {
      if (!serverRef.current || !ops.length) return Promise.resolve(null);
      return new Promise<CueReply | null>((resolve) => {
        const entries = ops.map(queued);
        const id = entries.at(-1)!.id;
        const timer = window.setTimeout(() => answerCue(id, null), 4000);
        cueAsks.current.set(id, {
          moment,
          resolve: (reply) => {
            window.clearTimeout(timer);
            resolve(reply);
          },
        });
        setQ([...queueRef.current, ...entries]);
        void flush();
      });
    },
    [flush, setQ, answerCue],
  );

  /** Resolves once everything queued so far is on the server (or right away when it cannot be sent now). */
  const settled = useCallback(async () => {
    if (!queueRef.current.length) return;
    await new Promise<void>((resolve) => {
      waiters.current.push(resolve);
      void flush();
      window.setTimeout(resolve, 8000);
    });
  }, [flush]);

  const state = useMemo(() => (server ? replayQueue(server.state, queue, meta) : null), [server, queue, meta]);

  return {
    workout: server,
    state,
    last,
    status,
    pending: queue.length,
    dispatch,
    dispatchWithCue,
    settled,
    /** A workout started, finished or discarded: the new truth from the server. */
    reset: (view: LiveView) => {
      adopt(view.workout);
      setLast(view.last);
      lastFor.current = exerciseIds(view.workout);
      queueRef.current = [];
      setQueue([]);
    },
    serverRef,
  };
}
