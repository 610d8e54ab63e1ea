import path from "node:path";
import { z } from "zod";

/**
 * Every environment variable the app reads, validated once. README's table mirrors this file.
 * Nothing here is ever sent to the browser.
 */
const schema = z.object({
  DATABASE_URL: z.string().url().optional(),
  DATABASE_DRIVER: z.enum(["pg", "neon"]).optional(),
  SPOTTER_DATA_DIR: z.string().min(1).optional(),
  AUTH_SECRET: z.string().min(16).optional(),
  AUTH_URL: z.string().url().optional(),
  AUTH_GITHUB_ID: z.string().min(1).optional(),
  AUTH_GITHUB_SECRET: z.string().min(1).optional(),
  AUTH_GOOGLE_ID: z.string().min(1).optional(),
  AUTH_GOOGLE_SECRET: z.string().min(1).optional(),
  SMTP_URL: z.string().url().optional(),
  EMAIL_FROM: z.string().min(3).optional(),
  OPENAI_API_KEY: z.string().min(1).optional(),
  OPENAI_BASE_URL: z.string().url().optional(),
  OPENAI_MODEL: z.string().min(1).optional(),
  STRIPE_SECRET_KEY: z.string().min(1).optional(),
  STRIPE_WEBHOOK_SECRET: z.string().min(1).optional(),
  /** "off": no billing at all (plans only through the operator CLI), even without Stripe keys. */
  SPOTTER_BILLING: z.enum(["off", "on"]).optional(),
  ELEVENLABS_API_KEY: z.string().min(1).optional(),
  /** ElevenLabs voice ids for the two personas (defaults in lib/speech/voices.ts). */
  ELEVENLABS_VOICE_ALICE: z.string().min(1).optional(),
  ELEVENLABS_VOICE_AIDEN: z.string().min(1).optional(),
  /** Only for proxies and tests; defaults to https://api.elevenlabs.io. */
  ELEVENLABS_BASE_URL: z.string().url().optional(),
  /** Deadline for one ElevenLabs clip before the embedded voice answers instead (default 2500). */
  ELEVENLABS_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).optional(),
  /** Size of the shared speech cache in Postgres before least-recently-used clips go (default 256). */
  SPEECH_CACHE_MAX_MB: z.coerce.number().int().min(1).max(100_000).optional(),
  /** "0": do not render the common cue phrases into the speech cache at start (default: render them). */
  SPEECH_WARM_PHRASES: z.enum(["0", "1"]).optional(),
  /** Key of the HMAC that replaces user ids in training records (default: generated once, kept in Postgres). */
  TRAINING_HMAC_SECRET: z.string().min(32).optional(),
  SPOTTER_SEED_DEMO: z.enum(["0", "1"]).optional(),
  /** Optional: the SQL sandbox logs in as spotter_sandbox itself (same database as DATABASE_URL). */
  SANDBOX_DATABASE_URL: z.string().url().optional(),
  /** Reverse proxies in front of the app that append to X-Forwarded-For (0: trust no header). */
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).optional(),
});

export type Env = z.infer<typeof schema>;

function blankToUndefined(source: NodeJS.ProcessEnv) {
  const out: Record<string, string | undefined> = {};
  for (const key of Object.keys(schema.shape)) {
    const v = source[key];
    out[key] = v === undefined || v.trim() === "" ? undefined : v.trim();
  }
  return out;
}

let cached: Env | null = null;

export function env(): Env {
  if (cached) return cached;
  const parsed = schema.safeParse(blankToUndefined(process.env));
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid environment configuration: ${issues}`);
  }
  cached = parsed.data;
  return cached;
}

/** For tests that change process.env. */
export function resetEnvCache() {
  cached = null;
}

export function dataDir(e: Env = env()): string {
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), e.SPOTTER_DATA_DIR ?? ".data");
}

export type DatabaseKind = "pglite" | "pg" | "neon";

export function databaseKind(e: Env = env()): DatabaseKind {
  if (!e.DATABASE_URL) return "pglite";
  if (e.DATABASE_DRIVER) return e.DATABASE_DRIVER;
  return /\.neon\.tech(:\d+)?\//.test(e.DATABASE_URL) || /neon\.tech/.test(new URL(e.DATABASE_URL).hostname) ? "neon" : "pg";
}

/** Embedded/demo mode: no database configured, so the demo account is seeded and advertised. */
export function isEmbeddedMode(): boolean {
  return databaseKind() === "pglite";
}
