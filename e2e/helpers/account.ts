import { expect, type Page } from "@playwright/test";
import { randomBytes } from "node:crypto";

export interface TestAccount {
  name: string;
  email: string;
  password: string;
}

/** A fresh, unique account (the e2e server starts on an empty database, but reruns must not collide). */
export function newAccount(label: string): TestAccount {
  const id = `${Date.now().toString(36)}${randomBytes(3).toString("hex")}`;
  return { name: `${label} Tester`, email: `${label.toLowerCase()}-${id}@e2e.spotter.test`, password: `Lift-${id}-heavy!` };
}

export async function signUp(page: Page, account: TestAccount) {
  await page.goto("/sign-up");
  await page.locator("#sign-up-name").fill(account.name);
  await page.locator("#sign-up-email").fill(account.email);
  await page.locator("#sign-up-password").fill(account.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-up"));
}

export async function signIn(page: Page, account: TestAccount, next?: string) {
  await page.goto(next ? `/sign-in?next=${encodeURIComponent(next)}` : "/sign-in");
  await page.locator("#sign-in-email").fill(account.email);
  await page.locator("#sign-in-password").fill(account.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
}

/** Signs out through the account menu, as a person would. */
export async function signOut(page: Page) {
  await page.getByRole("button", { name: /^Account menu for/ }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await page.waitForURL((url) => url.pathname === "/");
  await page.goto("/workouts");
  await expect(page).toHaveURL(/\/sign-in/);
}
