"use client";

import { Monitor, Moon, Sun } from "lucide-react";
import * as React from "react";
import { cn } from "@/components/ui/cn";
import { applyThemePreference, readThemePreference, THEME_STORAGE_KEY, type ThemePreference } from "@/lib/theme/script";

const OPTIONS: { value: ThemePreference; label: string; icon: typeof Sun }[] = [
  { value: "system", label: "System", icon: Monitor },
  { value: "light", label: "Light", icon: Sun },
  { value: "dark", label: "Dark", icon: Moon },
];

const listeners = new Set<() => void>();
function subscribe(l: () => void) {
  listeners.add(l);
  const onStorage = (e: StorageEvent) => e.key === THEME_STORAGE_KEY && l();
  window.addEventListener("storage", onStorage);
  return () => {
    listeners.delete(l);
    window.removeEventListener("storage", onStorage);
  };
}

/** System / Light / Dark. The server renders "system" selected; the stored choice shows after hydration. */
export function ThemeToggle({ className }: { className?: string }) {
  const pref = React.useSyncExternalStore(subscribe, readThemePreference, () => "system" as const);
  const choose = (p: ThemePreference) => {
    applyThemePreference(p);
    for (const l of listeners) l();
  };
  return (
    <div
      role="radiogroup"
      aria-label="Theme"
      className={cn("flex rounded-lg border border-line bg-sunken p-0.5", className)}
      data-testid="theme-toggle"
    >
      {OPTIONS.map(({ value, label, icon: Icon }) => {
        const active = pref === value;
        return (
          <button
            key={value}
            type="button"
            role="radio"
            aria-checked={active}
            onClick={() => choose(value)}
            onKeyDown={(e) => e.stopPropagation()}
            className={cn(
              "flex flex-1 items-center justify-center gap-1.5 rounded-md px-2 py-1.5 text-xs font-medium",
              active ? "bg-surface text-ink shadow-sm" : "text-ink-muted hover:text-ink",
            )}
            data-theme-option={value}
          >
            <Icon aria-hidden className="size-3.5" />
            {label}
          </button>
        );
      })}
    </div>
  );
}
