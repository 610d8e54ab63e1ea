import { expect, test, type Page, type Request } from "@playwright/test";
import { newAccount, signUp } from "./helpers/account";
import { completeSet, doneSets, stored } from "./helpers/live";

/**
 * Live workout mode when the network misbehaves: the offline queue in localStorage, saves that never
 * arrive, a save whose answer never arrives (then a reload), and the Screen Wake Lock.
 */

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

const BENCH = "Bench Press (Barbell)";
const SQUAT = "Squat (Barbell)";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const PATCH_URL = "**/api/live/workout";

async function startEmpty(page: Page, label: string) {
  await signUp(page, newAccount(label));
  await page.goto("/workouts/live");
  await page.getByRole("button", { name: "Start an empty workout" }).click();
  await expect(page.getByTestId("live-workout")).toBeVisible();
}

const exerciseCard = (page: Page, name: string) => page.locator(`[data-testid="live-exercise"][data-exercise="${name}"]`);

async function addExercise(page: Page, query: string, name: string) {
  await page.getByPlaceholder(/Add an exercise/).fill(query);
  await page.getByRole("option", { name, exact: true }).first().click();
  const card = exerciseCard(page, name);
  await expect(card).toBeVisible();
  return card;
}

async function fillSet(page: Page, name: string, n: number, kg: number, reps: number) {
  const card = exerciseCard(page, name);
  const row = card.getByTestId("set-row").nth(n - 1);
  await row.getByRole("textbox", { name: `${name} set ${n} weight (kg)`, exact: true }).fill(String(kg));
  const r = row.getByRole("textbox", { name: `${name} set ${n} reps`, exact: true });
  await r.fill(String(reps));
  await r.blur();
  return row;
}

interface QueuedEntry {
  id: string;
  op: { op: string };
}

const storedQueue = (page: Page, workoutId: string) =>
  page.evaluate((k) => JSON.parse(localStorage.getItem(k) ?? "[]") as QueuedEntry[], `spotter.live.queue.${workoutId}`);

const opIdsOf = (req: Request) => ((req.postDataJSON() as { ops?: QueuedEntry[] } | null)?.ops ?? []).map((q) => q.id);

test("offline: changes wait in localStorage; saves that fail are sent again and the server has each change once", async ({ page, context }) => {
  test.setTimeout(120_000);
  await startEmpty(page, "Offline");
  const bench = await addExercise(page, "bench press barbell", BENCH);
  await completeSet(page, await fillSet(page, BENCH, 1, 60, 5));
  const workoutId = (await stored(page)).workout!.id;

  // Offline: a new set with new numbers, completed, and the rest stretched by 15 s.
  await context.setOffline(true);
  await bench.getByRole("button", { name: "Set", exact: true }).click();
  const row2 = await fillSet(page, BENCH, 2, 62.5, 5);
  await row2.getByTestId("complete-set").click();
  await expect(row2).toHaveAttribute("data-done", "1");
  await page.getByTestId("rest-timer").getByRole("button", { name: "+15" }).click();
  await expect(page.locator('[data-sync="offline"]')).toHaveText(/offline — \d+ queued/);
  const queue = await storedQueue(page, workoutId);
  expect(queue.map((q) => q.op.op)).toEqual(expect.arrayContaining(["addSet", "updateSet", "completeSet", "restAdjust"]));
  for (const q of queue) expect(q.id).toMatch(UUID);
  expect(new Set(queue.map((q) => q.id)).size).toBe(queue.length);
  await expect(page.locator('[data-sync="offline"]')).toHaveText(`offline — ${queue.length} queued`);
  expect(doneSets(await stored(page))).toHaveLength(1);

  // Back online, but every save is lost on the way (the request never reaches the server).
  let lostRequests = 0;
  await page.route(PATCH_URL, (route) => {
    if (route.request().method() !== "PATCH") return route.continue();
    lostRequests++;
    return route.abort("internetdisconnected");
  });
  await context.setOffline(false);
  await expect.poll(() => lostRequests, { timeout: 15_000 }).toBeGreaterThan(0);
  await expect(page.locator('[data-sync="offline"]')).toBeVisible();
  expect(doneSets(await stored(page))).toHaveLength(1);
  expect((await storedQueue(page, workoutId)).map((q) => q.id)).toEqual(queue.map((q) => q.id));

  // The network heals: the queue goes out on the next retry and empties.
  await page.unroute(PATCH_URL);
  await expect(page.locator('[data-sync="saved"]')).toBeVisible({ timeout: 20_000 });
  await expect.poll(() => storedQueue(page, workoutId)).toEqual([]);
  const s = await stored(page);
  const sets = s.workout!.state.exercises[0].sets;
  expect(sets.map((x) => [x.weightKg, x.reps, Boolean(x.completedAt)])).toEqual([
    [60, 5, true],
    [62.5, 5, true],
  ]);
  expect(s.workout!.state.rest!.seconds).toBe(180 + 15);
  expect(s.workout!.appliedOpIds).toEqual(expect.arrayContaining(queue.map((q) => q.id)));

  // The screen after a reload is the server's: two sets, both done.
  await page.reload();
  await expect(page.getByTestId("set-row")).toHaveCount(2);
  await expect(page.locator('[data-testid="set-row"][data-done="1"]')).toHaveCount(2);
});

