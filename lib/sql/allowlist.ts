/**
 * What sandboxed SQL may call. Everything not listed here is rejected (allowlist, not denylist).
 * To extend: add the name to the right group, check it cannot read other data, execute SQL,
 * touch files/network/settings or build values whose size is not bounded by the input (else add a
 * bound in bounds.ts), add a realistic and a hostile case to tests/fixtures/sql, and document it.
 */
const AGGREGATES = [
  "count", "sum", "avg", "min", "max", "stddev", "stddev_pop", "stddev_samp", "variance", "var_pop", "var_samp",
  "bool_and", "bool_or", "every", "string_agg", "array_agg", "json_agg", "jsonb_agg", "json_object_agg",
  "jsonb_object_agg", "percentile_cont", "percentile_disc", "mode", "corr", "covar_pop", "covar_samp",
  "regr_slope", "regr_intercept", "regr_r2", "regr_count", "regr_avgx", "regr_avgy", "regr_sxx", "regr_syy", "regr_sxy",
] as const;

const WINDOW = [
  "row_number", "rank", "dense_rank", "percent_rank", "cume_dist", "ntile", "lag", "lead", "first_value", "last_value", "nth_value",
] as const;

const MATH = [
  "abs", "ceil", "ceiling", "floor", "round", "trunc", "sign", "sqrt", "cbrt", "power", "pow", "exp", "ln", "log", "log10",
  "mod", "div", "pi", "width_bucket", "scale", "trim_scale", "degrees", "radians", "random", "num_nulls", "num_nonnulls",
] as const;

const DATE_TIME = [
  "now", "date_trunc", "date_part", "extract", "age", "make_interval", "make_date", "make_time", "make_timestamp",
  "make_timestamptz", "to_char", "to_date", "to_timestamp", "date_bin", "justify_days", "justify_hours",
  "justify_interval", "isfinite", "timezone", "clock_timestamp", "statement_timestamp", "transaction_timestamp",
] as const;

const TEXT = [
  "length", "char_length", "character_length", "lower", "upper", "initcap", "btrim", "ltrim", "rtrim", "substring",
  "substr", "left", "right", "position", "strpos", "replace", "split_part", "concat", "concat_ws", "starts_with",
  "lpad", "rpad", "repeat", "format", "to_number", "regexp_replace", "regexp_match", "regexp_matches",
  "regexp_split_to_array", "regexp_split_to_table", "string_to_array", "array_to_string", "translate", "reverse",
  "overlay", "similar_to_escape", "chr", "ascii",
] as const;

const ARRAYS = [
  "array_length", "cardinality", "unnest", "array_position", "array_positions", "array_remove", "array_append",
  "array_prepend", "array_cat", "array_lower", "array_upper", "generate_subscripts",
] as const;

const JSON_FUNCS = [
  "json_build_object", "jsonb_build_object", "json_build_array", "jsonb_build_array", "to_json", "to_jsonb",
  "row_to_json", "array_to_json", "json_strip_nulls", "jsonb_strip_nulls", "json_array_elements",
  "json_array_elements_text", "jsonb_array_elements", "jsonb_array_elements_text", "json_each", "json_each_text",
  "jsonb_each", "jsonb_each_text", "json_extract_path", "json_extract_path_text", "jsonb_extract_path",
  "jsonb_extract_path_text", "json_typeof", "jsonb_typeof", "json_array_length", "jsonb_array_length",
  "json_object_keys", "jsonb_object_keys",
] as const;

const SERIES = ["generate_series"] as const;

export const ALLOWED_FUNCTIONS: ReadonlySet<string> = new Set<string>([
  ...AGGREGATES, ...WINDOW, ...MATH, ...DATE_TIME, ...TEXT, ...ARRAYS, ...JSON_FUNCS, ...SERIES,
]);

/** Sorted, for rejection messages. */
export const ALLOWED_FUNCTION_LIST = [...ALLOWED_FUNCTIONS].sort().join(", ");

/** Functions whose result may be far larger than their input; nesting them is refused. */
export const GROWTH_FUNCTIONS: ReadonlySet<string> = new Set(["repeat", "lpad", "rpad", "format", "replace", "regexp_replace"]);

export const ALLOWED_OPERATORS: ReadonlySet<string> = new Set([
  "=", "<>", "!=", "<", ">", "<=", ">=", "+", "-", "*", "/", "%", "^", "|/", "||/", "@", "||",
  "~~", "!~~", "~~*", "!~~*", "~", "~*", "!~", "!~*",
  "->", "->>", "#>", "#>>", "@>", "<@", "?", "?|", "?&", "&&",
]);

export const ALLOWED_OPERATOR_LIST = [...ALLOWED_OPERATORS].join(" ");

/** Type names as the parser emits them (optionally pg_catalog-qualified). */
export const ALLOWED_TYPES: ReadonlySet<string> = new Set([
  "int2", "int4", "int8", "smallint", "integer", "int", "bigint", "float4", "float8", "real", "numeric", "decimal",
  "text", "varchar", "bpchar", "bool", "boolean", "date", "timestamp", "timestamptz", "time", "interval",
  "json", "jsonb", "uuid",
]);

export const ALLOWED_TYPE_LIST =
  "smallint, integer, bigint, real, double precision, numeric, text, varchar, char, boolean, date, timestamp, timestamptz, time, interval, json, jsonb, uuid (and arrays of them)";

export const ALLOWED_SQL_VALUE_FUNCTIONS: ReadonlySet<string> = new Set([
  "SVFOP_CURRENT_DATE", "SVFOP_CURRENT_TIME", "SVFOP_CURRENT_TIME_N", "SVFOP_CURRENT_TIMESTAMP",
  "SVFOP_CURRENT_TIMESTAMP_N", "SVFOP_LOCALTIME", "SVFOP_LOCALTIME_N", "SVFOP_LOCALTIMESTAMP", "SVFOP_LOCALTIMESTAMP_N",
]);

export const ALLOWED_EXPR_KINDS: ReadonlySet<string> = new Set([
  "AEXPR_OP", "AEXPR_OP_ANY", "AEXPR_OP_ALL", "AEXPR_DISTINCT", "AEXPR_NOT_DISTINCT", "AEXPR_NULLIF", "AEXPR_IN",
  "AEXPR_LIKE", "AEXPR_ILIKE", "AEXPR_SIMILAR", "AEXPR_BETWEEN", "AEXPR_NOT_BETWEEN", "AEXPR_BETWEEN_SYM",
  "AEXPR_NOT_BETWEEN_SYM",
]);

export const ALLOWED_SUBLINKS: ReadonlySet<string> = new Set([
  "EXISTS_SUBLINK", "ALL_SUBLINK", "ANY_SUBLINK", "EXPR_SUBLINK", "ARRAY_SUBLINK",
]);
