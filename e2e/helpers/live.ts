import { expect, type Locator, type Page } from "@playwright/test";

/** What GET /api/live/workout answers, as far as the live tests read it. */
export interface StoredSet {
  key: string;
  setType: string;
  weightKg: number | null;
  reps: number | null;
  completedAt: string | null;
  prs: string[];
}
export interface Stored {
  workout: {
    id: string;
    version: number;
    appliedOpIds: string[];
    state: { exercises: { key: string; name: string; sets: StoredSet[] }[]; rest: { seconds: number } | null };
  } | null;
}

/** The workout as the server has it (the page's own session; not affected by the page's offline mode or routes). */
export async function stored(page: Page): Promise<Stored> {
  const res = await page.request.get("/api/live/workout");
  expect(res.ok()).toBe(true);
  return (await res.json()) as Stored;
}

export const doneSets = (s: Stored) => s.workout!.state.exercises.flatMap((e) => e.sets.filter((x) => x.completedAt));

/** Taps a set's check and waits until the server has it (the status line says "saved"). */
export async function completeSet(page: Page, row: Locator) {
  await row.getByTestId("complete-set").click();
  await expect(row).toHaveAttribute("data-done", "1");
  await expect(page.locator('[data-sync="saved"]')).toBeVisible();
}
