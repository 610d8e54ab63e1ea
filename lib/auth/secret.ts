import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { dataDir, env, isEmbeddedMode } from "@/lib/config/env";

export class MissingAuthSecretError extends Error {
  constructor() {
    super(
      "AUTH_SECRET is not set. A server database (DATABASE_URL) is configured, so Spotter will not invent a " +
        "signing secret for production: every instance must share the same one. Generate one with " +
        "`openssl rand -base64 32` and set AUTH_SECRET in the environment of every instance.",
    );
    this.name = "MissingAuthSecretError";
  }
}

export type AuthSecretSource = "env" | "file";

let cached: { secret: string; source: AuthSecretSource; file?: string } | null = null;

/**
 * The secret that signs and encrypts session cookies.
 * - AUTH_SECRET when set.
 * - Otherwise, in embedded mode (and in development), a random secret generated once and kept in
 *   `<dataDir>/auth-secret` (mode 600), so `npm run dev` and `npm run build && npm start` work with
 *   no configuration and sessions survive restarts.
 * - With a server database in production and no AUTH_SECRET: a clear error.
 */
export function resolveAuthSecret(): { secret: string; source: AuthSecretSource; file?: string } {
  if (cached) return cached;
  const fromEnv = env().AUTH_SECRET;
  if (fromEnv) return (cached = { secret: fromEnv, source: "env" });
  if (!isEmbeddedMode() && process.env.NODE_ENV === "production") throw new MissingAuthSecretError();
  const file = path.join(dataDir(), "auth-secret");
  return (cached = { secret: readOrCreateSecretFile(file), source: "file", file });
}

export function authSecret(): string {
  return resolveAuthSecret().secret;
}

/** Exported for tests. Two processes racing here agree on one secret: creation is exclusive (`wx`). */
export function readOrCreateSecretFile(file: string): string {
  const existing = readSecret(file);
  if (existing) return existing;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  try {
    fs.writeFileSync(file, `${randomBytes(32).toString("base64url")}\n`, { flag: "wx", mode: 0o600 });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
  }
  const secret = readSecret(file);
  if (!secret) throw new Error(`The auth secret file ${file} is empty or too short. Delete it (everyone will be signed out) or set AUTH_SECRET.`);
  return secret;
}

function readSecret(file: string): string | null {
  try {
    const value = fs.readFileSync(file, "utf8").trim();
    return value.length >= 32 ? value : null;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw e;
  }
}

/** For tests. */
export function resetAuthSecretCache() {
  cached = null;
}
