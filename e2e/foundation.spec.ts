import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { newAccount, signIn, signOut, signUp } from "./helpers/account";
import { screen } from "./helpers/screens";

const FIXTURE = path.join(import.meta.dirname, "fixtures", "hevy-4-workouts.csv");
const WORKOUT_NAMES = [
  "Lower // Ramp // Strength // 1",
  "Push // Ramp // Hypertrophy // 1",
  "Pull // Ramp // Hypertrophy // 1",
  "Legs // Ramp // Hypertrophy // 1",
];

/** Rewrites every server-action POST from this page, swapping one id for another (a tampering client). */
async function tamperActionIds(page: Page, from: string, to: string) {
  await page.route("**/*", async (route) => {
    const req = route.request();
    if (req.method() === "POST" && req.headers()["next-action"]) {
      const body = req.postData() ?? "";
      if (body.includes(from)) return route.continue({ postData: body.replaceAll(from, to) });
    }
    return route.continue();
  });
}

test("foundation: sign-up, import, training log, and ownership between two users", async ({ page, context }, testInfo) => {
  test.setTimeout(Number(process.env.E2E_FOUNDATION_TIMEOUT_MS ?? 120_000));
  const alice = newAccount("Alice");
  const bob = newAccount("Bob");

  // Landing → pricing.
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await screen(page, testInfo, "landing");
  await page.getByRole("banner").getByRole("link", { name: "Pricing" }).click();
  await expect(page).toHaveURL(/\/pricing$/);
  await expect(page.getByText("Trainer").first()).toBeVisible();
  await screen(page, testInfo, "pricing");

  // Sign up, then sign in again from a clean browser.
  await signUp(page, alice);
  await context.clearCookies();
  await signIn(page, alice);

  // Settings → Import a Hevy export.
  await page.goto("/settings");
  await expect(page.getByRole("heading", { name: "Settings", level: 1 })).toBeVisible();
  await page.getByLabel("Export file (CSV)").setInputFiles(FIXTURE);
  await page.getByRole("button", { name: "Import workouts" }).click();
  const summary = page.getByRole("status").filter({ hasText: "Imported 4 workouts" });
  await expect(summary).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId("import-summary")).toContainText("Hevy (metric)");
  await expect(page.getByTestId("import-summary")).toContainText("4 workouts, 98 sets");
  await screen(page, testInfo, "import-result");

  // Importing the same file again adds nothing and says so.
  await page.getByLabel("Export file (CSV)").setInputFiles(FIXTURE);
  await page.getByRole("button", { name: "Import workouts" }).click();
  await expect(page.getByText(/Already imported/)).toBeVisible({ timeout: 30_000 });

  // Workouts: the four sessions, newest first.
  await page.getByRole("link", { name: "Go to your workouts" }).click();
  await expect(page).toHaveURL(/\/workouts$/);
  const rows = page.locator("tbody tr");
  await expect(rows).toHaveCount(4);
  for (const [i, name] of WORKOUT_NAMES.entries()) await expect(rows.nth(i)).toContainText(name);
  await expect(rows.first()).toContainText("15 Sep 2025");
  await screen(page, testInfo, "workouts");

  // Open one.
  await page.getByRole("link", { name: WORKOUT_NAMES[0] }).click();
  await expect(page.getByRole("heading", { level: 1, name: WORKOUT_NAMES[0] })).toBeVisible();
  await expect(page.getByText("Imported from Hevy")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Seated Leg Curl (Machine)" })).toBeVisible();
  await expect(page.getByText("Warm-up").first()).toBeVisible();
  const aliceSessionUrl = new URL(page.url()).pathname;
  const aliceSessionId = aliceSessionUrl.split("/").pop()!;
  const setCountBefore = await page.locator("tbody tr").count();
  expect(setCountBefore).toBe(25);
  await screen(page, testInfo, "session-detail");
  await signOut(page);

  // Bob: his own account, then Alice's session is simply not there for him.
  await signUp(page, bob);
  const foreign = await page.goto(aliceSessionUrl);
  expect(foreign?.status()).toBe(404);
  // the 404 keeps Bob inside the app: its navigation and his account menu are still there
  await expect(page.getByRole("heading", { name: "We couldn’t find that page." })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "App" }).first()).toBeAttached();
  await expect(page.getByRole("link", { name: "Ask your coach" })).toBeVisible();
  // the footer names each seam's implementation, and says plainly what this build does not have
  const services = page.getByRole("region", { name: "Running on this server" });
  await expect(services).toContainText("Built-in offline coach· built-in");
  await expect(services).toContainText("Embedded voices (Flite)· built-in");
  await expect(services).toContainText("Spoken cues in live workout mode (Pro)");
  await screen(page, testInfo, "foreign-session-404");
  expect((await page.goto(`${aliceSessionUrl}/edit`))?.status()).toBe(404);

  // Bob logs a workout by hand through the form.
  await page.goto("/workouts/new");
  await page.getByLabel("Name", { exact: true }).fill("Bob's bench day");
  await page.getByRole("combobox", { name: "Exercise 1", exact: true }).fill("Bench Press (Barbell)");
  await page.getByLabel("Set 1 weight in kg").fill("80");
  await page.getByLabel("Set 1 reps").fill("5");
  await page.getByLabel("Set 1 reps").press("Enter"); // adds set 2, copying the weight
  await expect(page.getByLabel("Set 2 weight in kg")).toBeFocused();
  await expect(page.getByLabel("Set 2 weight in kg")).toHaveValue("80");
  await page.getByLabel("Set 2 reps").fill("");
  await page.getByRole("button", { name: "Add workout" }).click();
  await expect(page.getByText("Enter reps, weight or both").or(page.getByText("Some fields need attention"))).toHaveCount(0);
  await page.waitForURL(/\/workouts\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1, name: "Bob's bench day" })).toBeVisible();
  const bobSessionId = new URL(page.url()).pathname.split("/").pop()!;

  // A tampering client swaps Bob's id for Alice's in the update and delete actions.
  await tamperActionIds(page, bobSessionId, aliceSessionId);
  await page.getByRole("link", { name: "Edit" }).click();
  await page.getByLabel("Name", { exact: true }).fill("Hijacked by Bob");
  await page.getByRole("button", { name: "Save workout" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "This workout no longer exists." })).toBeVisible();
  await screen(page, testInfo, "tampered-update-refused");

  await page.goto(`/workouts/${bobSessionId}`);
  await page.getByRole("button", { name: "Delete" }).click();
  await page.getByRole("button", { name: "Delete workout" }).click();
  await expect(page.getByRole("dialog").getByText("This workout no longer exists.")).toBeVisible();
  await screen(page, testInfo, "tampered-delete-refused");
  await page.getByRole("button", { name: "Keep it" }).click();
  await page.unroute("**/*");
  // Bob's own workout was not touched either: the rewritten requests only ever named Alice's.
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Bob's bench day" })).toBeVisible();
  await signOut(page);

  // Alice's session is intact.
  await signIn(page, alice, aliceSessionUrl);
  await expect(page).toHaveURL(new RegExp(`${aliceSessionUrl}$`));
  await expect(page.getByRole("heading", { level: 1, name: WORKOUT_NAMES[0] })).toBeVisible();
  await expect(page.locator("tbody tr")).toHaveCount(setCountBefore);
  await page.goto("/workouts");
  await expect(page.locator("tbody tr")).toHaveCount(4);
  await expect(page.getByText("Hijacked by Bob")).toHaveCount(0);
  await screen(page, testInfo, "alice-intact");
});
