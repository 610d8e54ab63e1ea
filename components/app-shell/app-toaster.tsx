"use client";

import * as React from "react";
import { Toaster } from "sonner";

function subscribe(onChange: () => void) {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ["class"] });
  return () => observer.disconnect();
}

/**
 * Toasts for the signed-in app (the marketing pages load none of this). They sit below the top
 * bar — never over the navigation — and on phones above nothing that matters (the bottom nav and
 * the chat composer stay visible). Light or dark follows the page's theme, including the toggle.
 */
export function AppToaster() {
  const dark = React.useSyncExternalStore(
    subscribe,
    () => document.documentElement.classList.contains("dark"),
    () => false,
  );
  return (
    <Toaster
      richColors
      closeButton
      theme={dark ? "dark" : "light"}
      position="top-right"
      offset={{ top: 80, right: 16 }}
      mobileOffset={{ top: 64, left: 12, right: 12 }}
    />
  );
}
