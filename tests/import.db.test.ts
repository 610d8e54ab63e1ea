import fs from "node:fs";
import path from "node:path";
import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { exercises, importRuns, userProfiles, workoutSessions } from "@/db/schema";
import { syncCatalog } from "@/lib/exercises/sync-catalog";
import { importWorkoutFile, ImportFormatError, ImportTooLargeError } from "@/lib/import";
import { createUser } from "@/lib/users/create-user";
import { useTestDatabase } from "./helpers/db";

const fixture = (name: string) => fs.readFileSync(path.join(import.meta.dirname, "fixtures/imports", name), "utf8");

describe("importWorkoutFile", () => {
  const handle = useTestDatabase();
  const db = () => handle().db;
  let n = 0;

  async function newUser(profile: { units?: "kg" | "lb"; timeZone?: string } = {}) {
    const u = await createUser(db(), { email: `importer-${++n}-${Date.now()}@example.test` });
    if (profile.units || profile.timeZone) await db().update(userProfiles).set(profile).where(eq(userProfiles.userId, u.id));
    return u.id;
  }

  async function counts(userId: string) {
    const r = await db().execute<{ sessions: number; sets: number; custom: number; aliases: number; runs: number }>(sql`
      select (select count(*) from workout_sessions where user_id = ${userId})::int as sessions,
             (select count(*) from exercise_sets where user_id = ${userId})::int as sets,
             (select count(*) from exercises where owner_user_id = ${userId})::int as custom,
             (select count(*) from exercise_aliases where owner_user_id = ${userId})::int as aliases,
             (select count(*) from import_runs where user_id = ${userId})::int as runs`);
    return r.rows[0];
  }

  beforeAll(async () => {
    await syncCatalog(db());
  });

  it("imports the real Strong sample: 15 sessions, 250 sets, ended_at = start + duration, catalog matches", async () => {
    const userId = await newUser();
    const text = fixture("strong-sample.csv");
    const r = await importWorkoutFile(db(), { userId, fileName: "strong.csv", content: text });
    const names = new Set(
      text
        .trim()
        .split("\n")
        .slice(1)
        .map((l) => l.split('"')[3]),
    );
    expect(r).toMatchObject({
      format: "strong-legacy",
      rows: 250,
      sessions: 15,
      sets: 250,
      alreadyPresentSessions: 0,
      skipped: { count: 0, reasons: [] },
    });
    expect(r.exercisesMatched + r.exercisesCreated).toBe(names.size);
    expect(r.exercisesMatched).toBeGreaterThan(r.exercisesCreated);
    expect(await counts(userId)).toMatchObject({ sessions: 15, sets: 250, custom: r.exercisesCreated, runs: 1 });

    const [s] = await db()
      .select()
      .from(workoutSessions)
      .where(and(eq(workoutSessions.userId, userId), eq(workoutSessions.name, "Fridays")))
      .orderBy(workoutSessions.startedAt)
      .limit(1);
    expect(s.startedAt.toISOString()).toBe("2025-08-29T13:15:19.000Z"); // profile time zone UTC
    expect(s.endedAt!.getTime() - s.startedAt.getTime()).toBe(40 * 60_000);
    expect(s.source).toBe("import:strong");
    expect(s.importKey).toMatch(/^[0-9a-f]{64}$/);

    const [run] = await db().select().from(importRuns).where(eq(importRuns.userId, userId));
    expect(run).toMatchObject({ format: "strong-legacy", fileName: "strong.csv", rows: 250, sessionsCreated: 15, setsCreated: 250, skipped: 0 });
    expect(run.fileSha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it("stores sets in file order with positions, set numbers per exercise block and types", async () => {
    const userId = await newUser();
    await importWorkoutFile(db(), { userId, content: fixture("strong-comma-bom-crlf.csv") });
    const rows = await db().execute<Record<string, unknown>>(sql`
      select s.position, s.set_number, s.set_type, s.weight_kg::text as w, s.reps, s.rpe::text as rpe, s.duration_seconds, s.distance_m::text as d, s.notes, e.name
      from exercise_sets s join workout_sessions w on w.id = s.session_id join exercises e on e.id = s.exercise_id
      where s.user_id = ${userId} and w.name = 'Push Day' order by s.position`);
    expect(rows.rows.map((r) => [r.position, r.set_number, r.set_type, r.w, r.reps, r.rpe])).toEqual([
      [0, 1, "warmup", "40.00", 10, null],
      [1, 2, "normal", "80.00", 5, "8.5"],
      [2, 3, "normal", "12.90", 5, null],
      [3, 4, "failure", "80.00", 3, "10.0"],
      [4, 5, "drop", "60.00", 8, null],
      [5, 1, "normal", null, null, null],
      [6, 1, "normal", null, null, null],
    ]);
    expect(rows.rows[1].notes).toBe('Paused, "competition" style\nsecond line');
    expect([rows.rows[6].d, rows.rows[6].duration_seconds]).toEqual(["5200.00", 1800]);
  });

  it("imports the real Hevy sample: 335 sessions and all 7 211 sets; a second import adds nothing", async () => {
    const userId = await newUser({ timeZone: "Europe/Berlin" });
    const text = fixture("hevy-metric-sample.csv");
    const first = await importWorkoutFile(db(), { userId, content: text });
    expect(first).toMatchObject({ format: "hevy", rows: 7211, sessions: 335, sets: 7211, alreadyPresentSessions: 0 });
    const after = await counts(userId);
    expect(after).toMatchObject({ sessions: 335, sets: 7211, runs: 1 });
    const exercisesBefore = await db()
      .select({ n: sql<number>`count(*)::int` })
      .from(exercises);

    const second = await importWorkoutFile(db(), { userId, content: new TextEncoder().encode(text) });
    expect(second).toMatchObject({ sessions: 0, sets: 0, alreadyPresentSessions: 335, exercisesCreated: 0, exercisesMatched: 0 });
    expect(await counts(userId)).toEqual({ ...after, runs: 2 });
    expect(
      await db()
        .select({ n: sql<number>`count(*)::int` })
        .from(exercises),
    ).toEqual(exercisesBefore);

    // Hevy times are Berlin wall clock: 15 Sep 2025 07:48 CEST = 05:48 UTC, ended 09:13 CEST.
    const [s] = await db()
      .select()
      .from(workoutSessions)
      .where(and(eq(workoutSessions.userId, userId), eq(workoutSessions.startedAt, new Date("2025-09-15T05:48:00Z"))));
    expect(s.name).toBe("Lower // Ramp // Strength // 1");
    expect(s.endedAt!.toISOString()).toBe("2025-09-15T07:13:00.000Z");
  });

  it("an overlapping newer export only adds the new sessions", async () => {
    const userId = await newUser();
    const lines = fixture("hevy-metric-sample.csv").split("\n");
    const header = lines[0];
    // The sample lists newest first: the "older export" lacks the 10 newest workouts.
    const starts = [...new Set(lines.slice(1).map((l) => l.split('","')[1]))];
    const newest = new Set(starts.slice(0, 10));
    const older = [header, ...lines.slice(1).filter((l) => !newest.has(l.split('","')[1]))].join("\n");
    const newRows = lines.slice(1).filter((l) => newest.has(l.split('","')[1])).length;

    const a = await importWorkoutFile(db(), { userId, content: older });
    expect(a).toMatchObject({ sessions: 325, sets: 7211 - newRows });
    const b = await importWorkoutFile(db(), { userId, content: lines.join("\n") });
    expect(b).toMatchObject({ sessions: 10, sets: newRows, alreadyPresentSessions: 325 });
    expect(await counts(userId)).toMatchObject({ sessions: 335, sets: 7211 });
  });

  it("the same workout in two Strong dialects is one workout (legacy sample overlaps the Strong sample)", async () => {
    const userId = await newUser();
    await importWorkoutFile(db(), { userId, content: fixture("strong-sample.csv") });
    const r = await importWorkoutFile(db(), { userId, content: fixture("strong-legacy-sample.csv") });
    expect(r).toMatchObject({ format: "strong-legacy", sessions: 2, sets: 4, alreadyPresentSessions: 1 });
    expect(await counts(userId)).toMatchObject({ sessions: 17, sets: 254 });
  });

  it("reads unitless Strong weights in the profile unit, or the unit passed in", async () => {
    const lbUser = await newUser({ units: "lb" });
    await importWorkoutFile(db(), { userId: lbUser, content: fixture("strong-lb.csv") });
    const kgUser = await newUser({ units: "lb" });
    await importWorkoutFile(db(), { userId: kgUser, content: fixture("strong-lb.csv"), unit: "kg" });
    const weights = async (userId: string) =>
      (
        await db().execute<{ w: string | null }>(sql`select weight_kg::text as w from exercise_sets where user_id = ${userId} order by position`)
      ).rows.map((r) => r.w);
    expect(await weights(lbUser)).toEqual(["102.06", "61.46", null]);
    expect(await weights(kgUser)).toEqual(["225.00", "135.50", null]);
  });

  it("imports Hevy imperial and FitNotes kgs/lbs with exact conversions", async () => {
    const userId = await newUser();
    const h = await importWorkoutFile(db(), { userId, content: fixture("hevy-imperial.csv") });
    expect(h).toMatchObject({ format: "hevy-imperial", sessions: 1, sets: 3 });
    const f1 = await importWorkoutFile(db(), { userId, content: fixture("fitnotes-kgs.csv") });
    expect(f1).toMatchObject({ format: "fitnotes", sessions: 2, sets: 5, skipped: { count: 1 } });
    const f2 = await importWorkoutFile(db(), { userId, content: fixture("fitnotes-lbs.csv") });
    expect(f2).toMatchObject({ format: "fitnotes", sessions: 1, sets: 2 });
    const rows = await db().execute<{ w: string; source: string; name: string }>(sql`
      select s.weight_kg::text as w, w.source, w.name from exercise_sets s join workout_sessions w on w.id = s.session_id
      where s.user_id = ${userId} and s.weight_kg is not null and w.source <> 'import:strong' order by w.started_at, s.position`);
    expect(rows.rows.map((r) => [r.source, r.name, r.w])).toEqual([
      ["import:fitnotes", "Chest & Triceps & Cardio", "60.00"],
      ["import:fitnotes", "Chest & Triceps & Cardio", "62.50"],
      ["import:fitnotes", "Chest & Triceps & Cardio", "20.00"],
      ["import:fitnotes", "Legs", "100.00"],
      ["import:fitnotes", "Back", "183.70"],
      ["import:fitnotes", "Back", "61.23"],
      ["import:hevy", "Lower", "102.06"],
      ["import:hevy", "Lower", "142.88"],
    ]);
  });

  it("converts wall-clock times in the profile time zone, across DST changes", async () => {
    const userId = await newUser({ timeZone: "America/New_York" });
    const header = "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE";
    const row = (date: string, name: string, duration: string) => `${date},"${name}",${duration},"Squat (Barbell)",1,100,5,0,0,,,`;
    const text = [
      header,
      row("2025-07-01 06:00:00 pm", "Summer", "1h"),
      row("2025-01-15 06:00:00 pm", "Winter", "1h"),
      row("2025-03-09 02:30:00", "In the spring-forward gap", "30m"),
      row("2025-11-02 01:30:00", "Twice on fall-back night", "2h"),
    ].join("\n");
    await importWorkoutFile(db(), { userId, content: text });
    const rows = await db().select().from(workoutSessions).where(eq(workoutSessions.userId, userId)).orderBy(workoutSessions.startedAt);
    expect(rows.map((r) => [r.name, r.startedAt.toISOString(), r.endedAt!.toISOString()])).toEqual([
      ["Winter", "2025-01-15T23:00:00.000Z", "2025-01-16T00:00:00.000Z"], // EST −5
      ["In the spring-forward gap", "2025-03-09T07:30:00.000Z", "2025-03-09T08:00:00.000Z"], // = 03:30 EDT
      ["Summer", "2025-07-01T22:00:00.000Z", "2025-07-01T23:00:00.000Z"], // EDT −4
      ["Twice on fall-back night", "2025-11-02T05:30:00.000Z", "2025-11-02T07:30:00.000Z"], // first 01:30 (EDT); 2 h elapsed
    ]);
  });

  it("caps ended_at at 24 h and leaves it empty when an end precedes the start", async () => {
    const userId = await newUser();
    const strong = [
      "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE",
      '2025-05-01 08:00:00,"Forgot to stop the timer",30h 5m,"Squat (Barbell)",1,100,5,0,0,,,',
    ].join("\n");
    await importWorkoutFile(db(), { userId, content: strong });
    const hevy = [
      "title,start_time,end_time,description,exercise_title,superset_id,exercise_notes,set_index,set_type,weight_kg,reps,distance_km,duration_seconds,rpe",
      '"Clock went backwards","2 May 2025, 10:00","2 May 2025, 09:00","","Squat (Barbell)",,"",0,"normal",100,5,,,',
    ].join("\n");
    await importWorkoutFile(db(), { userId, content: hevy });
    const rows = await db().select().from(workoutSessions).where(eq(workoutSessions.userId, userId)).orderBy(workoutSessions.startedAt);
    expect(rows.map((r) => [r.name, r.endedAt ? (r.endedAt.getTime() - r.startedAt.getTime()) / 3_600_000 : null])).toEqual([
      ["Forgot to stop the timer", 24],
      ["Clock went backwards", null],
    ]);
  });

  it("gives every user their own sessions for the same file", async () => {
    const a = await newUser();
    const b = await newUser();
    const text = fixture("fitnotes-kgs.csv");
    const ra = await importWorkoutFile(db(), { userId: a, content: text });
    const rb = await importWorkoutFile(db(), { userId: b, content: text });
    expect([ra.sessions, rb.sessions, rb.alreadyPresentSessions]).toEqual([2, 2, 0]);
    expect(rb.exercisesCreated).toBe(ra.exercisesCreated);
    const ca = await counts(a);
    expect(await counts(b)).toEqual(ca);
    const shared = await db().execute<{ n: number }>(sql`
      select count(*)::int as n from exercise_sets s join workout_sessions w on w.id = s.session_id
      where (s.user_id = ${a} and w.user_id <> ${a}) or (s.user_id = ${b} and w.user_id <> ${b})`);
    expect(shared.rows[0].n).toBe(0);
    if (ra.exercisesCreated > 0) {
      const custom = await db().execute<{ owner: string }>(
        sql`select owner_user_id as owner from exercises e join exercise_sets s on s.exercise_id = e.id where s.user_id = ${b} and e.owner_user_id is not null`,
      );
      expect(new Set(custom.rows.map((r) => r.owner))).toEqual(new Set([b]));
    }
  });

  it("reads a CSV re-saved as Windows-1252 (not UTF-8) with its accents intact", async () => {
    const userId = await newUser();
    const csv = fixture("strong-lb.csv").replace('"Bench Press (Barbell)",1', '"Développé couché",1');
    const bytes = Uint8Array.from([...csv].map((c) => c.charCodeAt(0))); // every character is < 256: Latin-1 = 1252 here
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(bytes)).toThrow();
    const r = await importWorkoutFile(db(), { userId, content: bytes });
    expect(r.sets).toBe(3);
    const names = await db().execute<{ name: string }>(
      sql`select e.name from exercise_sets s join exercises e on e.id = s.exercise_id where s.user_id = ${userId} order by s.position`,
    );
    expect(names.rows[0].name).toBe("Développé couché");
  });

  describe("files that cannot be imported write nothing", () => {
    const junk = new Uint8Array(4096).map((_, i) => (i * 7919 + 13) % 256);
    it.each([
      ["random CSV", fixture("random.csv"), /not a workout export we recognise/],
      ["empty file", "", /empty/],
      ["whitespace only", " \r\n\r\n", /empty/],
      ["binary junk", junk, /looks binary/],
      ["a ZIP archive", new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 0x08, 0]), /looks binary/],
      ["NUL bytes", new Uint8Array([0x44, 0x61, 0, 0, 0x74, 0x65, 0x0a]), /binary/],
      ["header only", fixture("strong-header-only.csv"), /no rows/],
      [
        "no usable row",
        fixture("strong-no-usable-rows.csv"),
        /None of the 2 rows could be imported \(line 2: Date "not a date" is not a date; line 3: rest timer/,
      ],
    ])("%s → ImportFormatError", async (_label, content, message) => {
      const userId = await newUser();
      const err = await importWorkoutFile(db(), { userId, content }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ImportFormatError);
      expect((err as Error).message).toMatch(message);
      expect(await counts(userId)).toEqual({ sessions: 0, sets: 0, custom: 0, aliases: 0, runs: 0 });
    });

    it("content over maxBytes → ImportTooLargeError before anything is read", async () => {
      const userId = await newUser();
      const text = fixture("strong-sample.csv");
      const err = await importWorkoutFile(db(), { userId, content: text, maxBytes: 10 * 1024 }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ImportTooLargeError);
      expect(err).toBeInstanceOf(ImportFormatError);
      expect((err as Error).message).toMatch(/^The file is 19 KB, larger than the 10 KB your plan allows per import\./);
      expect(await counts(userId)).toMatchObject({ sessions: 0, runs: 0 });
      expect((await importWorkoutFile(db(), { userId, content: text, maxBytes: Buffer.byteLength(text) })).sessions).toBe(15);
    });
  });

  it("never bypasses a trigger someone else puts on exercise_sets (the bulk fast path turns itself off)", async () => {
    const userId = await newUser();
    await db().execute(sql`create table import_trigger_probe (n int not null)`);
    await db().execute(sql`create function import_trigger_probe_fn() returns trigger language plpgsql as $$
      begin insert into import_trigger_probe values (1); return new; end $$`);
    await db().execute(
      sql`create trigger import_trigger_probe after insert on exercise_sets for each row execute function import_trigger_probe_fn()`,
    );
    try {
      const r = await importWorkoutFile(db(), { userId, content: fixture("strong-sample.csv") });
      expect(r.sets).toBe(250);
      const probe = await db().execute<{ n: number }>(sql`select count(*)::int as n from import_trigger_probe`);
      expect(probe.rows[0].n).toBe(250);
      // A trigger marked ENABLE ALWAYS fires in the bulk fast path too.
      await db().execute(sql`alter table exercise_sets enable always trigger import_trigger_probe`);
      const other = await newUser();
      await importWorkoutFile(db(), { userId: other, content: fixture("strong-sample.csv") });
      const probe2 = await db().execute<{ n: number }>(sql`select count(*)::int as n from import_trigger_probe`);
      expect(probe2.rows[0].n).toBe(500);
    } finally {
      await db().execute(sql`drop trigger import_trigger_probe on exercise_sets`);
      await db().execute(sql`drop function import_trigger_probe_fn()`);
      await db().execute(sql`drop table import_trigger_probe`);
    }
  });

  it("is all or nothing: a failure after some chunks were written rolls everything back", async () => {
    const userId = await newUser();
    const text = fixture("hevy-metric-sample.csv");
    const stages: string[] = [];
    const err = await importWorkoutFile(db(), {
      userId,
      content: text,
      chunkSize: 1000,
      onProgress: (p) => {
        stages.push(`${p.stage}:${p.done}`);
        if (p.stage === "sets" && p.done >= 3000) throw new Error("boom after 3 chunks");
      },
    }).catch((e: unknown) => e);
    expect((err as Error).message).toBe("boom after 3 chunks");
    expect(stages.filter((s) => s.startsWith("sets")).length).toBeGreaterThanOrEqual(3);
    expect(await counts(userId)).toEqual({ sessions: 0, sets: 0, custom: 0, aliases: 0, runs: 0 });
    // …and the same file imports cleanly afterwards.
    expect(await importWorkoutFile(db(), { userId, content: text })).toMatchObject({ sessions: 335, sets: 7211 });
  });
});
