import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { OAuthButtons } from "@/components/auth/oauth-buttons";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { enabledOAuthProviders } from "@/lib/auth/providers";
import { safeNextPath } from "@/lib/auth/redirect";
import { getCurrentUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Create your account" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function SignUpPage({ searchParams }: { searchParams: SearchParams }) {
  const raw = (await searchParams).next;
  const next = safeNextPath(Array.isArray(raw) ? raw[0] : raw, "");
  if (await getCurrentUser()) redirect(next || "/workouts");
  const providers = enabledOAuthProviders();

  return (
    <div className="space-y-6">
      <div>
        <h1 className="font-display text-3xl font-extrabold tracking-tight">Create your account</h1>
        <p className="mt-2 text-ink-muted">Free to start. Your coach is ready in a minute.</p>
      </div>
      <SignUpForm next={next || undefined} />
      {providers.length ? (
        <>
          <div className="flex items-center gap-3 text-xs font-medium tracking-wide text-ink-muted uppercase" role="separator">
            <span className="h-px flex-1 bg-line" /> or <span className="h-px flex-1 bg-line" />
          </div>
          <OAuthButtons providers={providers} next={next || undefined} />
        </>
      ) : null}
      <p className="text-center text-sm text-ink-muted">
        Already have an account?{" "}
        <Link
          href={next ? `/sign-in?next=${encodeURIComponent(next)}` : "/sign-in"}
          className="font-semibold text-accent-text underline-offset-4 hover:underline"
        >
          Sign in
        </Link>
      </p>
      <p className="text-center text-xs text-ink-muted">
        By creating an account you agree to the{" "}
        <Link href="/terms" className="underline underline-offset-2">
          terms
        </Link>{" "}
        and{" "}
        <Link href="/privacy" className="underline underline-offset-2">
          privacy policy
        </Link>
        .
      </p>
    </div>
  );
}
