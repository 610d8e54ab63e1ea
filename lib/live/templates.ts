import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type { z } from "zod";
import type { Queryable } from "@/db/client";
import { workoutTemplates } from "@/db/tables/live";
import { NotFoundError, UserError } from "@/lib/errors/user-error";
import { isUuid } from "@/lib/ids/is-uuid";
import type { StartExercise } from "./model";
import { templateExercisesSchema } from "./template-schema";
import { exerciseMeta, sessionAsStart } from "./workout";

const MAX_TEMPLATES = 100;

export interface TemplateView {
  id: string;
  name: string;
  exercises: {
    exerciseId: string;
    name: string;
    sets: { weightKg: number | null; reps: number | null; setType?: StartExercise["sets"][number]["setType"] }[];
  }[];
  updatedAt: string;
}

function parseStored(raw: unknown): z.output<typeof templateExercisesSchema> {
  const r = templateExercisesSchema.safeParse(raw);
  return r.success ? r.data : [];
}

/** Every exercise id must be in this user's catalog (built-in or their own). */
async function checkExercises(db: Queryable, userId: string, exercises: z.output<typeof templateExercisesSchema>) {
  const meta = await exerciseMeta(
    db,
    userId,
    exercises.map((e) => e.exerciseId),
  );
  if (exercises.some((e) => !meta.has(e.exerciseId)))
    throw new UserError("One of these exercises is not in your catalog.", { code: "unknown_exercise" });
  return meta;
}

export async function listTemplates(db: Queryable, userId: string): Promise<TemplateView[]> {
  const rows = await db.select().from(workoutTemplates).where(eq(workoutTemplates.userId, userId)).orderBy(asc(workoutTemplates.name));
  const all = rows.map((r) => ({ r, ex: parseStored(r.exercises) }));
  const meta = await exerciseMeta(
    db,
    userId,
    all.flatMap((x) => x.ex.map((e) => e.exerciseId)),
  );
  return all.map(({ r, ex }) => ({
    id: r.id,
    name: r.name,
    updatedAt: r.updatedAt.toISOString(),
    exercises: ex.filter((e) => meta.has(e.exerciseId)).map((e) => ({ ...e, name: meta.get(e.exerciseId)!.name })),
  }));
}

async function getTemplate(db: Queryable, userId: string, id: string): Promise<TemplateView> {
  const t = (await listTemplates(db, userId)).find((x) => x.id === id);
  if (!t) throw new NotFoundError("This template does not exist.");
  return t;
}

async function createTemplate(
  db: Queryable,
  userId: string,
  input: { name: string; exercises: z.output<typeof templateExercisesSchema> },
): Promise<string> {
  await checkExercises(db, userId, input.exercises);
  const count = await db.$count(workoutTemplates, eq(workoutTemplates.userId, userId));
  if (count >= MAX_TEMPLATES) throw new UserError(`You can keep up to ${MAX_TEMPLATES} templates. Delete one first.`, { code: "template_limit" });
  const [row] = await db
    .insert(workoutTemplates)
    .values({ userId, name: input.name, exercises: input.exercises })
    .returning({ id: workoutTemplates.id });
  return row.id;
}

/** A template from any of the user's sessions: its exercises and sets as the prefill. */
export async function createTemplateFromSession(db: Queryable, userId: string, sessionId: string, name?: string): Promise<string> {
  if (!isUuid(sessionId)) throw new NotFoundError("That workout does not exist.");
  const s = await sessionAsStart(db, userId, sessionId);
  const exercises = s.exercises.map((e) => ({ exerciseId: e.exerciseId, sets: e.sets.slice(0, 100) })).slice(0, 50);
  return createTemplate(db, userId, { name: (name ?? s.name).slice(0, 200), exercises });
}

export async function updateTemplate(
  db: Queryable,
  userId: string,
  id: string,
  input: { name: string; exercises: z.output<typeof templateExercisesSchema> },
): Promise<void> {
  if (!isUuid(id)) throw new NotFoundError("This template does not exist.");
  await checkExercises(db, userId, input.exercises);
  const done = await db
    .update(workoutTemplates)
    .set({ name: input.name, exercises: input.exercises, updatedAt: new Date() })
    .where(and(eq(workoutTemplates.id, id), eq(workoutTemplates.userId, userId)))
    .returning({ id: workoutTemplates.id });
  if (!done.length) throw new NotFoundError("This template does not exist.");
}

export async function deleteTemplate(db: Queryable, userId: string, id: string): Promise<void> {
  if (!isUuid(id)) throw new NotFoundError("This template does not exist.");
  const done = await db
    .delete(workoutTemplates)
    .where(and(eq(workoutTemplates.id, id), eq(workoutTemplates.userId, userId)))
    .returning({ id: workoutTemplates.id });
  if (!done.length) throw new NotFoundError("This template does not exist.");
}

export async function templateAsStart(db: Queryable, userId: string, id: string): Promise<{ name: string; exercises: StartExercise[] }> {
  const t = await getTemplate(db, userId, id);
  return { name: t.name, exercises: t.exercises.map((e) => ({ exerciseId: e.exerciseId, sets: e.sets })) };
}
