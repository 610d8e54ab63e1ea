import { validUpdates, type FieldKey, type FieldUpdates, type FieldValues, type Goal, type MethodologyId } from "./fields";
import { INJURY_WORDS, parseInjuries } from "./injuries";

/**
 * The deterministic extractor (offline model): keyword and pattern rules that read every field
 * an answer mentions, not just the one asked. The field being asked gets looser rules (a bare
 * "4" answers "how many days a week?"); other fields need an explicit phrase ("4 days a week").
 * Pure: the same text and question always give the same result.
 */
export type AskKey = FieldKey | "history_confirm";

export interface Extraction {
  updates: FieldUpdates;
  /** "I already told you" / "as I said". */
  alreadyTold: boolean;
  /** "skip", "don't know", "rather not say". */
  skip: boolean;
  /** Yes / no at the start of the answer (for confirmation questions), else null. */
  affirm: boolean | null;
  /**
   * Fields the lifter explicitly corrects ("actually…", "no, I meant…", "scratch that"): only these
   * may replace an earlier answer; everything else adds to it (merge rules in engine.ts).
   */
  corrects: FieldKey[];
  /** Values the lifter takes back ("not fat loss", "my knee is fine"); applied only when corrected. */
  removes: { goals?: Goal[]; injuries?: string[] };
  /** Values other answers suggest but the lifter did not choose ("peaking for a meet" → a peaking block). */
  implied: { methodology?: MethodologyId };
}

