/**
 * Exercise-name normalisation: the key under which aliases are stored and looked up.
 *
 * Apps name the same movement differently: Strong/Hevy say "Squat (Barbell)", FitNotes says
 * "Barbell Squat", people type "barbell squats". The key is built so that spelling, case,
 * punctuation, plurals and the position of the equipment word do not matter:
 *
 *   "Squat (Barbell)" | "Barbell Squat" | "barbell squats"  → "squat barbell"
 *   "Pull Up" | "Pull-ups" | "pullups"                      → "pullup"
 *   "Squat (Smith Machine)" | "Smith Machine Squat"         → "squat smith"
 *
 * Equipment words are pulled out wherever they appear and appended in a fixed order, so
 * different equipment still yields different keys ("bench press barbell" ≠ "bench press dumbbell").
 * Genuinely different wordings ("Back Squat") are mapped by aliases, not here.
 */

/** Multi-word phrases collapsed to one token before anything else (applied after singularising). */
const JOINS: [string, string][] = [
  ["smith machine", "smith"],
  ["ez bar", "ezbar"],
  ["ez curl bar", "ezbar"],
  ["trap bar", "trapbar"],
  ["hex bar", "trapbar"],
  ["resistance band", "band"],
  ["body weight", "bodyweight"],
  ["dumb bell", "dumbbell"],
  ["kettle bell", "kettlebell"],
  ["bar bell", "barbell"],
  ["pull up", "pullup"],
  ["chin up", "chinup"],
  ["push up", "pushup"],
  ["press up", "pushup"],
  ["sit up", "situp"],
  ["step up", "stepup"],
  ["get up", "getup"],
  ["pull down", "pulldown"],
  ["push down", "pushdown"],
  ["press down", "pressdown"],
  ["pull over", "pullover"],
  ["pull through", "pullthrough"],
  ["kick back", "kickback"],
  ["skull crusher", "skullcrusher"],
  ["dead lift", "deadlift"],
  ["hyper extension", "hyperextension"],
  ["warm up", "warmup"],
  ["cool down", "cooldown"],
  ["t bar", "tbar"],
  ["ski erg", "skierg"],
  ["row erg", "rowerg"],
  ["stair master", "stairmaster"],
  ["tread mill", "treadmill"],
];

/** Token synonyms (after singularising). */
const SYNONYMS: Record<string, string> = {
  bb: "barbell",
  db: "dumbbell",
  dumbell: "dumbbell",
  kb: "kettlebell",
  ez: "ezbar",
  bw: "bodyweight",
  banded: "band",
  flye: "fly",
  one: "1",
  single: "1",
  two: "2",
  calve: "calf",
};

/** Equipment qualifiers, in the order they are appended to the key. */
const EQUIPMENT_TOKENS = [
  "barbell",
  "dumbbell",
  "kettlebell",
  "ezbar",
  "trapbar",
  "smith",
  "cable",
  "machine",
  "band",
  "bodyweight",
  "weighted",
  "assisted",
] as const;
export type EquipmentToken = (typeof EQUIPMENT_TOKENS)[number];
const EQUIPMENT_SET = new Set<string>(EQUIPMENT_TOKENS);

function singularise(word: string): string {
  if (word.length <= 3) return word === "ups" ? "up" : word;
  if (word === "calves") return "calf";
  if (/(sses|ches|shes|xes)$/.test(word)) return word.slice(0, -2);
  if (word.endsWith("ies") && word.length > 4) return `${word.slice(0, -3)}y`;
  if (word.endsWith("s") && !/(ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

function applyJoins(tokens: string[]): string[] {
  let text = ` ${tokens.join(" ")} `;
  for (const [from, to] of JOINS) text = text.split(` ${from} `).join(` ${to} `);
  // a second pass catches joins that became adjacent after the first ("smith machine" inside a longer phrase)
  for (const [from, to] of JOINS) text = text.split(` ${from} `).join(` ${to} `);
  return text.trim().split(" ").filter(Boolean);
}

/** Splits a name into its movement tokens and its equipment qualifiers. */
export function analyseExerciseName(name: string): { base: string[]; equipment: EquipmentToken[] } {
  const cleaned = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/['’`]/g, "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
  if (!cleaned) return { base: [], equipment: [] };
  const singular = cleaned.split(" ").map(singularise);
  const tokens = applyJoins(singular).map((t) => SYNONYMS[t] ?? t);
  const base: string[] = [];
  const equipment = new Set<EquipmentToken>();
  for (const t of tokens) {
    if (EQUIPMENT_SET.has(t)) equipment.add(t as EquipmentToken);
    else base.push(t);
  }
  return { base, equipment: EQUIPMENT_TOKENS.filter((e) => equipment.has(e)) };
}

/** The alias key for an exercise name ("" when the name holds no letters or digits). */
export function normalizeExerciseName(name: string): string {
  const { base, equipment } = analyseExerciseName(name);
  return [...base, ...equipment].join(" ").slice(0, 160);
}
