import { Logo } from "./logo";

/** Shared frame for 404 / error pages: logo, a big mono code, a message and actions. */
export function StatusPage({ code, title, children, actions }: { code: string; title: string; children: React.ReactNode; actions: React.ReactNode }) {
  return (
    <div className="flex min-h-dvh flex-col px-4 py-6 sm:px-8">
      <a href="/" className="self-start rounded-lg" aria-label="Spotter home">
        <Logo />
      </a>
      <main id="main" className="mx-auto flex w-full max-w-xl flex-1 flex-col justify-center py-16">
        <p aria-hidden className="flex items-center gap-3 font-mono text-sm font-semibold text-accent-text">
          <span className="h-px w-8 bg-accent-strong" />
          {code}
        </p>
        <h1 className="mt-4 text-4xl font-extrabold tracking-tight text-ink sm:text-5xl">{title}</h1>
        <div className="mt-4 space-y-3 text-lg leading-relaxed text-ink-soft">{children}</div>
        <div className="mt-8 flex flex-wrap gap-3">{actions}</div>
      </main>
    </div>
  );
}
