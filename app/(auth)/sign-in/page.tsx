import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { OAuthButtons } from "@/components/auth/oauth-buttons";
import { SignInForm } from "@/components/auth/sign-in-form";
import { Alert } from "@/components/ui/alert";
import { authErrorMessage } from "@/lib/auth/errors";
import { enabledOAuthProviders, magicLinkDelivery } from "@/lib/auth/providers";
import { safeNextPath } from "@/lib/auth/redirect";
import { getCurrentUser } from "@/lib/auth/session";
import { demoAccountAvailable } from "@/lib/auth/demo";
import { DEMO_EMAIL, DEMO_PASSWORD } from "@/lib/seed/demo";

export const metadata: Metadata = { title: "Sign in" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const next = safeNextPath(first(params.next), "");
  if (await getCurrentUser()) redirect(next || "/workouts");

  const error = authErrorMessage(first(params.error), first(params.code));
  const accountCreated = first(params.notice) === "account-created";
  const accountDeleted = first(params.notice) === "account-deleted";
  const providers = enabledOAuthProviders();
  const demo = (await demoAccountAvailable()) ? { email: DEMO_EMAIL, password: DEMO_PASSWORD } : null;
  const initialMode = ["Verification", "EmailSignInError", "EmailSignin"].includes(first(params.error) ?? "") ? "link" : "password";

  return (
    <div className="space-y-6">
      <div>
        <h1 className="font-display text-3xl font-extrabold tracking-tight">Sign in</h1>
        <p className="mt-2 text-ink-muted">Welcome back. Pick up where your last session left off.</p>
      </div>
      {error ? <Alert tone="danger">{error}</Alert> : null}
      {accountCreated ? (
        <Alert tone="success" title="Your account is ready">
          Sign in with the email and password you just chose.
        </Alert>
      ) : null}
      {accountDeleted ? (
        <Alert tone="success" title="Your account is deleted">
          Your account and its data are gone, and you are signed out. Thank you for training with Spotter.
        </Alert>
      ) : null}
      <SignInForm next={next || undefined} demo={demo} linkDelivery={magicLinkDelivery()} initialMode={initialMode} />
      {providers.length ? (
        <>
          <div className="flex items-center gap-3 text-xs font-medium tracking-wide text-ink-muted uppercase" role="separator">
            <span className="h-px flex-1 bg-line" /> or <span className="h-px flex-1 bg-line" />
          </div>
          <OAuthButtons providers={providers} next={next || undefined} />
        </>
      ) : null}
      <p className="text-center text-sm text-ink-muted">
        New to Spotter?{" "}
        <Link
          href={next ? `/sign-up?next=${encodeURIComponent(next)}` : "/sign-up"}
          className="font-semibold text-accent-text underline-offset-4 hover:underline"
        >
          Create an account
        </Link>
      </p>
    </div>
  );
}
