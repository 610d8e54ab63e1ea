import "server-only";
import { eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { userProfiles } from "@/db/tables/profile";
import type { Unit } from "@/lib/units";
import { isValidTimeZone } from "@/lib/time/zone";

export interface ViewerPrefs {
  unit: Unit;
  timeZone: string;
}

/** The display unit and time zone of the signed-in user (defaults if the profile row is missing). */
export async function getViewerPrefs(db: Queryable, userId: string): Promise<ViewerPrefs> {
  const [p] = await db
    .select({ units: userProfiles.units, timeZone: userProfiles.timeZone })
    .from(userProfiles)
    .where(eq(userProfiles.userId, userId));
  return { unit: p?.units ?? "kg", timeZone: p && isValidTimeZone(p.timeZone) ? p.timeZone : "UTC" };
}
