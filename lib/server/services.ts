import path from "node:path";
import { DEFAULT_OPENAI_MODEL } from "@/lib/ai/provider";
import { databaseKind, dataDir, env, type Env } from "@/lib/config/env";

/**
 * Which implementation sits behind each external-service seam, for honest display in the UI.
 * Labels are derived from configuration presence only: no key, password, token or URL credential
 * ever ends up in a label (hosts are shown, never userinfo, paths or query strings).
 */
export interface ActiveService {
  id: string;
  label: string;
  /** True when the built-in, zero-config implementation is in use. */
  embedded: boolean;
  /** False when the feature behind the seam is not in this build (shown as "not available"). */
  available?: false;
}

export interface ActiveServices {
  database: ActiveService;
  model: ActiveService;
  speech: ActiveService;
  billing: ActiveService;
  mail: ActiveService;
}

export type ServiceKey = keyof ActiveServices;

export const SERVICE_TITLES: Record<ServiceKey, string> = {
  database: "Database",
  model: "Coach model",
  speech: "Voice",
  billing: "Billing",
  mail: "Email",
};

export const SERVICE_ORDER: ServiceKey[] = ["database", "model", "speech", "billing", "mail"];

/** The model the provider seam uses when OPENAI_API_KEY is set but OPENAI_MODEL is not. */
export { DEFAULT_OPENAI_MODEL };

function safeHost(url: string | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).host || null;
  } catch {
    return null;
  }
}

function databaseService(e: Env): ActiveService {
  const kind = databaseKind(e);
  if (kind === "pglite") {
    const rel = path.relative(process.cwd(), dataDir());
    const shown = !rel ? "./" : rel.startsWith("..") || path.isAbsolute(rel) ? path.basename(dataDir()) + "/" : rel + "/";
    return { id: "pglite", label: `Embedded PGlite (${shown})`, embedded: true };
  }
  if (kind === "neon") return { id: "neon", label: "Neon serverless PostgreSQL", embedded: false };
  return { id: "postgres", label: "PostgreSQL", embedded: false };
}

function modelService(e: Env): ActiveService {
  if (!e.OPENAI_API_KEY) return { id: "offline", label: "Built-in offline coach model", embedded: true };
  const host = safeHost(e.OPENAI_BASE_URL);
  const name = e.OPENAI_MODEL ?? DEFAULT_OPENAI_MODEL;
  return { id: "openai", label: `OpenAI ${name}${host ? ` via ${host}` : ""}`, embedded: false };
}

// Live workout mode (and with it Alice & Aiden's voices) is not in this build yet: say so rather
// than claim a voice is active. When it lands: ElevenLabs when keyed, else embedded Flite voices.
function speechService(_e: Env): ActiveService {
  return { id: "none", label: "Not in this build yet (live workout mode)", embedded: true, available: false };
}

// Stripe checkout/portal/webhooks are not in this build yet, so plans are always set by the operator
// CLI — even when a Stripe key is configured, which the label then says.
function billingService(e: Env): ActiveService {
  if (!e.STRIPE_SECRET_KEY) return { id: "operator", label: "Operator CLI (no Stripe configured)", embedded: true };
  return { id: "operator", label: "Operator CLI (Stripe key set, Stripe billing not in this build yet)", embedded: true };
}

function mailService(e: Env): ActiveService {
  if (!e.SMTP_URL) return { id: "log", label: "Server log (no SMTP configured)", embedded: true };
  const host = safeHost(e.SMTP_URL);
  return { id: "smtp", label: host ? `SMTP (${host})` : "SMTP", embedded: false };
}

export function activeServices(e: Env = env()): ActiveServices {
  return {
    database: databaseService(e),
    model: modelService(e),
    speech: speechService(e),
    billing: billingService(e),
    mail: mailService(e),
  };
}