test("lost answer: the save reached the server but its answer did not; after a reload nothing is applied twice", async ({ page, context }) => {
  test.setTimeout(120_000);
  await startEmpty(page, "Lost");
  await addExercise(page, "bench press barbell", BENCH);
  const squat = await addExercise(page, "squat barbell", SQUAT);
  await completeSet(page, await fillSet(page, BENCH, 1, 60, 5));
  const before = (await stored(page)).workout!;
  expect(before.state.exercises.map((e) => e.name)).toEqual([BENCH, SQUAT]);

  // Three changes that are not idempotent by themselves, queued while offline so they go out as one save.
  await context.setOffline(true);
  await squat.getByRole("button", { name: `Move ${SQUAT} up` }).click();
  await page.getByTestId("rest-timer").getByRole("button", { name: "+15" }).click();
  await exerciseCard(page, BENCH).getByRole("button", { name: "Set", exact: true }).click();
  await expect(page.locator('[data-sync="offline"]')).toHaveText("offline — 3 queued");
  const queue = await storedQueue(page, before.id);
  expect(queue.map((q) => q.op.op)).toEqual(["moveExercise", "restAdjust", "addSet"]);

  // The first save reaches the server, which commits it; the browser only sees the connection drop.
  // Later saves before the reload do not get through at all.
  let phase: "lose-answer" | "no-network" | "pass" = "lose-answer";
  const committed: string[][] = [];
  await page.route(PATCH_URL, async (route) => {
    if (route.request().method() !== "PATCH" || phase === "pass") return route.continue();
    if (phase === "lose-answer") {
      phase = "no-network";
      const res = await route.fetch();
      expect(res.status()).toBe(200);
      committed.push(opIdsOf(route.request()));
      return route.abort("connectionreset");
    }
    return route.abort("internetdisconnected");
  });
  await context.setOffline(false);
  await expect.poll(() => committed.length, { timeout: 15_000 }).toBe(1);
  expect(committed[0]).toEqual(queue.map((q) => q.id));
  const after = (await stored(page)).workout!;
  expect(after.version).toBe(before.version + 1);
  // The browser does not know: the changes are still queued.
  expect((await storedQueue(page, before.id)).map((q) => q.id)).toEqual(queue.map((q) => q.id));

  // Reload. The page's workout already holds the three ops: they leave the queue and are not sent again.
  phase = "pass";
  const sentAfterReload: string[] = [];
  page.on("request", (req) => {
    if (req.method() === "PATCH" && req.url().endsWith("/api/live/workout")) sentAfterReload.push(...opIdsOf(req));
  });
  await page.reload();
  await expect(page.getByTestId("live-workout")).toBeVisible();
  await expect.poll(() => storedQueue(page, before.id)).toEqual([]);
  await expect(page.locator('[data-sync="saved"]')).toBeVisible();
  await expect(page.getByTestId("live-exercise")).toHaveCount(2);
  await expect(page.getByTestId("live-exercise").first()).toHaveAttribute("data-exercise", SQUAT);
  await expect(exerciseCard(page, BENCH).getByTestId("set-row")).toHaveCount(2);
  await page.waitForTimeout(6_000); // past the 5 s retry timer: still nothing resent
  expect(sentAfterReload.filter((id) => committed[0].includes(id))).toEqual([]);

  const final = (await stored(page)).workout!;
  expect(final.version).toBe(before.version + 1);
  expect(final.state.exercises.map((e) => e.name)).toEqual([SQUAT, BENCH]);
  expect(final.state.exercises[1].sets).toHaveLength(2);
  expect(final.state.rest!.seconds).toBe(before.state.rest!.seconds + 15);

  // And had they been sent again (another tab holding the same stored queue), the server skips them.
  const again = await page.request.patch("/api/live/workout", { data: { workoutId: final.id, version: final.version, ops: queue } });
  expect(again.status()).toBe(200);
  const resent = (await stored(page)).workout!;
  expect(resent.version).toBe(final.version);
  expect(resent.state).toEqual(final.state);
  // Ops without ids are refused.
  const bare = await page.request.patch("/api/live/workout", {
    data: { workoutId: final.id, version: final.version, ops: [{ op: { op: "restSkip" } }] },
  });
  expect(bare.status()).toBe(400);
});

