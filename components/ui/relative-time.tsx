"use client";

import * as React from "react";
import { formatRelativeTime, formatShortDate } from "@/lib/text/relative-time";

/**
 * "5 min ago" depends on the clock, so the server cannot render it the way the browser will: the
 * server (and the hydrating browser) render the date in UTC, and the relative time appears once the
 * page is live — no hydration mismatch. One shared minute timer serves every instance.
 */
let now = 0;
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | null = null;

function subscribe(listener: () => void) {
  listeners.add(listener);
  if (!timer) {
    now = Date.now();
    timer = setInterval(() => {
      now = Date.now();
      for (const l of listeners) l();
    }, 30_000);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = null;
    }
  };
}

const getSnapshot = () => now || (now = Date.now());
const getServerSnapshot = () => 0;

export function RelativeTime({ iso, className }: { iso: string; className?: string }) {
  const current = React.useSyncExternalStore(subscribe, getSnapshot, getServerSnapshot);
  const text = current === 0 ? formatShortDate(iso) : formatRelativeTime(iso, current, Intl.DateTimeFormat().resolvedOptions().timeZone);
  return (
    <time dateTime={iso} className={className}>
      {text}
    </time>
  );
}
