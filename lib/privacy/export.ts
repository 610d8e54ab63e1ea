import "server-only";
import { and, asc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Queryable } from "@/db/client";
import {
  accounts,
  bodyMetrics,
  billingCustomers,
  coachInterviews,
  coachVersions,
  coaches,
  conversations,
  dataAccessLog,
  exerciseAliases,
  exerciseSets,
  exercises,
  importRuns,
  liveCues,
  liveSettings,
  liveWorkouts,
  messageVisualizations,
  messages,
  privacySettings,
  subscriptions,
  trainingRecords,
  userProfiles,
  users,
  workoutSessions,
  workoutTemplates,
} from "@/db/schema";
import { getTrainingConsent, listTrainingConsentHistory } from "@/lib/training/consent";
import { wallClockMs } from "@/lib/time/zone";
import { trainerExport } from "@/lib/trainer/export";
import { zipStream, type ZipEntry } from "./zip";

/** Bumped whenever a file's shape changes; every JSON file carries it. */
const EXPORT_FORMAT_VERSION = 1;
const EXPORT_FORMAT = "spotter-export";

/**
 * Tables the export reads, by SQL name. tests/privacy-coverage.db.test.ts fails when a table that
 * references a user is neither here nor in EXPORT_EXCLUDED (so a new table cannot be forgotten).
 */
export const EXPORTED_TABLES = [
  "users",
  "accounts",
  "user_profiles",
  "workout_sessions",
  "exercise_sets",
  "exercises",
  "exercise_aliases",
  "body_metrics",
  "import_runs",
  "conversations",
  "messages",
  "message_visualizations",
  "coaches",
  "coach_versions",
  "coach_interviews",
  "live_cues",
  "subscriptions",
  "billing_customers",
  "privacy_settings",
  "data_access_log",
  "training_consents",
  "training_records",
  "live_workouts",
  "live_settings",
  "workout_templates",
  "trainer_links",
  "trainer_settings",
  "trainer_programmes",
  "programme_assignments",
  "trainer_messages",
  "trainer_coach_proposals",
] as const;

/** User-referencing tables deliberately left out of the export, with the reason. */
export const EXPORT_EXCLUDED: Record<string, string> = {
  sessions: "sign-in session tokens (secrets, not personal data)",
  account_deletion_tokens: "one-time re-authentication tokens (hashes of secrets)",
};

/** How many parent rows one query reads: memory stays flat however large the account. */
const PAGE = 200;
/** Chunks handed to the ZIP writer are at least this large (fewer, bigger writes). */
const CHUNK = 64 * 1024;

async function* batched(parts: AsyncIterable<string>): AsyncGenerator<string> {
  let buf = "";
  for await (const p of parts) {
    buf += p;
    if (buf.length >= CHUNK) {
      yield buf;
      buf = "";
    }
  }
  if (buf) yield buf;
}

/** `{"format":…,"version":1,"kind":…, …meta, "items":[ … ]}` written item by item. */
async function* jsonDocument(kind: string, items: AsyncIterable<unknown>, meta: Record<string, unknown> = {}): AsyncGenerator<string> {
  const head = JSON.stringify({ format: EXPORT_FORMAT, version: EXPORT_FORMAT_VERSION, kind, ...meta });
  yield `${head.slice(0, -1)},"items":[`;
  let first = true;
  for await (const item of items) {
    yield `${first ? "\n" : ",\n"}${JSON.stringify(item)}`;
    first = false;
  }
  yield "\n]}\n";
}

async function* jsonObject(kind: string, data: Record<string, unknown>): AsyncGenerator<string> {
  yield `${JSON.stringify({ format: EXPORT_FORMAT, version: EXPORT_FORMAT_VERSION, kind, ...data }, null, 2)}\n`;
}

/**
 * Keyset pages of `table` rows where `owner` = userId, ordered by (orderCol, id). The cursor compares
 * against the last row as stored (a sub-select), so microsecond timestamps never skip or repeat rows.
 */
async function* keysetPages<T extends PgTable>(
  db: Queryable,
  table: T,
  owner: SQL,
  orderCol: PgColumn,
  idCol: PgColumn,
  tableName: string,
): AsyncGenerator<T["$inferSelect"][]> {
  let last: unknown = null;
  for (;;) {
    const after: SQL | undefined =
      last === null
        ? undefined
        : sql`(${orderCol}, ${idCol}) > (select ${sql.identifier(orderCol.name)}, ${sql.identifier(idCol.name)} from ${sql.identifier(tableName)} where ${sql.identifier(idCol.name)} = ${last})`;
    const rows = (await db
      .select()
      .from(table as PgTable)
      .where(after ? and(owner, after) : owner)
      .orderBy(asc(orderCol), asc(idCol))
      .limit(PAGE)) as T["$inferSelect"][];
    if (rows.length) yield rows;
    if (rows.length < PAGE) return;
    last = (rows.at(-1) as Record<string, unknown>)[idColumnKey(table, idCol)];
  }
}

