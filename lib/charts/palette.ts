/**
 * Chart colours come from the app's design tokens (app/globals.css), never from the model.
 * The first colour is the accent's readable sibling; the rest are distinguishable on white and on
 * the dark "iron" surfaces.
 */
export const CHART_PALETTE = ["#3b6a00", "#1f4fb3", "#b45309", "#7c3aed", "#0f766e", "#be185d", "#56615a", "#9ee01f"] as const;

export const CHART_TEXT = "#343e38";
export const CHART_MUTED = "#56615a";
export const CHART_GRID = "#dfe3da";
/** Calendar heatmap: empty day → most active day. */
export const HEATMAP_RANGE = ["#eef0e9", "#c8ef7f", "#9ee01f", "#5c9a0c", "#2f6b0f"] as const;
