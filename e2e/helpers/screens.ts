import type { Page, TestInfo } from "@playwright/test";

/** Full-page screenshot attached to the report and kept under test-results/ for a human look. */
export async function screen(page: Page, testInfo: TestInfo, name: string) {
  const path = testInfo.outputPath(`${String(++counter).padStart(2, "0")}-${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: "image/png" });
}
let counter = 0;
