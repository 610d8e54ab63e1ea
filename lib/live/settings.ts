import "server-only";
import { eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { liveSettings, type RestEndSignal } from "@/db/tables/live";
import { storedKg, type Unit } from "@/lib/units";
import type { LiveSettingsInput } from "./settings-schema";

export interface LiveSettings {
  restCompoundSeconds: number;
  restAccessorySeconds: number;
  restEndSignal: RestEndSignal;
  barKg: number;
  platesKg: number[];
  persona: "alice" | "aiden" | null;
}

const DEFAULT_LIVE_SETTINGS: LiveSettings = {
  restCompoundSeconds: 180,
  restAccessorySeconds: 90,
  restEndSignal: "voice",
  barKg: 20,
  platesKg: [25, 20, 15, 10, 5, 2.5, 1.25],
  persona: null,
};

/** The lifter's live-mode settings, or the defaults when they never changed them. */
export async function getLiveSettings(db: Queryable, userId: string): Promise<LiveSettings> {
  const [row] = await db.select().from(liveSettings).where(eq(liveSettings.userId, userId)).limit(1);
  if (!row) return DEFAULT_LIVE_SETTINGS;
  return {
    restCompoundSeconds: row.restCompoundSeconds,
    restAccessorySeconds: row.restAccessorySeconds,
    restEndSignal: row.restEndSignal,
    barKg: Number(row.barKg),
    platesKg: (row.platesKg ?? []).map(Number),
    persona: row.persona === "alice" || row.persona === "aiden" ? row.persona : null,
  };
}

export async function saveLiveSettings(db: Queryable, userId: string, input: LiveSettingsInput, unit: Unit): Promise<LiveSettings> {
  const values = {
    restCompoundSeconds: input.restCompoundSeconds,
    restAccessorySeconds: input.restAccessorySeconds,
    restEndSignal: input.restEndSignal,
    barKg: storedKg(input.bar, unit),
    platesKg: input.plates.map((p) => storedKg(p, unit)),
    persona: input.persona === "auto" ? null : input.persona,
    updatedAt: new Date(),
  };
  await db
    .insert(liveSettings)
    .values({ userId, ...values })
    .onConflictDoUpdate({ target: liveSettings.userId, set: values });
  return getLiveSettings(db, userId);
}
