import { Logo } from "./logo";

const COLUMNS = [
  {
    title: "Product",
    links: [
      { href: "/#features", label: "Features" },
      { href: "/pricing", label: "Pricing" },
      { href: "/sign-up", label: "Create an account" },
      { href: "/sign-in", label: "Sign in" },
    ],
  },
  {
    title: "Your data",
    links: [
      { href: "/privacy", label: "Privacy policy" },
      { href: "/privacy#your-rights", label: "Export & deletion" },
      { href: "/privacy#training-data", label: "Training-data consent" },
      { href: "/terms", label: "Terms of service" },
    ],
  },
];

export function SiteFooter() {
  return (
    <footer className="surface-iron mt-24 bg-iron text-chalk">
      <div className="mx-auto grid max-w-6xl gap-10 px-4 py-14 sm:px-6 md:grid-cols-[1.4fr_1fr_1fr]">
        <div>
          <Logo tone="light" />
          <p className="mt-4 max-w-sm text-sm leading-relaxed text-iron-muted">
            An AI strength coach that works from your own training log. Your data stays yours: export it or delete it any time, and it is never sold.
          </p>
        </div>
        {COLUMNS.map((col) => (
          <nav key={col.title} aria-label={col.title}>
            <h2 className="text-xs font-semibold tracking-[0.14em] text-iron-muted uppercase">{col.title}</h2>
            <ul className="mt-4 space-y-2.5">
              {col.links.map((l) => (
                <li key={l.href}>
                  <a href={l.href} className="text-sm text-chalk/90 hover:text-accent">
                    {l.label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        ))}
      </div>
      <div className="border-t border-iron-line">
        <p className="mx-auto max-w-6xl px-4 py-5 text-xs text-iron-muted sm:px-6">
          © Spotter. Lift heavy, log honestly. Not medical advice: check with a professional before starting a new programme.
        </p>
      </div>
    </footer>
  );
}
