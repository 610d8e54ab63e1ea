export { runSandboxedQuery, type SandboxResult, type SandboxQueryInput } from "./run";
export { SandboxExecutionError, SandboxRejectedError } from "./errors";
export { SANDBOX_SCHEMA_DOC, SANDBOX_RELATIONS, SANDBOX_RELATION_NAMES } from "./relations";
export { validateSandboxSql, type ValidationResult, type ValidatedQuery } from "./validate";
export { SANDBOX_LIMITS } from "./limits";
