/**
 * Theme preference: "system" (follow prefers-color-scheme), "light" or "dark", kept in
 * localStorage. The inline script below runs in <head> before the first paint, so the page never
 * flashes the wrong theme; <html> carries suppressHydrationWarning because the script changes its
 * class before React hydrates.
 */
export const THEME_STORAGE_KEY = "spotter-theme";
export type ThemePreference = "system" | "light" | "dark";

export const THEME_SCRIPT = `(function(){try{var k=${JSON.stringify(THEME_STORAGE_KEY)},m=matchMedia("(prefers-color-scheme: dark)"),a=function(){var t=localStorage.getItem(k);var d=t==="dark"||(t!=="light"&&m.matches);document.documentElement.classList.toggle("dark",d)};a();m.addEventListener("change",a);addEventListener("storage",function(e){if(e.key===k)a()})}catch(e){}})();`;

export function readThemePreference(): ThemePreference {
  try {
    const v = localStorage.getItem(THEME_STORAGE_KEY);
    return v === "light" || v === "dark" ? v : "system";
  } catch {
    return "system";
  }
}

/** Stores the choice and applies it at once. */
export function applyThemePreference(pref: ThemePreference) {
  try {
    if (pref === "system") localStorage.removeItem(THEME_STORAGE_KEY);
    else localStorage.setItem(THEME_STORAGE_KEY, pref);
  } catch {
    // Storage blocked (private mode): the choice applies to this page only.
  }
  const dark = pref === "dark" || (pref === "system" && matchMedia("(prefers-color-scheme: dark)").matches);
  document.documentElement.classList.toggle("dark", dark);
}
