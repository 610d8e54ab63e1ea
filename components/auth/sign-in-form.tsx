"use client";

import { KeyRound, Mail } from "lucide-react";
import { useActionState, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/actions/safe-action";
import { magicLinkAction, signInAction } from "@/lib/auth/actions";
import { AuthField } from "./auth-field";
import { FormError } from "./form-status";

export type Mode = "password" | "link";
type MagicLinkResult = ActionResult<{ email: string; delivery: "email" | "server-log" }>;

export interface SignInFormProps {
  next?: string;
  /** Embedded/demo mode only: the seeded demo account's credentials. */
  demo?: { email: string; password: string } | null;
  /** "server-log" when SMTP is not configured: the link is printed in the server log. */
  linkDelivery: "email" | "server-log";
  /** Open on the email-link form (e.g. after an expired link). */
  initialMode?: Mode;
}

/** Password sign-in, with a switch to a one-time email link. The email typed is kept across modes. */
export function SignInForm({ next, demo, linkDelivery, initialMode = "password" }: SignInFormProps) {
  const [mode, setMode] = useState<Mode>(initialMode);
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [signInState, signInFormAction, signingIn] = useActionState(signInAction, null);
  const [linkState, linkFormAction, sendingLink] = useActionState<MagicLinkResult | null, FormData>(magicLinkAction, null);

  const useDemo = () => {
    if (!demo) return;
    setMode("password");
    setEmail(demo.email);
    setPassword(demo.password);
  };

  return (
    <div className="space-y-6">
      {demo ? (
        <div className="rounded-xl border border-accent-strong/40 bg-accent-soft p-4 text-sm" data-testid="demo-account">
          <p className="font-semibold text-ink">Try the demo account</p>
          <p className="mt-1 text-ink-soft">
            This server runs on the embedded database with a seeded demo athlete: <span className="font-mono">{demo.email}</span> /{" "}
            <span className="font-mono">{demo.password}</span>
          </p>
          <Button variant="accent" size="sm" className="mt-3" onClick={useDemo}>
            Use demo account
          </Button>
        </div>
      ) : null}

      {mode === "password" ? (
        <form key="password" action={signInFormAction} className="space-y-4" noValidate>
          <input type="hidden" name="next" value={next ?? ""} />
          <FormError state={signInState} />
          <AuthField
            id="sign-in-email"
            label="Email"
            name="email"
            type="email"
            autoComplete="email"
            inputMode="email"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            error={signInState && !signInState.ok ? signInState.fieldErrors?.email : undefined}
          />
          <AuthField
            id="sign-in-password"
            label="Password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            error={signInState && !signInState.ok ? signInState.fieldErrors?.password : undefined}
          />
          <Button type="submit" className="w-full" size="lg" loading={signingIn}>
            Sign in
          </Button>
          <Button variant="ghost" className="w-full" onClick={() => setMode("link")}>
            <Mail aria-hidden /> Email me a sign-in link instead
          </Button>
        </form>
      ) : (
        // Distinct keys: React must not morph the clicked "instead" button into this form's submit button.
        <form key="link" action={linkFormAction} className="space-y-4" noValidate>
          <input type="hidden" name="next" value={next ?? ""} />
          <FormError state={linkState} />
          {linkState?.ok ? (
            linkState.data.delivery === "email" ? (
              <Alert tone="success" title="Check your inbox">
                We sent a sign-in link to {linkState.data.email}. It works once and expires in 15 minutes.
              </Alert>
            ) : (
              <Alert tone="info" title="Link written to the server log">
                Email delivery (SMTP) is not configured on this server, so the sign-in link for {linkState.data.email} was printed in the server log —
                look for the line starting with <span className="font-mono">[spotter] MAGIC LINK</span>.
              </Alert>
            )
          ) : null}
          <AuthField
            id="magic-link-email"
            label="Email"
            name="email"
            type="email"
            autoComplete="email"
            inputMode="email"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            error={linkState && !linkState.ok ? linkState.fieldErrors?.email : undefined}
            hintId="magic-link-delivery"
          />
          <p id="magic-link-delivery" className="text-sm text-ink-muted">
            {linkDelivery === "email"
              ? "We'll email you a one-time link that signs you in — no password needed. New here? The link creates your account."
              : "SMTP is not configured on this server: the one-time link is written to the server log instead of being emailed."}
          </p>
          <Button type="submit" className="w-full" size="lg" loading={sendingLink}>
            Send sign-in link
          </Button>
          <Button variant="ghost" className="w-full" onClick={() => setMode("password")}>
            <KeyRound aria-hidden /> Use my password instead
          </Button>
        </form>
      )}
    </div>
  );
}
