import { expect, test, type Page } from "@playwright/test";
import { newAccount, signUp } from "./helpers/account";
import { screen } from "./helpers/screens";

const SIGNED_IN_PAGES = ["/chat", "/workouts", "/workouts/new", "/coach", "/coach/new", "/settings"];

/** Console errors and uncaught exceptions (hydration mismatches are reported as console errors). */
function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(`${page.url()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => errors.push(`${page.url()}: ${e.message}`));
  return errors;
}

async function ask(page: Page, text: string) {
  await page.getByTestId("chat-input").fill(text);
  await page.getByTestId("chat-send").click();
  await expect(page.locator('[data-role="assistant"]').last()).toHaveAttribute("data-status", /complete|error|stopped/, { timeout: 45_000 });
}

test("an emoji name renders whole initials, and no signed-in page logs an error (hydration included)", async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  const errors = collectErrors(page);
  const account = { ...newAccount("Emoji"), name: "Zoë 🏋️" };
  await signUp(page, account);
  // A conversation, so the chat list renders a relative time ("just now") that must not mismatch.
  await page.goto("/chat");
  await ask(page, "How many workouts did I log this week?");

  for (const path of SIGNED_IN_PAGES) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
    const avatar = page
      .getByRole("button", { name: /^Account menu for/ })
      .locator("span")
      .first();
    await expect(avatar).toHaveText("ZO");
  }
  await page.goto("/chat");
  await expect(page.getByTestId("conversation-list").locator("time").first()).toHaveText(/just now|min ago/);
  await screen(page, testInfo, "emoji-name-chat");
  expect(errors, errors.join("\n")).toEqual([]);
});

for (const viewport of [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
]) {
  test(`the chat's message area is at least 75 % of the viewport at ${viewport.width}×${viewport.height}`, async ({ page }, testInfo) => {
    await page.setViewportSize(viewport);
    await signUp(page, newAccount(`Tall${viewport.width}`));
    for (const path of ["/chat", null]) {
      if (path) await page.goto(path);
      else await ask(page, "How many workouts did I log this week?"); // and again inside a conversation
      const box = (await page.getByTestId("chat-scroller").boundingBox())!;
      expect(box.height / viewport.height).toBeGreaterThanOrEqual(0.75);
      // Fully on screen, and the page itself does not scroll (no footer below the chat).
      expect(box.y + box.height).toBeLessThanOrEqual(viewport.height + 1);
      expect(await page.evaluate(() => document.documentElement.scrollHeight - window.innerHeight)).toBeLessThanOrEqual(1);
    }
    await screen(page, testInfo, `chat-${viewport.width}x${viewport.height}`);
  });
}