function idColumnKey(table: PgTable, col: PgColumn): string {
  for (const [key, value] of Object.entries(table)) if (value === col) return key;
  throw new Error(`column ${col.name} not in table`);
}

type SessionRow = typeof workoutSessions.$inferSelect;
type SetWithExercise = typeof exerciseSets.$inferSelect & { exerciseName: string };

/** Sessions in start order with their sets (exercise names resolved), a page at a time. */
async function* sessionPages(db: Queryable, userId: string): AsyncGenerator<{ session: SessionRow; sets: SetWithExercise[] }[]> {
  for await (const page of keysetPages(
    db,
    workoutSessions,
    eq(workoutSessions.userId, userId),
    workoutSessions.startedAt,
    workoutSessions.id,
    "workout_sessions",
  )) {
    const ids = page.map((s) => s.id);
    const sets = await db
      .select({ set: exerciseSets, exerciseName: exercises.name })
      .from(exerciseSets)
      .innerJoin(exercises, eq(exercises.id, exerciseSets.exerciseId))
      .where(and(eq(exerciseSets.userId, userId), inArray(exerciseSets.sessionId, ids)))
      .orderBy(asc(exerciseSets.sessionId), asc(exerciseSets.position));
    const bySession = new Map<string, SetWithExercise[]>();
    for (const r of sets) {
      const list = bySession.get(r.set.sessionId) ?? [];
      list.push({ ...r.set, exerciseName: r.exerciseName });
      bySession.set(r.set.sessionId, list);
    }
    yield page.map((session) => ({ session, sets: bySession.get(session.id) ?? [] }));
  }
}

async function* sessionItems(db: Queryable, userId: string) {
  for await (const page of sessionPages(db, userId)) {
    for (const { session, sets } of page) {
      const { userId: _u, ...s } = session;
      yield { ...s, sets: sets.map(({ userId: _su, sessionId: _sid, ...set }) => set) };
    }
  }
}

/** The header Spotter's importer recognises as a Strong export (comma-separated, kg and metres). */
const WORKOUTS_CSV_HEADER = [
  "Date",
  "Workout Name",
  "Duration",
  "Exercise Name",
  "Set Order",
  "Weight (kg)",
  "Reps",
  "Distance (meters)",
  "Seconds",
  "Notes",
  "Workout Notes",
  "RPE",
] as const;

