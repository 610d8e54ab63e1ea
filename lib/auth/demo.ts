import "server-only";
import { and, eq, isNotNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { isEmbeddedMode } from "@/lib/config/env";
import { DEMO_EMAIL } from "@/lib/seed/demo";

/**
 * The sign-in page advertises the demo account only in embedded/demo mode (never with a
 * DATABASE_URL) and only when it really exists (seeding can be turned off).
 */
export async function demoAccountAvailable(): Promise<boolean> {
  if (!isEmbeddedMode()) return false;
  const [row] = await getDb()
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.email, DEMO_EMAIL), isNotNull(users.passwordHash)))
    .limit(1);
  return Boolean(row);
}