test("dark mode follows the system, the toggle overrides it, the choice persists, and nothing flashes", async ({ browser }, testInfo) => {
  test.setTimeout(180_000);
  const bg = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const isDark = (rgb: string) => {
    const [r, g, b] = rgb.match(/\d+/g)!.map(Number);
    return 0.2126 * r + 0.7152 * g + 0.0722 * b < 60;
  };

  for (const device of [
    { name: "desktop", viewport: { width: 1280, height: 800 } },
    { name: "phone", viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
  ]) {
    const context = await browser.newContext({
      colorScheme: "dark",
      viewport: device.viewport,
      isMobile: device.isMobile,
      hasTouch: device.hasTouch,
    });
    const page = await context.newPage();
    const errors = collectErrors(page);
    // Records whether html.dark was set before <body> existed, i.e. before the first paint.
    await page.addInitScript(() => {
      const w = window as unknown as { __darkBeforeBody?: boolean };
      // documentElement may not exist yet when this runs: watch the whole document.
      new MutationObserver(() => {
        if (w.__darkBeforeBody === undefined && document.documentElement?.classList.contains("dark")) w.__darkBeforeBody = !document.body;
      }).observe(document, { attributes: true, attributeFilter: ["class"], childList: true, subtree: true });
    });

    await page.goto("/");
    await expect(page.locator("html")).toHaveClass(/\bdark\b/);
    expect(await page.evaluate(() => (window as unknown as { __darkBeforeBody?: boolean }).__darkBeforeBody)).toBe(true);
    expect(isDark(await bg(page))).toBe(true);
    await screen(page, testInfo, `dark-${device.name}-landing`);

    await signUp(page, newAccount(`Dark${device.name}`));
    for (const path of ["/chat", "/workouts", "/settings"]) {
      await page.goto(path);
      await expect(page.locator("html")).toHaveClass(/\bdark\b/);
      expect(isDark(await bg(page))).toBe(true);
      await screen(page, testInfo, `dark-${device.name}${path.replace(/\//g, "-")}`);
    }

    // The toggle: Light wins over the dark system setting, survives a reload, and System goes back.
    await page.getByRole("button", { name: /^Account menu for/ }).click();
    await page.getByRole("radio", { name: "Light" }).click();
    await expect(page.locator("html")).not.toHaveClass(/\bdark\b/);
    await page.keyboard.press("Escape");
    await page.reload();
    await expect(page.locator("html")).not.toHaveClass(/\bdark\b/);
    expect(isDark(await bg(page))).toBe(false);
    await screen(page, testInfo, `light-override-${device.name}-settings`);
    await page.getByRole("button", { name: /^Account menu for/ }).click();
    await expect(page.getByRole("radio", { name: "Light" })).toHaveAttribute("aria-checked", "true");
    await page.getByRole("radio", { name: "System" }).click();
    await expect(page.locator("html")).toHaveClass(/\bdark\b/);
    expect(errors, errors.join("\n")).toEqual([]);
    await context.close();
  }
});

test("stopping right after sending keeps the message: a reload shows it", async ({ page }) => {
  await signUp(page, newAccount("Stopper"));
  await page.goto("/chat");
  await page.getByTestId("chat-input").fill("Log: squat 3x5 at 100kg");
  await page.getByTestId("chat-send").click();
  // The conversation has its address as soon as the message is sent.
  await expect(page).toHaveURL(/\/chat\/[0-9a-f-]{36}$/);
  // The reply may finish before the click lands: Stop then disappears. A click without its own timeout
  // would wait for it until the test times out (the old flake: the trace showed "waiting for chat-stop").
  const stop = page.getByTestId("chat-stop");
  if (await stop.isVisible()) await stop.click({ timeout: 2_000 }).catch(() => {});
  await page.waitForTimeout(500);
  await page.reload();
  await expect(page.locator('[data-role="user"]').first()).toContainText("Log: squat 3x5 at 100kg");
});

test("settings tabs show the active section; the app installs (manifest and icons)", async ({ page, request }) => {
  await signUp(page, newAccount("Tabs"));
  await page.goto("/settings");
  await expect(page.getByTestId("section-tab-profile")).toHaveAttribute("aria-current", "location");
  await page.getByTestId("section-tab-import").click();
  await expect(page.getByTestId("section-tab-import")).toHaveAttribute("aria-current", "location");
  await expect(page.getByTestId("section-tab-profile")).not.toHaveAttribute("aria-current", /.+/);

  const href = await page.locator('link[rel="manifest"]').getAttribute("href");
  const manifest = await (await request.get(href!)).json();
  expect(manifest).toMatchObject({ short_name: "Spotter", display: "standalone", start_url: "/chat" });
  for (const icon of manifest.icons as { src: string; sizes: string; type: string }[]) {
    const res = await request.get(icon.src);
    expect(res.ok(), icon.src).toBe(true);
    expect(res.headers()["content-type"]).toContain(icon.type.split("+")[0]);
  }
  expect((manifest.icons as { sizes: string }[]).map((i) => i.sizes)).toEqual(expect.arrayContaining(["192x192", "512x512"]));
});

test("workouts: PR badges, search and filter, an exercise's history page, and RPE on a phone", async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const fs = await import("node:fs");
  const path = await import("node:path");
  const seed = fs.readFileSync(path.join(import.meta.dirname, "..", "lib", "seed", "demo.ts"), "utf8");
  const demo = { name: "Demo", email: /DEMO_EMAIL = "([^"]+)"/.exec(seed)![1], password: /DEMO_PASSWORD = "([^"]+)"/.exec(seed)![1] };
  const { signIn } = await import("./helpers/account");
  const errors = collectErrors(page);
  await signIn(page, demo, "/workouts");

  // A year of demo training sets records: some sessions on the first pages carry a PR badge.
  let badges = 0;
  for (let p = 1; p <= 3 && badges === 0; p++) {
    await page.goto(`/workouts?page=${p}`);
    badges = await page.locator("table").getByTestId("pr-badge").count();
  }
  expect(badges).toBeGreaterThan(0);

  // Search by an exercise's name, then filter by source.
  await page.goto("/workouts");
  await page.getByRole("searchbox", { name: /Search by workout or exercise name/ }).fill("deadlift");
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page).toHaveURL(/q=deadlift/);
  await expect(page.getByText(/workouts? found/)).toBeVisible();
  await page.getByLabel("Where it came from").selectOption("chat");
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page.getByText("No workouts match")).toBeVisible();
  await page.getByRole("link", { name: "Clear the filters" }).click();
  await expect(page).toHaveURL(/\/workouts$/);

  // A session with a record: its set carries the badge; the exercise links to its history.
  await page.locator("table").getByTestId("pr-badge").first().locator("xpath=ancestor::tr").getByRole("link").first().click();
  await expect(page.getByTestId("session-prs")).toBeVisible();
  await expect(page.locator("tbody").getByTestId("pr-badge").first()).toBeVisible();
  const sessionUrl = page.url();
  await page.locator("h2, h3").getByRole("link").first().click();
  await expect(page).toHaveURL(/\/workouts\/exercises\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("trend-chart")).toBeVisible();
  await expect(page.getByTestId("best-sets")).toBeVisible();
  await screen(page, testInfo, "exercise-history");

  // On a phone the set table fits: the RPE column is on screen without scrolling sideways.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(sessionUrl);
  const rpe = page.getByRole("columnheader", { name: "RPE" }).first();
  await expect(rpe).toBeVisible();
  const box = (await rpe.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(390);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await screen(page, testInfo, "session-phone");
  expect(errors, errors.join("\n")).toEqual([]);
});

