import "server-only";
import { asc, eq, or } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { coachProposals, programmeAssignments, trainerLinks, trainerMessages, trainerProgrammes, trainerSettings } from "@/db/schema";

/**
 * The user's trainer data for the privacy export (lib/privacy/export.ts → trainer.json): links on
 * either side (without invitation secrets), settings, programmes written, programmes assigned to
 * them, and the messages of their threads.
 */
export async function trainerExport(db: Queryable, userId: string): Promise<Record<string, unknown>> {
  const links = await db
    .select()
    .from(trainerLinks)
    .where(or(eq(trainerLinks.trainerUserId, userId), eq(trainerLinks.clientUserId, userId)))
    .orderBy(asc(trainerLinks.createdAt));
  const [settings] = await db.select().from(trainerSettings).where(eq(trainerSettings.userId, userId));
  return {
    links: links.map(({ code: _c, ...l }) => ({ ...l, role: l.trainerUserId === userId ? "trainer" : "athlete" })),
    settings: settings ? { inactiveDays: settings.inactiveDays, readOnlyUntil: settings.readOnlyUntil } : null,
    programmes: await db
      .select()
      .from(trainerProgrammes)
      .where(eq(trainerProgrammes.trainerUserId, userId))
      .orderBy(asc(trainerProgrammes.createdAt)),
    assignedToMe: await db
      .select()
      .from(programmeAssignments)
      .where(eq(programmeAssignments.clientUserId, userId))
      .orderBy(asc(programmeAssignments.createdAt)),
    coachProposals: await db
      .select()
      .from(coachProposals)
      .where(or(eq(coachProposals.trainerUserId, userId), eq(coachProposals.clientUserId, userId)))
      .orderBy(asc(coachProposals.createdAt)),
    messages: await db
      .select()
      .from(trainerMessages)
      .where(or(eq(trainerMessages.trainerUserId, userId), eq(trainerMessages.clientUserId, userId)))
      .orderBy(asc(trainerMessages.createdAt)),
  };
}
