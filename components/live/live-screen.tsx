"use client";

import {
  ArrowDown,
  ArrowUp,
  Check,
  Link2,
  Minus,
  MoreHorizontal,
  NotebookPen,
  Plus,
  Search,
  Trash2,
  Unlink,
  Volume2,
  VolumeX,
  X,
} from "lucide-react";
import Link from "next/link";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { toast } from "sonner";
import {
  Badge,
  Button,
  Card,
  Dialog,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
  Input,
  Select,
  Textarea,
} from "@/components/ui";
import { cn } from "@/components/ui/cn";
import { PrBadge } from "@/components/workouts/pr-badge";
import {
  completedSets,
  completedVolumeKg,
  newKey,
  nextSet,
  platesPerSide,
  restRemaining,
  type LiveExercise,
  type LiveOp,
  type LiveSet,
  type LiveState,
} from "@/lib/live/model";
import type { LiveScreenData } from "@/lib/live/screen";
import type { LiveView } from "@/lib/live/service";
import type { LiveSummary } from "@/lib/live/workout";
import type { LastSets } from "@/lib/workouts/previous";
import { RECORD_LABELS } from "@/lib/workouts/records";
import { SET_TYPE_LABELS, SET_TYPES, type SetType } from "@/lib/workouts/constants";
import { formatVolume, formatWeight, fromKg, roundWeight, storedKg, type Unit } from "@/lib/units";
import { useLiveSync } from "./use-live-sync";
import { useCuePlayer, type CuePlayer } from "./voice/use-cue-player";
import { strainFor } from "@/lib/cues/triggers";
import type { CueTrigger } from "@/lib/cues/types";
import type { CueReply } from "@/lib/cues/client/types";

/** A moment of the stored workout; the server builds the cue's facts from it (POST /api/live/cues). */
interface CueEvent {
  workoutId: string;
  trigger: CueTrigger;
  exerciseKey?: string;
  setKey?: string;
}

function useCues(player: CuePlayer) {
  return useMemo(
    () => ({
      ask: (event: CueEvent, phase?: string) => player.play(event, phase ? { phase } : undefined),
      /** The cue comes in the answer of the save that creates its moment. */
      carried: (event: CueEvent, ready: Promise<CueReply | null>) => player.play(event, { ready }),
      prefetch: (event: CueEvent) => player.prefetch(event),
      phase: (phase: string) => player.setPhase(phase),
    }),
    [player],
  );
}

const REST_CHOICES = [0, 30, 45, 60, 90, 120, 150, 180, 240, 300];
const RPE_CHOICES = [6, 6.5, 7, 7.5, 8, 8.5, 9, 9.5, 10];

const clock = (s: number) => `${s < 0 ? "+" : ""}${Math.floor(Math.abs(s) / 60)}:${String(Math.abs(s) % 60).padStart(2, "0")}`;
const shown = (kg: number | null, unit: Unit) => (kg === null ? "" : String(roundWeight(fromKg(kg, unit))));

async function send(method: string, url: string, body: unknown) {
  const res = await fetch(url, { method, headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  const json = (await res.json().catch(() => null)) as Record<string, unknown> | null;
  return { res, json };
}

/** Keeps the screen on while a workout is active (re-acquired when the tab comes back). */
function useWakeLock(active: boolean) {
  useEffect(() => {
    if (!active || typeof navigator === "undefined" || !("wakeLock" in navigator)) return;
    let lock: WakeLockSentinel | null = null;
    let stopped = false;
    const acquire = async () => {
      if (document.visibilityState !== "visible" || stopped) return;
      try {
        lock = await navigator.wakeLock.request("screen");
        document.documentElement.dataset.wakeLock = "on";
      } catch {
        document.documentElement.dataset.wakeLock = "refused";
      }
    };
    void acquire();
    document.addEventListener("visibilitychange", acquire);
    return () => {
      stopped = true;
      document.removeEventListener("visibilitychange", acquire);
      void lock?.release().catch(() => {});
      delete document.documentElement.dataset.wakeLock;
    };
  }, [active]);
}

/** A clock that ticks while needed; values come from timestamps, so a locked phone is right when it wakes. */
function useNow(active: boolean) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const t = window.setInterval(() => setNow(Date.now()), 250);
    const wake = () => setNow(Date.now());
    document.addEventListener("visibilitychange", wake);
    return () => {
      window.clearInterval(t);
      document.removeEventListener("visibilitychange", wake);
    };
  }, [active]);
  return now;
}