test("logging a workout shows last time's sets for the exercise, per set and in total", async ({ page }, testInfo) => {
  await signUp(page, newAccount("Previous"));
  const errors = collectErrors(page);
  await page.goto("/workouts/new");
  await page.getByLabel("Name", { exact: true }).fill("Leg day");
  // A fresh account has no history: nothing is shown as "last time".
  await page.getByRole("combobox", { name: "Exercise 1", exact: true }).fill("Squat (Barbell)");
  await expect(page.getByTestId("previous-performance")).toHaveCount(0);
  await page.getByLabel("Set 1 weight in kg").fill("100");
  await page.getByLabel("Set 1 reps").fill("5");
  await page.getByLabel("Set 1 reps").press("Enter");
  await page.getByLabel("Set 2 weight in kg").fill("105");
  await page.getByLabel("Set 2 reps").fill("3");
  await page.getByRole("button", { name: "Add workout" }).click();
  await page.waitForURL(/\/workouts\/[0-9a-f-]{36}$/);

  // The next workout: typing the exercise's name brings back what was done last time.
  await page.goto("/workouts/new");
  await page.getByRole("combobox", { name: "Exercise 1", exact: true }).fill("squat (barbell)");
  await expect(page.getByTestId("previous-performance")).toContainText(/Last time \(.+\): 100 kg × 5 · 105 kg × 3/);
  await expect(page.getByTestId("previous-set").first()).toHaveText("Last time: 100 kg × 5");
  await page.getByLabel("Set 1 reps").press("Enter");
  await expect(page.getByTestId("previous-set").nth(1)).toHaveText("Last time: 105 kg × 3");
  await screen(page, testInfo, "previous-while-logging");
  // Another exercise has no history: no hint.
  await page.getByRole("combobox", { name: "Exercise 1", exact: true }).fill("Deadlift (Barbell)");
  await expect(page.getByTestId("previous-performance")).toHaveCount(0);
  expect(errors, errors.join("\n")).toEqual([]);
});
