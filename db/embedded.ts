import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import fs from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { Mutex } from "./mutex";

export type Row = Record<string, unknown>;
export interface QueryResult<R = Row> {
  rows: R[];
  fields: { name: string; dataTypeID: number }[];
  affectedRows: number;
}
export interface QueryOptions {
  rowMode?: "object" | "array";
}
/** The client shape drizzle's PGlite driver expects (query + transaction). */
export interface EmbeddedClient {
  query<R = Row>(sql: string, params?: unknown[], options?: QueryOptions): Promise<QueryResult<R>>;
  exec(sql: string): Promise<QueryResult>;
  transaction<T>(fn: (tx: EmbeddedClient) => Promise<T>): Promise<T>;
}

class DatabaseError extends Error {
  code?: string;
  detail?: string;
  constraint?: string;
  constructor(e: { message: string; code?: string; detail?: string; constraint?: string }) {
    super(e.message);
    this.name = "DatabaseError";
    Object.assign(this, { code: e.code, detail: e.detail, constraint: e.constraint });
  }
}
export class DeadlineExceededError extends Error {
  constructor(ms: number) {
    super(`query stopped after ${ms} ms`);
    this.name = "DeadlineExceededError";
  }
}
class DatabaseInUseError extends Error {
  constructor(dir: string, pid: number) {
    super(
      `The embedded database at ${dir} is in use by another running Spotter process (pid ${pid}). ` +
        `Stop the app (or that process) and run the command again, or set DATABASE_URL to use a PostgreSQL server.`,
    );
    this.name = "DatabaseInUseError";
  }
}

const WORKER_FILE = path.join(/*turbopackIgnore: true*/ process.cwd(), "db", "pglite-worker.mjs");
const txScope = new AsyncLocalStorage<{ owner: EmbeddedDatabase }>();

type Pending = { resolve: (v: QueryResult) => void; reject: (e: Error) => void };

/**
 * The embedded PostgreSQL (PGlite) in a worker thread. PGlite is one session, so every
 * statement and every transaction is serialised through one FIFO mutex: a concurrent request
 * can never run inside another request's transaction. `runWithDeadline` can stop a runaway
 * query by terminating the worker and reopening the database (committed data is on disk).
 */
export class EmbeddedDatabase implements EmbeddedClient {
  private worker: Worker | null = null;
  private starting: Promise<void> | null = null;
  private pending = new Map<number, Pending>();
  private seq = 0;
  private mutex = new Mutex();
  private lockFile: string | null = null;
  restarts = 0;

  constructor(
    readonly dataDir: string,
    private readonly loadDataDir?: string,
  ) {}

  get isMemory() {
    return this.dataDir.startsWith("memory://");
  }

  private acquireLock() {
    if (this.isMemory || this.lockFile) return;
    fs.mkdirSync(this.dataDir, { recursive: true });
    const file = path.join(path.dirname(this.dataDir), `${path.basename(this.dataDir)}.pid`);
    try {
      const pid = Number(fs.readFileSync(file, "utf8").trim());
      if (pid && pid !== process.pid && isAlive(pid)) throw new DatabaseInUseError(this.dataDir, pid);
    } catch (e) {
      if (e instanceof DatabaseInUseError) throw e;
    }
    fs.writeFileSync(file, String(process.pid));
    this.lockFile = file;
    const release = () => {
      try {
        if (this.lockFile && fs.readFileSync(this.lockFile, "utf8").trim() === String(process.pid)) fs.unlinkSync(this.lockFile);
      } catch {
        // the process is exiting: a lock file left behind is detected as stale on the next start
      }
    };
    process.once("exit", release);
  }

  private start(): Promise<void> {
    if (this.worker) return Promise.resolve();
    if (this.starting) return this.starting;
    this.starting = new Promise<void>((resolve, reject) => {
      try {
        this.acquireLock();
      } catch (e) {
        this.starting = null;
        reject(e);
        return;
      }
      const worker = new Worker(WORKER_FILE, { workerData: { dataDir: this.dataDir, loadDataDir: this.loadDataDir } });
      worker.unref();
      worker.on("message", (msg) => {
        if (msg.type === "ready") {
          this.worker = worker;
          this.starting = null;
          resolve();
        } else if (msg.type === "fatal") {
          this.starting = null;
          reject(new Error(`could not open the embedded database at ${this.dataDir}: ${msg.message}`));
        } else {
          const p = this.pending.get(msg.id);
          if (!p) return;
          this.pending.delete(msg.id);
          if (msg.ok) p.resolve(msg.result);
          else p.reject(new DatabaseError(msg.error));
        }
      });
      worker.on("error", (err) => this.failAll(err));
      worker.on("exit", () => {
        if (this.worker === worker) this.worker = null;
        this.failAll(new Error("embedded database worker exited"));
      });
    });
    return this.starting;
  }

