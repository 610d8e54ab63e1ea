import { sql } from "drizzle-orm";
import { check, index, pgTable, smallint, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";

export const ACCESS_ACTOR_KINDS = ["operator", "trainer"] as const;
export type AccessActorKind = (typeof ACCESS_ACTOR_KINDS)[number];

/**
 * Who read a user's data other than the user: operators through the admin CLI (export, query…)
 * and trainers reading a client's log. Shown to the user on Settings → Privacy; deleted with the
 * subject's account. A deleted actor leaves the row with actor_user_id null (the read happened).
 */
export const dataAccessLog = pgTable(
  "data_access_log",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    subjectUserId: text("subject_user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    actorUserId: text("actor_user_id").references(() => users.id, { onDelete: "set null" }),
    actorKind: text("actor_kind", { enum: ACCESS_ACTOR_KINDS }).notNull(),
    /** What was read, in plain words ("Full data export", "Training log"). */
    what: text("what").notNull(),
    /** Through which door ("admin CLI: export", "trainer roster"). */
    via: text("via").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("data_access_log_subject_at_idx").on(t.subjectUserId, t.at.desc()),
    index("data_access_log_actor_idx").on(t.actorUserId),
    check("data_access_log_actor_kind_check", sql`${t.actorKind} in ('operator','trainer')`),
    check("data_access_log_what_check", sql`length(${t.what}) between 1 and 200`),
    check("data_access_log_via_check", sql`length(${t.via}) between 1 and 200`),
  ],
);

export const RETENTION_MIN_DAYS = 1;
export const RETENTION_MAX_DAYS = 180;

/** Per-user privacy settings; a missing row means the defaults (chat and cue history kept 180 days). */
export const privacySettings = pgTable(
  "privacy_settings",
  {
    userId: text("user_id")
      .primaryKey()
      .references(() => users.id, { onDelete: "cascade" }),
    historyRetentionDays: smallint("history_retention_days").notNull().default(180),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("privacy_settings_retention_check", sql`${t.historyRetentionDays} between 1 and 180`)],
);

/**
 * Re-authentication for account deletion when the account has no password: a one-time link sent by
 * the mail seam. Only the sha256 of the token is stored; it expires after 30 minutes.
 */
export const accountDeletionTokens = pgTable(
  "account_deletion_tokens",
  {
    tokenHash: text("token_hash").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("account_deletion_tokens_user_idx").on(t.userId)],
);
