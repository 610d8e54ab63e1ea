import "server-only";
import { and, desc, eq, isNotNull, ne, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { modelVersions, type ModelProvider, type ModelVersionRow } from "@/db/schema";
import type { TemplatePreferences } from "@/lib/cues/types";
import { UserError } from "@/lib/errors/user-error";
import { uuid7 } from "@/lib/ids/uuid7";

/**
 * The model registry. Versions are semantic (MAJOR.MINOR.PATCH); a version moves training →
 * validating → validated (metrics passed) or failed; only a validated version can be deployed (a
 * CHECK constraint: metrics present and validation passed), exactly one is deployed at a time (a
 * partial unique index), and the two previously deployed versions stay 'validated' for rollback;
 * older ones are archived.
 */
const ROLLBACK_DEPTH = 2;
const DEPLOY_LOCK = sql`select pg_advisory_xact_lock(hashtext('training:model-deploy'))`;

class ModelDeployError extends UserError {
  constructor(message: string) {
    super(message, { code: "model_deploy", status: 409 });
  }
}

const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;

function parseVersion(v: string): [number, number, number] | null {
  const m = SEMVER.exec(v);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null;
}

function compareVersions(a: string, b: string): number {
  const x = parseVersion(a)!;
  const y = parseVersion(b)!;
  return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
}

/** The next minor version after every version in the registry (1.0.0 for the first). */
export async function nextModelVersion(db: Queryable): Promise<string> {
  const rows = await db.select({ version: modelVersions.version }).from(modelVersions);
  if (!rows.length) return "1.0.0";
  const [major, minor] = parseVersion(
    rows
      .map((r) => r.version)
      .sort(compareVersions)
      .at(-1)!,
  )!;
  return `${major}.${minor + 1}.0`;
}

export async function createModelVersion(
  db: Queryable,
  v: { version: string; provider: ModelProvider; params?: unknown; externalModel?: string | null },
): Promise<ModelVersionRow> {
  if (!parseVersion(v.version)) throw new ModelDeployError(`"${v.version}" is not a semantic version (MAJOR.MINOR.PATCH).`);
  const [row] = await db
    .insert(modelVersions)
    .values({
      id: uuid7(),
      version: v.version,
      provider: v.provider,
      status: "training",
      params: v.params ?? null,
      externalModel: v.externalModel ?? null,
    })
    .returning();
  return row;
}

/** Records validation: passed → 'validated' (deployable), otherwise 'failed' (never deployable). */
export async function recordValidation(db: Queryable, id: string, metrics: Record<string, unknown>, passed: boolean): Promise<ModelVersionRow> {
  const [row] = await db
    .update(modelVersions)
    .set({ metrics, validationPassed: passed, status: passed ? "validated" : "failed" })
    .where(and(eq(modelVersions.id, id), eq(modelVersions.status, "validating")))
    .returning();
  if (!row) throw new ModelDeployError("This model version is not being validated.");
  return row;
}

export async function listModelVersions(db: Queryable): Promise<ModelVersionRow[]> {
  const rows = await db.select().from(modelVersions);
  return rows.sort((a, b) => compareVersions(b.version, a.version));
}

export async function deployedModel(db: Queryable): Promise<ModelVersionRow | null> {
  const [row] = await db.select().from(modelVersions).where(eq(modelVersions.status, "deployed")).limit(1);
  return row ?? null;
}

/**
 * Deploys a validated version: the current one steps back to 'validated' (a rollback target), and
 * previously deployed versions beyond the two newest are archived. Serialized by an advisory lock;
 * the partial unique index is the guarantee if anything bypasses this function.
 */
export async function deployModel(db: Queryable, version: string, now = new Date()): Promise<ModelVersionRow> {
  return db.transaction(async (tx) => {
    await tx.execute(DEPLOY_LOCK);
    const [target] = await tx.select().from(modelVersions).where(eq(modelVersions.version, version));
    if (!target) throw new ModelDeployError(`Model version ${version} does not exist.`);
    if (target.status === "deployed") return target;
    if (target.status !== "validated" || !target.validationPassed || !target.metrics) {
      throw new ModelDeployError(`Model version ${version} is ${target.status}: only a version that passed validation can be deployed.`);
    }
    await tx.update(modelVersions).set({ status: "validated" }).where(eq(modelVersions.status, "deployed"));
    const [row] = await tx.update(modelVersions).set({ status: "deployed", deployedAt: now }).where(eq(modelVersions.id, target.id)).returning();
    await archiveBeyondRollback(tx, target.id);
    return row;
  });
}

async function archiveBeyondRollback(tx: Queryable, deployedId: string) {
  const previous = await tx
    .select({ id: modelVersions.id })
    .from(modelVersions)
    .where(and(eq(modelVersions.status, "validated"), isNotNull(modelVersions.deployedAt), ne(modelVersions.id, deployedId)))
    .orderBy(desc(modelVersions.deployedAt));
  for (const old of previous.slice(ROLLBACK_DEPTH)) await tx.update(modelVersions).set({ status: "archived" }).where(eq(modelVersions.id, old.id));
}

/** Back to the most recently deployed earlier version; the version rolled back from is archived. */
export async function rollbackModel(db: Queryable, now = new Date()): Promise<{ from: string | null; to: string }> {
  return db.transaction(async (tx) => {
    await tx.execute(DEPLOY_LOCK);
    const current = await deployedModel(tx);
    const [previous] = await tx
      .select()
      .from(modelVersions)
      .where(and(eq(modelVersions.status, "validated"), isNotNull(modelVersions.deployedAt), current ? ne(modelVersions.id, current.id) : undefined))
      .orderBy(desc(modelVersions.deployedAt))
      .limit(1);
    if (!previous) throw new ModelDeployError("There is no earlier deployed version to roll back to.");
    if (current) await tx.update(modelVersions).set({ status: "archived" }).where(eq(modelVersions.id, current.id));
    await tx.update(modelVersions).set({ status: "deployed", deployedAt: now }).where(eq(modelVersions.id, previous.id));
    return { from: current?.version ?? null, to: previous.version };
  });
}

/** The learned template preferences of a deployed offline model (null: built-in rotation). */
export function cuePreferencesOf(row: Pick<ModelVersionRow, "provider" | "params"> | null): TemplatePreferences | null {
  if (!row || row.provider !== "offline") return null;
  return (row.params as { preferences?: TemplatePreferences } | null)?.preferences ?? null;
}

export async function deployedCuePreferences(db: Queryable): Promise<TemplatePreferences | null> {
  return cuePreferencesOf(await deployedModel(db));
}

/**
 * The honest second line under "Coach model": which trained version is deployed and whether it is
 * actually in use with this configuration (an OpenAI fine-tune needs OPENAI_API_KEY).
 */
export function modelVersionDetail(row: Pick<ModelVersionRow, "version" | "provider" | "externalModel"> | null, seamOffline: boolean): string {
  if (!row) return "No trained version deployed: built-in defaults";
  if (row.provider === "offline") return `Version ${row.version}: cue templates tuned on lifters' feedback`;
  if (seamOffline) return `Version ${row.version} (OpenAI fine-tune) is deployed but not in use: OPENAI_API_KEY is not set`;
  return `Version ${row.version}: fine-tuned ${row.externalModel ?? "model"} writes live cues`;
}
