import "server-only";
import { createHmac, randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { serverSecrets } from "@/db/schema";
import { env } from "@/lib/config/env";

const SECRET_NAME = "training_hmac";

/**
 * The HMAC key for training subjects: TRAINING_HMAC_SECRET, or one generated once and stored in
 * Postgres (`server_secrets`), so every instance agrees without configuration. Never logged.
 */
export async function trainingHmacKey(db: Queryable): Promise<string> {
  const fromEnv = env().TRAINING_HMAC_SECRET;
  if (fromEnv) return fromEnv;
  await db
    .insert(serverSecrets)
    .values({ name: SECRET_NAME, value: randomBytes(32).toString("base64url") })
    .onConflictDoNothing();
  const [row] = await db.select({ value: serverSecrets.value }).from(serverSecrets).where(eq(serverSecrets.name, SECRET_NAME));
  return row.value;
}

/** HMAC-SHA256 of a user id: stable per user, irreversible without the key. */
export function trainingSubject(key: string, userId: string): string {
  return createHmac("sha256", key).update(`user:${userId}`).digest("hex");
}

/** HMAC of a source row id (a message, a cue): lets collection skip what it already took. */
export function sourceRef(key: string, source: string, id: string): string {
  return createHmac("sha256", key).update(`${source}:${id}`).digest("hex");
}
