import "server-only";
import type { Queryable } from "@/db/client";
import type { CoachPersona } from "@/lib/ai/system-prompt";
import { getPrimaryCoach } from "./coaches";
import { DEFAULT_CHAT_PERSONA, personaFromCard } from "./persona";

/**
 * The persona block for the chat's system prompt: the user's primary coach (current version), or
 * the default coach when they have none. A stored card that no longer validates falls back to the
 * default rather than breaking the chat.
 */
export async function getChatPersona(db: Queryable, userId: string): Promise<CoachPersona> {
  const coach = await getPrimaryCoach(db, userId);
  return coach ? personaFromCard(coach.card) : DEFAULT_CHAT_PERSONA;
}
