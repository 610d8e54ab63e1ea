import "server-only";
import { createHash } from "node:crypto";
import type { NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import GitHub from "next-auth/providers/github";
import Google from "next-auth/providers/google";
import type { EmailConfig } from "next-auth/providers/email";
import { z } from "zod";
import { getDb } from "@/db/client";
import { env } from "@/lib/config/env";
import { sendMagicLinkEmail } from "@/lib/mail/magic-link";
import { clientIp } from "@/lib/security/client-ip";
import { consumeRateLimit } from "@/lib/security/rate-limit";
import { spotterAdapter } from "./adapter";
import { normalizeEmail } from "@/lib/users/email";
import { authenticateWithPassword } from "./authenticate";
import { InvalidCredentials, MagicLinkError, ThrottledSignin } from "./errors";
import { authSecret } from "./secret";
import { redactSecrets } from "@/lib/log/redact";

const SESSION_MAX_AGE = 30 * 24 * 60 * 60;
const MAGIC_LINK_MAX_AGE = 15 * 60;
const MAGIC_LINK_LIMITS = {
  perEmail: { limit: 3, windowSeconds: 15 * 60 },
  perIp: { limit: 10, windowSeconds: 15 * 60 },
} as const;

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

const credentialsInput = z.object({ email: z.string().max(320), password: z.string().max(1024) });

function magicLinkProvider(): EmailConfig {
  return {
    id: "email",
    type: "email",
    name: "Email link",
    maxAge: MAGIC_LINK_MAX_AGE,
    options: {},
    sendVerificationRequest(params) {
      const sending = sendMagicLink(params);
      // Auth.js awaits a token hash before it listens to this promise (@auth/core send-token.js): a fast
      // refusal (throttled) would be an unhandled rejection meanwhile. Marked handled here; Auth.js still gets it.
      sending.catch(() => {});
      return sending;
    },
  };
}

async function sendMagicLink({ identifier, url, expires, request }: Parameters<EmailConfig["sendVerificationRequest"]>[0]): Promise<void> {
  const db = getDb();
  const ip = clientIp(request.headers);
  const checks = await Promise.all([
    consumeRateLimit(db, `magic:email:${sha256(identifier)}`, MAGIC_LINK_LIMITS.perEmail),
    ip ? consumeRateLimit(db, `magic:ip:${ip}`, MAGIC_LINK_LIMITS.perIp) : null,
  ]);
  const blocked = checks.filter((c) => c && !c.allowed).map((c) => c!.resetAt.getTime());
  if (blocked.length) throw new MagicLinkError("throttled", new Date(Math.max(...blocked)));
  try {
    await sendMagicLinkEmail({ to: identifier, url, expires });
  } catch {
    throw new MagicLinkError("delivery"); // the transport already logged why
  }
}

/** Expected refusals are not server errors; everything else is logged without request data. */
const logger: NextAuthConfig["logger"] = {
  error(error) {
    const cause = (error.cause as { err?: unknown } | undefined)?.err;
    if (error.name === "CredentialsSignin" || error instanceof ThrottledSignin || error instanceof InvalidCredentials) return;
    if (error instanceof MagicLinkError) return;
    const detail = cause instanceof Error ? ` (${cause.name}: ${cause.message})` : "";
    const message = error.message.replace(/\.?\s*Read more at \S+$/, "");
    console.error(redactSecrets(`[auth] ${error.name}${message ? `: ${message}` : ""}${detail}`));
  },
  warn(code) {
    console.warn(`[auth] warning: ${code}`);
  },
  debug() {},
};

/**
 * The Auth.js configuration, built at request time (never at import or build time) so the
 * secret can come from the data directory in zero-config mode.
 */
export function buildAuthConfig(): NextAuthConfig {
  const e = env();
  const providers: NextAuthConfig["providers"] = [
    Credentials({
      id: "credentials",
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(raw, request) {
        const parsed = credentialsInput.safeParse(raw);
        if (!parsed.success) throw new InvalidCredentials();
        const result = await authenticateWithPassword(getDb(), {
          email: parsed.data.email,
          password: parsed.data.password,
          ip: clientIp(request.headers),
        });
        if (result.ok) return result.user;
        if (result.code === "throttled") throw new ThrottledSignin(result.retryAt);
        throw new InvalidCredentials();
      },
    }),
    magicLinkProvider(),
  ];
  if (e.AUTH_GITHUB_ID && e.AUTH_GITHUB_SECRET) providers.push(GitHub({ clientId: e.AUTH_GITHUB_ID, clientSecret: e.AUTH_GITHUB_SECRET }));
  if (e.AUTH_GOOGLE_ID && e.AUTH_GOOGLE_SECRET) providers.push(Google({ clientId: e.AUTH_GOOGLE_ID, clientSecret: e.AUTH_GOOGLE_SECRET }));

  return {
    adapter: spotterAdapter(getDb()),
    providers,
    secret: authSecret(),
    trustHost: true,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE },
    pages: { signIn: "/sign-in", error: "/sign-in", verifyRequest: "/check-email" },
    logger,
    callbacks: {
      jwt({ token, user }) {
        if (user?.id) {
          token.sub = user.id;
          token.email = user.email ? normalizeEmail(user.email) : token.email;
          token.name = user.name ?? null;
        }
        return token;
      },
      session({ session, token }) {
        if (token.sub && session.user) session.user.id = token.sub;
        return session;
      },
    },
  };
}
