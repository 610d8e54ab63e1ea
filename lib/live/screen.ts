import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { getEntitlements } from "@/lib/billing/entitlements";
import { personaForCoach, type CuePersonaId } from "@/lib/cues";
import { getPrimaryCoach } from "@/lib/coach/coaches";
import { todayPlan } from "@/lib/plans/today";
import { listExerciseOptions } from "@/lib/workouts/queries";
import { getViewerPrefs } from "@/lib/workouts/viewer";
import type { Unit } from "@/lib/units";
import type { ExerciseMeta } from "./model";
import { getLiveSettings, type LiveSettings } from "./settings";
import { listTemplates } from "./templates";
import { exerciseMeta, getLiveWorkout } from "./workout";
import { viewOf, type LiveView } from "./service";

export interface LiveScreenData {
  view: LiveView;
  unit: Unit;
  settings: LiveSettings;
  catalog: ExerciseMeta[];
  recent: { id: string; name: string; startedAt: string }[];
  templates: { id: string; name: string; exercises: number }[];
  today: { name: string; note: string | null; exercises: string[]; skipped: string[] } | null;
  /** Spoken cues are in this plan (Pro and up). */
  voice: boolean;
  persona: CuePersonaId;
}

/** The voice for this lifter: their pick in the live settings, else the one their primary coach's traits map to. */
export async function livePersona(db: Db, userId: string, settings?: LiveSettings): Promise<CuePersonaId> {
  const s = settings ?? (await getLiveSettings(db, userId));
  if (s.persona) return s.persona;
  const coach = await getPrimaryCoach(db, userId).catch(() => null);
  const traits = (coach?.card as { persona?: { traits?: { directness: number; supportiveness: number } } } | undefined)?.persona?.traits;
  return personaForCoach(traits ?? null);
}

/** Everything the live screen needs on first paint, scoped to the user. */
export async function loadLiveScreen(db: Db, userId: string, now = new Date()): Promise<LiveScreenData> {
  const [workout, prefs, settings, options, templates, ents] = await Promise.all([
    getLiveWorkout(db, userId),
    getViewerPrefs(db, userId),
    getLiveSettings(db, userId),
    listExerciseOptions(db, userId),
    listTemplates(db, userId),
    getEntitlements(db, userId),
  ]);
  const meta = await exerciseMeta(
    db,
    userId,
    options.map((o) => o.id),
  );
  const recentRows = await db.execute(sql`
    select id, name, started_at from workout_sessions w
    where user_id = ${userId} and exists (select 1 from exercise_sets s where s.session_id = w.id and s.user_id = w.user_id)
    order by started_at desc limit 12
  `);
  const today = workout ? null : await todayPlan(db, userId, now).catch(() => null);
  return {
    view: await viewOf(db, userId, workout),
    unit: prefs.unit,
    settings,
    catalog: options.map((o) => meta.get(o.id)).filter((m): m is ExerciseMeta => Boolean(m)),
    recent: (recentRows.rows as { id: string; name: string; started_at: unknown }[]).map((r) => ({
      id: String(r.id),
      name: r.name,
      startedAt: (r.started_at instanceof Date ? r.started_at : new Date(String(r.started_at))).toISOString(),
    })),
    templates: templates.map((t) => ({ id: t.id, name: t.name, exercises: t.exercises.length })),
    today: today ? { name: today.name, note: today.note, exercises: today.exercises.map((e) => e.name), skipped: today.skipped } : null,
    voice: ents.limits.liveWorkoutVoice,
    persona: await livePersona(db, userId, settings),
  };
}
