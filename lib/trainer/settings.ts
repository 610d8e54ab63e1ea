import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { trainerSettings } from "@/db/schema";

const DEFAULT_INACTIVE_DAYS = 7;

export async function getTrainerSettings(db: Queryable, userId: string): Promise<{ inactiveDays: number }> {
  const [row] = await db
    .select({ inactiveDays: trainerSettings.inactiveDays })
    .from(trainerSettings)
    .where(eq(trainerSettings.userId, userId))
    .limit(1);
  return { inactiveDays: row?.inactiveDays ?? DEFAULT_INACTIVE_DAYS };
}

export async function saveTrainerSettings(db: Queryable, userId: string, input: { inactiveDays: number }): Promise<void> {
  await db
    .insert(trainerSettings)
    .values({ userId, inactiveDays: input.inactiveDays })
    .onConflictDoUpdate({ target: trainerSettings.userId, set: { inactiveDays: input.inactiveDays, updatedAt: sql`now()` } });
}
