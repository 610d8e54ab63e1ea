import "server-only";
import { and, desc, eq, ne } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { bodyMetrics } from "@/db/schema";
import { NotFoundError, UserError } from "@/lib/errors/user-error";
import { storedKg, type Unit } from "@/lib/units";
import { BODY_LIMITS, type BodyMetricInput } from "./schema";

export type BodyMetricRow = Pick<typeof bodyMetrics.$inferSelect, "id" | "date" | "bodyweightKg" | "sleepHours" | "restingHr">;

class BodyMetricDayTakenError extends UserError {
  constructor(date: string) {
    super(`You already logged ${date}. Edit that entry instead.`, {
      code: "body_metric_day_taken",
      status: 409,
      fieldErrors: { date: [`${date} already has an entry.`] },
    });
  }
}

/** Newest first. */
export async function listBodyMetrics(db: Queryable, userId: string, limit = 90): Promise<BodyMetricRow[]> {
  return db
    .select({
      id: bodyMetrics.id,
      date: bodyMetrics.date,
      bodyweightKg: bodyMetrics.bodyweightKg,
      sleepHours: bodyMetrics.sleepHours,
      restingHr: bodyMetrics.restingHr,
    })
    .from(bodyMetrics)
    .where(eq(bodyMetrics.userId, userId))
    .orderBy(desc(bodyMetrics.date))
    .limit(limit);
}

/**
 * Saves one day. Without `id`: a new day, or the values of an existing entry for that date replaced
 * (one entry per day). With `id`: that entry (the user's own) is updated, also its date unless the
 * new date already has another entry.
 */
export async function saveBodyMetric(db: Queryable, userId: string, input: BodyMetricInput, unit: Unit): Promise<BodyMetricRow> {
  const bodyweightKg = input.bodyweight === undefined ? null : storedKg(input.bodyweight, unit);
  if (bodyweightKg !== null && (bodyweightKg < BODY_LIMITS.bodyweightKg.min || bodyweightKg > BODY_LIMITS.bodyweightKg.max)) {
    const msg = `Bodyweight is between ${BODY_LIMITS.bodyweightKg.min} and ${BODY_LIMITS.bodyweightKg.max} kg.`;
    throw new UserError(msg, { code: "validation", status: 400, fieldErrors: { bodyweight: [msg] } });
  }
  const values = { date: input.date, bodyweightKg, sleepHours: input.sleepHours ?? null, restingHr: input.restingHr ?? null };
  const columns = {
    id: bodyMetrics.id,
    date: bodyMetrics.date,
    bodyweightKg: bodyMetrics.bodyweightKg,
    sleepHours: bodyMetrics.sleepHours,
    restingHr: bodyMetrics.restingHr,
  };
  if (input.id) {
    const [clash] = await db
      .select({ id: bodyMetrics.id })
      .from(bodyMetrics)
      .where(and(eq(bodyMetrics.userId, userId), eq(bodyMetrics.date, input.date), ne(bodyMetrics.id, input.id)));
    if (clash) throw new BodyMetricDayTakenError(input.date);
    const [row] = await db
      .update(bodyMetrics)
      .set(values)
      .where(and(eq(bodyMetrics.id, input.id), eq(bodyMetrics.userId, userId)))
      .returning(columns);
    if (!row) throw new NotFoundError("This entry doesn't exist.");
    return row;
  }
  const [row] = await db
    .insert(bodyMetrics)
    .values({ userId, ...values })
    .onConflictDoUpdate({ target: [bodyMetrics.userId, bodyMetrics.date], set: values })
    .returning(columns);
  return row;
}

export async function deleteBodyMetric(db: Queryable, userId: string, id: string): Promise<boolean> {
  const gone = await db
    .delete(bodyMetrics)
    .where(and(eq(bodyMetrics.id, id), eq(bodyMetrics.userId, userId)))
    .returning({ id: bodyMetrics.id });
  return gone.length === 1;
}
