import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { readZip } from "../tests/helpers/zip-reader";
import { newAccount, signUp } from "./helpers/account";
import { screen } from "./helpers/screens";

const FIXTURE = path.join(import.meta.dirname, "fixtures", "hevy-4-workouts.csv");

test("privacy: body metrics, consent, retention, export ZIP that re-imports, delete account → signed out for good", async ({
  page,
  context,
}, testInfo) => {
  test.setTimeout(180_000);
  const alice = newAccount("Privacy");
  await signUp(page, alice);

  await page.goto("/settings");
  await page.getByLabel("Export file (CSV)").setInputFiles(FIXTURE);
  await page.getByRole("button", { name: "Import workouts" }).click();
  await expect(page.getByTestId("import-summary")).toContainText("4 workouts, 98 sets", { timeout: 30_000 });

  // Body metrics: log a day, see it listed.
  await page.goto("/workouts/body");
  await page.getByLabel("Bodyweight (kg)").fill("81.5");
  await page.getByLabel("Sleep (hours)").fill("7.5");
  await page.getByLabel("Resting HR (bpm)").fill("300");
  await page.getByRole("button", { name: "Log" }).click();
  await expect(page.getByText(/between 20 and 250/)).toBeVisible();
  await page.getByLabel("Resting HR (bpm)").fill("52");
  await page.getByRole("button", { name: "Log" }).click();
  await expect(page.getByTestId("body-metrics")).toContainText("81.5 kg");
  await expect(page.getByTestId("body-metrics")).toContainText("52 bpm");

  // Settings → Privacy: consent is off until opted in; retention saves.
  await page.goto("/settings/privacy");
  await expect(page.getByRole("heading", { name: "Privacy", level: 1 })).toBeVisible();
  await expect(page.getByTestId("consent-status")).toHaveText("Off");
  await page.getByRole("button", { name: /I agree/ }).click();
  await expect(page.getByTestId("consent-status")).toHaveText("On — you agreed");
  await page.getByLabel(/Keep chat and cue history/).fill("30");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("History is now kept 30 days")).toBeVisible();
  await expect(page.getByTestId("access-log-empty")).toBeVisible();
  await screen(page, testInfo, "privacy-settings");

  // Export: a valid ZIP with the JSON files and a CSV.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-download").click()]);
  expect(download.suggestedFilename()).toMatch(/^spotter-export-.*\.zip$/);
  const zipPath = testInfo.outputPath("export.zip");
  await download.saveAs(zipPath);
  const files = readZip(fs.readFileSync(zipPath));
  for (const name of ["account.json", "sessions.json", "workouts.csv", "body-metrics.json", "consents.json", "access-log.json"])
    expect(files.has(name)).toBe(true);
  expect(JSON.parse(files.get("account.json")!.toString()).user.email).toBe(alice.email);
  expect(JSON.parse(files.get("sessions.json")!.toString()).items).toHaveLength(4);
  expect(JSON.parse(files.get("body-metrics.json")!.toString()).items[0]).toMatchObject({ bodyweightKg: 81.5, restingHr: 52 });
  const csvPath = testInfo.outputPath("workouts.csv");
  fs.writeFileSync(csvPath, files.get("workouts.csv")!);

  // Delete: a wrong password deletes nothing; the right one signs out.
  await page.getByLabel("Your password").fill("not-my-password");
  await page.getByLabel("Type DELETE to confirm").fill("DELETE");
  await page.getByRole("button", { name: "Delete my account and all my data" }).click();
  await expect(page.getByText(/password is not right/).first()).toBeVisible();
  await page.getByLabel("Your password").fill(alice.password);
  await page.getByRole("button", { name: "Delete my account and all my data" }).click();
  await page.waitForURL(/\/sign-in\?notice=account-deleted/);
  await expect(page.getByText("Your account is deleted")).toBeVisible();
  await page.goto("/workouts");
  await expect(page).toHaveURL(/\/sign-in/);

  // The old password no longer signs in.
  await page.locator("#sign-in-email").fill(alice.email);
  await page.locator("#sign-in-password").fill(alice.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("alert").first()).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);

  // The exported CSV re-imports into a fresh account as the same 4 workouts and 98 sets.
  await context.clearCookies();
  const bob = newAccount("Reimport");
  await signUp(page, bob);
  await page.goto("/settings");
  await page.getByLabel("Export file (CSV)").setInputFiles(csvPath);
  await page.getByRole("button", { name: "Import workouts" }).click();
  await expect(page.getByTestId("import-summary")).toContainText("4 workouts, 98 sets", { timeout: 30_000 });
  await screen(page, testInfo, "reimported");
});
