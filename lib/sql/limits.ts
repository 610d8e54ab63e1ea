/** Every bound the SQL sandbox enforces, in one place (docs/sql-sandbox.md explains each). */
export const SANDBOX_LIMITS = {
  /** Characters of SQL accepted from the model. */
  maxSqlLength: 10_000,
  /** Objects + arrays in the parse tree (JSON), counted before anything else looks at it. */
  maxAstNodes: 12_000,
  /** Nesting depth of the parse tree (JSON levels). */
  maxAstDepth: 160,
  /** Rows returned; one more is fetched to report `truncated`. */
  maxRows: 1000,
  /** Bytes of result (text form of the rows) returned to the caller. */
  maxResultBytes: 1_048_576,
  /** Server-side statement timeout (PostgreSQL) and hard deadline (embedded PGlite worker). */
  statementTimeoutMs: 2000,
  lockTimeoutMs: 500,
  idleInTransactionTimeoutMs: 5000,
  /** Rows one generate_series call may produce. */
  maxSeriesRows: 10_000,
  /** Widths of lpad/rpad, repeat counts and format() field widths. */
  maxWidth: 1000,
  /** Length of the string repeat() repeats and of replace()/regexp_replace() replacements. */
  maxGrowthLiteral: 100,
} as const;

export const SANDBOX_ROLE = "spotter_sandbox";
export const SANDBOX_USER_SETTING = "spotter.sandbox_user_id";
