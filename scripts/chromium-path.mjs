import fs from "node:fs";

/** Debian's Chromium (or CHROMIUM_PATH). Playwright never downloads a browser in this project. */
export function chromiumPath() {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].filter(Boolean);
  return candidates.find((p) => fs.existsSync(p)) ?? null;
}

export const CHROMIUM_HELP =
  "No Chromium found for the browser tests. Install Debian's package (as root: `apt-get update && apt-get install -y chromium`) " +
  "or set CHROMIUM_PATH to a Chromium/Chrome binary. Do not run `npx playwright install`.";
