"use client";

import * as React from "react";
import { cn } from "./cn";

export interface Section {
  id: string;
  label: string;
  /** Where the tab goes: "#id" on this page, or another page ("/settings/billing"). */
  href: string;
}

/**
 * Tab-like links to the sections of a long page (and to sibling pages). On a page that holds the
 * sections, the active one follows the address's #hash and the scroll position (the section
 * nearest the top of the viewport); on a sibling page, `current` names it. The active tab is
 * marked with aria-current, so assistive tech hears it too.
 */
export function SectionNav({ sections, label, current, className }: { sections: Section[]; label: string; current?: string; className?: string }) {
  const [spied, setActive] = React.useState(sections[0]?.id);
  const active = current ?? spied;

  React.useEffect(() => {
    if (current) return;
    // Only the sections that are on this page take part.
    const here = sections.filter((s) => document.getElementById(s.id));
    if (!here.length) return;
    const fromHash = () => {
      const id = decodeURIComponent(window.location.hash.slice(1));
      if (here.some((s) => s.id === id)) setActive(id);
    };
    fromHash();
    const onScroll = () => {
      const line = window.innerHeight * 0.3;
      let now = here[0].id;
      for (const s of here) {
        const el = document.getElementById(s.id);
        if (el && el.getBoundingClientRect().top <= line) now = s.id;
      }
      // At the very bottom the last section is active even if it is short.
      if (window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 4) now = here[here.length - 1].id;
      setActive(now);
    };
    window.addEventListener("hashchange", fromHash);
    window.addEventListener("scroll", onScroll, { passive: true });
    return () => {
      window.removeEventListener("hashchange", fromHash);
      window.removeEventListener("scroll", onScroll);
    };
  }, [sections, current]);

  return (
    <nav aria-label={label} className={cn("sticky top-14 z-30 -mx-1 mb-6 bg-chalk/90 py-2 backdrop-blur sm:top-16", className)}>
      <ul className="inline-flex max-w-full flex-wrap gap-1 rounded-xl bg-sunken p-1">
        {sections.map((s) => {
          const on = s.id === active;
          return (
            <li key={s.id}>
              <a
                href={s.href}
                aria-current={on ? (current ? "page" : "location") : undefined}
                onClick={() => setActive(s.id)}
                className={cn(
                  "inline-flex h-8 items-center rounded-lg px-3 text-sm font-medium whitespace-nowrap transition-colors",
                  on ? "bg-surface text-ink shadow-card" : "text-ink-muted hover:text-ink",
                )}
                data-testid={`section-tab-${s.id}`}
              >
                {s.label}
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
