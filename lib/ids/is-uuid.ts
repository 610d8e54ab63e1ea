const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids come from URLs and forms: anything that is not a uuid (any version) is simply "not found". */
export function isUuid(id: unknown): id is string {
  return typeof id === "string" && UUID.test(id);
}
