import { expect, test } from "@playwright/test";
import { newAccount, signUp } from "./helpers/account";
import { screen } from "./helpers/screens";

/**
 * The Trainer plan end to end: a trainer pays for the plan (local test-mode Stripe), hands out a
 * share code, the athlete sees what is shared and accepts, the trainer assigns a programme, the
 * athlete starts today's plan in live mode (the programme is its first source) and finishes it,
 * and the roster's compliance goes from 0 % to 100 %.
 */
test("invite → accept → assign programme → athlete trains → compliance on the roster", async ({ browser }, testInfo) => {
  test.setTimeout(180_000);
  const trainerPage = await (await browser.newContext()).newPage();
  const athletePage = await (await browser.newContext()).newPage();
  const trainer = newAccount("Trainer");
  const athlete = { ...newAccount("Athlete"), name: "Ada Athlete" };

  // The trainer buys the Trainer plan.
  await signUp(trainerPage, trainer);
  await trainerPage.goto("/pricing");
  await trainerPage.getByRole("link", { name: "Choose Trainer" }).click();
  await expect(trainerPage).toHaveURL(/\/billing\/local\/checkout\/cs_test_/);
  await trainerPage.getByLabel("Card number").fill("4242 4242 4242 4242");
  await trainerPage.getByLabel("Expiry (MM / YY)").fill("12 / 34");
  await trainerPage.getByLabel("CVC").fill("123");
  await trainerPage.getByRole("button", { name: /^Subscribe/ }).click();
  await expect(trainerPage.getByTestId("billing-plan")).toContainText("Trainer");

  // A share code.
  await trainerPage.goto("/trainer");
  await expect(trainerPage.getByRole("heading", { level: 1, name: "Your athletes" })).toBeVisible();
  await trainerPage.getByRole("button", { name: "Create a share code" }).click();
  const codeText = await trainerPage.getByTestId("share-code-form").getByRole("status").textContent();
  const code = /([A-Z2-9]{4}-[A-Z2-9]{4})/.exec(codeText ?? "")![1];

  // The athlete enters it, sees exactly what is shared, and accepts.
  await signUp(athletePage, athlete);
  await athletePage.goto("/settings/trainers");
  await athletePage.getByLabel("Have a share code?").fill(code.toLowerCase().replace("-", ""));
  await athletePage.getByRole("button", { name: "Continue" }).click();
  await expect(athletePage).toHaveURL(/\/trainer\/invite\//);
  await expect(athletePage.getByTestId("trainer-sees")).toContainText("Your training log");
  await expect(athletePage.getByTestId("trainer-sees")).toContainText("Read your chats with your coach");
  await screen(athletePage, testInfo, "invitation");
  await athletePage.getByRole("button", { name: /^Accept and share with/ }).click();
  await expect(athletePage).toHaveURL(/\/settings\/trainers\?accepted=1/);
  await expect(athletePage.getByTestId("my-trainers")).toContainText(trainer.name);

  // The trainer writes a one-day-a-week programme and assigns it: today is its first day.
  await trainerPage.goto("/trainer/programmes");
  const form = trainerPage.getByTestId("programme-form-new");
  await form.getByLabel("Name").fill("Base block");
  await form.getByLabel("Weeks").fill("4");
  await form.getByLabel("Days (one per line)").fill("Day A: Bench press 3x5 @75%, Back squat 3x5 @RPE 8");
  await form.getByRole("button", { name: "Create programme" }).click();
  await expect(trainerPage.getByTestId("programme")).toContainText("4 weeks × 1 days");

  await trainerPage.goto("/trainer");
  const row = trainerPage.getByTestId("roster-row").filter({ hasText: "Ada Athlete" });
  await row.getByRole("link", { name: "Ada Athlete" }).click();
  await trainerPage.getByTestId("assign-form").getByRole("button", { name: "Assign programme" }).click();
  await expect(trainerPage.getByTestId("assign-form")).toContainText("Assigned, starting");
  await expect(trainerPage.getByTestId("today-plan")).toContainText("Bench press 3x5 @75%");

  await trainerPage.goto("/trainer");
  await expect(row.getByTestId("compliance-7")).toHaveText("0%");
  await expect(row.getByTestId("week-count")).toHaveText("0 / 1");

  // The athlete sees today's plan and does it in live mode.
  await athletePage.goto("/settings/trainers");
  await expect(athletePage.getByTestId("today-plan")).toContainText("Day A");
  await athletePage.goto("/workouts/live");
  await expect(athletePage.getByTestId("live-start")).toContainText("Day A (Base block)");
  await expect(athletePage.getByTestId("live-start")).toContainText("Today in your programme: Base block, week 1, Day A.");
  await athletePage.getByRole("button", { name: "Start today's plan" }).click();
  await expect(athletePage.getByTestId("live-workout")).toBeVisible();
  const bench = athletePage.locator('[data-testid="live-exercise"]', { hasText: "Bench Press" }).first();
  const first = bench.getByTestId("set-row").first();
  await first.getByRole("textbox", { name: /set 1 weight \(kg\)/ }).fill("60");
  await expect(first.getByRole("textbox", { name: /set 1 reps/ })).toHaveValue("5");
  await first.getByRole("textbox", { name: /set 1 weight \(kg\)/ }).blur();
  await first.getByTestId("complete-set").click();
  await expect(first).toHaveAttribute("data-done", "1");
  await expect(athletePage.locator('[data-sync="saved"]')).toBeVisible();
  await athletePage.getByTestId("finish-workout").click();
  await expect(athletePage.getByTestId("live-summary")).toBeVisible({ timeout: 20_000 });

  // Compliance updates on the roster, and the athlete can see the trainer's reads.
  await trainerPage.goto("/trainer");
  await expect(row.getByTestId("compliance-7")).toHaveText("100%");
  await expect(row.getByTestId("week-count")).toHaveText("1 / 1");
  await screen(trainerPage, testInfo, "roster");
  await athletePage.goto("/settings/trainers");
  await expect(athletePage.getByTestId("trainer-reads")).toContainText("training log");
});
