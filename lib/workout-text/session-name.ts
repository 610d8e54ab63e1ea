/** A session's default name from its exercises: "Squat & Bench Press", "Squat, Bench Press +2". */
export function sessionName(exerciseNames: string[]): string {
  const names = [...new Set(exerciseNames)];
  if (names.length <= 2) return names.join(" & ").slice(0, 200);
  return `${names.slice(0, 2).join(", ")} +${names.length - 2}`.slice(0, 200);
}