  private failAll(err: Error) {
    for (const p of this.pending.values()) p.reject(err);
    this.pending.clear();
  }

  private async send(op: "query" | "exec" | "close" | "dump", payload: Record<string, unknown>): Promise<QueryResult> {
    await this.start();
    const id = ++this.seq;
    return new Promise<QueryResult>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker!.postMessage({ id, op, ...payload });
    });
  }

  private assertNotInOwnTransaction() {
    if (txScope.getStore()?.owner === this) {
      throw new Error("the global database handle was used inside a transaction; use the transaction's handle (tx)");
    }
  }

  query<R = Row>(sql: string, params: unknown[] = [], options: QueryOptions = {}): Promise<QueryResult<R>> {
    this.assertNotInOwnTransaction();
    return this.mutex.run(() => this.send("query", { sql, params, rowMode: options.rowMode })) as Promise<QueryResult<R>>;
  }

  exec(sql: string): Promise<QueryResult> {
    this.assertNotInOwnTransaction();
    return this.mutex.run(() => this.send("exec", { sql }));
  }

  /** A handle bound to the current transaction; it refuses to work once the transaction has ended. */
  private txHandle(state: { open: boolean }): EmbeddedClient {
    const guard = () => {
      if (!state.open) throw new Error("transaction handle used after its transaction ended");
    };
    const handle: EmbeddedClient = {
      query: async <R = Row>(sql: string, params: unknown[] = [], options: QueryOptions = {}) => {
        guard();
        return (await this.send("query", { sql, params, rowMode: options.rowMode })) as QueryResult<R>;
      },
      exec: async (sql: string) => {
        guard();
        return this.send("exec", { sql });
      },
      transaction: async (fn) => {
        guard();
        return fn(handle);
      },
    };
    return handle;
  }

  transaction<T>(fn: (tx: EmbeddedClient) => Promise<T>, begin = "begin"): Promise<T> {
    this.assertNotInOwnTransaction();
    return this.mutex.run(() =>
      txScope.run({ owner: this }, async () => {
        const state = { open: true };
        await this.send("query", { sql: begin, params: [] });
        try {
          const result = await fn(this.txHandle(state));
          await this.send("query", { sql: "commit", params: [] });
          return result;
        } catch (error) {
          await this.send("query", { sql: "rollback", params: [] }).catch(() => {});
          throw error;
        } finally {
          state.open = false;
        }
      }),
    );
  }

  /**
   * Runs fn inside `begin` … `rollback` with a hard deadline. On the deadline the worker is
   * terminated and the database reopened, so a runaway query costs at most `deadlineMs` plus a
   * restart and never blocks the main thread. Meant for read-only work: it always rolls back.
   */
  runWithDeadline<T>(fn: (tx: EmbeddedClient) => Promise<T>, deadlineMs: number, begin = "begin read only"): Promise<T> {
    this.assertNotInOwnTransaction();
    // The caller hears about the deadline at once; the reopen that follows still holds the
    // mutex, so queued statements wait for a healthy database instead of failing.
    return new Promise<T>((resolve, reject) => {
      this.mutex
        .run(() =>
          txScope.run({ owner: this }, async () => {
            const state = { open: true };
            let timer: NodeJS.Timeout | undefined;
            const deadline = new Promise<never>((_, rejectDeadline) => {
              timer = setTimeout(() => rejectDeadline(new DeadlineExceededError(deadlineMs)), deadlineMs);
            });
            try {
              await this.send("query", { sql: begin, params: [] });
              const result = await Promise.race([fn(this.txHandle(state)), deadline]);
              state.open = false;
              await this.send("query", { sql: "rollback", params: [] });
              resolve(result);
            } catch (error) {
              state.open = false;
              reject(error);
              if (error instanceof DeadlineExceededError) await this.restart();
              else await this.send("query", { sql: "rollback", params: [] }).catch(() => this.restart());
            } finally {
              clearTimeout(timer);
            }
          }),
        )
        .catch(reject);
    });
  }

  /** Writes a tarball of the whole database (see PGlite dumpDataDir) — used for test templates. */
  dumpTo(file: string): Promise<void> {
    return this.mutex.run(async () => {
      await this.send("dump", { path: file });
    });
  }

  private async restart() {
    const w = this.worker;
    this.worker = null;
    this.restarts++;
    if (w) await w.terminate();
    this.failAll(new Error("embedded database restarted"));
    await this.start();
  }

  async close() {
    await this.mutex.run(async () => {
      if (!this.worker) return;
      await this.send("close", {}).catch(() => {});
      await this.worker?.terminate();
      this.worker = null;
    });
    if (this.lockFile) {
      try {
        fs.unlinkSync(this.lockFile);
      } catch {
        // already gone: nothing to release
      }
      this.lockFile = null;
    }
  }
}

function isAlive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}
