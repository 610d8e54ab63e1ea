import "server-only";
import { getDb, type Queryable } from "@/db/client";
import { localSecretKey, localStripeOrigin, recordedLocalAppUrl, webhookSecret } from "../config";
import type { LocalApiContext } from "./api";
import { flushDeliveries, type DeliveryTarget } from "./deliver";
import { logError } from "@/lib/log/redact";

/** The webhook endpoint the stand-in delivers to: this app's real route. */
function localWebhookEndpoint(ownOrigin = true): string {
  return `${ownOrigin ? localStripeOrigin() : (recordedLocalAppUrl() ?? localStripeOrigin())}/api/stripe/webhook`;
}

const g = globalThis as unknown as { __spotterStripeFlush?: { running: boolean; again: boolean; timer?: NodeJS.Timeout } };

/** Delivers pending webhooks in the background (coalesced; failed ones retried after their backoff). */
export function scheduleWebhookFlush(target?: Partial<DeliveryTarget>) {
  const state = (g.__spotterStripeFlush ??= { running: false, again: false });
  if (state.running) {
    state.again = true;
    return;
  }
  state.running = true;
  void (async () => {
    try {
      do {
        state.again = false;
        const r = await flushDeliveries({
          db: target?.db ?? getDb(),
          secret: target?.secret ?? webhookSecret(),
          endpoint: target?.endpoint ?? localWebhookEndpoint(),
          post: target?.post,
        });
        if (r.retryInSeconds !== null) {
          clearTimeout(state.timer);
          state.timer = setTimeout(() => scheduleWebhookFlush(target), r.retryInSeconds * 1000 + 50);
          state.timer.unref?.();
        }
      } while (state.again);
    } catch (error) {
      logError("[stripe-local] webhook delivery failed", error);
    } finally {
      state.running = false;
    }
  })();
}

export function appLocalApiContext(db: Queryable = getDb()): LocalApiContext {
  return { db, secretKey: localSecretKey(), origin: localStripeOrigin(), afterChange: () => scheduleWebhookFlush() };
}
