import Link from "next/link";
import { AccountMenu } from "@/components/app-shell/account-menu";
import { AppToaster } from "@/components/app-shell/app-toaster";
import { BottomNav, TopNav } from "@/components/app-shell/app-nav";
import { ServiceStatus } from "@/components/app-shell/service-status";
import { Logo } from "@/components/site/logo";
import { getDb } from "@/db/client";
import { requireUser } from "@/lib/auth/session";
import { ENTITLEMENTS } from "@/lib/billing/entitlements";
import { activeServicesWithModelVersion } from "@/lib/server/services";
import { getPlan } from "@/lib/billing/plan";

/** Signed-in area: every page below is per-user, so never prerender. */
export const dynamic = "force-dynamic";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  const plan = await getPlan(getDb(), user.id);
  const services = await activeServicesWithModelVersion(getDb());

  return (
    <div className="group/shell flex min-h-dvh flex-col">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50 focus:rounded-lg focus:bg-ink focus:px-3 focus:py-2 focus:text-chalk"
      >
        Skip to content
      </a>
      <header className="sticky top-0 z-40 border-b border-line bg-chalk/85 backdrop-blur supports-[backdrop-filter]:bg-chalk/70">
        <div className="mx-auto flex h-14 max-w-6xl items-center gap-6 px-4 sm:h-16 sm:px-6">
          <Link href="/chat" className="rounded-lg" aria-label="Spotter, go to chat">
            <Logo />
          </Link>
          <TopNav />
          <div className="ml-auto">
            <AccountMenu name={user.name} email={user.email} planLabel={ENTITLEMENTS[plan].label} paid={ENTITLEMENTS[plan].priceUsdPerMonth > 0} />
          </div>
        </div>
      </header>

      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 focus:outline-none sm:px-6 sm:py-10">
        {children}
      </main>

      {/* Hidden beside full-height views (the chat), which show their own model badge. */}
      <footer className="border-t border-line bg-surface/60 pb-20 group-has-[[data-fullbleed]]/shell:hidden md:pb-0">
        <div className="mx-auto max-w-6xl px-4 py-6 sm:px-6">
          <ServiceStatus services={services} />
          <p className="mt-5 flex flex-wrap gap-x-4 gap-y-1 text-xs text-ink-muted">
            <Link href="/privacy" className="hover:text-ink">
              Privacy
            </Link>
            <Link href="/terms" className="hover:text-ink">
              Terms
            </Link>
            <Link href="/pricing" className="hover:text-ink">
              Plans
            </Link>
            <span>Not medical advice. Check every weight yourself.</span>
          </p>
        </div>
      </footer>

      <BottomNav />
      <AppToaster />
    </div>
  );
}
