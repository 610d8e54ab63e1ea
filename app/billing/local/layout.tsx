import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { TestModeNotice } from "@/components/billing/test-mode-notice";
import { billingMode } from "@/lib/billing/config";

export const metadata: Metadata = { title: "Test-mode billing", robots: { index: false, follow: false } };
export const dynamic = "force-dynamic";

/** Pages of the local test-mode Stripe (its "hosted" checkout, portal and invoices). */
export default function LocalStripeLayout({ children }: { children: React.ReactNode }) {
  if (billingMode() !== "local") notFound();
  return (
    <div className="min-h-dvh bg-chalk">
      <div className="mx-auto max-w-3xl px-4 py-8 sm:px-6">
        <p className="mb-3 text-xs font-semibold tracking-[0.16em] text-ink-muted uppercase">Spotter billing · local test-mode Stripe</p>
        <TestModeNotice className="mb-6" />
        {children}
      </div>
    </div>
  );
}
