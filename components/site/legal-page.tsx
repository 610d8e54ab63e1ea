export interface LegalSection {
  id: string;
  title: string;
  body: React.ReactNode;
}

/** Long-form policy layout: title, summary, table of contents, numbered-free sections with anchors. */
export function LegalPage({
  eyebrow,
  title,
  updated,
  summary,
  sections,
}: {
  eyebrow: string;
  title: string;
  updated: string;
  summary: React.ReactNode;
  sections: LegalSection[];
}) {
  return (
    <div className="mx-auto max-w-6xl px-4 py-14 sm:px-6 md:py-20">
      <header className="max-w-3xl">
        <p className="text-xs font-semibold tracking-[0.16em] text-accent-text uppercase">{eyebrow}</p>
        <h1 className="mt-3 text-4xl font-extrabold tracking-tight text-ink sm:text-5xl">{title}</h1>
        <p className="mt-3 text-sm text-ink-muted">
          Last updated{" "}
          <time dateTime={updated}>{new Date(`${updated}T00:00:00Z`).toLocaleDateString("en-GB", { dateStyle: "long", timeZone: "UTC" })}</time>
        </p>
        <div className="mt-6 rounded-2xl border border-accent-strong/40 bg-accent-soft p-5 text-ink">{summary}</div>
      </header>
      <div className="mt-12 grid gap-12 lg:grid-cols-[14rem_1fr]">
        <nav aria-label="On this page" className="hidden lg:block">
          <div className="sticky top-24">
            <p className="text-xs font-semibold tracking-[0.14em] text-ink-muted uppercase">On this page</p>
            <ol className="mt-3 space-y-2 border-l border-line text-sm">
              {sections.map((s) => (
                <li key={s.id}>
                  <a href={`#${s.id}`} className="-ml-px block border-l border-transparent pl-3 text-ink-soft hover:border-ink hover:text-ink">
                    {s.title}
                  </a>
                </li>
              ))}
            </ol>
          </div>
        </nav>
        <div className="prose-spotter">
          {sections.map((s) => (
            <section key={s.id} aria-labelledby={s.id} className="[&:first-child>h2]:mt-0">
              <h2 id={s.id} className="scroll-mt-24">
                {s.title}
              </h2>
              {s.body}
            </section>
          ))}
        </div>
      </div>
    </div>
  );
}
