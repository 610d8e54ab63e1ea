import type { Metadata } from "next";
import Link from "next/link";
import { MailCheck, ScrollText } from "lucide-react";
import { magicLinkDelivery } from "@/lib/auth/providers";

export const metadata: Metadata = { title: "Check your email" };
export const dynamic = "force-dynamic";

/** Auth.js "verify request" page: where a magic-link request lands outside our own form. */
export default function CheckEmailPage() {
  const viaLog = magicLinkDelivery() === "server-log";
  const Icon = viaLog ? ScrollText : MailCheck;
  return (
    <div className="space-y-4">
      <Icon aria-hidden className="size-10 text-accent-text" />
      <h1 className="font-display text-3xl font-extrabold tracking-tight">{viaLog ? "Your link is in the server log" : "Check your email"}</h1>
      <p className="text-ink-soft">
        {viaLog
          ? "Email delivery (SMTP) is not configured on this server, so the one-time sign-in link was written to the server log. Look for the line starting with “[spotter] MAGIC LINK”."
          : "We sent you a one-time sign-in link. It expires in 15 minutes. If it doesn't arrive, check your spam folder or request a new one."}
      </p>
      <p>
        <Link href="/sign-in" className="font-semibold text-accent-text underline-offset-4 hover:underline">
          Back to sign in
        </Link>
      </p>
    </div>
  );
}
