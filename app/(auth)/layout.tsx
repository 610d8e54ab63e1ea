import Link from "next/link";
import { Logo } from "@/components/site/logo";

const POINTS = [
  "Chat that logs your sets and draws your progress",
  "A coach built around your goals and numbers",
  "Your data stays yours: export or delete any time",
];

/** Split screen on wide viewports (form + iron brand panel), a single column on phones. */
export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="grid min-h-dvh lg:grid-cols-[minmax(0,1fr)_minmax(0,0.9fr)]">
      <main id="main" className="flex flex-col px-4 py-6 sm:px-8">
        <Link href="/" className="self-start rounded-lg" aria-label="Spotter home">
          <Logo />
        </Link>
        <div className="mx-auto flex w-full max-w-md flex-1 flex-col justify-center py-10">{children}</div>
      </main>
      <aside
        className="surface-iron relative hidden overflow-hidden bg-iron px-12 py-16 text-chalk lg:flex lg:flex-col lg:justify-end"
        aria-label="About Spotter"
      >
        <div aria-hidden className="absolute -top-24 -right-24 size-96 rounded-full bg-accent/15 blur-3xl" />
        <p className="font-display text-4xl leading-tight font-extrabold tracking-tight">
          Train with a coach
          <br />
          that <span className="text-accent">knows your numbers.</span>
        </p>
        <ul className="mt-8 space-y-3 text-iron-muted">
          {POINTS.map((p) => (
            <li key={p} className="flex items-start gap-3">
              <span aria-hidden className="mt-2 size-1.5 shrink-0 rounded-full bg-accent" />
              {p}
            </li>
          ))}
        </ul>
      </aside>
    </div>
  );
}
