import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { newAccount, signIn, signUp } from "./helpers/account";
import { completeSet, doneSets, stored, type StoredSet } from "./helpers/live";
import { screen } from "./helpers/screens";

/** Live workout mode on the embedded defaults (flite voices, offline cue writer, local test-mode Stripe). */
const seed = fs.readFileSync(path.join(import.meta.dirname, "..", "lib", "seed", "demo.ts"), "utf8");
const DEMO = {
  name: "Demo",
  email: /DEMO_EMAIL = "([^"]+)"/.exec(seed)![1],
  password: /DEMO_PASSWORD = "([^"]+)"/.exec(seed)![1],
};

// Phone first: the screen is laid out for a 390 px wide phone.
test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

test("Pro: repeat Upper A, three sets, rest ends with a spoken cue, a PR, reload keeps everything, finish → Workouts", async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  // The demo account has a complimentary Pro plan (lib/seed/demo.ts).
  await signIn(page, DEMO, "/workouts");
  await page.goto("/settings/billing");
  await expect(page.getByTestId("billing-plan")).toContainText("Pro");

  // Set-end cues ride on the save that completes the set (one round trip), never a request of their own.
  const cueAsks: { via: "save" | "cues"; trigger: string }[] = [];
  page.on("request", (r) => {
    const url = new URL(r.url());
    const body = r.method() === "GET" ? null : (r.postDataJSON() as { trigger?: string; cue?: { trigger: string } } | null);
    if (url.pathname === "/api/live/cues" && body?.trigger) cueAsks.push({ via: "cues", trigger: body.trigger });
    if (url.pathname === "/api/live/workout" && r.method() === "PATCH" && body?.cue) cueAsks.push({ via: "save", trigger: body.cue.trigger });
  });

  await page.goto("/workouts/live");
  await page
    .getByRole("button", { name: /^Repeat Upper A/ })
    .first()
    .click();
  await expect(page.getByTestId("live-workout")).toBeVisible();
  await expect(page.getByTestId("voice-upgrade")).toHaveCount(0);
  const bench = page.locator('[data-testid="live-exercise"]', { hasText: "Bench Press (Barbell)" }).first();
  await expect(bench.getByTestId("last-time")).toContainText(/last: .+×/);
  await screen(page, testInfo, "live-start");

  // A short rest so the test waits for a real timer end (timestamps, not a mocked clock).
  await bench.getByLabel(/Rest after Bench Press/).selectOption("30");
  const rows = bench.getByTestId("set-row");
  for (let i = 0; i < 3; i++) await completeSet(page, rows.nth(i));
  expect(doneSets(await stored(page))).toHaveLength(3);

  const timer = page.getByTestId("rest-timer");
  await expect(timer).toBeVisible();
  await timer.getByRole("button", { name: "−15" }).click();
  await expect(timer).toContainText("Go!", { timeout: 30_000 });

  // The cue was spoken through the one <audio> element: a decodable clip longer than 0.3 s started playing.
  await page.waitForFunction(
    () => {
      const a = document.querySelector<HTMLAudioElement>('[data-testid="cue-audio"]');
      return !!a && Number.isFinite(a.duration) && a.duration > 0.3 && (a.currentTime > 0 || a.ended || !a.paused);
    },
    undefined,
    { timeout: 30_000 },
  );
  expect(await page.locator("audio").count()).toBe(1);
  // Lock screen / earbuds: Media Session metadata names the exercise and set.
  const title = await page.evaluate(() => navigator.mediaSession.metadata?.title ?? "");
  expect(title).toMatch(/Bench Press \(Barbell\) · Set \d+\/\d+|· Set \d+\/\d+/);

  // A PR: a heavy single on a new set → badge on the set, and the cue names the old record.
  await bench.getByRole("button", { name: "Set", exact: true }).click();
  const prRow = rows.last();
  const n = await rows.count();
  await prRow.getByRole("textbox", { name: `Bench Press (Barbell) set ${n} weight (kg)`, exact: true }).fill("300");
  await prRow.getByRole("textbox", { name: `Bench Press (Barbell) set ${n} reps`, exact: true }).fill("1");
  await prRow.getByRole("textbox", { name: `Bench Press (Barbell) set ${n} reps`, exact: true }).blur();
  await completeSet(page, prRow);
  await expect(prRow.getByTestId("pr-badge")).toBeVisible();
  await expect(page.getByText(/PR · 300 kg \(was \d+(\.\d+)?\)/).first()).toBeVisible({ timeout: 20_000 });
  await screen(page, testInfo, "live-pr");
  const setEnds = cueAsks.filter((a) => a.trigger === "set-end");
  expect(setEnds).toEqual(Array.from({ length: 4 }, () => ({ via: "save", trigger: "set-end" })));

  // Reload mid-workout: every set is still there, done, with its badge.
  const before = await stored(page);
  await page.reload();
  await expect(page.getByTestId("live-workout")).toBeVisible();
  await expect(page.locator('[data-testid="set-row"][data-done="1"]')).toHaveCount(4);
  await expect(page.getByTestId("set-pr").first()).toBeVisible();
  expect(doneSets(await stored(page))).toEqual(doneSets(before));

  // Finish → summary → the session is in Workouts with the volume of its working sets.
  const kg = (sets: StoredSet[]) => `${Math.round(sets.reduce((v, s) => v + (s.weightKg ?? 0) * (s.reps ?? 0), 0)).toLocaleString("en-US")} kg`;
  // One definition everywhere: the summary and the Workouts pages both total working sets (warm-ups left out).
  const shown = kg(doneSets(before).filter((s) => s.setType !== "warmup"));
  await page.getByTestId("finish-workout").click();
  await expect(page.getByTestId("live-summary")).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId("summary-volume")).toHaveText(shown);
  await screen(page, testInfo, "live-summary");
  await page.getByRole("link", { name: "View in Workouts" }).click();
  await expect(page.getByText("Live workout").first()).toBeVisible();
  await expect(page.locator("dd", { hasText: shown })).toBeVisible();
  await page.goto("/workouts?source=live");
  await expect(page.getByRole("link", { name: /Upper A/ }).first()).toBeVisible();
  expect((await stored(page)).workout).toBeNull();
});

