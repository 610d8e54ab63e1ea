/** The model's SQL was refused before it reached the database; `reason` says how to fix it. */
export class SandboxRejectedError extends Error {
  readonly reason: string;
  constructor(reason: string) {
    super(`SQL rejected: ${reason}`);
    this.name = "SandboxRejectedError";
    this.reason = reason;
  }
}

/** The SQL was valid but failed while running (timeout, size cap, runtime error); no internals. */
export class SandboxExecutionError extends Error {
  readonly reason: string;
  constructor(reason: string) {
    super(`SQL failed: ${reason}`);
    this.name = "SandboxExecutionError";
    this.reason = reason;
  }
}
