const APPS: Record<string, string> = { strong: "Strong", hevy: "Hevy", fitnotes: "FitNotes" };

/** "Imported from Hevy", "Logged in chat", "Live workout", "Added by hand". */
export function sourceLabel(source: string): string {
  if (source === "manual") return "Added by hand";
  if (source === "chat") return "Logged in chat";
  if (source === "live") return "Live workout";
  if (source.startsWith("import:")) {
    const app = source.slice("import:".length);
    return `Imported from ${APPS[app] ?? app}`;
  }
  return source;
}