test("Free: toasts only, an upgrade prompt, and the speech route answers 402", async ({ page }) => {
  await signUp(page, newAccount("Free"));
  await page.goto("/workouts/live");
  await page.getByRole("button", { name: "Start an empty workout" }).click();
  await expect(page.getByTestId("live-workout")).toBeVisible();
  await expect(page.getByTestId("voice-upgrade")).toContainText("Upgrade to Pro");

  await page.getByPlaceholder(/Add an exercise/).fill("bench press barbell");
  await page.getByRole("option", { name: "Bench Press (Barbell)" }).first().click();
  const row = page.getByTestId("set-row").first();
  await row.getByRole("textbox", { name: "Bench Press (Barbell) set 1 weight (kg)", exact: true }).fill("60");
  await row.getByRole("textbox", { name: "Bench Press (Barbell) set 1 reps", exact: true }).fill("5");
  await row.getByRole("textbox", { name: "Bench Press (Barbell) set 1 reps", exact: true }).blur();
  await completeSet(page, row);
  await expect(page.locator("[data-sonner-toast]").first()).toBeVisible({ timeout: 20_000 });

  // No voice on Free: asking for a cue's audio is 402 with the upgrade link.
  const s = await stored(page);
  const ex = s.workout!.state.exercises[0];
  const cue = await page.request.post("/api/live/cues", {
    data: { workoutId: s.workout!.id, trigger: "set-end", exerciseKey: ex.key, setKey: ex.sets[0].key },
  });
  expect(cue.ok()).toBe(true);
  const body = (await cue.json()) as { id: string; voice: boolean; audio: unknown };
  expect(body.voice).toBe(false);
  const audio = await page.request.get(`/api/live/cues/${body.id}/audio`);
  expect(audio.status()).toBe(402);
  expect(await audio.json()).toMatchObject({ code: "voice_requires_upgrade", upgradeUrl: "/pricing" });
  // Only beeps ever went through the audio element (none is a spoken clip).
  const longest = await page.evaluate(() => document.querySelector<HTMLAudioElement>('[data-testid="cue-audio"]')?.duration ?? 0);
  expect(Number.isFinite(longest) ? longest : 0).toBeLessThan(0.3);
});