export function LiveScreen({
  data,
  userId,
  settingsForm,
  repeatId,
}: {
  data: LiveScreenData;
  userId: string;
  settingsForm: React.ReactNode;
  repeatId?: string;
}) {
  const sync = useLiveSync(data.view, data.catalog);
  const [voiceOn, setVoiceOn] = useState(true);
  const player = useCuePlayer({ user: userId, voiceEnabled: voiceOn });
  const cues = useCues(player);
  const { audioRef } = player;
  const [summary, setSummary] = useState<LiveSummary | null>(null);
  const { state, workout } = sync;

  let body: React.ReactNode;
  if (summary) body = <SummaryPanel summary={summary} unit={data.unit} />;
  else if (!state || !workout)
    body = (
      <StartPanel
        data={data}
        repeatId={repeatId}
        onTap={() => player.unlock()}
        onStarted={(view) => {
          sync.reset(view);
          if (view.workout) void cues.ask({ workoutId: view.workout.id, trigger: "pre-start" }, "start");
        }}
      />
    );
  else
    body = (
      <WorkoutPanel
        data={data}
        sync={sync}
        cues={cues}
        player={player}
        voiceOn={voiceOn}
        setVoiceOn={setVoiceOn}
        state={state}
        workoutId={workout.id}
        onFinished={setSummary}
        settingsForm={settingsForm}
      />
    );
  return (
    <>
      {/* The one element every cue and beep plays through (see components/live/voice). */}
      <audio ref={audioRef} preload="auto" data-testid="cue-audio" />
      {body}
    </>
  );
}

