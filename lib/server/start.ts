import "server-only";
import { getDb } from "@/db/client";
import { prepareDatabase } from "@/lib/server/prepare-database";
import { MissingAuthSecretError, resolveAuthSecret } from "@/lib/auth/secret";
import { databaseKind, env } from "@/lib/config/env";
import { billingMode, recordLocalAppUrl } from "@/lib/billing/config";
import { scheduleWebhookFlush } from "@/lib/billing/local/runtime";
import { logError } from "@/lib/log/redact";
import { scheduleSpeechWarmUp } from "@/lib/live/warm-speech";
import { scheduleRetentionPurge } from "@/lib/privacy/schedule";
import { scheduleTrainingChores } from "@/lib/training/schedule";

/**
 * Embedded mode prepares its own database (migrations, catalog, demo account) at start.
 * Server databases are migrated explicitly with `npm run db:migrate` (one deploy step, not
 * every cold start of every instance).
 */
export async function startServer() {
  // Fail fast at boot: production on a server database needs AUTH_SECRET (embedded mode generates one).
  try {
    resolveAuthSecret();
  } catch (error) {
    if (!(error instanceof MissingAuthSecretError)) throw error;
    logError("[spotter] cannot start", error);
    // A throw here is only logged by Next, which then answers every request with a 500: stop instead.
    process.exit(1);
  }
  const kind = databaseKind();
  if (kind !== "pglite") {
    console.log(`[spotter] database: ${kind} (run \`npm run db:migrate\` after deploys)`);
    startLocalBilling();
    warmSpeech();
    scheduleRetentionPurge();
    scheduleTrainingChores();
    return;
  }
  const seedDemo = env().SPOTTER_SEED_DEMO !== "0";
  const started = Date.now();
  await prepareDatabase(getDb(), { seedDemo, log: (l) => console.log(`[spotter] ${l}`) });
  console.log(`[spotter] embedded database ready in ${Date.now() - started} ms (.data/pglite)`);
  startLocalBilling();
  warmSpeech();
  scheduleRetentionPurge();
  scheduleTrainingChores();
}

/** Common cue phrases into the shared speech cache ("rendered at first start"; SPEECH_WARM_PHRASES=0 turns it off). */
function warmSpeech() {
  scheduleSpeechWarmUp(
    getDb(),
    (l) => console.log(`[spotter] ${l}`),
    (error) => logError("[spotter] speech: could not render the common cue phrases", error),
  );
}

/** The local test-mode Stripe: tell the CLI where it is served, and deliver webhooks left pending. */
function startLocalBilling() {
  if (billingMode() !== "local") return;
  try {
    recordLocalAppUrl();
    scheduleWebhookFlush();
    console.log("[spotter] billing: local test-mode Stripe (no money moves) at /v1 on this server");
  } catch (error) {
    logError("[spotter] billing: could not start the local test-mode Stripe", error);
  }
}
