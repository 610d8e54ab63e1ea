import type { Env } from "@/lib/config/env";

/**
 * How each external-service seam describes itself for the "Running on this server" footer and any
 * other honest UI copy. The seam module owns its words (one place); lib/server/services.ts only
 * collects the descriptions. Descriptions come from configuration only and never contain a key,
 * password, token, URL path, query string or userinfo (hosts are fine: use `safeHost`).
 */
export type ServiceName = "database" | "model" | "speech" | "billing" | "mail";

/**
 * embedded: the zero-config built-in default is running (nothing leaves this server).
 * external: an outside provider the operator configured is running.
 * unavailable: the feature behind this seam is not in this build (say so; never pretend).
 */
export type ServiceMode = "embedded" | "external" | "unavailable";

export interface ServiceDescription {
  service: ServiceName;
  /** The seam's heading ("Database", "Voice"). */
  title: string;
  /** Which implementation runs ("pglite", "openai", "smtp"…): stable, for tests and logic. */
  id: string;
  /** What runs, in plain words ("Embedded PGlite (.data/)"). */
  label: string;
  mode: ServiceMode;
  /** An optional second line (e.g. "Set ELEVENLABS_API_KEY for ElevenLabs voices"). */
  detail?: string;
}

/** What every seam module exports: `export const describeX: DescribeService = (e = env()) => ({ … })`. */
export type DescribeService = (e?: Env) => ServiceDescription;

/** The host[:port] of a URL, without credentials, path or query; null when absent or unparsable. */
export function safeHost(url: string | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).host || null;
  } catch {
    return null;
  }
}
