/** A result column's name as a person reads it: best_e1rm_kg → "Best e1RM (kg)", avg_rpe → "Avg RPE". */
export function columnLabel(col: string, unit?: string): string {
  const suffix = col.match(/_(kg|lb)$/i)?.[1]?.toLowerCase();
  const base = col
    .toLowerCase()
    .replace(/_(kg|lb)$/i, "")
    .replace(/[_\s]+/g, " ")
    .replace(/\be1rm\b/gi, "e1RM")
    .replace(/\brpe\b/gi, "RPE")
    .replace(/\bhr\b/gi, "HR")
    .replace(/\bpct\b/gi, "%")
    .trim();
  const text = base.charAt(0).toUpperCase() + base.slice(1);
  const u = unit ?? suffix;
  return u ? `${text} (${u})` : text;
}
