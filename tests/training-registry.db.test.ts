import { eq, sql } from "drizzle-orm";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { modelVersions } from "@/db/schema";
import { templateCue } from "@/lib/cues/engine";
import { TEMPLATES } from "@/lib/cues/templates";
import {
  createModelVersion,
  deployedCuePreferences,
  deployedModel,
  deployModel,
  listModelVersions,
  modelVersionDetail,
  nextModelVersion,
  recordValidation,
  rollbackModel,
} from "@/lib/training/registry";
import { testBackend, useTestDatabase } from "./helpers/db";

const db = useTestDatabase();

async function validated(version: string, params: unknown = null) {
  const v = await createModelVersion(db().db, { version, provider: "offline", params });
  await db().db.update(modelVersions).set({ status: "validating" }).where(eq(modelVersions.id, v.id));
  return recordValidation(db().db, v.id, { brier: 0.2, baselineBrier: 0.25 }, true);
}

const statusOf = async (version: string) => (await db().db.select().from(modelVersions).where(eq(modelVersions.version, version)))[0]?.status;

describe("model registry", () => {
  it("semantic versions only; the next version is a minor bump", async () => {
    expect(await nextModelVersion(db().db)).toBe("1.0.0");
    await expect(createModelVersion(db().db, { version: "v1", provider: "offline" })).rejects.toMatchObject({ code: "model_deploy" });
    await expect(db().db.insert(modelVersions).values({ id: crypto.randomUUID(), version: "1.0", provider: "offline" })).rejects.toThrow();
  });

  it("refuses to deploy without passed validation — in the function and in the database", async () => {
    const v = await createModelVersion(db().db, { version: "0.1.0", provider: "offline" });
    await expect(deployModel(db().db, "0.1.0")).rejects.toThrow(/only a version that passed validation/);
    await db().db.update(modelVersions).set({ status: "validating" }).where(eq(modelVersions.id, v.id));
    const failed = await recordValidation(db().db, v.id, { brier: 0.3, baselineBrier: 0.25 }, false);
    expect(failed.status).toBe("failed");
    await expect(deployModel(db().db, "0.1.0")).rejects.toThrow(/is failed/);
    // Even a direct UPDATE cannot deploy it: metrics must exist and validation must have passed.
    await expect(db().db.execute(sql`update model_versions set status = 'deployed' where version = '0.1.0'`)).rejects.toThrow();
    await expect(
      db().db.insert(modelVersions).values({ id: crypto.randomUUID(), version: "0.2.0", provider: "offline", status: "deployed" }),
    ).rejects.toThrow();
    expect(await deployedModel(db().db)).toBeNull();
  });

  it("deploys, keeps the two previous versions for rollback, archives older ones, rolls back", async () => {
    for (const v of ["1.0.0", "1.1.0", "1.2.0", "1.3.0"]) await validated(v);
    let t = Date.parse("2026-12-01T00:00:00Z");
    for (const v of ["1.0.0", "1.1.0", "1.2.0", "1.3.0"]) await deployModel(db().db, v, new Date((t += 60_000)));
    expect(await statusOf("1.3.0")).toBe("deployed");
    expect(await statusOf("1.2.0")).toBe("validated");
    expect(await statusOf("1.1.0")).toBe("validated");
    expect(await statusOf("1.0.0")).toBe("archived");
    expect(await rollbackModel(db().db, new Date((t += 60_000)))).toEqual({ from: "1.3.0", to: "1.2.0" });
    expect(await rollbackModel(db().db, new Date((t += 60_000)))).toEqual({ from: "1.2.0", to: "1.1.0" });
    await expect(rollbackModel(db().db)).rejects.toThrow(/no earlier deployed version/);
    expect((await listModelVersions(db().db)).filter((v) => v.status === "deployed").map((v) => v.version)).toEqual(["1.1.0"]);
  });

  it("exactly one deployed version under concurrent deploys", async () => {
    const versions = ["2.0.0", "2.1.0", "2.2.0", "2.3.0", "2.4.0", "2.5.0"];
    for (const v of versions) await validated(v);
    const results = await Promise.allSettled(versions.map((v) => deployModel(db().db, v)));
    expect(results.every((r) => r.status === "fulfilled")).toBe(true);
    const n = await db().db.execute(sql`select count(*)::int as n from model_versions where status = 'deployed'`);
    expect(Number(n.rows[0].n)).toBe(1);
  });

  it.runIf(testBackend === "postgres")(
    "the partial unique index stops concurrent promotions that bypass the deploy lock (real Postgres connections)",
    async () => {
      const versions = ["3.0.0", "3.1.0", "3.2.0", "3.3.0"];
      for (const v of versions) await validated(v);
      const clients = await Promise.all(
        versions.map(async () => {
          const c = new pg.Client({ connectionString: db().url });
          await c.connect();
          return c;
        }),
      );
      // Nothing deployed, then every connection promotes its own version in its own transaction at once.
      await db().db.execute(sql`update model_versions set status = 'validated' where status = 'deployed'`);
      try {
        await Promise.all(clients.map((c) => c.query("begin")));
        const promoted = await Promise.allSettled(
          clients.map(async (c, i) => {
            try {
              await c.query("update model_versions set status = 'deployed', deployed_at = now() where version = $1", [versions[i]]);
              await c.query("commit");
            } catch (error) {
              await c.query("rollback");
              throw error;
            }
          }),
        );
        expect(promoted.filter((r) => r.status === "fulfilled")).toHaveLength(1);
        const codes = promoted.filter((r): r is PromiseRejectedResult => r.status === "rejected").map((r) => (r.reason as { code?: string }).code);
        expect(codes).toEqual(["23505", "23505", "23505"]);
      } finally {
        await Promise.all(clients.map((c) => c.end()));
      }
      const n = await db().db.execute(sql`select count(*)::int as n from model_versions where status = 'deployed'`);
      expect(Number(n.rows[0].n)).toBe(1);
    },
  );

  it("the cue seam uses the deployed version's learned preferences", async () => {
    const n = TEMPLATES.alice["set-end"].length;
    const only = Array.from({ length: n }, (_, i) => (i === 3 ? 1 : 0));
    await validated("9.0.0", { preferences: { alice: { "set-end": only } } });
    await deployModel(db().db, "9.0.0");
    const prefs = await deployedCuePreferences(db().db);
    const facts = { unit: "kg" as const, done: { weightKg: 100, reps: 5 }, exercise: { name: "Squat", setNumber: 1, totalSets: 3, compound: true } };
    for (const seed of ["a", "b", "c", "d"]) {
      expect(templateCue({ trigger: "set-end", persona: "alice", facts, seed }, undefined, prefs).template).toBe(3);
    }
    expect(modelVersionDetail(await deployedModel(db().db), true)).toBe("Version 9.0.0: cue templates tuned on lifters' feedback");
    expect(modelVersionDetail(null, true)).toMatch(/No trained version deployed/);
  });
});
