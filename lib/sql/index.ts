export { runSandboxedQuery, type SandboxResult } from "./run";
export { SandboxExecutionError, SandboxRejectedError } from "./errors";
export { SANDBOX_SCHEMA_DOC } from "./relations";
export { validateSandboxSql } from "./validate";
export { SANDBOX_LIMITS } from "./limits";
