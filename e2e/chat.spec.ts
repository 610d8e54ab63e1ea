import fs from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { newAccount, signIn, signUp } from "./helpers/account";
import { screen } from "./helpers/screens";

// The demo account is seeded on the fresh e2e database; read its credentials from the seed itself
// so this test follows any change there.
const seed = fs.readFileSync(path.join(import.meta.dirname, "..", "lib", "seed", "demo.ts"), "utf8");
const DEMO = {
  name: "Demo",
  email: /DEMO_EMAIL = "([^"]+)"/.exec(seed)![1],
  password: /DEMO_PASSWORD = "([^"]+)"/.exec(seed)![1],
};

const lastAssistant = (page: Page) => page.locator('[data-testid="chat-message"][data-role="assistant"]').last();

/** Sends a message and waits until the reply is stored complete (the finish chunk carries the status). */
async function ask(page: Page, text: string): Promise<Locator> {
  const before = await page.locator('[data-role="assistant"]').count();
  await page.getByTestId("chat-input").fill(text);
  await page.getByTestId("chat-send").click();
  await expect(page.locator('[data-role="assistant"]')).toHaveCount(before + 1, { timeout: 30_000 });
  const reply = lastAssistant(page);
  await expect(reply).toHaveAttribute("data-status", "complete", { timeout: 45_000 });
  await expect(page.getByTestId("chat-send")).toBeVisible();
  return reply;
}

/** Numbers followed by "kg" in a sentence: "from 101.3 kg … to 151.3 kg" → [101.3, 151.3]. */
function kgNumbers(text: string): number[] {
  return [...text.matchAll(/(\d+(?:[.,]\d+)?)\s?kg\b/g)].map((m) => Number(m[1].replace(",", "")));
}