function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  const s = String(value);
  return /[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** "YYYY-MM-DD HH:MM:SS" on the wall clock of `timeZone` (what the importer reads back in that zone). */
function wallClock(instant: Date, timeZone: string): string {
  return new Date(wallClockMs(instant, timeZone)).toISOString().slice(0, 19).replace("T", " ");
}

const SET_ORDER: Record<string, string> = { warmup: "W", failure: "F", drop: "D" };

/** One row per set, in the Strong CSV dialect; times on the wall clock of the profile's zone. */
async function* workoutsCsv(db: Queryable, userId: string, timeZone: string): AsyncGenerator<string> {
  yield `${WORKOUTS_CSV_HEADER.join(",")}\n`;
  for await (const page of sessionPages(db, userId)) {
    let out = "";
    for (const { session, sets } of page) {
      const duration = session.endedAt ? Math.round((session.endedAt.getTime() - session.startedAt.getTime()) / 1000) : null;
      const date = wallClock(session.startedAt, timeZone);
      for (const set of sets) {
        out +=
          [
            date,
            session.name,
            duration,
            set.exerciseName,
            SET_ORDER[set.setType] ?? set.setNumber,
            set.weightKg,
            set.reps,
            set.distanceM,
            set.durationSeconds,
            set.notes,
            session.notes,
            set.rpe,
          ]
            .map(csvCell)
            .join(",") + "\n";
      }
    }
    yield out;
  }
}

async function* conversationItems(db: Queryable, userId: string) {
  for await (const page of keysetPages(
    db,
    conversations,
    eq(conversations.userId, userId),
    conversations.createdAt,
    conversations.id,
    "conversations",
  )) {
    for (const { userId: _u, ...conversation } of page) {
      const msgs: unknown[] = [];
      let afterSeq = -1;
      for (;;) {
        const rows = await db
          .select()
          .from(messages)
          .where(and(eq(messages.userId, userId), eq(messages.conversationId, conversation.id), sql`${messages.seq} > ${afterSeq}`))
          .orderBy(asc(messages.seq))
          .limit(PAGE);
        if (rows.length) {
          const charts = await db
            .select()
            .from(messageVisualizations)
            .where(
              and(
                eq(messageVisualizations.userId, userId),
                inArray(
                  messageVisualizations.messageId,
                  rows.map((r) => r.id),
                ),
              ),
            )
            .orderBy(asc(messageVisualizations.messageId), asc(messageVisualizations.position));
          for (const { userId: _mu, conversationId: _c, ...m } of rows) {
            msgs.push({ ...m, visualizations: charts.filter((c) => c.messageId === m.id).map(({ userId: _cu, messageId: _mid, ...c }) => c) });
          }
        }
        if (rows.length < PAGE) break;
        afterSeq = rows.at(-1)!.seq;
      }
      yield { ...conversation, messages: msgs };
    }
  }
}

async function* cueItems(db: Queryable, userId: string) {
  for await (const page of keysetPages(db, liveCues, eq(liveCues.userId, userId), liveCues.createdAt, liveCues.id, "live_cues")) {
    for (const { userId: _u, ...cue } of page) yield cue;
  }
}

async function* rows<T>(list: Promise<T[]>): AsyncGenerator<T> {
  for (const r of await list) yield r;
}

export interface ExportOptions {
  now?: Date;
}

/** The archive's files, each produced only when the ZIP writer reaches it. */
async function* exportEntries(db: Queryable, userId: string, opts: ExportOptions): AsyncGenerator<ZipEntry> {
  const now = opts.now ?? new Date();
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  if (!user) throw new Error("no such user");
  const [profile] = await db.select().from(userProfiles).where(eq(userProfiles.userId, userId));
  const timeZone = profile?.timeZone ?? "UTC";
  const files = [
    "README.txt",
    "account.json",
    "sessions.json",
    "workouts.csv",
    "exercises.json",
    "body-metrics.json",
    "import-runs.json",
    "conversations.json",
    "coaches.json",
    "coach-interviews.json",
    "cue-history.json",
    "billing.json",
    "live.json",
    "consents.json",
    "access-log.json",
    "trainer.json",
  ];
  const modified = now;
  yield {
    name: "README.txt",
    modified,
    content: [
      `Spotter data export (format ${EXPORT_FORMAT} version ${EXPORT_FORMAT_VERSION}), made ${now.toISOString()}.\n\n`,
      `Every .json file is {"format","version","kind", … ,"items":[…]} or a single object; times are ISO 8601 in UTC,\n`,
      `weights in kg, distances in metres.\n\n`,
      `workouts.csv has one row per set in the Strong CSV dialect (times on the wall clock of your profile's\n`,
      `time zone, ${timeZone}): Settings → Import in Spotter (or Strong-compatible apps) reads it back.\n\n`,
      `Files: ${files.join(", ")}\n`,
    ],
  };
  const { passwordHash, ...account } = user;
  const linked = await db.select({ provider: accounts.provider, type: accounts.type }).from(accounts).where(eq(accounts.userId, userId));
  const [privacy] = await db.select().from(privacySettings).where(eq(privacySettings.userId, userId));
  yield {
    name: "account.json",
    modified,
    content: jsonObject("account", {
      exportedAt: now.toISOString(),
      user: { ...account, hasPassword: passwordHash !== null },
      linkedSignIns: linked,
      profile: profile ? (({ userId: _u, ...p }) => p)(profile) : null,
      privacy: privacy
        ? { historyRetentionDays: privacy.historyRetentionDays, updatedAt: privacy.updatedAt }
        : { historyRetentionDays: 180, updatedAt: null },
    }),
  };
  yield { name: "sessions.json", modified, content: batched(jsonDocument("sessions", sessionItems(db, userId), { timeZone })) };
  yield { name: "workouts.csv", modified, content: workoutsCsv(db, userId, timeZone) };
  const customExercises = await db.select().from(exercises).where(eq(exercises.ownerUserId, userId)).orderBy(asc(exercises.createdAt));
  const aliases = await db
    .select({ alias: exerciseAliases.alias, exerciseId: exerciseAliases.exerciseId, exerciseName: exercises.name })
    .from(exerciseAliases)
    .innerJoin(exercises, eq(exercises.id, exerciseAliases.exerciseId))
    .where(eq(exerciseAliases.ownerUserId, userId));
  yield {
    name: "exercises.json",
    modified,
    content: jsonObject("exercises", { custom: customExercises.map(({ ownerUserId: _o, ...e }) => e), aliases }),
  };
  const list = <T extends { userId: string | null }>(kind: string, q: Promise<T[]>) => batched(jsonDocument(kind, stripUser(rows(q))));
  yield {
    name: "body-metrics.json",
    modified,
    content: list("body-metrics", db.select().from(bodyMetrics).where(eq(bodyMetrics.userId, userId)).orderBy(asc(bodyMetrics.date))),
  };
  yield {
    name: "import-runs.json",
    modified,
    content: list("import-runs", db.select().from(importRuns).where(eq(importRuns.userId, userId)).orderBy(asc(importRuns.createdAt))),
  };
  yield { name: "conversations.json", modified, content: batched(jsonDocument("conversations", conversationItems(db, userId))) };
  const coachRows = await db.select().from(coaches).where(eq(coaches.userId, userId)).orderBy(asc(coaches.createdAt));
  const versions = await db
    .select()
    .from(coachVersions)
    .where(eq(coachVersions.userId, userId))
    .orderBy(asc(coachVersions.coachId), asc(coachVersions.version));
  yield {
    name: "coaches.json",
    modified,
    content: batched(
      jsonDocument(
        "coaches",
        rows(
          Promise.resolve(
            coachRows.map(({ userId: _u, ...c }) => ({
              ...c,
              versions: versions.filter((v) => v.coachId === c.id).map(({ userId: _vu, coachId: _c, ...v }) => v),
            })),
          ),
        ),
      ),
    ),
  };
  yield {
    name: "coach-interviews.json",
    modified,
    content: list(
      "coach-interviews",
      db.select().from(coachInterviews).where(eq(coachInterviews.userId, userId)).orderBy(asc(coachInterviews.createdAt)),
    ),
  };
  yield { name: "cue-history.json", modified, content: batched(jsonDocument("cue-history", cueItems(db, userId))) };
  const [subscription] = await db.select().from(subscriptions).where(eq(subscriptions.userId, userId));
  const [customer] = await db.select().from(billingCustomers).where(eq(billingCustomers.userId, userId));
  yield {
    name: "billing.json",
    modified,
    content: jsonObject("billing", {
      subscription: subscription ? (({ userId: _u, ...s }) => s)(subscription) : null,
      customer: customer ? (({ userId: _u, ...c }) => c)(customer) : null,
      note: "Invoices and payment details are held by Stripe; the customer portal (Settings → Billing) shows them.",
    }),
  };
  const [inProgress] = await db.select().from(liveWorkouts).where(eq(liveWorkouts.userId, userId));
  const [live] = await db.select().from(liveSettings).where(eq(liveSettings.userId, userId));
  const templates = await db.select().from(workoutTemplates).where(eq(workoutTemplates.userId, userId)).orderBy(asc(workoutTemplates.createdAt));
  yield {
    name: "live.json",
    modified,
    content: jsonObject("live", {
      workoutInProgress: inProgress ? (({ userId: _u, ...w }) => w)(inProgress) : null,
      settings: live ? (({ userId: _u, ...l }) => l)(live) : null,
      templates: templates.map(({ userId: _u, ...x }) => x),
    }),
  };
  const consent = await getTrainingConsent(db, userId);
  const pending = await db.select().from(trainingRecords).where(eq(trainingRecords.userId, userId)).orderBy(asc(trainingRecords.createdAt));
  yield {
    name: "consents.json",
    modified,
    content: jsonObject("consents", {
      trainingData: {
        granted: consent.granted,
        currentTextVersion: consent.currentVersion,
        history: await listTrainingConsentHistory(db, userId),
        pendingRecords: pending.map(({ userId: _u, subject: _s, sourceRef: _r, ...r }) => r),
        note: "Records already exported to a training batch carry no link to your account and are not listed.",
      },
    }),
  };
  yield {
    name: "access-log.json",
    modified,
    content: batched(
      jsonDocument(
        "access-log",
        rows(
          db
            .select({
              actorKind: dataAccessLog.actorKind,
              actorUserId: dataAccessLog.actorUserId,
              what: dataAccessLog.what,
              via: dataAccessLog.via,
              at: dataAccessLog.at,
            })
            .from(dataAccessLog)
            .where(eq(dataAccessLog.subjectUserId, userId))
            .orderBy(asc(dataAccessLog.at)),
        ),
      ),
    ),
  };
  yield { name: "trainer.json", modified, content: jsonObject("trainer", await trainerExport(db, userId)) };
}

async function* stripUser<T extends { userId: string | null }>(items: AsyncIterable<T>) {
  for await (const { userId: _u, ...rest } of items) yield rest;
}

/** The whole export as ZIP bytes, produced as the reader pulls them. */
export function exportArchive(db: Queryable, userId: string, opts: ExportOptions = {}): AsyncGenerator<Uint8Array> {
  return zipStream(exportEntries(db, userId, opts));
}

export function exportFileName(email: string, now = new Date()): string {
  const who =
    email
      .split("@")[0]
      .replace(/[^a-z0-9._-]/gi, "")
      .slice(0, 40) || "account";
  return `spotter-export-${who}-${now.toISOString().slice(0, 10)}.zip`;
}
