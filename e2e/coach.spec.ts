import { expect, test, type Locator, type Page } from "@playwright/test";
import { newAccount, signUp } from "./helpers/account";
import { screen } from "./helpers/screens";

const BEGINNER = [
  "I want to lose weight and get fitter",
  "I'm new to this, never lifted",
  "3 days a week",
  "my left knee is a bit dodgy",
  "a local gym",
  "lots of encouragement please",
  "Alice",
  "kg",
];
const ADVANCED = [
  "Strength. I compete in powerlifting and want a bigger total",
  "9 years; I run RPE-based block periodization and track e1RM",
  "5 days a week",
  "old right shoulder impingement, careful with overhead work",
  "garage gym with a rack",
  "direct, no sugar-coating",
  "Aiden",
  "pounds",
];

const progressText = (page: Page) => page.getByTestId("interview-progress-text");

/** Types an answer as a person would (Enter sends) and waits for the coach's next message. */
async function answer(page: Page, text: string) {
  const turns = page.getByTestId("interview-turn");
  const before = await turns.count();
  await page.getByTestId("interview-input").fill(text);
  await page.getByTestId("interview-input").press("Enter");
  await expect(turns).toHaveCount(before + 2);
}

async function startInterview(page: Page) {
  await expect(page).toHaveURL(/\/coach\/new$/);
  await page.getByTestId("start-interview").click();
  await page.waitForURL(/\/coach\/interviews\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("interview-question")).toBeVisible();
  await expect(progressText(page)).toHaveText("0 of 8");
  // No level is claimed before any answer says something about it.
  await expect(page.getByTestId("interview-level")).toHaveCount(0);
}

async function buildCoach(page: Page, answers: string[]): Promise<string> {
  await startInterview(page);
  for (const a of answers) await answer(page, a);
  await expect(progressText(page)).toHaveText("8 of 8");
  await page.getByTestId("interview-finish").click();
  await page.waitForURL(/\/coach\/[0-9a-f-]{36}\?created=1$/);
  await expect(page.getByTestId("coach-created")).toBeVisible();
  return new URL(page.url()).pathname.split("/").pop()!;
}

async function chat(page: Page, text: string): Promise<Locator> {
  const replies = page.locator('[data-testid="chat-message"][data-role="assistant"]');
  const before = await replies.count();
  await page.getByTestId("chat-input").fill(text);
  await page.getByTestId("chat-send").click();
  await expect(replies).toHaveCount(before + 1, { timeout: 30_000 });
  const reply = replies.last();
  await expect(reply).toHaveAttribute("data-status", "complete", { timeout: 45_000 });
  return reply;
}

