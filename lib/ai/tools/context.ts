import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { userProfiles, users } from "@/db/schema";
import type { ChartType } from "@/lib/charts/spec";
import type { Unit } from "@/lib/units";

/** A query the model ran, as reported to the caller (CHAT stores sql + time on the message). */
export type QueryInfo = {
  sql: string;
  purpose: string;
  ms: number;
  ok: boolean;
  rowCount: number;
  truncated: boolean;
  /** Set when the sandbox rejected or failed the query. */
  error?: string;
};

/** A chart the model asked for, built server-side from the turn's own query result. */
export type CoachChart = {
  type: ChartType;
  title: string;
  option: Record<string, unknown>;
  sql: string;
  columns: string[];
  rows: Record<string, unknown>[];
  /** The sandbox cut the result at its row cap; the chart shows what was returned. */
  truncated: boolean;
};

export type CoachToolsOptions = {
  userId: string;
  db: Db;
  /** Defaults to the user's profile (kg / UTC when there is none). */
  units?: Unit;
  timeZone?: string;
  /** Clock for dates in drafts; tests pin it. */
  now?: () => Date;
  onQuery?: (info: QueryInfo) => void | Promise<void>;
  /** May persist the chart and return its id, which is then handed to the model and the UI. */
  onChart?: (chart: CoachChart) => void | { chartId?: string } | Promise<void | { chartId?: string }>;
};

/** Per-request state shared by the three tools: the user's settings and this turn's query results. */
export class CoachToolContext {
  private settings: Promise<{ units: Unit; timeZone: string }> | null = null;
  private verified: Promise<void> | null = null;
  readonly results = new Map<string, StoredResult>();
  lastRef: string | null = null;
  private counter = 0;

  constructor(readonly opts: CoachToolsOptions) {
    if (!opts.userId) throw new Error("createCoachTools needs the signed-in user's id");
  }

  now(): Date {
    return this.opts.now?.() ?? new Date();
  }

  /** The tools act only for an existing account; the id comes from the server session, never the model. */
  assertUser(): Promise<void> {
    this.verified ??= this.opts.db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.id, this.opts.userId))
      .limit(1)
      .then((rows) => {
        if (rows.length === 0) throw new Error("The account for this chat no longer exists.");
      });
    return this.verified;
  }

  userSettings(): Promise<{ units: Unit; timeZone: string }> {
    this.settings ??= (async () => {
      if (this.opts.units && this.opts.timeZone) return { units: this.opts.units, timeZone: this.opts.timeZone };
      const [p] = await this.opts.db
        .select({ units: userProfiles.units, timeZone: userProfiles.timeZone })
        .from(userProfiles)
        .where(eq(userProfiles.userId, this.opts.userId))
        .limit(1);
      return { units: this.opts.units ?? p?.units ?? "kg", timeZone: this.opts.timeZone ?? p?.timeZone ?? "UTC" };
    })();
    return this.settings;
  }

  remember(result: Omit<StoredResult, "ref">): string {
    const ref = `q${++this.counter}`;
    this.results.set(ref, { ...result, ref });
    this.lastRef = ref;
    return ref;
  }
}

export type StoredResult = {
  ref: string;
  sql: string;
  columns: string[];
  rows: Record<string, unknown>[];
  truncated: boolean;
};
