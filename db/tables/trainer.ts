import { sql } from "drizzle-orm";
import { check, date, index, jsonb, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { workoutSessions } from "./training";

export const TRAINER_LINK_STATUSES = ["pending", "active", "revoked", "declined"] as const;
export type TrainerLinkStatus = (typeof TRAINER_LINK_STATUSES)[number];

/**
 * A trainer–athlete link. It starts as an invitation (`pending`, with a one-time `code`: bound to
 * `invite_email` when sent by email, open to whoever holds it when it is a share code), becomes
 * `active` when the athlete accepts (client_user_id set), and ends `revoked` (either side) or
 * `declined`. Active links use the trainer's client seats (counted under an advisory lock).
 */
export const trainerLinks = pgTable(
  "trainer_links",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    trainerUserId: text("trainer_user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    clientUserId: text("client_user_id").references(() => users.id, { onDelete: "cascade" }),
    status: text("status", { enum: TRAINER_LINK_STATUSES }).notNull().default("pending"),
    /** Normalized email of an email invitation (null: share code). */
    inviteEmail: text("invite_email"),
    /** The invitation secret (link token / share code); cleared once answered. */
    code: text("code"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    endedBy: text("ended_by"),
  },
  (t) => [
    uniqueIndex("trainer_links_code_unique").on(t.code),
    uniqueIndex("trainer_links_one_active_unique")
      .on(t.trainerUserId, t.clientUserId)
      .where(sql`${t.status} = 'active'`),
    index("trainer_links_trainer_idx").on(t.trainerUserId, t.status),
    index("trainer_links_client_idx").on(t.clientUserId, t.status),
    check("trainer_links_status_check", sql`${t.status} in ('pending','active','revoked','declined')`),
    check("trainer_links_not_self_check", sql`${t.clientUserId} is null or ${t.clientUserId} <> ${t.trainerUserId}`),
    check("trainer_links_active_client_check", sql`${t.status} <> 'active' or (${t.clientUserId} is not null and ${t.acceptedAt} is not null)`),
    check("trainer_links_pending_code_check", sql`${t.status} <> 'pending' or ${t.code} is not null`),
    check("trainer_links_ended_by_check", sql`${t.endedBy} is null or ${t.endedBy} in ('trainer','client','expired')`),
  ],
);

/**
 * Per-trainer settings and the downgrade clock: `read_only_until` is fixed the first time the
 * trainer is seen below the Trainer plan (the stored period end then), cleared when they are back.
 */
export const trainerSettings = pgTable(
  "trainer_settings",
  {
    userId: text("user_id")
      .primaryKey()
      .references(() => users.id, { onDelete: "cascade" }),
    /** "Needs attention" after this many days without a session. */
    inactiveDays: smallint("inactive_days").notNull().default(7),
    readOnlyUntil: timestamp("read_only_until", { withTimezone: true }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("trainer_settings_inactive_days_check", sql`${t.inactiveDays} between 1 and 60`)],
);

/** A trainer's programme template: weeks × days × exercises (see lib/trainer/programme-schema.ts for `body`). */
export const trainerProgrammes = pgTable(
  "trainer_programmes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    trainerUserId: text("trainer_user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    weeks: smallint("weeks").notNull(),
    daysPerWeek: smallint("days_per_week").notNull(),
    body: jsonb("body").notNull(),
    /** 'trainer' (written in the form) or 'coach' (drafted by the trainer's coach). */
    origin: text("origin").notNull().default("trainer"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("trainer_programmes_trainer_idx").on(t.trainerUserId, t.updatedAt.desc()),
    check("trainer_programmes_name_check", sql`length(${t.name}) between 1 and 120`),
    check("trainer_programmes_weeks_check", sql`${t.weeks} between 1 and 24`),
    check("trainer_programmes_days_check", sql`${t.daysPerWeek} between 1 and 7`),
    check("trainer_programmes_origin_check", sql`${t.origin} in ('trainer','coach')`),
    check("trainer_programmes_body_check", sql`jsonb_typeof(${t.body}) = 'object'`),
  ],
);

/**
 * A programme copied onto a client (the copy is theirs: editing the template later changes nothing
 * here). At most one active assignment per client; the trainer may go away (set null).
 */
export const programmeAssignments = pgTable(
  "programme_assignments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clientUserId: text("client_user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    trainerUserId: text("trainer_user_id").references(() => users.id, { onDelete: "set null" }),
    name: text("name").notNull(),
    weeks: smallint("weeks").notNull(),
    daysPerWeek: smallint("days_per_week").notNull(),
    body: jsonb("body").notNull(),
    startDate: date("start_date").notNull(),
    status: text("status").notNull().default("active"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp("ended_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("programme_assignments_one_active_unique")
      .on(t.clientUserId)
      .where(sql`${t.status} = 'active'`),
    index("programme_assignments_trainer_idx").on(t.trainerUserId),
    check("programme_assignments_status_check", sql`${t.status} in ('active','ended')`),
    check("programme_assignments_weeks_check", sql`${t.weeks} between 1 and 24`),
    check("programme_assignments_days_check", sql`${t.daysPerWeek} between 1 and 7`),
  ],
);

/** One thread per trainer–client pair; `session_id` makes a message a comment on that workout. */
export const trainerMessages = pgTable(
  "trainer_messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    trainerUserId: text("trainer_user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    clientUserId: text("client_user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    authorUserId: text("author_user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    sessionId: uuid("session_id").references(() => workoutSessions.id, { onDelete: "cascade" }),
    body: text("body").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp("read_at", { withTimezone: true }),
  },
  (t) => [
    index("trainer_messages_thread_idx").on(t.trainerUserId, t.clientUserId, t.createdAt),
    index("trainer_messages_session_idx").on(t.sessionId),
    check("trainer_messages_body_check", sql`length(${t.body}) between 1 and 4000`),
    check("trainer_messages_author_check", sql`${t.authorUserId} in (${t.trainerUserId}, ${t.clientUserId})`),
  ],
);

export const COACH_PROPOSAL_STATUSES = ["pending", "accepted", "declined", "withdrawn"] as const;

/**
 * A trainer's methodology and safety rules proposed for a client's coach (`content`: see
 * lib/trainer/coach-proposals.ts). Nothing changes on the client's coach until they accept.
 */
export const coachProposals = pgTable(
  "trainer_coach_proposals",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    trainerUserId: text("trainer_user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    clientUserId: text("client_user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    content: jsonb("content").notNull(),
    status: text("status", { enum: COACH_PROPOSAL_STATUSES }).notNull().default("pending"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    answeredAt: timestamp("answered_at", { withTimezone: true }),
    appliedCoachVersion: smallint("applied_coach_version"),
  },
  (t) => [
    index("trainer_coach_proposals_client_idx").on(t.clientUserId, t.status),
    index("trainer_coach_proposals_trainer_idx").on(t.trainerUserId),
    check("trainer_coach_proposals_status_check", sql`${t.status} in ('pending','accepted','declined','withdrawn')`),
    check("trainer_coach_proposals_content_check", sql`jsonb_typeof(${t.content}) = 'object'`),
  ],
);