test("coach creator: a beginner and an advanced lifter get different coaches, and the coach answers in the chat", async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(240_000);

  // Beginner: sign-up lands on the coach creator.
  await signUp(page, newAccount("Novice"));
  await buildCoach(page, BEGINNER);
  await expect(page.getByTestId("coach-name")).toHaveText("Alice");
  await expect(page.getByTestId("coach-level")).toHaveText("beginner");
  await expect(page.getByTestId("coach-methodology")).toContainText("Novice linear progression");
  await expect(page.getByTestId("coach-persona")).toContainText("Enthusiastic and supportive");
  // A vague injury gets cautions (not bans), each showing the words it came from.
  await expect(page.getByTestId("coach-safety")).toContainText("Careful with jumping and plyometrics");
  await expect(page.getByTestId("coach-safety-source").first()).toContainText("my left knee is a bit dodgy");
  await expect(page.getByTestId("coach-safety")).toContainText("at most 10 %");
  await expect(page.getByTestId("coach-primary")).toBeVisible();
  await screen(page, testInfo, "beginner-coach");

  await page.goto("/chat");
  const hello = await chat(page, "hello");
  await expect(hello).toContainText("I'm Alice");

  // Advanced lifter in a separate browser.
  const ctx = await browser.newContext();
  const adv = await ctx.newPage();
  await signUp(adv, newAccount("Veteran"));
  await startInterview(adv);
  // The first answer reads as advanced: the next question uses the jargon.
  await answer(adv, ADVANCED[0]);
  await answer(adv, ADVANCED[1]);
  await expect(adv.getByTestId("interview-level")).toContainText("Advanced");
  await expect(adv.getByTestId("interview-question")).toContainText("training frequency");
  for (const a of ADVANCED.slice(2)) await answer(adv, a);
  await expect(progressText(adv)).toHaveText("8 of 8");
  await adv.getByTestId("interview-finish").click();
  await adv.waitForURL(/\/coach\/[0-9a-f-]{36}\?created=1$/);
  await expect(adv.getByTestId("coach-name")).toHaveText("Aiden");
  await expect(adv.getByTestId("coach-level")).toHaveText("advanced lifter");
  await expect(adv.getByTestId("coach-methodology")).toContainText("RPE-based block periodization");
  await expect(adv.getByTestId("coach-persona")).toContainText("Direct and motivational");
  await expect(adv.getByTestId("coach-safety")).toContainText("Careful with overhead pressing");
  await expect(adv.getByTestId("coach-safety")).toContainText("“old right shoulder impingement, careful with overhead work”");
  await expect(adv.getByTestId("coach-safety")).not.toContainText("No overhead pressing");
  await expect(adv.getByTestId("coach-safety")).toContainText("at most 5 %");
  await screen(adv, testInfo, "advanced-coach");

  await adv.goto("/chat");
  await expect(await chat(adv, "hello")).toContainText("Aiden here.");
  const shoulders = await chat(adv, "Suggest shoulder exercises");
  await expect(shoulders).toContainText("leaving out overhead pressing");
  await screen(adv, testInfo, "advanced-chat");
  await ctx.close();
});

test("coach creator: closing the tab midway resumes at the same question; other users get 404", async ({ page, context, browser }, testInfo) => {
  test.setTimeout(180_000);
  const owner = newAccount("Pauser");
  await signUp(page, owner);
  await startInterview(page);
  await answer(page, "I want to get stronger");
  await answer(page, "I've done CrossFit for 2 years, 4 days a week, bad left shoulder");
  await expect(progressText(page)).toHaveText("4 of 8");
  await expect(page.getByTestId("interview-question")).toContainText("equipment");
  const interviewUrl = page.url();
  await page.close();

  // Come back later in a new tab.
  const back = await context.newPage();
  await back.goto("/coach/new");
  await expect(back.getByTestId("resume-card")).toBeVisible();
  await back.getByTestId("resume-interview").click();
  await back.waitForURL(interviewUrl);
  await expect(progressText(back)).toHaveText("4 of 8");
  await expect(back.getByTestId("interview-progress")).toHaveAttribute("aria-valuenow", "4");
  await expect(back.getByTestId("interview-question")).toContainText("equipment");
  await expect(back.getByTestId("interview-turn").filter({ hasText: "bad left shoulder" })).toHaveCount(1);
  await screen(back, testInfo, "resumed");

  // Finish early: defaults for the rest, and a coach that is careful with the shoulder (a vague
  // injury gets cautions, not bans) and says where that came from.
  await answer(back, "commercial gym");
  await back.getByTestId("interview-finish").click();
  await back.waitForURL(/\/coach\/[0-9a-f-]{36}\?created=1$/);
  await expect(back.getByTestId("coach-safety")).toContainText("Careful with overhead pressing");
  await expect(back.getByTestId("coach-safety-source").first()).toContainText("bad left shoulder");
  const coachPath = new URL(back.url()).pathname;

  // A second user cannot open either.
  const ctx = await browser.newContext();
  const other = await ctx.newPage();
  await signUp(other, newAccount("Snoop"));
  for (const path of [new URL(interviewUrl).pathname, coachPath]) {
    const res = await other.goto(path);
    expect(res?.status()).toBe(404);
    await expect(other.getByText(/bench press|Pauser|left shoulder/i)).toHaveCount(0);
  }
  await ctx.close();
  // …while the owner still can.
  await back.goto(coachPath);
  await expect(back.getByTestId("coach-name")).toBeVisible();
});
