import "server-only";
import { desc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Queryable } from "@/db/client";
import { ACCESS_ACTOR_KINDS, dataAccessLog, type AccessActorKind } from "@/db/schema";

const entrySchema = z.object({
  subjectUserId: z.string().min(1),
  actorUserId: z.string().min(1).nullable(),
  actorKind: z.enum(ACCESS_ACTOR_KINDS),
  what: z.string().trim().min(1).max(200),
  via: z.string().trim().min(1).max(200),
});

export type DataAccessEntry = z.input<typeof entrySchema>;

export interface DataAccessRow {
  id: string;
  actorUserId: string | null;
  actorKind: AccessActorKind;
  what: string;
  via: string;
  at: Date;
}

/**
 * Records that someone other than the user read the user's data. Call it in the same transaction
 * as the read when there is one, so a failed read leaves no entry and a read never goes unlogged.
 * Operators: actorUserId null (the CLI has no account). Trainers: their own user id.
 */
export async function recordDataAccess(db: Queryable, entry: DataAccessEntry): Promise<void> {
  const e = entrySchema.parse(entry);
  if (e.actorUserId !== null && e.actorUserId === e.subjectUserId) return; // reading your own data is not an access by someone else
  await db.insert(dataAccessLog).values(e);
}

/** The user's access log, newest first. */
export async function listDataAccess(db: Queryable, subjectUserId: string, limit = 200): Promise<DataAccessRow[]> {
  return db
    .select({
      id: dataAccessLog.id,
      actorUserId: dataAccessLog.actorUserId,
      actorKind: dataAccessLog.actorKind,
      what: dataAccessLog.what,
      via: dataAccessLog.via,
      at: dataAccessLog.at,
    })
    .from(dataAccessLog)
    .where(eq(dataAccessLog.subjectUserId, subjectUserId))
    .orderBy(desc(dataAccessLog.at), desc(dataAccessLog.id))
    .limit(limit);
}