/** A Screen Wake Lock that records what the page asks of it; the browser releases locks when the page is hidden. */
function fakeWakeLock() {
  const log = { requests: 0, releases: 0, systemReleases: 0, active: 0, refuse: sessionStorage.getItem("fakeWakeLockRefuses") === "1" };
  const held = new Set<{ released: boolean }>();
  Object.assign(window, { __wake: log });
  let hidden = false;
  Object.defineProperty(document, "visibilityState", { configurable: true, get: () => (hidden ? "hidden" : "visible") });
  Object.defineProperty(document, "hidden", { configurable: true, get: () => hidden });
  Object.assign(window, {
    __setHidden: (h: boolean) => {
      hidden = h;
      if (h)
        for (const s of held) {
          s.released = true;
          held.delete(s);
          log.systemReleases++;
          log.active--;
        }
      document.dispatchEvent(new Event("visibilitychange"));
    },
  });
  const wakeLock = {
    request: async (type: string) => {
      log.requests++;
      if (log.refuse) throw new DOMException("Wake lock refused", "NotAllowedError");
      const sentinel = Object.assign(new EventTarget(), {
        type,
        released: false,
        release: async () => {
          if (sentinel.released) return;
          sentinel.released = true;
          held.delete(sentinel);
          log.releases++;
          log.active--;
        },
      });
      held.add(sentinel);
      log.active++;
      return sentinel;
    },
  };
  Object.defineProperty(Navigator.prototype, "wakeLock", { configurable: true, get: () => wakeLock });
}

interface WakeLog {
  requests: number;
  releases: number;
  systemReleases: number;
  active: number;
}
const wake = (page: Page) => page.evaluate(() => (window as unknown as { __wake: WakeLog }).__wake);
const lockState = (page: Page) => page.evaluate(() => document.documentElement.dataset.wakeLock ?? null);
const setHidden = (page: Page, hidden: boolean) =>
  page.evaluate((h) => (window as unknown as { __setHidden: (h: boolean) => void }).__setHidden(h), hidden);

test("wake lock: held while a workout is open, taken again when the tab is visible again, let go on discard and finish", async ({ page }) => {
  test.setTimeout(120_000);
  await page.addInitScript(fakeWakeLock);
  await signUp(page, newAccount("Wake"));
  await page.goto("/workouts/live");
  await expect(page.getByTestId("live-start")).toBeVisible();
  expect(await wake(page)).toMatchObject({ requests: 0, active: 0 });
  expect(await lockState(page)).toBeNull();

  await page.getByRole("button", { name: "Start an empty workout" }).click();
  await expect(page.getByTestId("live-workout")).toBeVisible();
  await expect.poll(() => lockState(page)).toBe("on");
  expect(await wake(page)).toMatchObject({ requests: 1, releases: 0, active: 1 });

  // The phone locks (page hidden): the browser drops the lock; nothing is asked while hidden.
  await setHidden(page, true);
  expect(await wake(page)).toMatchObject({ requests: 1, systemReleases: 1, active: 0 });
  // Back to the tab: the lock is asked for again.
  await setHidden(page, false);
  await expect.poll(async () => (await wake(page)).requests).toBe(2);
  expect(await wake(page)).toMatchObject({ active: 1 });

  // Discard → the lock is released.
  await page.getByRole("button", { name: "Discard workout" }).click();
  await page.getByRole("button", { name: "Discard", exact: true }).click();
  await expect(page.getByTestId("live-start")).toBeVisible();
  await expect.poll(async () => (await wake(page)).releases).toBe(1);
  expect(await wake(page)).toMatchObject({ requests: 2, active: 0 });
  expect(await lockState(page)).toBeNull();

  // A new workout takes it again; finishing releases it.
  await page.getByRole("button", { name: "Start an empty workout" }).click();
  await expect(page.getByTestId("live-workout")).toBeVisible();
  await expect.poll(async () => (await wake(page)).requests).toBe(3);
  await addExercise(page, "bench press barbell", BENCH);
  await completeSet(page, await fillSet(page, BENCH, 1, 60, 5));
  await page.getByTestId("finish-workout").click();
  await expect(page.getByTestId("live-summary")).toBeVisible({ timeout: 20_000 });
  await expect.poll(async () => (await wake(page)).releases).toBe(2);
  expect(await wake(page)).toMatchObject({ requests: 3, active: 0 });
  expect(await lockState(page)).toBeNull();

  // A browser that refuses the lock: the screen says so and carries on.
  await page.evaluate(() => sessionStorage.setItem("fakeWakeLockRefuses", "1"));
  await page.goto("/workouts/live");
  await page.getByRole("button", { name: "Start an empty workout" }).click();
  await expect(page.getByTestId("live-workout")).toBeVisible();
  await expect.poll(() => lockState(page)).toBe("refused");
});
