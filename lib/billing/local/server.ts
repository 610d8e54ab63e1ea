import http from "node:http";
import type { AddressInfo } from "node:net";
import type Stripe from "stripe";
import type { Queryable } from "@/db/client";
import { stripeForOrigin } from "../stripe-client";
import { handleStripeWebhook } from "../webhook";
import { handleLocalStripe } from "./api";
import { flushDeliveries } from "./deliver";

/**
 * The stand-in (and optionally the webhook route) on a bare node:http server, for the CLI when the
 * app is not running and for tests: the real SDK talks to it over HTTP via host/port/protocol.
 */
export interface LocalStripeServer {
  origin: string;
  stripe: Stripe;
  webhookUrl: string;
  /** Deliver due webhooks now (to webhookEndpoint, default this server's own webhook route). */
  flush: () => Promise<{ delivered: number; failed: number }>;
  close: () => Promise<void>;
  /** Tests: how the webhook route answers (default: the real handler). */
  webhookOverride?: (raw: string, signature: string | null) => Promise<{ status: number; body: unknown } | null>;
}

export async function startLocalStripeServer(opts: {
  db: Queryable;
  secretKey: string;
  webhookSecret: string;
  /** Where webhooks go; default: this server's /api/stripe/webhook (handled in-process). */
  webhookEndpoint?: string;
}): Promise<LocalStripeServer> {
  let origin = "";
  const self: Partial<LocalStripeServer> = {};
  const server = http.createServer(async (req, res) => {
    try {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const body = Buffer.concat(chunks);
      const url = new URL(req.url ?? "/", origin);
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
      let response: Response;
      if (url.pathname.startsWith("/v1/")) {
        const request = new Request(url, { method: req.method, headers, body: ["GET", "HEAD"].includes(req.method ?? "GET") ? undefined : body });
        response = await handleLocalStripe(request, { db: opts.db, secretKey: opts.secretKey, origin }, url.pathname);
      } else if (url.pathname === "/api/stripe/webhook" && req.method === "POST") {
        const raw = body.toString("utf8");
        const sig = headers.get("stripe-signature");
        const override = await self.webhookOverride?.(raw, sig);
        const r = override ?? (await handleStripeWebhook(opts.db, raw, sig, { secret: opts.webhookSecret, stripe: self.stripe }));
        response = Response.json(r.body, { status: r.status });
      } else response = new Response("not found", { status: 404 });
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(Buffer.from(await response.arrayBuffer()));
    } catch (error) {
      res.writeHead(500, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: { type: "api_error", message: error instanceof Error ? error.message : "error" } }));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const stripe = stripeForOrigin(origin, opts.secretKey);
  const webhookUrl = opts.webhookEndpoint ?? `${origin}/api/stripe/webhook`;
  Object.assign(self, {
    origin,
    stripe,
    webhookUrl,
    flush: () => flushDeliveries({ db: opts.db, secret: opts.webhookSecret, endpoint: webhookUrl }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
  return self as LocalStripeServer;
}