function StartPanel({
  data,
  onStarted,
  onTap,
  repeatId,
}: {
  data: LiveScreenData;
  onStarted: (v: LiveView) => void;
  onTap: () => void;
  repeatId?: string;
}) {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const start = async (from: Record<string, string>, label: string) => {
    onTap(); // inside the tap: lets iOS play the cues that come later
    setBusy(label);
    setError(null);
    try {
      const { res, json } = await send("POST", "/api/live/workout", { from });
      if (res.ok && json) onStarted(json as unknown as LiveView);
      else if (res.status === 409 && json?.current) onStarted({ workout: json.current as LiveView["workout"], last: {} });
      else setError(String(json?.error ?? "The workout could not start."));
    } catch {
      setError("You are offline: a workout needs the server to start. Try again when connected.");
    } finally {
      setBusy(null);
    }
  };
  const day = (iso: string) => new Date(iso).toLocaleDateString("en-GB", { weekday: "short", day: "numeric", month: "short" });
  return (
    <div className="mx-auto max-w-md space-y-4" data-testid="live-start">
      {error ? <p className="rounded-lg bg-danger-soft px-3 py-2 text-sm text-danger">{error}</p> : null}
      {repeatId ? (
        <Button className="w-full" size="lg" loading={busy === "opened"} onClick={() => start({ kind: "repeat", sessionId: repeatId }, "opened")}>
          Repeat {data.recent.find((r) => r.id === repeatId)?.name ?? "the workout you opened"}
        </Button>
      ) : null}
      {data.today ? (
        <Card className="p-4">
          <p className="text-xs font-semibold tracking-wide text-ink-muted uppercase">Today&apos;s plan</p>
          <p className="mt-1 text-lg font-bold">{data.today.name}</p>
          {data.today.note ? <p className="text-sm text-ink-soft">{data.today.note}</p> : null}
          <p className="mt-1 text-sm text-ink-muted">{data.today.exercises.join(" · ")}</p>
          {data.today.skipped.length ? (
            <p className="text-xs text-ink-muted">Left out (your coach avoids them): {data.today.skipped.join(", ")}</p>
          ) : null}
          <Button className="mt-3 w-full" size="lg" loading={busy === "plan"} onClick={() => start({ kind: "plan" }, "plan")}>
            Start today&apos;s plan
          </Button>
        </Card>
      ) : null}
      {data.recent.length ? (
        <Card className="p-4">
          <p className="mb-2 text-xs font-semibold tracking-wide text-ink-muted uppercase">Repeat a past workout</p>
          <ul className="divide-y divide-line">
            {data.recent.map((s) => (
              <li key={s.id} className="flex items-center justify-between gap-2 py-2">
                <span className="min-w-0">
                  <span className="block truncate font-medium">{s.name}</span>
                  <span className="text-xs text-ink-muted">{day(s.startedAt)}</span>
                </span>
                <Button
                  variant="secondary"
                  size="sm"
                  loading={busy === s.id}
                  aria-label={`Repeat ${s.name} from ${day(s.startedAt)}`}
                  onClick={() => start({ kind: "repeat", sessionId: s.id }, s.id)}
                >
                  Repeat
                </Button>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
      <Card className="p-4">
        <p className="mb-2 text-xs font-semibold tracking-wide text-ink-muted uppercase">From a template</p>
        {data.templates.length ? (
          <ul className="divide-y divide-line">
            {data.templates.map((t) => (
              <li key={t.id} className="flex items-center justify-between gap-2 py-2">
                <span className="truncate font-medium">
                  {t.name} <span className="text-xs text-ink-muted">· {t.exercises} exercises</span>
                </span>
                <Button variant="secondary" size="sm" loading={busy === t.id} onClick={() => start({ kind: "template", templateId: t.id }, t.id)}>
                  Start
                </Button>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-ink-muted">
            No templates yet — open any workout and choose “Save as template”. <Link href="/workouts/templates">Manage templates</Link>
          </p>
        )}
      </Card>
      <Button variant="ghost" className="w-full" loading={busy === "empty"} onClick={() => start({ kind: "empty" }, "empty")}>
        Start an empty workout
      </Button>
    </div>
  );
}

type Sync = ReturnType<typeof useLiveSync>;
type Cues = ReturnType<typeof useCues>;

function WorkoutPanel({
  data,
  sync,
  cues,
  player,
  voiceOn,
  setVoiceOn,
  state,
  workoutId,
  onFinished,
  settingsForm,
}: {
  data: LiveScreenData;
  sync: Sync;
  cues: Cues;
  player: CuePlayer;
  voiceOn: boolean;
  setVoiceOn: (f: (v: boolean) => boolean) => void;
  state: LiveState;
  workoutId: string;
  onFinished: (s: LiveSummary) => void;
  settingsForm: React.ReactNode;
}) {
  const unit = data.unit;
  const { dispatch } = sync;
  const now = useNow(true);
  useWakeLock(true);
  const remaining = restRemaining(state.rest, now);
  const signalled = useRef<string | null>(null);
  const nudged = useRef<string | null>(null);
  const stateRef = useRef(state);
  useEffect(() => {
    stateRef.current = state;
  });

  // Rest end: voice (the next set's cue), beep or vibration, once per rest — also when the tab wakes up late.
  const restId = state.rest ? `${state.rest.setKey}@${state.rest.startedAt}` : null;
  useEffect(() => {
    if (!restId || remaining === null) return;
    if (remaining <= 0 && signalled.current !== restId) {
      signalled.current = restId;
      const signal = data.settings.restEndSignal;
      const next = nextSet(stateRef.current);
      if (next) cues.phase(`set:${next.set.key}`);
      if (signal === "vibrate" && "vibrate" in navigator) navigator.vibrate([200, 100, 200]);
      if (signal === "voice" && next) void cues.ask({ workoutId, trigger: "set-start", exerciseKey: next.exercise.key, setKey: next.set.key });
      else player.beep();
    }
    const rest = stateRef.current.rest;
    if (rest && rest.seconds > 0 && remaining <= -rest.seconds && nudged.current !== restId) {
      nudged.current = restId;
      const next = nextSet(stateRef.current);
      if (next) void cues.ask({ workoutId, trigger: "strainsync", exerciseKey: next.exercise.key, setKey: next.set.key });
    }
  }, [restId, remaining, data.settings.restEndSignal, cues, player, workoutId]);

  // Lock screen and earbuds: what is next, and the buttons (play/pause = voice on/off, next = complete the set or skip the rest).
  const upNext = nextSet(state);
  const resting = remaining !== null && remaining > 0;
  const mediaTitle = upNext ? `${upNext.exercise.name} · Set ${upNext.index + 1}/${upNext.exercise.sets.length}` : state.name;
  const completeRef = useRef<() => void>(() => {});
  useEffect(() => {
    player.setMediaSession(
      { title: resting ? `Rest · ${mediaTitle}` : mediaTitle, artist: data.persona === "aiden" ? "Aiden" : "Alice" },
      {
        onPlayPause: () => setVoiceOn((v) => !v),
        onNext: () => completeRef.current(),
      },
    );
  }, [player, mediaTitle, resting, data.persona, setVoiceOn]);

  const complete = useCallback(
    async (e: LiveExercise, s: LiveSet, weightKg: number | null, reps: number | null) => {
      if (weightKg === null && reps === null) {
        toast.error("Enter the weight or the reps first.");
        return;
      }
      player.unlock();
      cues.phase(`rest:${s.key}`);
      // The set-end cue (and its clip, when cached) comes back in the save's answer: one round trip.
      const moment = { trigger: "set-end" as const, exerciseKey: e.key, setKey: s.key };
      const ready = sync.dispatchWithCue(
        { ...moment, haveClips: player.keptClips() },
        { op: "completeSet", exerciseKey: e.key, setKey: s.key, at: new Date().toISOString(), patch: { weightKg, reps } },
      );
      const spoken = cues.carried({ workoutId, ...moment }, ready);
      await sync.settled();
      await spoken;
      const w = sync.serverRef.current;
      const ex = w?.state.exercises.find((x) => x.key === e.key);
      const done = ex?.sets.find((x) => x.key === s.key);
      if (!w || !ex || !done?.completedAt) return;
      // Effort drifting from plan (the server checks again from the stored workout).
      const i = ex.sets.indexOf(done);
      const previous =
        ex.sets
          .slice(0, i)
          .filter((x) => x.completedAt)
          .at(-1) ?? null;
      const lastSet = sync.last[ex.exerciseId]?.sets.filter((x) => x.setType !== "warmup")[i] ?? null;
      if (strainFor({ type: "set-complete", done, previous, lastTime: lastSet, pr: done.prs.length > 0 }) && !done.prs.length)
        await cues.ask({ workoutId, trigger: "strainsync", exerciseKey: e.key, setKey: s.key });
      // The next set's cue is written (and its audio fetched) during the rest — asked for at its end, so not when
      // no rest follows (between the exercises of a superset round, or a rest of 0).
      const next = nextSet(w.state);
      if (next && w.state.rest) cues.prefetch({ workoutId, trigger: "set-start", exerciseKey: next.exercise.key, setKey: next.set.key });
    },
    [sync, cues, player, workoutId],
  );
  useEffect(() => {
    completeRef.current = () => {
      if (stateRef.current.rest && (restRemaining(stateRef.current.rest, Date.now()) ?? 0) > 0) return dispatch({ op: "restSkip" });
      const next = nextSet(stateRef.current);
      if (next)
        void complete(
          next.exercise,
          next.set,
          next.set.weightKg ?? next.set.target?.weightKg ?? null,
          next.set.reps ?? next.set.target?.reps ?? null,
        );
    };
  });

  const finish = async () => {
    await sync.settled();
    const w = sync.serverRef.current;
    if (!w) return;
    if (completedSets(w.state) === 0) {
      toast.error("Complete at least one set before finishing — or discard the workout.");
      return;
    }
    await cues.ask({ workoutId: w.id, trigger: "workout-end" }, "end");
    let { res, json } = await send("POST", "/api/live/workout/finish", { workoutId: w.id, version: w.version });
    if (res.status === 409 && json?.current) {
      const cur = json.current as { id: string; version: number };
      ({ res, json } = await send("POST", "/api/live/workout/finish", { workoutId: cur.id, version: cur.version }));
    }
    if (res.ok && json) onFinished(json as unknown as LiveSummary);
    else toast.error(String(json?.error ?? "Finishing failed; your workout is kept. Try again."));
  };

  const discard = async () => {
    const { res, json } = await send("DELETE", "/api/live/workout", { workoutId });
    if (res.ok || res.status === 404) sync.reset({ workout: null, last: {} });
    else toast.error(String(json?.error ?? "Could not discard the workout."));
  };

  const elapsed = Math.max(0, Math.floor((now - Date.parse(state.startedAt)) / 1000));
  const groups = useMemo(() => {
    const letters = new Map<string, string>();
    for (const e of state.exercises) if (e.superset && !letters.has(e.superset)) letters.set(e.superset, String.fromCharCode(65 + letters.size));
    return letters;
  }, [state.exercises]);

  return (
    <div className="mx-auto max-w-md pb-40" data-testid="live-workout">
      <div className="mb-3 flex items-center justify-between gap-2">
        <div className="min-w-0">
          <h2 className="truncate text-lg font-bold">{state.name}</h2>
          <p className="text-xs text-ink-muted tabular" data-testid="live-status">
            {clock(elapsed)} · {completedSets(state)} sets · {formatVolume(completedVolumeKg(state), unit)} ·{" "}
            <span data-sync={sync.status}>
              {sync.status === "saved"
                ? "saved"
                : sync.status === "saving"
                  ? "saving…"
                  : sync.status === "offline"
                    ? `offline — ${sync.pending} queued`
                    : "not saved yet"}
            </span>
          </p>
        </div>
        <div className="flex shrink-0 gap-1">
          <Button
            variant="ghost"
            size="icon"
            aria-pressed={voiceOn}
            aria-label={voiceOn ? "Sound on — tap to mute cues" : "Sound off — tap to hear cues"}
            onClick={() => setVoiceOn((v) => !v)}
          >
            {voiceOn ? <Volume2 aria-hidden /> : <VolumeX aria-hidden />}
          </Button>
          <Dialog>
            <DialogTrigger asChild>
              <Button variant="ghost" size="icon" aria-label="Live workout settings">
                <MoreHorizontal aria-hidden />
              </Button>
            </DialogTrigger>
            <DialogContent>
              <DialogHeader>
                <DialogTitle>Live workout settings</DialogTitle>
                <DialogDescription>Changes apply to exercises you add from now on and to the next rest.</DialogDescription>
              </DialogHeader>
              {settingsForm}
            </DialogContent>
          </Dialog>
          <Button onClick={finish} data-testid="finish-workout">
            Finish
          </Button>
        </div>
      </div>

      {!data.voice ? (
        <p className="mb-3 rounded-lg bg-info-soft px-3 py-2 text-sm" data-testid="voice-upgrade">
          Cues show as text on your plan.{" "}
          <Link href="/pricing" className="font-semibold underline">
            Upgrade to Pro
          </Link>{" "}
          to hear Alice and Aiden.
        </p>
      ) : null}

      <div className="space-y-3">
        {state.exercises.map((e, i) => (
          <ExerciseCard
            key={e.key}
            e={e}
            index={i}
            count={state.exercises.length}
            group={e.superset ? groups.get(e.superset)! : null}
            last={sync.last[e.exerciseId]}
            unit={unit}
            data={data}
            dispatch={dispatch}
            onComplete={complete}
          />
        ))}
      </div>

      <AddExercise
        data={data}
        onAdd={(exerciseId) => dispatch({ op: "addExercise", key: newKey(), exerciseId, sets: [{ key: newKey(), weightKg: null, reps: null }] })}
      />

      <label className="mt-4 block text-sm font-medium">
        Workout notes
        <Textarea
          key={`notes-${state.notes}`}
          defaultValue={state.notes}
          rows={2}
          maxLength={2000}
          className="mt-1"
          onBlur={(ev) => ev.target.value !== state.notes && dispatch({ op: "notes", exerciseKey: null, text: ev.target.value })}
        />
      </label>

      <Dialog>
        <DialogTrigger asChild>
          <Button variant="ghost" className="mt-4 w-full text-danger">
            <Trash2 aria-hidden /> Discard workout
          </Button>
        </DialogTrigger>
        <DialogContent>
          <DialogHeader>
            <DialogTitle>Discard this workout?</DialogTitle>
            <DialogDescription>
              {completedSets(state)} completed {completedSets(state) === 1 ? "set" : "sets"} will be lost. Nothing is saved to your log.
            </DialogDescription>
          </DialogHeader>
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="secondary">Keep training</Button>
            </DialogClose>
            <Button variant="danger" onClick={discard}>
              Discard
            </Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>

      {state.rest && remaining !== null ? (
        <div
          className={cn(
            "fixed inset-x-0 bottom-[calc(4rem+env(safe-area-inset-bottom))] z-50 mx-auto flex max-w-md items-center justify-between gap-2 rounded-t-xl px-4 py-3 text-chalk shadow-lg md:bottom-0",
            remaining > 0 ? "bg-iron" : "bg-accent text-accent-ink",
          )}
          data-testid="rest-timer"
          data-remaining={remaining}
          role="timer"
          aria-live="off"
        >
          <span className="text-2xl font-bold tabular">{remaining > 0 ? clock(remaining) : `Go! ${clock(remaining)}`}</span>
          <span className="flex gap-1">
            <Button size="sm" variant="secondary" onClick={() => dispatch({ op: "restAdjust", deltaSeconds: -15 })}>
              −15
            </Button>
            <Button size="sm" variant="secondary" onClick={() => dispatch({ op: "restAdjust", deltaSeconds: 15 })}>
              +15
            </Button>
            <Button size="sm" variant="secondary" onClick={() => dispatch({ op: "restSkip" })}>
              Skip
            </Button>
          </span>
        </div>
      ) : null}
    </div>
  );
}

function lastLine(last: LastSets | undefined, unit: Unit): string | null {
  const working = last?.sets.filter((s) => s.setType !== "warmup") ?? [];
  if (!working.length) return null;
  const parts = working.map((s) => (s.weightKg !== null ? `${shown(s.weightKg, unit)} × ${s.reps ?? "—"}` : `${s.reps ?? "—"} reps`));
  return `last: ${parts.join(", ")} ${unit}`;
}

function ExerciseCard({
  e,
  index,
  count,
  group,
  last,
  unit,
  data,
  dispatch,
  onComplete,
}: {
  e: LiveExercise;
  index: number;
  count: number;
  group: string | null;
  last: LastSets | undefined;
  unit: Unit;
  data: LiveScreenData;
  dispatch: (...ops: LiveOp[]) => void;
  onComplete: (e: LiveExercise, s: LiveSet, weightKg: number | null, reps: number | null) => void;
}) {
  const [notesOpen, setNotesOpen] = useState(Boolean(e.notes));
  const workingLast = last?.sets.filter((s) => s.setType !== "warmup") ?? [];
  const firstOpen = e.sets.findIndex((s) => !s.completedAt);
  const line = lastLine(last, unit);
  return (
    <Card className={cn("p-3", group && "border-l-4 border-l-accent")} data-testid="live-exercise" data-exercise={e.name}>
      <div className="flex items-start justify-between gap-2">
        <div className="min-w-0">
          <p className="font-semibold">
            {e.name} {group ? <Badge tone="accent">Superset {group}</Badge> : null}
          </p>
          {line ? (
            <p className="text-xs text-ink-muted" data-testid="last-time">
              {line}
            </p>
          ) : (
            <p className="text-xs text-ink-muted">First time — no history yet</p>
          )}
        </div>
        <div className="flex shrink-0 items-center">
          <label className="sr-only" htmlFor={`rest-${e.key}`}>
            Rest after {e.name}
          </label>
          <Select
            id={`rest-${e.key}`}
            value={String(e.restSeconds)}
            onChange={(ev) => dispatch({ op: "restSeconds", exerciseKey: e.key, seconds: Number(ev.target.value) })}
            className="h-8 w-auto pr-8 pl-2 text-xs"
          >
            {[...new Set([...REST_CHOICES, e.restSeconds])]
              .sort((a, b) => a - b)
              .map((s) => (
                <option key={s} value={s}>
                  Rest {clock(s)}
                </option>
              ))}
          </Select>
        </div>
      </div>

      <ol className="mt-2 space-y-1.5">
        {e.sets.map((s, si) => (
          <SetRow
            key={s.key}
            e={e}
            s={s}
            n={si + 1}
            lastSet={workingLast[Math.min(si, workingLast.length - 1)]}
            unit={unit}
            plates={e.barbell && si === firstOpen ? data.settings : null}
            dispatch={dispatch}
            onComplete={onComplete}
          />
        ))}
      </ol>

      {notesOpen ? (
        <Textarea
          aria-label={`Notes for ${e.name}`}
          defaultValue={e.notes}
          rows={2}
          maxLength={2000}
          className="mt-2"
          onBlur={(ev) => ev.target.value !== e.notes && dispatch({ op: "notes", exerciseKey: e.key, text: ev.target.value })}
        />
      ) : null}

      <div className="mt-2 flex flex-wrap gap-1">
        <Button size="sm" variant="ghost" onClick={() => dispatch({ op: "addSet", exerciseKey: e.key, key: newKey() })}>
          <Plus aria-hidden /> Set
        </Button>
        <Button size="sm" variant="ghost" onClick={() => setNotesOpen((o) => !o)} aria-label={`Note on ${e.name}`}>
          <NotebookPen aria-hidden />
        </Button>
        <Button
          size="sm"
          variant="ghost"
          disabled={index === 0}
          aria-label={`Move ${e.name} up`}
          onClick={() => dispatch({ op: "moveExercise", exerciseKey: e.key, dir: -1 })}
        >
          <ArrowUp aria-hidden />
        </Button>
        <Button
          size="sm"
          variant="ghost"
          disabled={index === count - 1}
          aria-label={`Move ${e.name} down`}
          onClick={() => dispatch({ op: "moveExercise", exerciseKey: e.key, dir: 1 })}
        >
          <ArrowDown aria-hidden />
        </Button>
        {e.superset ? (
          <Button
            size="sm"
            variant="ghost"
            aria-label={`Take ${e.name} out of the superset`}
            onClick={() => dispatch({ op: "superset", exerciseKey: e.key, on: false })}
          >
            <Unlink aria-hidden />
          </Button>
        ) : index < count - 1 ? (
          <Button
            size="sm"
            variant="ghost"
            aria-label={`Superset ${e.name} with the next exercise`}
            onClick={() => dispatch({ op: "superset", exerciseKey: e.key, on: true })}
          >
            <Link2 aria-hidden />
          </Button>
        ) : null}
        <Button
          size="sm"
          variant="ghost"
          className="ml-auto text-danger"
          aria-label={`Remove ${e.name}`}
          onClick={() => dispatch({ op: "removeExercise", exerciseKey: e.key })}
        >
          <Trash2 aria-hidden />
        </Button>
      </div>
    </Card>
  );
}

function Stepper({
  label,
  value,
  placeholder,
  step,
  inputMode,
  onCommit,
  disabled,
}: {
  label: string;
  value: string;
  placeholder: string;
  step: number;
  inputMode: "decimal" | "numeric";
  onCommit: (v: number | null) => void;
  disabled?: boolean;
}) {
  const [text, setText] = useState(value);
  const [prev, setPrev] = useState(value);
  if (value !== prev) {
    setPrev(value);
    setText(value);
  }
  const current = () => (text.trim() === "" ? (placeholder ? Number(placeholder) : 0) : Number(text));
  const bump = (d: number) => {
    const v = Math.max(0, Math.round((current() + d) * 100) / 100);
    setText(String(v));
    onCommit(v);
  };
  return (
    <span className="flex items-center">
      <button
        type="button"
        className="size-9 rounded-l-lg border border-line bg-sunken"
        aria-label={`${label} minus ${step}`}
        disabled={disabled}
        onClick={() => bump(-step)}
      >
        <Minus aria-hidden className="mx-auto size-4" />
      </button>
      <input
        aria-label={label}
        inputMode={inputMode}
        className="h-9 w-14 border-y border-line bg-surface text-center tabular"
        value={text}
        placeholder={placeholder}
        disabled={disabled}
        onChange={(ev) => setText(ev.target.value)}
        onBlur={() => {
          if (text === value) return;
          const n = text.trim() === "" ? null : Number(text);
          if (n !== null && (!Number.isFinite(n) || n < 0)) return setText(value);
          onCommit(n);
        }}
      />
      <button
        type="button"
        className="size-9 rounded-r-lg border border-line bg-sunken"
        aria-label={`${label} plus ${step}`}
        disabled={disabled}
        onClick={() => bump(step)}
      >
        <Plus aria-hidden className="mx-auto size-4" />
      </button>
    </span>
  );
}

function SetRow({
  e,
  s,
  n,
  lastSet,
  unit,
  plates,
  dispatch,
  onComplete,
}: {
  e: LiveExercise;
  s: LiveSet;
  n: number;
  lastSet: LastSets["sets"][number] | undefined;
  unit: Unit;
  plates: { barKg: number; platesKg: number[] } | null;
  dispatch: (...ops: LiveOp[]) => void;
  onComplete: (e: LiveExercise, s: LiveSet, weightKg: number | null, reps: number | null) => void;
}) {
  const [more, setMore] = useState(false);
  const done = Boolean(s.completedAt);
  // Prefill: the set's own numbers (plan, template or repeated session), else last time's.
  const weightKg = s.weightKg ?? lastSet?.weightKg ?? null;
  const reps = s.reps ?? lastSet?.reps ?? null;
  const stepKg = unit === "kg" ? 2.5 : 5;
  const update = (patch: Partial<Pick<LiveSet, "weightKg" | "reps" | "rpe" | "setType">>) =>
    dispatch({ op: "updateSet", exerciseKey: e.key, setKey: s.key, patch });
  const load = plates && weightKg !== null ? platesPerSide(weightKg, plates.barKg, plates.platesKg) : null;
  return (
    <li className={cn("rounded-lg px-1 py-1", done && "bg-success-soft")} data-testid="set-row" data-done={done ? "1" : "0"}>
      <div className="flex items-center gap-1.5">
        <button
          type="button"
          className="w-7 text-center text-sm font-semibold text-ink-muted"
          onClick={() => setMore((m) => !m)}
          aria-label={`Set ${n} options`}
          aria-expanded={more}
        >
          {s.setType === "warmup" ? "W" : s.setType === "drop" ? "D" : s.setType === "failure" ? "F" : n}
        </button>
        <Stepper
          label={`${e.name} set ${n} weight (${unit})`}
          value={shown(s.weightKg, unit)}
          placeholder={shown(weightKg, unit)}
          step={stepKg}
          inputMode="decimal"
          onCommit={(v) => update({ weightKg: v === null ? null : storedKg(v, unit) })}
        />
        <Stepper
          label={`${e.name} set ${n} reps`}
          value={s.reps === null ? "" : String(s.reps)}
          placeholder={reps === null ? "" : String(reps)}
          step={1}
          inputMode="numeric"
          onCommit={(v) => update({ reps: v === null ? null : Math.round(v) })}
        />
        <button
          type="button"
          data-testid="complete-set"
          aria-label={
            done ? `Undo set ${n} of ${e.name}` : `Complete set ${n} of ${e.name}: ${shown(weightKg, unit) || "—"} ${unit} × ${reps ?? "—"}`
          }
          aria-pressed={done}
          className={cn(
            "ml-auto flex size-11 items-center justify-center rounded-full border-2",
            done ? "border-success bg-success text-chalk" : "border-line-strong",
          )}
          onClick={() => (done ? dispatch({ op: "uncompleteSet", exerciseKey: e.key, setKey: s.key }) : onComplete(e, s, weightKg, reps))}
        >
          <Check aria-hidden className="size-5" />
        </button>
      </div>
      {done && s.prs.length ? (
        <p className="mt-1 flex items-center gap-2 pl-8 text-xs" data-testid="set-pr">
          <PrBadge kinds={s.prs} />
          {s.prs.map((k) => RECORD_LABELS[k]).join(", ")}
        </p>
      ) : null}
      {s.rpe !== null ? <p className="pl-8 text-xs text-ink-muted">RPE {s.rpe}</p> : null}
      {load ? (
        <p className="pl-8 text-xs text-ink-muted" data-testid="plates">
          Per side: {load.plates.length ? load.plates.map((p) => shown(p, unit)).join(" + ") : "empty bar"}
          {load.remainder > 0.01 ? ` (+${shown(load.remainder, unit)} ${unit} you have no plates for)` : ""} · bar {shown(plates!.barKg, unit)} {unit}
        </p>
      ) : null}
      {more ? (
        <div className="mt-1 flex flex-wrap items-center gap-2 pl-8">
          <Select
            aria-label={`Set ${n} type`}
            value={s.setType}
            onChange={(ev) => update({ setType: ev.target.value as SetType })}
            className="h-8 w-auto text-xs"
          >
            {SET_TYPES.map((t) => (
              <option key={t} value={t}>
                {SET_TYPE_LABELS[t]}
              </option>
            ))}
          </Select>
          <Select
            aria-label={`Set ${n} RPE`}
            value={s.rpe === null ? "" : String(s.rpe)}
            onChange={(ev) => update({ rpe: ev.target.value ? Number(ev.target.value) : null })}
            className="h-8 w-auto text-xs"
          >
            <option value="">RPE —</option>
            {RPE_CHOICES.map((r) => (
              <option key={r} value={r}>
                RPE {r}
              </option>
            ))}
          </Select>
          <Button
            size="sm"
            variant="ghost"
            aria-label={`Move set ${n} up`}
            onClick={() => dispatch({ op: "moveSet", exerciseKey: e.key, setKey: s.key, dir: -1 })}
          >
            <ArrowUp aria-hidden />
          </Button>
          <Button
            size="sm"
            variant="ghost"
            aria-label={`Move set ${n} down`}
            onClick={() => dispatch({ op: "moveSet", exerciseKey: e.key, setKey: s.key, dir: 1 })}
          >
            <ArrowDown aria-hidden />
          </Button>
          <Button size="sm" variant="ghost" className="text-danger" onClick={() => dispatch({ op: "removeSet", exerciseKey: e.key, setKey: s.key })}>
            <X aria-hidden /> Remove set
          </Button>
        </div>
      ) : null}
    </li>
  );
}

function AddExercise({ data, onAdd }: { data: LiveScreenData; onAdd: (exerciseId: string) => void }) {
  const [q, setQ] = useState("");
  const hits = useMemo(() => {
    const words = q.toLowerCase().split(/\s+/).filter(Boolean);
    if (!words.length) return [];
    return data.catalog.filter((m) => words.every((w) => m.name.toLowerCase().includes(w))).slice(0, 8);
  }, [q, data.catalog]);
  return (
    <div className="mt-4">
      <label className="relative block">
        <span className="sr-only">Search the exercise catalog</span>
        <Search aria-hidden className="absolute top-1/2 left-3 size-4 -translate-y-1/2 text-ink-muted" />
        <Input value={q} onChange={(ev) => setQ(ev.target.value)} placeholder="Add an exercise — search the catalog" className="pl-9" />
      </label>
      {hits.length ? (
        <ul className="mt-1 divide-y divide-line rounded-lg border border-line bg-surface" role="listbox" aria-label="Catalog matches">
          {hits.map((m) => (
            <li key={m.exerciseId}>
              <button
                type="button"
                role="option"
                aria-selected={false}
                className="w-full px-3 py-2 text-left text-sm hover:bg-sunken"
                onClick={() => {
                  onAdd(m.exerciseId);
                  setQ("");
                }}
              >
                {m.name}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function SummaryPanel({ summary, unit }: { summary: LiveSummary; unit: Unit }) {
  const diff = summary.lastVolumeKg !== null ? summary.volumeKg - summary.lastVolumeKg : null;
  return (
    <div className="mx-auto max-w-md space-y-4" data-testid="live-summary">
      <Card className="p-4">
        <p className="text-xs font-semibold tracking-wide text-ink-muted uppercase">Workout saved</p>
        <h2 className="text-xl font-bold">{summary.name}</h2>
        <dl className="mt-3 grid grid-cols-3 gap-2 text-center">
          <div>
            <dt className="text-xs text-ink-muted">Time</dt>
            <dd className="font-bold tabular">{summary.minutes} min</dd>
          </div>
          <div>
            <dt className="text-xs text-ink-muted">Sets</dt>
            <dd className="font-bold tabular">{summary.sets}</dd>
          </div>
          <div>
            <dt className="text-xs text-ink-muted">Volume</dt>
            <dd className="font-bold tabular" data-testid="summary-volume">
              {formatVolume(summary.volumeKg, unit)}
            </dd>
          </div>
        </dl>
        {diff !== null ? (
          <p className="mt-2 text-sm text-ink-soft">
            Last time these exercises: {formatVolume(summary.lastVolumeKg, unit)} ({diff >= 0 ? "+" : "−"}
            {formatVolume(Math.abs(diff), unit)}).
          </p>
        ) : null}
      </Card>
      {summary.prs.length ? (
        <Card className="p-4">
          <p className="mb-2 flex items-center gap-2 font-semibold">
            <PrBadge kinds={summary.prs.map((p) => p.kind)} count={summary.prs.length} /> Personal records
          </p>
          <ul className="space-y-1 text-sm">
            {summary.prs.map((p, i) => (
              <li key={i}>
                {p.exercise} — {p.label}:{" "}
                {p.kind === "reps" ? `${p.value} reps` : p.kind === "volume" ? formatVolume(p.value, unit) : formatWeight(p.value, unit)}
                {p.previous !== null
                  ? ` (was ${p.kind === "reps" ? p.previous : p.kind === "volume" ? formatVolume(p.previous, unit) : formatWeight(p.previous, unit)})`
                  : ""}
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
      <div className="flex gap-2">
        <Button asChild className="flex-1">
          <Link href={`/workouts/${summary.sessionId}`}>View in Workouts</Link>
        </Button>
        <Button asChild variant="secondary" className="flex-1">
          <Link href="/workouts">All workouts</Link>
        </Button>
      </div>
    </div>
  );
}
