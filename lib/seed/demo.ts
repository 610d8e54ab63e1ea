import type { Db } from "@/db/client";

export const DEMO_EMAIL = "demo@spotter.local";
export const DEMO_PASSWORD = "spotter-demo-2026";

/** TODO(helper): 12 months of believable training for the demo account. */
export async function seedDemoIfEmpty(_db: Db): Promise<{ created: boolean; email: string; sessions: number; sets: number }> {
  return { created: false, email: DEMO_EMAIL, sessions: 0, sets: 0 };
}
