/**
 * The lifter's rotation: which session comes next. One rule shared by the coach's "what should I
 * do today?" answer (lib/ai/offline/answers.ts) and the structured plan of the live screen
 * (lib/plans/today.ts).
 *
 * Input: the sessions of the four weeks up to the last one, newest first, each with its local day.
 * Session types are names without a "(deload)"/"(light)"/"(easy)" suffix; the rotation is the types
 * done at least twice in the window (lifting sessions first); next is the one done longest ago,
 * and its template is the latest non-deload session of that type.
 */
export interface RotationSession {
  day: string;
  name: string;
  /** Has at least one working set with a weight. */
  lifting: boolean;
}

const baseSessionName = (name: string) => name.replace(/\s*\((deload|light|easy)\)\s*$/i, "").trim();
const isEasyVariant = (name: string) => /\((deload|light|easy)\)/i.test(name);

export interface NextInRotation<S extends RotationSession> {
  /** The session type, e.g. "Upper A". */
  name: string;
  /** The session to copy. */
  template: S;
  /** When that type was last done. */
  lastDone: string;
}

export function nextInRotation<S extends RotationSession>(sessions: S[]): NextInRotation<S> | null {
  if (!sessions.length) return null;
  const pool = sessions.some((s) => s.lifting) ? sessions.filter((s) => s.lifting) : sessions;
  const counts = new Map<string, number>();
  for (const s of pool) counts.set(baseSessionName(s.name), (counts.get(baseSessionName(s.name)) ?? 0) + 1);
  const regular = [...counts.entries()].filter(([, n]) => n >= 2).map(([k]) => k);
  const types = regular.length ? regular : [...counts.keys()];
  const lastOf = (k: string) => pool.find((s) => baseSessionName(s.name) === k)!;
  const next = [...types].sort((a, b) => lastOf(a).day.localeCompare(lastOf(b).day) || a.localeCompare(b))[0];
  const template = pool.find((s) => baseSessionName(s.name) === next && !isEasyVariant(s.name)) ?? lastOf(next);
  return { name: next, template, lastDone: lastOf(next).day };
}

export type TodayChoice<S extends RotationSession> =
  | { kind: "none" }
  | { kind: "trained-today"; session: S }
  | { kind: "week-done"; sessionsThisWeek: number }
  | ({ kind: "next"; lastDay: string; gapDays: number } & NextInRotation<S>);

/** Today's call: already trained today, the week's sessions done (per the coach's days a week), or the next in rotation. */
export function chooseToday<S extends RotationSession>(
  sessions: S[],
  today: string,
  mondayOfToday: string,
  daysPerWeek?: number | null,
): TodayChoice<S> {
  if (!sessions.length) return { kind: "none" };
  const lastDay = sessions[0].day;
  if (lastDay === today) return { kind: "trained-today", session: sessions[0] };
  const thisWeek = sessions.filter((s) => s.day >= mondayOfToday);
  if (daysPerWeek && thisWeek.length >= daysPerWeek) return { kind: "week-done", sessionsThisWeek: thisWeek.length };
  const next = nextInRotation(sessions)!;
  const gapDays = Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${lastDay}T00:00:00Z`)) / 86_400_000);
  return { kind: "next", lastDay, gapDays, ...next };
}