/** Correction markers. "Actually" only at the start of a sentence or after "it's/I'm/…", not "I actually love squats". */
const CORRECTION =
  /(?:^|[.!?;]\s*|\b(?:no|oh|wait|sorry|um|hmm|ok|okay|oops|err|ah|sorry),?\s+)actually\b|\b(?:it'?s|it is|i'?m|i am|that'?s|that is|i have|i do|i train|i go|i can|i'd|i want|i prefer|i use|i'?ve|my \w+ is)\s+actually\b|\bscratch that\b|\bno,? i meant\b|\bi meant\b|\bcorrection\b|\bi misspoke\b|\bon second thought\b|\blet me correct\b|\bchange (?:that|it|my \w+) to\b|\bmake (?:that|it) (?!clear)\w+|\bnot \d+(?:\.\d+)?\b|\bforget (?:about )?(?:the|that|what i said|my)\b|\bignore (?:that|what i said)\b|\bi was wrong\b|\bwrong,|^(?:no|nope),\s|\binstead\b|\bnot anymore\b|\bno longer\b|\bi take (?:that|it) back\b/;

const NUMBER_WORDS: Record<string, number> = {
  zero: 0,
  one: 1,
  a: 1,
  an: 1,
  once: 1,
  two: 2,
  twice: 2,
  couple: 2,
  three: 3,
  thrice: 3,
  few: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
};
const NUM = String.raw`(\d+(?:\.\d+)?|zero|one|an?|once|two|twice|couple|three|thrice|few|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty)`;

function num(word: string | undefined): number | null {
  if (!word) return null;
  const w = word.toLowerCase();
  if (/^\d/.test(w)) return Number(w);
  return NUMBER_WORDS[w] ?? null;
}

function clauses(t: string): string[] {
  return t
    .split(/[.;!?\n]+|,\s*(?=but\b)|\bbut\b/)
    .map((s) => s.trim())
    .filter(Boolean);
}

const ALREADY_TOLD =
  /\b(already (told|said|answered|mentioned|gave|covered)|i told you|told you (that|already|before)|i just said|as i said|like i said|i said that|i've said)\b/;
const SKIP =
  /^(skip|pass|next( question)?|n\/?a|no idea|not sure|don'?t know|dunno|idk|prefer not to (say|answer)|rather not( say)?|no comment|no preference|whatever)\b/;
const YES =
  /^(yes|yeah|yep|yup|correct|right(?=\s*[,.!;]|\s*$|\s+(?:on|yes))|exactly|that'?s (right|correct|it)|sounds (right|about right|good|great)|spot on|true|sure|ok(ay)?|pretty much|mostly|affirmative|do it|go for it|let'?s do (it|that)|perfect|please do|that works|works for me|run (it|that|the))\b/;
const NO = /^(no|nope|not really|not quite|wrong|incorrect|nah|not exactly)\b/;

export function extractAnswer(text: string, ctx: { asking: AskKey | null }): Extraction {
  const raw = text.trim().slice(0, 2000);
  const f = extractFields(raw, ctx.asking);
  const corrects = correctedFields(raw, ctx.asking);
  // "I want to get stronger. Actually, scratch that, I mainly want to build muscle": for a
  // corrected field, what the answer says from the correction on wins over what came before it.
  const sentences = raw.split(/(?<=[.!?;\n])\s+/);
  const first = sentences.findIndex((x) => CORRECTION.test(x.toLowerCase().replace(/[’‘]/g, "'")));
  if (first > 0 && corrects.length) {
    const after = extractFields(sentences.slice(first).join(" "), ctx.asking);
    for (const k of corrects) if (k in after.updates) (f.updates as Record<string, unknown>)[k] = (after.updates as Record<string, unknown>)[k];
  }
  const t = raw.toLowerCase().replace(/[’‘]/g, "'");
  const alreadyTold = ALREADY_TOLD.test(t);
  const skip = !alreadyTold && SKIP.test(t) && !(ctx.asking && ctx.asking in f.updates);
  return { ...f, corrects, alreadyTold, skip, affirm: YES.test(t) ? true : NO.test(t) ? false : null };
}

/** The fields named in the sentences that carry a correction marker (or the sentence after a bare "scratch that."). */
function correctedFields(raw: string, asking: AskKey | null): FieldKey[] {
  const sentences = raw.split(/(?<=[.!?;\n])\s+/).filter((x) => x.trim());
  const out = new Set<FieldKey>();
  sentences.forEach((sentence, i) => {
    const lower = sentence.toLowerCase().replace(/[’‘]/g, "'");
    if (!CORRECTION.test(lower)) return;
    const keysOf = (x: string) => {
      const r = extractFields(x, asking);
      return [...Object.keys(r.updates), ...Object.keys(r.removes)] as FieldKey[];
    };
    let keys = keysOf(sentence);
    if (!keys.length && sentences[i + 1]) keys = keysOf(`${sentence} ${sentences[i + 1]}`);
    for (const k of keys) out.add(k);
  });
  return [...out];
}

function extractFields(raw: string, asking: AskKey | null): Pick<Extraction, "updates" | "removes" | "implied"> {
  // "4 days, not 3" — drop the negated alternative so the rules see only what is meant.
  const t = raw
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/\b(not|instead of|rather than)\s+\d+(\.\d+)?(\s*(days?|times|x|years?|months?|hours?|h))?\b/g, " ");
  const is = (k: FieldKey) => asking === k;
  const u: Record<string, unknown> = {};
  const removes: Extraction["removes"] = {};

  u.frequency = frequency(t, is("frequency"));
  u.sessionLength = sessionLength(t, is("sessionLength"));
  u.experienceYears = experience(t, is("experienceYears"));
  u.age = age(t, is("age"));
  // "no, I meant my right knee": in a correction a bare body part is about injuries.
  const inj = parseInjuries(raw, is("injuries"), CORRECTION.test(t) && /\b(meant|actually|not the|not my)\b/.test(t));
  u.injuries = inj.injuries;
  if (inj.cleared.length) removes.injuries = inj.cleared;
  u.restrictions = inj.restrictions.length ? inj.restrictions : undefined;
  u.equipment = equipment(t, is("equipment"));
  u.coachingStyle = coachingStyle(t, is("coachingStyle"));
  u.voice = voice(t);
  u.units = units(t, is("units"));
  const g = goals(t, is("goals"));
  u.goals = g.goals;
  if (g.removed.length) removes.goals = g.removed;
  u.timeline = timeline(raw, t, is("timeline"));
  u.recovery = recovery(t, is("recovery"));
  u.methodology = methodology(t, is("methodology"));
  const moves = movements(t, asking);
  u.favoriteMovements = moves.favorite;
  // A movement the answer restricts at a scope ("high-volume good mornings") is that rule, not also a dislike.
  const restricted = inj.restrictions.map((r) => r.movement);
  u.dislikedMovements = moves.disliked?.filter((d) => !restricted.some((r) => sameMovement(r, d)));
  u.successMetrics = is("successMetrics") ? successMetrics(t) : undefined;
  u.competition = competition(t, is("competition"));
  u.nutrition = nutrition(t, is("nutrition"));
  u.learningStyle = learningStyle(t, is("learningStyle"));
  u.checkIn = checkIn(t, is("checkIn"));
  if (is("motivation") && !SKIP.test(t) && !ALREADY_TOLD.test(t)) u.motivation = raw.replace(/\s+/g, " ").slice(0, 200);

  const updates = validUpdates(u);
  const implied: Extraction["implied"] = {};
  if (!updates.methodology && PEAKING.test(t) && !/\b(not|no|never)\s+(peaking|competing)\b/.test(t)) implied.methodology = "peaking";
  return { updates, removes, implied };
}

/** Meet prep in any words: the goals imply a peaking block (asked as a suggestion, not assumed). */
const PEAKING =
  /\bpeak(?:ing)?\b|\bmeet prep\b|\bprepping for (?:a|my|the) (?:meet|comp\w*)\b|\b(?:meet|competition|comp) (?:is )?(?:in|on) (?:\d|a |two|three|four|five|six|eight|ten|twelve|sixteen|[a-z]+ \d)|\bmeet (?:coming up|on the calendar)\b|\b(?:getting ready|preparing) for (?:a|my|the) (?:meet|competition)\b/;

function frequency(t: string, asked: boolean): number | undefined {
  const perWeek = new RegExp(
    String.raw`\b${NUM}(?:\s*(?:-|to|or)\s*(\d+|two|three|four|five|six))?\s*(?:x|×|times|days?|sessions?|workouts?)\s*(?:a|per|\/|each|every|in a)?\s*(?:w(?:ee)?k|week)\b`,
  ).exec(t);
  if (perWeek) {
    const a = num(perWeek[1]);
    const b = num(perWeek[2]);
    if (a !== null) return Math.round(b !== null ? (a + b) / 2 : a);
  }
  if (/\b(every ?day|daily|7 days)\b/.test(t) && /\b(train|lift|gym|work ?out)/.test(t)) return 7;
  if (!asked) return undefined;
  if (/\b(every ?day|daily)\b/.test(t)) return 7;
  const bare = new RegExp(
    String.raw`\b${NUM}(?:\s*(?:-|to|or)\s*(\d+|two|three|four|five|six))?\b(?!\s*(?:years?|months?|min|minutes|hours?|kg|lbs?))`,
  ).exec(t);
  const a = num(bare?.[1]);
  const b = num(bare?.[2]);
  if (a === null || a < 1 || a > 14) return undefined;
  return Math.round(b !== null ? (a + b) / 2 : a);
}

function sessionLength(t: string, asked: boolean): number | undefined {
  const mins = /\b(\d{2,3})(?:\s*(?:-|to)\s*(\d{2,3}))?\s*(?:min|mins|minutes)\b/.exec(t);
  if (mins) return Math.round(mins[2] ? (Number(mins[1]) + Number(mins[2])) / 2 : Number(mins[1]));
  const sessionContext = asked || /\b(session|workout|training)s?\b[^.]{0,30}\b(last|take|about|around)|\b(last|take)s?\b[^.]{0,20}\bhour/.test(t);
  if (!sessionContext) return undefined;
  if (/\b(an? )?hour and a half\b|\b1\.5 ?h(ours?)?\b/.test(t)) return 90;
  const hours = /\b(\d(?:\.\d+)?|an?|one|two)\s*(?:h|hrs?|hours?)\b(?!\s*(?:of\s+)?sleep)/.exec(t);
  if (hours && !/sleep/.test(t.slice(Math.max(0, hours.index - 15), hours.index))) return Math.round((num(hours[1]) ?? 1) * 60);
  if (asked) {
    const bare = /\b(\d{2,3})\b/.exec(t);
    if (bare) return Number(bare[1]);
  }
  return undefined;
}

const TRAINING_WORDS =
  /\b(lift\w*|train\w*|gym|crossfit|powerlift\w*|weightlift\w*|work(ing|ed)? ?out|bodybuild\w*|strongman|exercis\w*|doing|done|been|experience|sport|running|calisthenics)\b/;

function experience(t: string, asked: boolean): number | undefined {
  if (
    /\b(never (lifted|trained|been to a gym|worked out|done)|new to (this|lifting|training|the gym|working out|weights|fitness)|(just|only) (start(ed|ing)|beginning)|complete beginner|total beginner|first time|haven'?t (lifted|trained|worked out))/.test(
      t,
    )
  )
    return 0;
  if (asked && /^(none|never|zero|no experience|nothing)\b/.test(t)) return 0;
  const since = /\bsince (19[5-9]\d|20[0-4]\d)\b/.exec(t);
  if (since && (asked || TRAINING_WORDS.test(t))) return Math.max(0, new Date().getUTCFullYear() - Number(since[1]));
  const re = new RegExp(String.raw`\b(half an?|${NUM}(?:\s*(?:-|to)\s*\d+)?)\s*\+?\s*(?:and a half\s+)?(years?|yrs?|months?)\b`, "g");
  for (const m of t.matchAll(re)) {
    const before = t.slice(Math.max(0, m.index - 14), m.index);
    const after = t.slice(m.index + m[0].length, m.index + m[0].length + 8);
    if (/\b(in|within|next|by|for the next)\s*$/.test(before) || /^\s*old\b/.test(after) || /\bago\s*$/.test(before)) continue;
    if (/^\s*ago\b/.test(after)) continue; // "hurt it 2 years ago"
    const sentence = clauses(t).find((c) => c.includes(m[0])) ?? t;
    if (!asked && !TRAINING_WORDS.test(sentence)) continue;
    if (/\b(injur|hurt|surgery|pain|sleep)/.test(sentence) && !TRAINING_WORDS.test(sentence.replace(/\bbeen\b/g, ""))) continue;
    let n = m[1].startsWith("half") ? 0.5 : num(m[1].split(/\s*(?:-|to)\s*/)[0]);
    if (n === null) continue;
    if (/and a half/.test(m[0])) n += 0.5;
    return /^month/.test(m[m.length - 1] ?? "") ? Math.round((n / 12) * 10) / 10 : n;
  }
  if (asked) {
    const bare = /^(\d+(?:\.\d+)?)\s*$/.exec(t);
    if (bare) return Number(bare[1]);
  }
  return undefined;
}

function age(t: string, asked: boolean): number | undefined {
  const m =
    /\b(\d{2})\s*(?:years? old|y\/?o|yrs old)\b/.exec(t) ??
    /\bage(?:d)?\s*:?\s*(\d{2})\b/.exec(t) ??
    /\bi'?m\s+(\d{2})\b(?!\s*(?:kg|kilos?|lbs?|pounds|%|min|minutes|years? of|days|hours))/.exec(t);
  if (m) return Number(m[1]);
  const decade = /\bin my (?:early |mid |late )?(20|30|40|50|60|70)s\b/.exec(t);
  if (decade) return Number(decade[1]) + 5;
  if (asked) {
    const bare = /^(?:i'?m\s+)?(\d{2})\b/.exec(t);
    if (bare) return Number(bare[1]);
  }
  return undefined;
}

function equipment(t: string, asked: boolean): FieldValues["equipment"] | undefined {
  if (/\b(no equipment|bodyweight only|just bodyweight|calisthenics|nothing at home|no gym)\b/.test(t)) return "bodyweight";
  if (
    /\b(home|garage|basement|shed) gym\b|\b(rack|barbell|power rack|squat rack)\b[^.]{0,20}\bat home\b|\bat home\b[^.]{0,30}\b(rack|barbell)\b/.test(
      t,
    )
  )
    return "home_gym";
  if (
    /\b(commercial|full|big|local|university|college|globo|chain) gym\b|\bgym membership\b|\b(go|going) to (a|the) gym\b|\bplanet fitness\b|\bcrossfit (box|gym)\b/.test(
      t,
    )
  )
    return "full_gym";
  if (!asked) return undefined;
  if (/\bgym\b/.test(t)) return "full_gym";
  if (/\b(dumbbells?|kettlebells?|bands?|resistance bands?|trx)\b/.test(t)) return "minimal";
  if (/\b(bodyweight|nothing|none|park|outside)\b/.test(t)) return "bodyweight";
  if (/\bhome\b/.test(t)) return "minimal";
  return undefined;
}

function coachingStyle(t: string, asked: boolean): FieldValues["coachingStyle"] | undefined {
  const direct =
    /\b(direct|blunt|straight[- ]to[- ]the[- ]point|straight ?forward|no[- ]nonsense|tough love|hard on me|drill sergeant|brutally honest|strict|no fluff|no sugar[- ]?coating)\b/.test(
      t,
    );
  const encouraging = /\b(encourag\w*|supportive|gentle|positive|kind|patient|cheer\w*|upbeat|lots of praise|nice to me)\b/.test(t);
  const balanced = /\b(balanced|in between|in-between|somewhere between|mix|a bit of both|both|middle)\b/.test(t);
  if (direct && encouraging) return "balanced";
  if (direct) return "direct";
  if (encouraging) return "encouraging";
  if (asked && balanced) return "balanced";
  return undefined;
}

function voice(t: string): FieldValues["voice"] | undefined {
  const a = t.search(/\balice\b/);
  const b = t.search(/\baiden\b/);
  if (a < 0 && b < 0) return undefined;
  if (a >= 0 && b >= 0) {
    if (/\bnot alice\b/.test(t)) return "aiden";
    if (/\bnot aiden\b/.test(t)) return "alice";
    return a < b ? "alice" : "aiden";
  }
  return a >= 0 ? "alice" : "aiden";
}

function units(t: string, asked: boolean): FieldValues["units"] | undefined {
  const kg = /\b(kgs?|kilos?|kilograms?|metric)\b/;
  const lb = /\b(lbs?|pounds?|imperial)\b/;
  if (asked) {
    if (kg.test(t) && !lb.test(t)) return "kg";
    if (lb.test(t) && !kg.test(t)) return "lb";
    return undefined;
  }
  const pref =
    /\b(use|prefer|in|think in|work in|track in|meant|make (?:that|it)|actually)\s+(kgs?|kilos?|kilograms?|metric|lbs?|pounds?|imperial)\b/.exec(t);
  if (!pref || /\b(lose|lost|gain|gained|down|up)\b/.test(t.slice(Math.max(0, pref.index - 20), pref.index))) return undefined;
  return kg.test(pref[2]) ? "kg" : "lb";
}

const GOAL_RULES: [RegExp, Goal][] = [
  [/\b(powerlift\w*|meet|my total|(bigger|higher) total)\b/, "powerlifting"],
  [
    /\b(strong(er)?|strength|lift heavier|heavier|weightlifting|olympic lift\w*|strongman|bigger (bench|squat|deadlift|press|lifts?|numbers)|(bench|squat|deadlift) more)\b/,
    "strength",
  ],
  [
    /\b(muscle|muscular|size|bigger(?! (total|bench|squat|deadlift|press|lifts?|numbers))|hypertrophy|bulk\w*|gain mass|aesthetic\w*|physique|bodybuilding|get big|jacked|swole)\b/,
    "hypertrophy",
  ],
  [
    /\b(lose\b[^.,;]{0,25}\b(weight|fat|belly|gut|pounds|lbs|kilos|kg|stone|inches|tummy)|(belly|body|stomach) fat|fat loss|weight loss|lean(er)?|cut(ting)?|tone|toned|drop\b[^.,;]{0,20}\b(weight|fat|pounds|kilos|kg|lbs|body ?fat|dress size|sizes?)|shed\b[^.,;]{0,20}\b(weight|fat|pounds|kilos|kg|lbs)|slim\w*|shred\w*|get rid of\b[^.,;]{0,20}\b(belly|gut|fat|love handles)|trim down|lose the (belly|gut|dad bod))\b/,
    "fat_loss",
  ],
  [/\b(endurance|conditioning|cardio|stamina|marathon|5k|10k|hyrox|engine|run (faster|further|longer))\b/, "endurance"],
  [/\b(sports?|athletic\w*|athlete|jump higher|faster|speed|football|soccer|rugby|basketball|hockey)\b/, "athletic"],
  [/\b(health(y|ier)?|longevity|mobility|bone density|blood pressure|age well|live longer)\b/, "health"],
  [/\b(fit(ter)?|fitness|in shape|feel better|general)\b/, "general_fitness"],
];
const GOAL_NEGATION =
  /\b(not|don'?t|no longer|never|without|forget(?: about)?|scratch|drop(?:ping)? the|less about|rather than|instead of|isn'?t|aren'?t|no interest in|not interested in)\b[^,]{0,30}$/;

function goals(t: string, asked: boolean): { goals: Goal[] | undefined; removed: Goal[] } {
  const parts = t
    .split(/[.;!?\n]+|,\s*|\s+\bbut\b\s+/)
    .map((s) => s.trim())
    .filter(Boolean);
  const out: Goal[] = [];
  const removed: Goal[] = [];
  for (const c of parts) {
    const relevant =
      asked ||
      /\b(want|goal|aim|trying to|looking to|hope|hoping|(?:would|'d) (?:\w+ )?(?:like|love)|wanna|plan to|focus|need to|trying|keen to)\b/.test(c);
    for (const [re, g] of GOAL_RULES) {
      const m = re.exec(c);
      if (!m) continue;
      if (GOAL_NEGATION.test(c.slice(0, m.index))) {
        if (!removed.includes(g)) removed.push(g);
      } else if (relevant && !out.includes(g)) out.push(g);
    }
  }
  const goals = out.filter((g) => !removed.includes(g));
  return { goals: goals.length ? goals.slice(0, 6) : undefined, removed };
}

const MONTH_OR_SEASON =
  /\bby (summer|spring|winter|fall|autumn|christmas|new year|the end of the year|(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*( \d{4})?|\d{4})\b/;
function timeline(raw: string, t: string, asked: boolean): string | undefined {
  const span =
    /\b(?:in|within|by|for|next|over)\s+(?:the next\s+)?((?:\d+|a|one|two|three|four|five|six|eight|ten|twelve|sixteen)\s+(?:weeks?|months?|years?))\b/.exec(
      t,
    );
  const season = MONTH_OR_SEASON.exec(t);
  const event = /\b(meet|competition|wedding|holiday|vacation|event|race|marathon|season)\b/.test(t);
  if (span && (asked || event || /\b(goal|want|by|aim)\b/.test(t))) return `within ${span[1]}`;
  if (season && (asked || event || /\b(goal|want|aim)\b/.test(t))) return season[0];
  if (!asked) return undefined;
  if (/\b(no rush|no deadline|long[- ]term|no timeline|whenever|ongoing|no date|no time frame|lifelong|forever)\b/.test(t))
    return "no fixed deadline";
  if (SKIP.test(t) || ALREADY_TOLD.test(t)) return undefined;
  return raw.replace(/\s+/g, " ").slice(0, 80) || undefined;
}

function recovery(t: string, asked: boolean): FieldValues["recovery"] | undefined {
  const sleepRe =
    /\b(\d{1,2}(?:\.\d)?)(?:\s*(?:-|to)\s*(\d{1,2}(?:\.\d)?))?\s*(?:h|hrs?|hours?)\b\s*(?:of\s+)?(?:sleep|a night|per night|each night|nightly)/.exec(
      t,
    ) ?? /\bsleep\w*\s+(?:is\s+)?(?:about|around|roughly|~|maybe)?\s*(\d{1,2}(?:\.\d)?)(?:\s*(?:-|to)\s*(\d{1,2}(?:\.\d)?))?/.exec(t);
  let sleep: number | null = sleepRe ? (sleepRe[2] ? (Number(sleepRe[1]) + Number(sleepRe[2])) / 2 : Number(sleepRe[1])) : null;
  let stress: "low" | "moderate" | "high" | null = null;
  if (/\b(high|very high|lots of|a lot of|crazy|super high) stress|\bstress(ful|ed)\b|\bstress(?: level)? is (high|very high)/.test(t))
    stress = "high";
  else if (/\b(low|little|not much|minimal|no real) stress|\bstress(?: level)? is (low|fine|ok)|\bnot (very )?stressed\b/.test(t)) stress = "low";
  else if (/\b(moderate|medium|some|average|normal) stress|\bstress(?: level)? is (moderate|medium|ok-ish|average)/.test(t)) stress = "moderate";
  if (asked) {
    if (sleep === null) {
      const bare = /\b(\d{1,2}(?:\.\d)?)\s*(?:h|hrs?|hours?)?\b/.exec(t);
      if (bare && Number(bare[1]) <= 12 && Number(bare[1]) >= 3) sleep = Number(bare[1]);
    }
    if (stress === null) {
      if (/\b(high|very|lots|a lot)\b/.test(t)) stress = "high";
      else if (/\b(low|little|chill|relaxed)\b/.test(t)) stress = "low";
      else if (/\b(moderate|medium|average|normal|ok|okay|so-so)\b/.test(t)) stress = "moderate";
    }
  }
  if (sleep === null && stress === null) return undefined;
  return { sleepHours: sleep, stress };
}

function methodology(t: string, asked: boolean): FieldValues["methodology"] | undefined {
  if (/\b(peaking (block|program|cycle|phase)|peak(ing)? block|meet prep (block|program))\b/.test(t)) return "peaking";
  if (asked && /\bpeak(ing)?\b/.test(t)) return "peaking";
  if (/\b5\/3\/1\b|\b531\b|\bwendler\b/.test(t)) return "five_three_one";
  if (/\b(conjugate|westside|max effort|dynamic effort)\b/.test(t)) return "conjugate";
  if (/\b(block periodi[sz]ation|rpe[- ]based|autoregulat\w*|rts|daily undulating|dup)\b/.test(t)) return "rpe_blocks";
  if (/\b(linear progression|starting strength|stronglifts|5x5|greyskull|gzcl)\b/.test(t)) return "novice_linear";
  if (/\b(hypertrophy blocks?|bodybuilding split|ppl|push[/ ]pull[/ ]legs?|bro split)\b/.test(t)) return "hypertrophy_blocks";
  if (!asked) return undefined;
  if (/\b(rpe|periodi[sz]ation|blocks?|peaking)\b/.test(t)) return "rpe_blocks";
  if (/\b(hypertrophy|bodybuilding|upper[/ ]lower|split)\b/.test(t)) return "hypertrophy_blocks";
  if (/\b(crossfit|metcon|conditioning|hybrid|hyrox|wods?)\b/.test(t)) return "conditioning";
  if (/\b(linear|simple|basic|beginner)\b/.test(t)) return "novice_linear";
  if (/\b(no preference|you (pick|choose|decide)|whatever|don'?t know|not sure|surprise me|up to you|no idea|none|no)\b/.test(t)) return "none";
  return undefined;
}

const MOVEMENTS: [RegExp, string][] = [
  [/\bfront squats?\b/, "front squats"],
  [/\bsquats?\b/, "squats"],
  [/\b(romanian deadlifts?|rdls?)\b/, "romanian deadlifts"],
  [/\bdeadlifts?\b/, "deadlifts"],
  [/\bbench( press(ing)?)?\b/, "bench press"],
  [/\b(overhead press(ing)?|ohp|military press|shoulder press)\b/, "overhead pressing"],
  [/\b(pull[- ]?ups?|chin[- ]?ups?)\b/, "pull-ups"],
  [/\brows?\b/, "rows"],
  [/\blunges?\b/, "lunges"],
  [/\bburpees?\b/, "burpees"],
  [/\b(running|runs|treadmill)\b/, "running"],
  [/\bdips\b/, "dips"],
  [/\bhip thrusts?\b/, "hip thrusts"],
  [/\b(kettlebell )?swings\b/, "kettlebell swings"],
  [/\b(snatch(es)?|clean and jerks?|cleans|olympic lifts?)\b/, "olympic lifts"],
  [/\bpush[- ]?ups?\b/, "push-ups"],
  [/\bleg press\b/, "leg press"],
  [/\bcurls?\b/, "curls"],
  [/\bbox jumps?\b/, "box jumps"],
  [/\bthrusters?\b/, "thrusters"],
  [/\b(rowing machine|erg|rower)\b/, "rowing machine"],
];

/** Variant words kept with the lift ("pause squats", "deficit deadlifts", "close-grip bench press"). */
const VARIANT =
  /\b(pause[d]?|tempo|deficit|block|box|front|back|sumo|conventional|close[- ]grip|wide[- ]grip|incline|decline|spoto|pin|safety[- ]bar|ssb|high[- ]bar|low[- ]bar|stiff[- ]leg(?:ged)?|trap[- ]bar|hex[- ]bar|larsen|floor|bulgarian split|goblet|zercher|strict|weighted|push|landmine|dumbbell|db|barbell|cable|pendlay|seal|chest[- ]supported|walking|reverse|belt|hack|overhead|bent[- ]over)\s+$/;

function mentionsIn(clause: string): string[] {
  const out: string[] = [];
  let rest = clause;
  for (const [re, name] of MOVEMENTS) {
    const m = new RegExp(re.source).exec(rest);
    if (!m) continue;
    const variant = VARIANT.exec(rest.slice(Math.max(0, m.index - 24), m.index))?.[1];
    const label =
      variant && !name.startsWith(variant)
        ? `${variant.replace(/\s+/g, "-").replace(/^(pause)d$/, "$1")} ${name}`.replace(/^(close|wide)-grip-/, "$1-grip ")
        : name;
    out.push(label.replace(/^(bulgarian)-split/, "$1 split").slice(0, 60));
    rest = rest.replace(new RegExp(re.source, "g"), " ");
  }
  return out;
}

function movements(t: string, asking: AskKey | null): { favorite?: string[]; disliked?: string[] } {
  const favorite: string[] = [];
  const disliked: string[] = [];
  for (const c of clauses(t)) {
    // Movements in injury talk are restrictions (injuries.ts), at the scope said — not dislikes.
    if (asking === "injuries" || (INJURY_WORDS.test(c) && !/\b(hate|dislike|can'?t stand|not a fan|loathe|boring)\b/.test(c))) continue;
    const ms = mentionsIn(c);
    if (!ms.length) continue;
    if (/\b(hate|dislike|can'?t stand|not a fan|don'?t (like|enjoy|want)|do not want|loathe|avoid|rather not|no more)\b/.test(c))
      disliked.push(...ms);
    else if (/\b(love|like|enjoy|favou?rite|fav|fun|best part)\b/.test(c)) favorite.push(...ms);
    else if (asking === "favoriteMovements") favorite.push(...ms);
    else if (asking === "dislikedMovements") disliked.push(...ms);
  }
  const none = /^(none|no|nope|nothing|not really|i like (everything|it all))\b/.test(t);
  return {
    favorite: favorite.length ? [...new Set(favorite)] : undefined,
    disliked: disliked.length ? [...new Set(disliked)] : asking === "dislikedMovements" && none ? [] : undefined,
  };
}

/** "heavy squats" and "squats", "good mornings" and "good morning": the same movement. */
function sameMovement(a: string, b: string): boolean {
  const head = (x: string) =>
    x
      .toLowerCase()
      .replace(/(?:es|s)$/, "")
      .split(/\s+/)
      .at(-1) ?? x;
  return a.includes(b) || b.includes(a) || head(a) === head(b);
}

function successMetrics(t: string): FieldValues["successMetrics"] | undefined {
  const out: FieldValues["successMetrics"] = [];
  if (/\b(prs?|1rm|e1rm|total|numbers|stronger|weight on the bar|lifts? going up|strength)\b/.test(t)) out.push("strength_numbers");
  if (/\b(mirror|look|looks|physique|aesthetic\w*|photos?)\b/.test(t)) out.push("physique");
  if (/\b(scale|bodyweight|weigh\w*|weight class)\b/.test(t)) out.push("bodyweight");
  if (/\b(consisten\w*|showing up|show up|streak|habit)\b/.test(t)) out.push("consistency");
  if (/\b(times?|pace|faster|performance|benchmarks?|wods?)\b/.test(t)) out.push("performance");
  if (/\b(blood|health|doctor|markers|energy)\b/.test(t)) out.push("health_markers");
  return out.length ? out : undefined;
}

function competition(t: string, asked: boolean): FieldValues["competition"] | undefined {
  const competing = /\b(compete|competing|meet|competition|federation|usapl|ipf|uspa|on the platform|contest|show)\b/.test(t);
  if (competing && !/\b(no|not|never|don'?t)\b[^.]{0,15}\b(compete|competing|competition)/.test(t)) {
    if (/\bpowerlift\w*|\bmeet\b|\busapl|\bipf|\buspa/.test(t)) return "powerlifting";
    if (/\b(weightlift\w*|olympic lifting)\b/.test(t)) return "weightlifting";
    if (/\bstrongman\b/.test(t)) return "strongman";
    if (/\bcrossfit\b/.test(t)) return "crossfit";
    if (/\b(bodybuild\w*|physique|show)\b/.test(t)) return "bodybuilding";
    if (asked) return "other";
  }
  if (asked && /^(no|nope|not really|never|nah|not interested|no plans|maybe (one day|someday|later))\b/.test(t)) return "none";
  return undefined;
}

function nutrition(t: string, asked: boolean): FieldValues["nutrition"] | undefined {
  if (/\b(track(ing)? macros|count(ing)? (calories|macros)|macro tracking|detailed)\b/.test(t)) return "detailed";
  if (!asked) return undefined;
  if (/^(no|nope|none|not really|nah|just training|training only)\b/.test(t)) return "none";
  if (/\b(basic|basics|some|a bit|a little|general|simple|yes|sure|yeah)\b/.test(t)) return "basic";
  return undefined;
}

function learningStyle(t: string, asked: boolean): FieldValues["learningStyle"] | undefined {
  if (/\b(show me the (data|numbers)|i (like|love) (data|numbers|charts|graphs)|data nerd)\b/.test(t)) return "data";
  if (!asked) return undefined;
  if (/\b(data|numbers|charts?|graphs?|stats|e1rm|metrics)\b/.test(t)) return "data";
  if (/\b(why|explain\w*|explanations?|understand|reasoning|detail\w*)\b/.test(t)) return "explained";
  if (/\b(brief|short|just tell me|quick|cues?|simple|concise)\b/.test(t)) return "brief";
  return undefined;
}

function checkIn(t: string, asked: boolean): FieldValues["checkIn"] | undefined {
  if (!asked && !/\bcheck[- ]?ins?\b|\bcheck in\b/.test(t)) return undefined;
  if (/\b(every (session|workout|time)|after (each|every) (session|workout)|per session|daily|every day)\b/.test(t)) return "every_session";
  if (/\b(weekly|once a week|every week|each week)\b/.test(t)) return "weekly";
  if (/\b(monthly|once a month|every month|each month)\b/.test(t)) return "monthly";
  return undefined;
}
