import pg from "pg";
import { afterAll, describe, expect, it, vi } from "vitest";
import { resetEnvCache } from "@/lib/config/env";
import { SandboxExecutionError, runSandboxedQuery } from "@/lib/sql";
import { resetSandboxPool } from "@/lib/sql/sandbox-pool";
import { useSandboxDatabase } from "./fixtures/sql/db";
import { SEED, USER_A, USER_B } from "./fixtures/sql/seed";

/** SANDBOX_DATABASE_URL: the sandbox logs in as spotter_sandbox, so RESET ROLE has nowhere to go. */
describe("SQL sandbox on its own login (SANDBOX_DATABASE_URL)", () => {
  const db = useSandboxDatabase();
  const useSandboxUrl = async (url: string | undefined) => {
    if (url) process.env.SANDBOX_DATABASE_URL = url;
    else delete process.env.SANDBOX_DATABASE_URL;
    resetEnvCache();
    await resetSandboxPool();
  };
  const asLogin = (user: string) => {
    const url = new URL(db().url ?? "postgres://unused");
    url.username = user;
    return url.toString();
  };
  afterAll(async () => {
    await useSandboxUrl(undefined);
    const h = db();
    if (h.kind !== "pglite") await h.pool.query("ALTER ROLE spotter_sandbox NOLOGIN");
  });

  it("runs the same queries in the user's time zone, RESET ROLE cannot leave the sandbox role, and another login is refused", async () => {
    const h = db();
    if (h.kind === "pglite") {
      // The embedded database has no logins: the setting is ignored there.
      await useSandboxUrl("postgres://spotter_sandbox@127.0.0.1:1/nowhere");
      expect((await runSandboxedQuery({ userId: USER_A, sql: "select count(*) as n from sets" })).rows).toEqual([{ n: SEED.a.sets.length }]);
      return;
    }
    // Roles are per server; the test server trusts local logins. afterAll restores NOLOGIN.
    await h.pool.query("ALTER ROLE spotter_sandbox LOGIN");
    await useSandboxUrl(asLogin("spotter_sandbox"));
    expect((await runSandboxedQuery({ userId: USER_A, sql: "select count(*) as n from sets" })).rows).toEqual([{ n: SEED.a.sets.length }]);
    const b = await runSandboxedQuery({ userId: USER_B, sql: "select min(performed_at) as first from sets" });
    expect(String(b.rows[0].first)).toMatch(/\+0[12]:00$/); // Europe/Berlin, read as the sandbox login

    // The role layer alone, without the validator: there is no other role to switch back to.
    const client = new pg.Client({ connectionString: asLogin("spotter_sandbox") });
    await client.connect();
    try {
      await client.query("RESET ROLE");
      expect((await client.query("select current_user::text as u")).rows[0].u).toBe("spotter_sandbox");
      await expect(client.query("select * from users")).rejects.toThrow(/permission denied/);
      await expect(client.query("set role postgres")).rejects.toThrow(/permission denied/);
    } finally {
      await client.end();
    }

    // A login that is not spotter_sandbox is refused, with the reason in the server log only.
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      await useSandboxUrl(db().url); // the app's own (superuser) login
      const error = await runSandboxedQuery({ userId: USER_A, sql: "select 1 as x" }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SandboxExecutionError);
      expect((error as SandboxExecutionError).reason).toMatch(/misconfigured/);
      expect(logged.mock.calls.flat().join(" ")).toMatch(/SANDBOX_DATABASE_URL must log in as spotter_sandbox/);
    } finally {
      logged.mockRestore();
      await useSandboxUrl(undefined);
    }
  });
});
