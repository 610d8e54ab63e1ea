import { Menu } from "@/components/site/icons";
import { Button } from "@/components/ui/button";
import { Logo } from "./logo";

const NAV = [
  { href: "/#features", label: "Features" },
  { href: "/pricing", label: "Pricing" },
  { href: "/privacy", label: "Privacy" },
];

export function SiteHeader() {
  return (
    <header className="sticky top-0 z-40 border-b border-line/70 bg-chalk/85 backdrop-blur supports-[backdrop-filter]:bg-chalk/70">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded-lg focus:bg-ink focus:px-3 focus:py-2 focus:text-chalk"
      >
        Skip to content
      </a>
      <div className="mx-auto flex h-16 max-w-6xl items-center gap-4 px-4 sm:px-6">
        <a href="/" className="rounded-lg" aria-label="Spotter home">
          <Logo />
        </a>
        <nav aria-label="Main" className="ml-4 hidden md:block">
          <ul className="flex items-center gap-1">
            {NAV.map((item) => (
              <li key={item.href}>
                <a href={item.href} className="rounded-lg px-3 py-2 text-sm font-medium text-ink-soft hover:bg-sunken hover:text-ink">
                  {item.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <div className="ml-auto flex items-center gap-1.5 sm:gap-2">
          <Button asChild variant="ghost" size="sm" className="hidden min-[380px]:inline-flex">
            <a href="/sign-in">Sign in</a>
          </Button>
          <Button asChild variant="primary" size="sm">
            <a href="/sign-up">Start free</a>
          </Button>
          {/* <details> keeps the phone menu working without JavaScript. */}
          <details className="group relative md:hidden">
            <summary className="grid size-9 cursor-pointer list-none place-items-center rounded-lg text-ink hover:bg-sunken [&::-webkit-details-marker]:hidden">
              <Menu aria-hidden className="size-5" />
              <span className="sr-only">Menu</span>
            </summary>
            <nav aria-label="Main (mobile)" className="absolute right-0 mt-2 w-56 rounded-xl border border-line bg-surface p-1.5 shadow-pop">
              <ul>
                {NAV.map((item) => (
                  <li key={item.href}>
                    <a href={item.href} className="block rounded-lg px-3 py-2.5 text-sm font-medium text-ink hover:bg-sunken">
                      {item.label}
                    </a>
                  </li>
                ))}
                <li className="mt-1 border-t border-line pt-1">
                  <a href="/sign-in" className="block rounded-lg px-3 py-2.5 text-sm font-medium text-ink hover:bg-sunken">
                    Sign in
                  </a>
                </li>
              </ul>
            </nav>
          </details>
        </div>
      </div>
    </header>
  );
}