test("chat: answers from the user's data with a chart, logs a workout, stops a reply, and stays private", async ({ page, browser }, testInfo) => {
  test.setTimeout(180_000);
  await signIn(page, DEMO, "/chat");
  await expect(page).toHaveURL(/\/chat$/);
  await expect(page.getByTestId("chat-model")).toContainText("Built-in offline coach");

  // 1. A progress question from the starter list: streamed answer, chart, data and SQL.
  await page.getByRole("button", { name: "How has my squat progressed over the last 6 months?" }).click();
  await expect(page).toHaveURL(/\/chat\/[0-9a-f-]{36}$/, { timeout: 30_000 });
  const conversationUrl = page.url();
  const conversationId = conversationUrl.split("/").at(-1)!;
  const reply = lastAssistant(page);
  await expect(reply).toHaveAttribute("data-status", "complete", { timeout: 45_000 });
  await expect(page.getByTestId("chat-title")).toHaveText(/squat/i);

  const chart = reply.getByTestId("chat-chart");
  await expect(chart.locator("canvas").first()).toBeVisible();

  const answer = (await reply.getByTestId("chat-text").first().locator("p").first().innerText()).trim();
  const claimed = kgNumbers(answer);
  expect(claimed.length, `numbers in "${answer}"`).toBeGreaterThanOrEqual(2);

  await chart.getByRole("button", { name: "Show data" }).click();
  const table = chart.getByTestId("chat-chart-data");
  await expect(table).toBeVisible();
  const cells = (await table.locator("td").allInnerTexts()).map((t) => Number(t.replace(/,/g, ""))).filter((n) => Number.isFinite(n));
  for (const n of claimed) {
    expect(
      cells.some((c) => Math.abs(c - n) < 0.051),
      `${n} kg from the answer is in the data table`,
    ).toBe(true);
  }

  await chart.getByRole("button", { name: "Show SQL" }).click();
  await expect(chart.getByTestId("chat-chart-sql")).toContainText(/select/i);
  await expect(chart.getByTestId("chat-chart-sql")).toContainText(/from sets/i);
  await screen(page, testInfo, "chat-answer-chart");

  // The stored conversation (API) holds the same numbers the page showed.
  const stored = await (await page.request.get(`/api/chat/${conversationId}`)).json();
  const storedChart = stored.messages[1].parts.find((p: { type: string }) => p.type === "data-chart");
  expect(storedChart.data.rows.length).toBe(await table.locator("tbody tr").count());

  // 2. Logging a workout: confirmation card → confirm → it is in Workouts.
  await ask(page, "bench 3x8 at 60kg");
  const card = lastAssistant(page).getByTestId("workout-draft-card");
  await expect(card).toBeVisible();
  await expect(card.getByTestId("draft-set")).toHaveCount(3);
  await expect(card.getByLabel(/set 1 weight/)).toHaveValue("60");
  await expect(card.getByLabel(/set 1 reps/)).toHaveValue("8");
  await screen(page, testInfo, "chat-draft-card");
  await card.getByRole("button", { name: "Confirm and log" }).click();
  const saved = lastAssistant(page).getByTestId("draft-saved");
  await expect(saved).toContainText("3 sets logged");
  await saved.getByRole("link", { name: "View in Workouts" }).click();
  await expect(page).toHaveURL(/\/workouts\/[0-9a-f-]{36}$/);
  await expect(page.getByText("Bench Press").first()).toBeVisible();
  const setRows = page.getByRole("row").filter({ hasText: "60 kg" });
  await expect(setRows).toHaveCount(3);
  await expect(setRows.first()).toContainText("8");

  // 3. Stopping a reply keeps the partial answer, also after a reload.
  let stoppedUrl = "";
  let partial = "";
  for (const question of [
    "What was my weekly volume by muscle group this quarter?",
    "Show my training consistency this year",
    "How has my bench press progressed this year?",
  ]) {
    await page.goto("/chat");
    await page.getByTestId("chat-input").fill(question);
    // Press Stop the moment the answer's first words render (the offline coach streams a short
    // answer in well under a second, faster than an assertion loop could react).
    await page.evaluate(() => {
      const observer = new MutationObserver(() => {
        const texts = document.querySelectorAll('[data-role="assistant"] [data-testid="chat-text"]');
        const last = texts[texts.length - 1];
        const stop = document.querySelector<HTMLButtonElement>('[data-testid="chat-stop"]');
        if (last && (last.textContent ?? "").trim().length >= 12 && stop) {
          observer.disconnect();
          stop.click();
        }
      });
      observer.observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await page.getByTestId("chat-send").click();
    const reply = lastAssistant(page);
    await expect(reply).toHaveAttribute("data-status", /stopped|complete/, { timeout: 45_000 });
    if ((await reply.getAttribute("data-status")) === "complete") continue; // finished first: try a longer answer
    const text = reply.getByTestId("chat-text").first();
    await expect(reply.getByTestId("chat-stopped")).toBeVisible();
    partial = (await text.innerText()).trim();
    // On a busy machine the browser can render the first words after the server has already
    // written the whole answer; then the stop came too late and the stored reply is complete.
    await page.reload();
    await expect(lastAssistant(page)).toHaveAttribute("data-status", /stopped|complete/);
    if ((await lastAssistant(page).getAttribute("data-status")) === "complete") continue;
    stoppedUrl = page.url();
    break;
  }
  expect(stoppedUrl, "a reply was stopped mid-way and stored as stopped").toMatch(/\/chat\/[0-9a-f-]{36}$/);
  await page.goto(stoppedUrl);
  const reloaded = lastAssistant(page);
  await expect(reloaded).toHaveAttribute("data-status", "stopped");
  await expect(reloaded.getByTestId("chat-stopped")).toContainText("partial");
  const kept = (await reloaded.getByTestId("chat-text").first().innerText()).trim();
  expect(kept.length).toBeGreaterThan(0);
  expect(kept.startsWith(partial.slice(0, Math.min(partial.length, 40)))).toBe(true);
  await screen(page, testInfo, "chat-stopped");

  // 4. Another user gets 404 for the conversation page and its API endpoints.
  const other = await browser.newContext();
  const page2 = await other.newPage();
  await signUp(page2, newAccount("Snoop"));
  const pageResponse = await page2.goto(conversationUrl);
  expect(pageResponse?.status()).toBe(404);
  expect((await page2.request.get(`/api/chat/${conversationId}`)).status()).toBe(404);
  const post = await page2.request.post("/api/chat", {
    data: { conversationId, message: { id: randomUUID(), text: "let me in" } },
  });
  expect(post.status()).toBe(404);
  const list = await (await page2.request.get("/api/chat/conversations")).json();
  expect(list.items.map((c: { id: string }) => c.id)).not.toContain(conversationId);
  await other.close();

  // The owner's conversation is untouched.
  const after = await (await page.request.get(`/api/chat/${conversationId}`)).json();
  expect(after.messages).toHaveLength(stored.messages.length + 2);
});
