/**
 * Turns cue text into words a speech engine reads naturally: "102.5 kg" → "one hundred two point
 * five kilos", "100 × 5" → "one hundred for five", "Set 3/5" → "set three of five". Both engines
 * get the same text, so a cached clip never depends on how an engine reads digits.
 */

const ONES = [
  "zero",
  "one",
  "two",
  "three",
  "four",
  "five",
  "six",
  "seven",
  "eight",
  "nine",
  "ten",
  "eleven",
  "twelve",
  "thirteen",
  "fourteen",
  "fifteen",
  "sixteen",
  "seventeen",
  "eighteen",
  "nineteen",
];
const TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

function below1000(n: number): string {
  const parts: string[] = [];
  const h = Math.floor(n / 100);
  const rest = n % 100;
  if (h) parts.push(`${ONES[h]} hundred`);
  if (rest || !h) {
    if (rest < 20) parts.push(ONES[rest]);
    else parts.push(TENS[Math.floor(rest / 10)] + (rest % 10 ? `-${ONES[rest % 10]}` : ""));
  }
  return parts.join(" ");
}

/** Whole numbers up to the billions in words ("1250" → "one thousand two hundred fifty"). */
export function integerToWords(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (n < 0) return `minus ${integerToWords(-n)}`;
  n = Math.floor(n);
  if (n < 1000) return below1000(n);
  const scales: [number, string][] = [
    [1e9, "billion"],
    [1e6, "million"],
    [1e3, "thousand"],
  ];
  const parts: string[] = [];
  let rest = n;
  for (const [size, name] of scales) {
    if (rest >= size) {
      parts.push(`${below1000(Math.floor(rest / size))} ${name}`);
      rest %= size;
    }
  }
  if (rest) parts.push(below1000(rest));
  return parts.join(" ");
}

/** "102.5" → "one hundred two point five"; "0.75" → "zero point seven five". */
export function numberToWords(raw: string): string {
  const clean = raw.replace(/,/g, "");
  const negative = clean.startsWith("-");
  const [int, frac] = clean.replace(/^-/, "").split(".");
  let words = integerToWords(Number(int || "0"));
  if (frac && /[1-9]/.test(frac))
    words +=
      " point " +
      frac
        .replace(/0+$/, "")
        .split("")
        .map((d) => ONES[Number(d)])
        .join(" ");
  return negative ? `minus ${words}` : words;
}

const UNIT_WORDS: Record<string, [singular: string, plural: string]> = {
  kg: ["kilo", "kilos"],
  kgs: ["kilo", "kilos"],
  lb: ["pound", "pounds"],
  lbs: ["pound", "pounds"],
  s: ["second", "seconds"],
  sec: ["second", "seconds"],
  secs: ["second", "seconds"],
  min: ["minute", "minutes"],
  mins: ["minute", "minutes"],
  km: ["kilometre", "kilometres"],
  m: ["metre", "metres"],
  "%": ["percent", "percent"],
};

const ABBREVIATIONS: [RegExp, string][] = [
  [/\be1RM\b/gi, "estimated one rep max"],
  [/\b1RM\b/gi, "one rep max"],
  [/\bRPE\b/g, "R P E"],
  [/\bPRs\b/g, "P Rs"],
  [/\bPR\b/g, "P R"],
  [/\bAMRAP\b/gi, "as many reps as possible"],
];

const NUM = String.raw`\d[\d,]*(?:\.\d+)?`;

export function speakable(text: string): string {
  let out = text.normalize("NFKC");
  for (const [re, words] of ABBREVIATIONS) out = out.replace(re, words);
  out = out.replace(/\+(?=\d)/g, "plus ");
  // "100 × 5", "100x5", "3 x 8": weight for reps / sets by reps.
  out = out.replace(new RegExp(`(${NUM})\\s*(kg|lb|lbs)?\\s*[×xX*]\\s*(${NUM})`, "g"), (_m, a: string, unit: string | undefined, b: string) => {
    const unitWords = unit ? ` ${UNIT_WORDS[unit.toLowerCase()][a === "1" ? 0 : 1]}` : "";
    return `${numberToWords(a)}${unitWords} for ${numberToWords(b)}`;
  });
  // "Set 3/5" → "three of five".
  out = out.replace(new RegExp(`(${NUM})\\s*/\\s*(${NUM})`, "g"), (_m, a: string, b: string) => `${numberToWords(a)} of ${numberToWords(b)}`);
  // Number + unit ("102.5 kg", "90s", "-15 s", "80%").
  out = out.replace(new RegExp(`(${NUM})\\s*(kgs?|lbs?|secs?|s|mins?|km|m|%)(?![A-Za-z])`, "gi"), (_m, n: string, unit: string) => {
    const [one, many] = UNIT_WORDS[unit.toLowerCase()];
    return `${numberToWords(n)} ${Number(n.replace(/,/g, "")) === 1 ? one : many}`;
  });
  out = out.replace(new RegExp(NUM, "g"), (n) => numberToWords(n));
  out = out
    .replace(/[·•—–]/g, ", ")
    .replace(/\s+/g, " ")
    .trim();
  return out;
}
