import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { expect, test, type Page } from "@playwright/test";
import { newAccount, signUp } from "./helpers/account";
import { screen } from "./helpers/screens";

/** Billing on the embedded defaults: the local test-mode Stripe served by the app itself. */
const run = promisify(execFile);

async function choosePlan(page: Page, plan: "Pro" | "Trainer") {
  await page.goto("/pricing");
  await page.getByRole("link", { name: `Choose ${plan}` }).click();
  await expect(page).toHaveURL(/\/billing\/local\/checkout\/cs_test_/);
  await expect(page.getByTestId("test-mode").first()).toContainText("Test mode — no money moves");
}

async function pay(page: Page, number: string) {
  await page.getByLabel("Card number").fill(number);
  await page.getByLabel("Expiry (MM / YY)").fill("12 / 34");
  await page.getByLabel("CVC").fill("123");
  await page.getByRole("button", { name: /^Subscribe/ }).click();
}

async function subscribePro(page: Page) {
  await signUp(page, newAccount("Payer"));
  await choosePlan(page, "Pro");
  await pay(page, "4242 4242 4242 4242");
  await expect(page).toHaveURL(/\/settings\/billing/);
  await expect(page.getByTestId("billing-plan")).toContainText("Pro");
}

async function openPortal(page: Page) {
  await page.goto("/settings/billing");
  await page.getByRole("link", { name: "Manage billing" }).first().click();
  await expect(page).toHaveURL(/\/billing\/local\/portal\/bps_/);
}

test("signed out, a plan button leads through sign-up to checkout", async ({ page }) => {
  await page.goto("/pricing?interval=year");
  const href = await page.getByRole("link", { name: "Choose Pro" }).getAttribute("href");
  expect(href).toBe(`/sign-up?next=${encodeURIComponent("/billing/checkout?price=spotter_pro_yearly")}`);
  await expect(page.getByText("$120")).toBeVisible();
  // Everything advertised is in this build (live workout mode and the Trainer roster).
  await expect(page.getByText("Coming soon")).toHaveCount(0);
});

test("sign up → /pricing → Pro → pay with 4242 → back on Pro", async ({ page }, testInfo) => {
  await signUp(page, newAccount("Pro"));
  await choosePlan(page, "Pro");
  await expect(page.getByTestId("checkout-amount")).toContainText("$12.00");
  await screen(page, testInfo, "checkout");
  await pay(page, "4242 4242 4242 4242");
  await expect(page).toHaveURL(/\/settings\/billing\?notice=checkout_success/);
  await expect(page.getByTestId("billing-notice")).toContainText("Payment received");
  await expect(page.getByTestId("billing-plan")).toContainText("Pro");
  await expect(page.getByTestId("billing-card")).toHaveText("Visa •••• 4242");
  await expect(page.getByTestId("billing-invoices")).toContainText("$12.00");
  await screen(page, testInfo, "billing-pro");
  await page.goto("/pricing");
  await expect(page.getByTestId("current-plan-pro")).toBeVisible();
});

test("a declined card says so clearly and the account stays Free", async ({ page }) => {
  await signUp(page, newAccount("Declined"));
  await choosePlan(page, "Pro");
  await pay(page, "4000 0000 0000 0002");
  await expect(page.getByTestId("card-error")).toHaveText("Your card was declined.");
  await expect(page).toHaveURL(/\/billing\/local\/checkout\//);
  await page.goto("/settings/billing");
  await expect(page.getByTestId("billing-plan")).toContainText("Free");
});

test("portal → cancel → 'ends on …' → billing advance --days 31 → Free", async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  await subscribePro(page);
  await openPortal(page);
  await page.getByRole("button", { name: "Cancel subscription" }).click();
  await expect(page.getByTestId("portal-period")).toContainText("Ends on");
  await page.getByRole("link", { name: "← Return to Spotter" }).click();
  await expect(page.getByTestId("billing-banner")).toContainText(/Your Pro plan ends on \d+ \w+ \d{4}/);
  await expect(page.getByTestId("billing-period")).toContainText(/\d{4}/);
  await screen(page, testInfo, "billing-canceling");

  const dataDir = path.resolve(".data/e2e");
  const { stdout } = await run(
    process.execPath,
    ["node_modules/tsx/dist/cli.mjs", "--import", "./scripts/server-only-hook.mjs", "scripts/admin.ts", "billing", "advance", "--days", "31"],
    {
      env: { ...process.env, SPOTTER_DATA_DIR: dataDir, DATABASE_URL: "", STRIPE_SECRET_KEY: "", STRIPE_WEBHOOK_SECRET: "" },
    },
  );
  expect(JSON.parse(stdout)).toMatchObject({ via: expect.stringContaining("127.0.0.1") });
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("billing-plan")).toContainText("Free", { timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await screen(page, testInfo, "billing-free-after-advance");
});

test("Pro → Trainer in the portal → prorated invoice shown", async ({ page }, testInfo) => {
  await subscribePro(page);
  await openPortal(page);
  await page.getByRole("button", { name: "Switch to spotter_trainer_monthly" }).click();
  await expect(page.getByTestId("portal-done")).toContainText("prorated");
  await expect(page.getByTestId("portal-plan")).toContainText("Spotter Trainer");
  await page.getByRole("link", { name: /Plan change \(prorated\)/ }).click();
  await expect(page.getByTestId("invoice-lines")).toContainText("Unused time on Spotter Pro");
  await expect(page.getByTestId("invoice-lines")).toContainText("Remaining time on Spotter Trainer");
  await screen(page, testInfo, "prorated-invoice");
  await page.goto("/settings/billing");
  await expect(page.getByTestId("billing-plan")).toContainText("Trainer");
  await expect(page.getByTestId("billing-invoices")).toContainText("Plan change (prorated)");
});
