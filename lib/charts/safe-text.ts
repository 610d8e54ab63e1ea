/**
 * Text that ends up inside an ECharts option (titles, axis names, category labels, series names).
 *
 * ECharts draws most of it on a canvas, where HTML entities would show literally ("Clean &amp;
 * Jerk"), but its tooltip is HTML. So instead of entity-escaping we neutralise markup: angle
 * brackets become the look-alike single guillemets ‹ ›, which no HTML parser treats as a tag, and
 * control characters go. Rich-text braces are replaced too, so a name cannot restyle a label.
 * The result is safe in both renderers and reads the same to a person.
 */
export function safeText(value: unknown, max = 80): string {
  const s = String(value ?? "")
    // eslint-disable-next-line no-control-regex -- control characters are exactly what this strips
    .replace(/[\u0000-\u001f\u007f]/g, " ")
    .replace(/</g, "‹")
    .replace(/>/g, "›")
    .replace(/[{]/g, "(")
    .replace(/[}]/g, ")")
    .replace(/\s+/g, " ")
    .trim();
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}
