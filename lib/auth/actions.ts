"use server";

import { CredentialsSignin } from "next-auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { signIn, signOut } from "@/auth";
import { getDb } from "@/db/client";
import { ActionError, publicAction } from "@/lib/actions/safe-action";
import { clientIp } from "@/lib/security/client-ip";
import { consumeRateLimit, minutesUntil } from "@/lib/security/rate-limit";
import { createUser } from "@/lib/users/create-user";
import { emailSchema as email } from "@/lib/users/email";
import { MagicLinkError, ThrottledSignin } from "./errors";
import { passwordSchema } from "./password-rules";
import { enabledOAuthProviders, magicLinkDelivery } from "./providers";
import { AFTER_SIGN_UP, DEFAULT_AFTER_SIGN_IN, safeNextPath } from "./redirect";

const SIGN_UP_LIMIT_PER_IP = { limit: 10, windowSeconds: 60 * 60 } as const;

const next = z.string().max(2048).optional();

/**
 * signIn(…, { redirect: false }) throws Auth.js errors, but a few failures (e.g. a configuration
 * error) come back as a redirect URL with `?error=`; never treat those as success.
 */
function assertNoAuthError(result: unknown) {
  if (typeof result !== "string") return;
  const error = new URL(result, "http://spotter.invalid").searchParams.get("error");
  if (error) throw new Error(`Auth.js reported ${error}`);
}

function tryAgainIn(retryAt: Date) {
  const minutes = minutesUntil(retryAt);
  return `Too many attempts. Please try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}

/** Email + password sign-in; on success redirects to `next` (same-origin paths only). */
export const signInAction = publicAction(
  z.object({ email, password: z.string({ error: "Enter your password." }).min(1, "Enter your password.").max(1024), next }),
  async function signInWithPassword(input) {
    try {
      assertNoAuthError(await signIn("credentials", { email: input.email, password: input.password, redirect: false }));
    } catch (error) {
      if (error instanceof ThrottledSignin) throw new ActionError(tryAgainIn(error.retryAt));
      if (error instanceof CredentialsSignin) {
        throw new ActionError("That email and password don't match. Check them and try again.");
      }
      throw error;
    }
    redirect(safeNextPath(input.next, DEFAULT_AFTER_SIGN_IN));
  },
);

/** Creates the account (profile + free plan), signs it in, and opens the first page. */
export const signUpAction = publicAction(
  z.object({
    name: z.string().trim().max(80, "Use at most 80 characters.").optional(),
    email,
    password: passwordSchema,
    next,
  }),
  async function signUp(input) {
    const ip = clientIp(await headers());
    if (ip) {
      const limit = await consumeRateLimit(getDb(), `signup:ip:${ip}`, SIGN_UP_LIMIT_PER_IP);
      if (!limit.allowed) throw new ActionError(tryAgainIn(limit.resetAt));
    }
    // An EmailTakenError (a UserError) answers with the field message "Sign in instead".
    await createUser(getDb(), { email: input.email, password: input.password, name: input.name || undefined });
    const destination = safeNextPath(input.next, AFTER_SIGN_UP);
    try {
      assertNoAuthError(await signIn("credentials", { email: input.email, password: input.password, redirect: false }));
    } catch (error) {
      // The account exists; only the automatic sign-in was refused (e.g. this IP is throttled).
      if (error instanceof CredentialsSignin) redirect(`/sign-in?notice=account-created&next=${encodeURIComponent(destination)}`);
      throw error;
    }
    redirect(destination);
  },
);

/** Sends (or, without SMTP, logs) a one-time sign-in link. */
export const magicLinkAction = publicAction(z.object({ email, next }), async function requestMagicLink(input) {
  try {
    assertNoAuthError(await signIn("email", { email: input.email, redirectTo: safeNextPath(input.next), redirect: false }));
  } catch (error) {
    if (error instanceof MagicLinkError) {
      if (error.reason === "throttled" && error.retryAt) throw new ActionError(tryAgainIn(error.retryAt));
      throw new ActionError("We couldn't send the sign-in email just now. Please try again in a few minutes, or use your password.");
    }
    throw error;
  }
  return { email: input.email, delivery: magicLinkDelivery() };
});

/** Starts GitHub / Google sign-in (only providers that are configured). */
export async function oauthSignInAction(formData: FormData): Promise<void> {
  const provider = String(formData.get("provider") ?? "");
  if (!enabledOAuthProviders().some((p) => p.id === provider)) redirect("/sign-in?error=OAuthSignin");
  await signIn(provider, { redirectTo: safeNextPath(formData.get("next")) });
}

/** For the account menu: `<form action={signOutAction}><button>Sign out</button></form>`. */
export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/" });
}
