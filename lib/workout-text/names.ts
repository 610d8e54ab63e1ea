/**
 * Exercise names as people type them in chat. The catalog resolver (lib/exercises) does the real
 * matching; this only expands gym shorthand that no alias table would guess ("ohp", "rdl", "bench")
 * and tidies the words for display.
 */
const SHORTHAND: [RegExp, string][] = [
  [/^(?:flat )?(?:bench|bp|bench press|benchpress|benched)$/, "Bench Press"],
  [/^incline (?:bench|bench press|bp)$/, "Incline Bench Press"],
  [/^(?:db|dumbbell) (?:bench|bench press)$/, "Dumbbell Bench Press"],
  [/^(?:ohp|overhead press|military press|strict press|press)$/, "Overhead Press"],
  [/^(?:squats?|back squats?|bs|squatted)$/, "Squat"],
  [/^front squats?$/, "Front Squat"],
  [/^(?:dl|dls|deads?|deadlifts?|deadlifted|pulled)$/, "Deadlift"],
  [/^(?:rdl|rdls|romanian deadlifts?|romanian dl)$/, "Romanian Deadlift"],
  [/^(?:pull ?-?ups?|pullups?)$/, "Pull Up"],
  [/^(?:chin ?-?ups?|chinups?)$/, "Chin Up"],
  [/^dips?$/, "Dip"],
  [/^(?:rows?|barbell rows?|bb rows?|bent over rows?)$/, "Barbell Row"],
  [/^(?:curls?|bicep curls?|biceps curls?)$/, "Bicep Curl"],
  [/^(?:hip thrusts?|thrusts?)$/, "Hip Thrust"],
  [/^lunges?$/, "Lunge"],
  [/^(?:lat pulldowns?|pulldowns?|lat pull ?downs?)$/, "Lat Pulldown"],
  [/^(?:push ?-?ups?|pushups?)$/, "Push Up"],
  [/^leg press(?:es)?$/, "Leg Press"],
  [/^(?:lateral raises?|lat raises?|side raises?)$/, "Lateral Raise"],
  [/^(?:face ?pulls?)$/, "Face Pull"],
  [/^(?:tricep|triceps) (?:pushdowns?|extensions?)$/, "Triceps Pushdown"],
  [/^planks?$/, "Plank"],
];

const KEEP_UPPER = new Set(["db", "bb", "kb", "rdl", "ohp", "ez", "sl", "t"]);

function titleCase(s: string): string {
  return s
    .split(/\s+/)
    .map((w) => (KEEP_UPPER.has(w) ? w.toUpperCase() : w.replace(/(^|[(-])([a-z])/g, (_m, pre: string, ch: string) => pre + ch.toUpperCase())))
    .join(" ");
}

/** "  Bench: " → "Bench Press"; unknown names are title-cased as typed. */
export function displayExerciseName(raw: string): string {
  const cleaned = raw
    .toLowerCase()
    .replace(/[:\-–—,]+$/g, "")
    .replace(/\s+/g, " ")
    .trim();
  for (const [re, name] of SHORTHAND) if (re.test(cleaned)) return name;
  return titleCase(cleaned);
}

/** Filler words around an exercise name ("then I did some bench" → "bench"). */
export function stripNameFillers(raw: string): string {
  let s = raw.toLowerCase().trim();
  const lead =
    /^(?:and|then|also|plus|after that|afterwards|followed by|finished with|finishing with|i|i did|did|did some|some|we|with|of|on|a few sets of|sets of|my|:|-)\s+/;
  let prev = "";
  while (prev !== s) {
    prev = s;
    s = s.replace(lead, "").trim();
  }
  s = s.replace(/\s*(?:[:\-–—,]|\bfor\b|\bat\b|\bdid\b|\bsets?\b)\s*$/g, "").trim();
  return s;
}
