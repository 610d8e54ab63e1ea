import "server-only";
import type { Pool } from "pg";
import { createPgHandle } from "@/db/client";
import { env } from "@/lib/config/env";
import { SANDBOX_ROLE } from "./limits";

/**
 * Which pool the sandbox runs on. By default the app's: the transaction switches to spotter_sandbox
 * with SET ROLE, which a statement could undo with RESET ROLE (only the parser allowlist stops
 * that). With SANDBOX_DATABASE_URL — a login as spotter_sandbox itself on the same database — there
 * is no other role to return to. Checked once per process before first use; a wrong login (another
 * role, a superuser, BYPASSRLS) is refused rather than used.
 */
export function sandboxPool(appPool: Pool, kind: "pg" | "neon"): Pool | Promise<Pool> {
  const url = env().SANDBOX_DATABASE_URL;
  if (!url) return appPool;
  if (current?.url !== url) {
    const pool = createPgHandle(url, kind, 4).pool;
    const entry: { url: string; pool: Pool; ready: Promise<Pool> } = {
      url,
      pool,
      ready: verify(pool).then(
        () => pool,
        (error: unknown) => {
          // A wrong role stays refused; anything else (server down, bad password) is tried again.
          if (!(error instanceof SandboxLoginError) && current === entry) {
            current = undefined;
            void pool.end().catch(() => {});
          }
          throw error;
        },
      ),
    };
    current = entry;
    entry.ready.catch(() => {}); // each caller awaits it
  }
  return current.ready;
}

let current: { url: string; pool: Pool; ready: Promise<Pool> } | undefined;

export class SandboxLoginError extends Error {
  constructor(detail: string) {
    super(`SANDBOX_DATABASE_URL must log in as ${SANDBOX_ROLE} (not a superuser, no BYPASSRLS): ${detail}`);
    this.name = "SandboxLoginError";
  }
}

async function verify(pool: Pool): Promise<void> {
  const { rows } = await pool.query<{ login: string; rolsuper: boolean; rolbypassrls: boolean }>(
    "SELECT session_user::text AS login, r.rolsuper, r.rolbypassrls FROM pg_catalog.pg_roles r WHERE r.rolname = session_user",
  );
  const r = rows[0];
  if (!r) throw new SandboxLoginError("the login role was not found");
  if (r.login !== SANDBOX_ROLE) throw new SandboxLoginError(`it logs in as "${r.login}"`);
  if (r.rolsuper || r.rolbypassrls) throw new SandboxLoginError(`"${r.login}" is a superuser or bypasses RLS`);
}

/** Tests: forget the dedicated pool (closing it). */
export async function resetSandboxPool(): Promise<void> {
  const p = current?.pool;
  current = undefined;
  await p?.end();
}
