import { sql } from "drizzle-orm";
import { bigserial, boolean, check, customType, index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

/**
 * Rendered speech, shared by every app instance. key = sha256(engine, voice, settings, text).
 * Clips expire 30 days after they were made; the least recently used go first when the cache
 * grows past SPEECH_CACHE_MAX_MB.
 */
export const speechClips = pgTable(
  "speech_clips",
  {
    key: text("key").primaryKey(),
    engine: text("engine").notNull(),
    voice: text("voice").notNull(),
    mime: text("mime").notNull(),
    audio: bytea("audio").notNull(),
    bytes: integer("bytes").notNull(),
    hits: integer("hits").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    index("speech_clips_last_used_idx").on(t.lastUsedAt),
    index("speech_clips_expires_idx").on(t.expiresAt),
    check("speech_clips_bytes_check", sql`${t.bytes} > 0 and ${t.bytes} < 1048576`),
  ],
);

/** One row per speech request: cache hit or miss, which engine answered, and how long it took. */
export const speechRequests = pgTable(
  "speech_requests",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    engine: text("engine").notNull(),
    hit: boolean("hit").notNull(),
    /** Set when the configured engine failed and the embedded voice answered instead. */
    fallbackReason: text("fallback_reason"),
    ms: integer("ms").notNull(),
  },
  (t) => [index("speech_requests_at_idx").on(t.at)],
);
