import type { InjuryEntry, Restriction, RestrictionScope } from "./fields";

/**
 * Injuries in the lifter's words → structured entries: body area, side, current or past, the
 * condition, the sentence it came from, and the restrictions they stated at the scope they stated
 * them ("no behind-the-neck pressing" bans one movement; "careful with high-volume good mornings"
 * limits volume of one movement). Nothing here invents a restriction: defaults for an injury the
 * lifter gave no instructions for are chosen later (safety.ts), and marked as defaults.
 *
 * Works on the raw text lower-cased without changing its length, so quotes keep the lifter's casing.
 */
export interface ParsedInjuries {
  /** undefined: nothing said about injuries; []: they said they have none. */
  injuries: InjuryEntry[] | undefined;
  /** Areas the lifter said are fine ("never had back problems", "knees are fine"), or took back ("upper back, not lower"). */
  cleared: string[];
  /**
   * Restrictions stated with no injury in the answer ("no behind-the-neck pressing please",
   * "I don't want to do high-volume good mornings", "it hurts when I press"), at their scope.
   */
  restrictions: Restriction[];
}

// Movement names that contain body-part words. Masked before looking for injured areas, so
// "behind-the-neck pressing" is not a neck injury and "back squats" is not a back injury.
const MOVEMENT_NAMES =
  /\b(behind[- ]the[- ]neck(?:\s+(?:press\w*|pull\w*|squats?|work))?|back (?:squats?|extensions?|raises?|off sets?|offs?|rows?)|back-off sets?|(?:hip|glute) (?:thrusts?|bridges?|hinges?|abduct\w*|adduct\w*|flexion)|(?:shoulder|chest|leg|calf|neck) (?:press\w*|raises?|fl(?:y|ies|yes)|curls?|harness\w*|bridges?)|knee (?:raises?|tucks?|sleeves?|wraps?)|wrist (?:curls?|wraps?|straps?|rollers?)|chest[- ]supported \w+|(?:hamstring|leg|quad) (?:curls?|extensions?)|elbow sleeves?|trap[- ]bar \w*|bicep curls?|biceps curls?|tricep (?:extensions?|pushdowns?)|calf raises?)\b/g;

/** Anatomical words → our area names. Upper back before the lower-back rule so "upper back pain" stays upper. */
const AREAS: [RegExp, string][] = [
  [/\b(upper back|thoracic|rhomboids?|traps?)\b/, "upper back"],
  [
    /\b(lower back|low back|lumbar|l[1-5](?:[-/]s?[1-5])?|s1|si joints?|sacroiliac|spine|spinal|(?:my|bad|hurt|tweaked|injured|strained|sore|dodgy|cranky|stiff|threw out my|put out my|messed up my)\s+back|back\s+(?:injur\w*|pain|problems?|issues?|surgery|tweak\w*|spasms?|trouble|is\b))/,
    "lower back",
  ],
  [/\b(neck|cervical|whiplash)\b/, "neck"],
  [/\b(hips?|hip flexors?|groin|adductors?|piriformis|it band)\b/, "hip"],
  [/\b(rotator cuffs?|shoulders?|ac joint|a\.c\. joint)\b/, "shoulder"],
  [/\b(elbows?|ucl)\b/, "elbow"],
  [/\b(wrists?|carpal tunnel|tfcc)\b/, "wrist"],
  [/\b(knees?|acl|mcl|pcl|meniscus|menisci|patell\w*|kneecaps?)\b/, "knee"],
  [/\b(ankles?|achilles)\b/, "ankle"],
  [/\b(foot|feet|plantar fasciitis|toes?)\b/, "foot"],
  [/\b(hamstrings?|hammy|hammies)\b/, "hamstring"],
  [/\b(quads?|quadriceps)\b/, "quad"],
  [/\b(calf|calves)\b/, "calf"],
  [/\b(pecs?|pectorals?|chest)\b/, "pec"],
  [/\b(biceps?|triceps?)\b/, "arm"],
];
/** Conditions that name their area when no body part is said ("impingement" is nearly always a shoulder). */
const IMPLIED_AREAS: [RegExp, string][] = [
  [/\b(impingement|labrum|labral|slap tear)\b/, "shoulder"],
  [/\b(discs?|sciatica|herniat\w*|bulg\w*)\b/, "lower back"],
  [/\b(tennis elbow|golfer'?s elbow)\b/, "elbow"],
];
const PLURAL_AREA = /\b(knees|shoulders|elbows|wrists|hips|ankles|hamstrings|quads|calves|pecs|feet)\b/;

export const INJURY_WORDS =
  /\b(bad|injur\w*|hurt\w*|pain\w*|sore|ache?s?|achy|tweak\w*|torn|tears?|strain\w*|sprain\w*|surgery|surgeries|operat\w*|herniat\w*|bulg\w*|impinge\w*|tendin\w*|tendon\w*|bursitis|issues?|problems?|trouble|niggl\w*|dodgy|recovering|rehab\w*|reconstruct\w*|sciatica|acl|mcl|meniscus|labrum|dislocat\w*|broke|broken|fractur\w*|arthritis|careful|limited|cranky|grumpy|flare\w*|aggravat\w*|unstable|instability|replace\w*|fused|fusion|spasms?|whiplash|plantar fasciitis|tennis elbow|golfer'?s elbow|carpal tunnel|rupture\w*|stiff|tight|clicky|clicks?|weak)\b/;

const CONDITION =
  /\b((?:disc|disk) bulge|bulging (?:disc|disk)|herniated (?:disc|disk)|slipped (?:disc|disk)|(?:disc|disk) herniation|impingement|sciatica|tendin\w+|bursitis|(?:osteo)?arthritis|sprain(?:ed)?|strain(?:ed)?|torn (?:acl|mcl|meniscus|labrum|rotator cuff|pec|bicep|hamstring)|(?:acl|mcl|meniscus|labral|labrum|rotator cuff|pec|bicep|hamstring) (?:tear|reconstruction|repair|surgery|rupture)|tear|rupture|fracture|broken|dislocat\w+|surgery|reconstruction|replacement|fusion|plantar fasciitis|tennis elbow|golfer'?s elbow|carpal tunnel|instability|spasms?)\b/;

const HEALED =
  /\b(?:(?:doesn'?t|don'?t|does not|do not|never)\s+(?:bother|hurt|affect|give)\w*[^.,;]{0,25}\b(?:anymore|any more|now|these days|since)|no longer (?:bothers?|hurts?|an issue|a problem)|(?:fully |completely )?(?:healed|recovered)|(?:fine|good|ok|okay|100 ?%|solid) now|no (?:pain|issues|problems) (?:now|anymore|since))\b/;
const PAST = /\b(old|past|previous(?:ly)?|used to|years? ago|months? ago|back in|in (?:19|20)\d\d|a while (?:ago|back)|history of|former|once had)\b/;
const CURRENT =
  /\b(still|currently|right now|at the moment|these days|flares? up|flaring|acts? up|acting up|recovering|rehab\w*|ongoing|chronic|niggl\w*|lately|recently|this (?:week|month|year)|sometimes|gets? (?:sore|cranky|achy|angry)|occasionally)\b/;
const NEGATED =
  /\b(?:no|never|not any|haven'?t|hasn'?t|don'?t|doesn'?t|never had|without|zero)\b[^.,;]{0,30}\b(?:injur\w*|problems?|issues?|pain|trouble|hurt\w*|bother\w*)|\b(?:is|are|'s|'re|feel|feels)\s+(?:totally |completely |perfectly |all |absolutely )?(?:fine|good|ok|okay|healthy|great|solid|100 ?%)\b/;
const NONE =
  /\bno (?:current |real |major |serious |significant |known )?(?:injuries|injury|limitations|issues|problems|pain)\b|\binjury[- ]free\b|\bnothing (?:hurts|injured|to report)\b|\b(?:never|haven'?t|have not) (?:been|had) (?:an? |any )?(?:serious |real )?injur/;
const BARE_NONE = /^(?:no|nope|none|nothing|nah|n\/a|not really|all good|healthy|i'?m (?:fine|good|healthy)|zero|nada)\b/;

// ---- restrictions -------------------------------------------------------------------------

const MOVE_WORD =
  /\b(press\w*|pull(?:s|ing)?|push(?:es|ing)?|bend(?:ing)?|squat\w*|deadlift\w*|dead lifts?|good ?mornings?|bench\w*|dips?|rows?|rowing|pull[- ]?ups?|chin[- ]?ups?|pulldowns?|lunges?|jump\w*|plyo\w*|running|runs?|sprint\w*|curls?|fl(?:y|ies|yes)|snatch\w*|cleans?|jerks?|push[- ]?ups?|carr(?:y|ies)|swings?|extensions?|raises?|thrusts?|hinge\w*|shrugs?|kipping|burpees?|step[- ]?ups?|skull ?crushers?|rdls?|ohp|twists?|twisting|crunch\w*|sit[- ]?ups?|overhead)\b/;
const GENERIC_MOVE = /\b(work|movements?|exercises?|lifting|loading|stuff|lifts?|training)\b/;
const QUALIFIER = /\b(overhead|axial|spinal|heavy|jumping|impact|pressing|pulling|hinging|deep|explosive|ballistic|grip)\b/;

const HEAVY_MOD =
  /\b(heavy|very heavy|maximal|max(?:es|ing)?|1rm|singles|near[- ]max(?:imal)?|above \d+ ?%|over \d+ ?(?:%|kg|kgs|lbs?|pounds)|more than \d+ ?(?:%|kg|kgs|lbs?|pounds)|(?:under|below) \d+ ?(?:%|kg|kgs|lbs?|pounds))(?!\w)/;
const VOLUME_MOD = /\b(high[- ]volume|lots of|a lot of|too many|too much|high[- ]reps?|many sets|volume|lots|loads of)\b/;
const STRIP_MOD =
  /^(?:(?:very )?heavy|maximal|max(?:es|ing)?|high[- ]volume|high[- ]reps?|lots of|a lot of|loads of|too many|too much|many|more|any|much|above \d+ ?%|over \d+ ?(?:%|kg|kgs|lbs?|pounds)|more than \d+ ?(?:%|kg|kgs|lbs?|pounds)|on|of|the|my|with|doing|to do|to|for now|sets of|reps of|volume|volume on)\s+/;

const TRIGGERS: { re: RegExp; scope: RestrictionScope; pain?: boolean }[] = [
  {
    re: /\b(?:no|please no|avoid(?:ing)?|(?:i )?(?:don'?t|do not) want to do|(?:i )?(?:don'?t|do not) want|can'?t do|cannot do|can'?t|cannot|unable to do|unable to|stay away from|skip(?:ping)?|never do|not allowed to do|not allowed|no more|nothing|don'?t do|won'?t do|must not do|doctor said no)\s+/g,
    scope: "avoid",
  },
  {
    re: /\b(?:careful (?:with|on|about|doing)|be careful (?:with|on|about|doing)|go easy on|easy on|watch(?: out for)?|cautious (?:with|about|on)|take it easy (?:on|with)|limit(?:ed)?(?: on| to)?|ease into|gentle with|light on|keep an eye on|mind(?:ful of)?)\s+/g,
    scope: "caution",
  },
  { re: /\bkeep\s+/g, scope: "caution" },
  // "flares up with skull crushers", "hurts during bench": the lifter says the movement hurts.
  {
    re: /\b(?:flares?(?: it)? up|flaring up|acts? up|hurts?|is painful|pinches) (?:with|during|when (?:i do|doing)|when i (?=squat|deadlift|bench|run|jump|lunge|sprint|row|curl|dip|snatch|clean|press|pull|push|hinge|bend|lift)|from|after)\s*/g,
    scope: "avoid",
    pain: true,
  },
  // "gets tight after heavy squats", "is sore after curls": discomfort, so care rather than a ban.
  {
    re: /\b(?:(?:is|are|gets?|feels?|goes) (?:a bit |a little |really |very )?(?:sore|cranky|angry|achy|tight|stiff)|aches?) (?:with|during|when (?:i do|doing)|from|after)\s+/g,
    scope: "caution",
  },
];
const STARTS_TRIGGER =
  /^(?:no|avoid\w*|can'?t|cannot|unable|stay|skip\w*|never|not|nothing|don'?t|won'?t|must|careful|be careful|go easy|easy on|watch|cautious|take it easy|limit\w*|ease|gentle|light on|keep|mind\w*|please)\b/;

/** "overhead pressing hurts it", "deep squats aggravate my knee": a movement the lifter says hurts. */
const HURTS_AFTER =
  /\s+(?:hurts?|is painful|are painful|aggravates?|kills|bothers?|flares? (?:it )?up|irritates?|(?:is|are) (?:a )?no[- ]go|(?:is|are) out|(?:is|are) a problem|(?:causes?|gives? me) pain|pinches?)\b/g;

/** Whole movement patterns (not one movement). */
const PATTERNS = /^(?:pressing|pulling|pushing|hinging|squatting|lifting|overhead pressing)$/;

const STOP = /[,.;:!?()]|\s(?:and|but|because|cause|since|as|when|or|for|due|after|if|it|they|which|so|though|unless|until|while|—|–|-)\s/;

const SYNONYMS: [RegExp, string][] = [
  [/^(?:btn|behind[- ]the[- ]neck)(?:\s+(?:press\w*|work|stuff))?$/, "behind-the-neck pressing"],
  [/^press(?:es|ing)? overhead$/, "overhead pressing"],
  [
    /^(?:overhead|overhead (?:work|stuff|movements?|lifts?|lifting|press(?:es|ing)?)|pressing overhead|ohp|military press\w*|strict press\w*)$/,
    "overhead pressing",
  ],
  [/^(?:rdls?|romanian deadlifts?)$/, "romanian deadlifts"],
  [/^dead lifts?$/, "deadlifts"],
  [/^goodmornings?$/, "good mornings"],
  [/^press(?:es|ing)?$/, "pressing"],
  [/^pull(?:s|ing)?$/, "pulling"],
  [/^push(?:es|ing)?$/, "pushing"],
  [/^(?:hinge|hinging|bend|bending|bending over)$/, "hinging"],
  [/^(?:squat|squatting)$/, "squatting"],
  [/^(?:jumping|jumps?|plyos?|plyometrics?|jumping stuff)$/, "jumping and plyometrics"],
];

function normalizeMovement(words: string): string | null {
  let m = words.trim().replace(/\s+/g, " ");
  let before = "";
  while (before !== m) {
    before = m;
    m = m.replace(STRIP_MOD, "");
  }
  m = m.replace(/\s+(?:work|stuff|movements?)$/, (s) => (/overhead|behind/.test(m) ? s : "")).trim();
  m = m.replace(/\s+(?:for now|please|anymore|any more|at all|right now|too|either|though|i guess|really|please)$/, "").trim();
  if (!m) return null;
  if (!MOVE_WORD.test(m) && !(GENERIC_MOVE.test(m) && QUALIFIER.test(m))) return null;
  for (const [re, name] of SYNONYMS) if (re.test(m)) return name;
  return m.slice(0, 60);
}

function scopeOf(trigger: RestrictionScope, phrase: string, sentence: string): RestrictionScope {
  if (VOLUME_MOD.test(phrase)) return "volume";
  if (HEAVY_MOD.test(phrase) || /\b(light|lighter)\b/.test(phrase)) return "heavy";
  if (trigger === "caution" && /^keep\b/.test(sentence.trim()) && !/\b(light|low[- ]volume|easy)\b/.test(sentence)) return "caution";
  return trigger;
}

/** Up to 6 words after `start`, to the first stop word or punctuation. */
function phraseAfter(s: string, start: number): { text: string; end: number } {
  const rest = s.slice(start);
  const stop = STOP.exec(` ${rest} `);
  const cut = stop ? Math.max(0, stop.index - 1) : rest.length;
  const words = rest.slice(0, cut).split(/\s+/).filter(Boolean).slice(0, 6);
  return { text: words.join(" "), end: start + Math.min(cut, rest.length) };
}

interface FoundRestriction extends Restriction {
  at: number;
}

/** Restrictions stated in one sentence, at their position (to attach them to the nearest area). */
function restrictionsIn(sentence: string, quote: string): FoundRestriction[] {
  const out: FoundRestriction[] = [];
  const add = (movement: string | null, scope: RestrictionScope, at: number) => {
    if (!movement || out.some((r) => r.movement === movement)) return;
    out.push({ movement, scope, quote, at });
  };
  for (const { re, scope, pain } of TRIGGERS) {
    re.lastIndex = 0;
    for (const m of sentence.matchAll(re)) {
      // "no injuries", "no pain": not a movement restriction.
      let pos = m.index + m[0].length;
      for (let guard = 0; guard < 4; guard++) {
        const { text, end } = phraseAfter(sentence, pos);
        if (!text) break;
        const keepWords = /\b(light|lighter|low[- ]volume|easy|moderate|short|(?:under|below) \d+)/;
        if (scope === "caution" && /^keep\b/.test(m[0]) && !keepWords.test(text)) break;
        const keepPhrase = /^keep\b/.test(m[0]) ? text.slice(0, text.search(keepWords)) : text;
        const finalScope = /^keep\b/.test(m[0]) ? (/low[- ]volume/.test(text) ? "volume" : "heavy") : scopeOf(scope, text, sentence);
        const movement = normalizeMovement(keepPhrase);
        // "careful with heavy deadlifts": care about the heavy sets, not a load ban.
        const careHeavy = scope === "caution" && finalScope === "heavy" && !/^keep\b/.test(m[0]);
        // "it hurts when I press": pain in a whole pattern is care with that pattern (pain-free
        // variations only), not a ban of every press — the lifter named no single movement.
        const painPattern = pain && movement !== null && PATTERNS.test(movement);
        add(careHeavy && movement ? `heavy ${movement}`.slice(0, 60) : movement, careHeavy || painPattern ? "caution" : finalScope, m.index);
        // "no squats or deadlifts", "no dips, flyes or skull crushers"
        const more = /^\s*(?:,\s*(?:and|or)?|and|or|nor)\s+/.exec(sentence.slice(end));
        if (!more) break;
        pos = end + more[0].length;
        // "no upright rows, careful with dips": the next item has its own trigger (and scope).
        if (STARTS_TRIGGER.test(sentence.slice(pos))) break;
      }
    }
  }
  for (const m of sentence.matchAll(HURTS_AFTER)) {
    const before =
      sentence
        .slice(0, m.index)
        .split(/[,;:]|\b(?:and|but|because|so)\b/)
        .at(-1) ?? "";
    const words = before
      .trim()
      .split(/\s+/)
      .slice(-4)
      .join(" ")
      .replace(/^(?:my|the|any|doing|when i do|when i)\s+/, "");
    add(normalizeMovement(words), scopeOf("avoid", words, sentence), m.index);
  }
  return out.sort((a, b) => a.at - b.at);
}

// ---- areas -----------------------------------------------------------------------------------

interface AreaHit {
  area: string;
  side: InjuryEntry["side"];
  at: number;
}

function mask(s: string): string {
  return s.replace(MOVEMENT_NAMES, (m) => " ".repeat(m.length));
}

function areasIn(clause: string, offset: number): AreaHit[] {
  let rest = mask(clause);
  const hits: AreaHit[] = [];
  for (const [re, area] of AREAS) {
    const g = new RegExp(re.source, "g");
    for (const m of rest.matchAll(g)) {
      const before = rest.slice(Math.max(0, m.index - 16), m.index);
      const after = rest.slice(m.index + m[0].length, m.index + m[0].length + 40);
      const sideWord = (/\b(left|right|both)\s+(?:\w+\s+)?$/.exec(before)?.[1] ??
        /^\s*(?:\w+\s+){0,2}?(?:on|in) (?:the|my) (left|right)\b/.exec(after)?.[1]) as InjuryEntry["side"] | undefined;
      const side = sideWord ?? (PLURAL_AREA.test(m[0]) ? "both" : null);
      if (!hits.some((h) => h.area === area)) hits.push({ area, side, at: offset + m.index });
      else if (side && side !== hits.find((h) => h.area === area)!.side) {
        const h = hits.find((x) => x.area === area)!;
        h.side = h.side && h.side !== side ? "both" : side;
      }
    }
    rest = rest.replace(g, (x) => " ".repeat(x.length));
  }
  if (!hits.length) {
    for (const [re, area] of IMPLIED_AREAS) {
      const m = re.exec(rest);
      if (m) {
        hits.push({ area, side: null, at: offset + m.index });
        break;
      }
    }
  }
  return hits;
}

function sentencesOf(t: string): { text: string; at: number }[] {
  const out: { text: string; at: number }[] = [];
  const re = /[^.;!?\n]+/g;
  for (const m of t.matchAll(re)) if (m[0].trim()) out.push({ text: m[0], at: m.index });
  return out;
}

function clausesOf(sentence: string, at: number): { text: string; at: number }[] {
  const out: { text: string; at: number }[] = [];
  const re = /(?:^|,?\s*\b(?:but|except(?: for)?|apart from|other than|besides|although|though|however|whereas|and also)\b|,\s*and\b|:|\s[—–]\s)/g;
  let last = 0;
  for (const m of sentence.matchAll(re)) {
    if (m.index === 0 && m[0] === "") continue;
    if (m.index > last) out.push({ text: sentence.slice(last, m.index), at: at + last });
    last = m.index + m[0].length;
  }
  out.push({ text: sentence.slice(last), at: at + last });
  return out.filter((c) => c.text.trim());
}

function conditionIn(clause: string): string | null {
  const m = CONDITION.exec(clause);
  if (!m) return null;
  return m[1].replace(/\bdisk\b/, "disc").slice(0, 40);
}

/** Parses what an answer says about injuries. `asked`: the injuries question is the one being answered. */
export function parseInjuries(raw: string, asked: boolean, loose = false): ParsedInjuries {
  const t = raw.toLowerCase().replace(/[’‘]/g, "'");
  const entries: (InjuryEntry & { at: number })[] = [];
  const cleared: string[] = [];
  const pending: FoundRestriction[] = [];

  for (const s of sentencesOf(t)) {
    // Quote the part of the sentence a fact came from ("…impingement so no BTN press", not the whole answer).
    const splitAt = [...s.text.matchAll(/,\s*and\b|\s[—–]\s|;/g)].map((m) => s.at + m.index);
    const quoteAt = (pos: number) => {
      const start = Math.max(s.at, ...splitAt.filter((x) => x <= pos).map((x) => x));
      const end = Math.min(s.at + s.text.length, ...splitAt.filter((x) => x > pos));
      return raw
        .slice(start, end)
        .replace(/^[\s,—–;]*(?:and\s+)?/, "")
        .trim()
        .slice(0, 200);
    };
    const sentenceEntries: (InjuryEntry & { at: number })[] = [];
    const restrictions = restrictionsIn(s.text, "").map((r) => ({ ...r, at: r.at + s.at, quote: quoteAt(r.at + s.at) }));
    for (const c of clausesOf(s.text, s.at)) {
      const hits = areasIn(c.text, c.at);
      if (!hits.length) continue;
      const masked = mask(c.text);
      const injuryWord = INJURY_WORDS.test(masked);
      const healed = HEALED.test(c.text);
      const negated = !healed && NEGATED.test(c.text) && !/\b(but|still|sometimes)\b/.test(c.text);
      const hasRestriction = restrictions.some((r) => r.at >= c.at && r.at <= c.at + c.text.length + 40);
      if (negated) {
        for (const h of hits) cleared.push(h.area);
        continue;
      }
      const words = c.text.trim().split(/\s+/).length;
      if (!injuryWord && !hasRestriction && !((asked && words <= 6) || (loose && words <= 10))) continue;
      const past = healed || (PAST.test(c.text) && !CURRENT.test(c.text));
      for (const h of hits) {
        sentenceEntries.push({
          area: h.area,
          side: h.side,
          status: past ? "past" : "current",
          condition: conditionIn(c.text),
          quote: quoteAt(h.at),
          restrictions: [],
          at: h.at,
        });
      }
    }
    // Attach each restriction to the nearest area mentioned before it (else after it, else the
    // previous sentence's last injury).
    for (const r of restrictions) {
      const { at: _at, ...restriction } = r;
      const before = [...sentenceEntries].filter((e) => e.at <= r.at).at(-1);
      const target = before ?? sentenceEntries[0] ?? entries.at(-1);
      if (target) {
        if (!target.restrictions.some((x) => x.movement === restriction.movement)) target.restrictions.push(restriction);
      } else pending.push(r);
    }
    for (const e of sentenceEntries) {
      const same = entries.find((x) => x.area === e.area && (x.side === e.side || !x.side || !e.side));
      if (same) {
        same.side = same.side ?? e.side;
        same.condition = same.condition ?? e.condition;
        for (const r of e.restrictions) if (!same.restrictions.some((x) => x.movement === r.movement)) same.restrictions.push(r);
      } else entries.push(e);
    }
  }
  // Restrictions stated before any injury in the answer ("No overhead pressing — bad left shoulder.").
  const restrictions: Restriction[] = [];
  for (const r of pending) {
    const target = entries[0];
    if (target) {
      if (!target.restrictions.some((x) => x.movement === r.movement))
        target.restrictions.push({ movement: r.movement, scope: r.scope, quote: r.quote });
    } else if (standsAlone(r, t, asked) && !restrictions.some((x) => x.movement === r.movement))
      restrictions.push({ movement: r.movement, scope: r.scope, quote: r.quote });
  }
  // "Actually it's my upper back, not lower": the area after "not" is taken back, not added.
  const back = loose ? takenBack(t) : [];
  for (const area of back) if (!cleared.includes(area)) cleared.push(area);
  const kept = entries.filter((e) => !back.includes(e.area));

  const injuries = kept.slice(0, 8).map(({ at: _at, ...e }) => ({ ...e, restrictions: e.restrictions.slice(0, 8) }));
  const out = { cleared, restrictions: restrictions.slice(0, 12) };
  if (injuries.length) return { injuries, ...out };
  if (NONE.test(t) || (asked && BARE_NONE.test(t.trim()))) return { injuries: [], ...out };
  if (asked && cleared.length) return { injuries: [], ...out };
  return { injuries: undefined, ...out };
}

/**
 * A restriction with no injury in the answer is a safety rule of its own only when it reads as one:
 * not a dislike ("I hate burpees", "I don't want to do burpees" — those are dislikes, kept apart),
 * not missing equipment ("I have no squat rack"), not something the lifter cannot do yet ("I can't
 * do a pull-up" — unless it hurts or we asked about injuries).
 */
function standsAlone(r: FoundRestriction, t: string, asked: boolean): boolean {
  const sentence = sentencesOf(t).find((x) => r.at >= x.at && r.at <= x.at + x.text.length)?.text ?? t;
  if (/\b(?:have|got|own|there'?s|there is|access to|without)\s+(?:a\s+|any\s+)?no\b|\bno access\b|\bdon'?t have\b/.test(sentence)) return false;
  const painOrCare = INJURY_WORDS.test(sentence) || r.scope !== "avoid";
  if (!painOrCare && /\b(hate|dislike|can'?t stand|not a fan|don'?t (?:like|enjoy)|loathe|boring|rather not|(?:don'?t|do not) want)\b/.test(sentence))
    return false;
  if (!painOrCare && !asked && /\b(?:can'?t|cannot|unable to)\b/.test(sentence)) return false;
  return true;
}

/** Areas a correction takes back: "upper back, not lower" → lower back; "not my left knee" → knee only when no other knee is named. */
function takenBack(t: string): string[] {
  const out: string[] = [];
  for (const m of t.matchAll(/\bnot (?:the |my )?(lower|upper)(?: back)?\b/g)) out.push(`${m[1]} back`);
  for (const m of t.matchAll(/\bnot (?:the |my |in (?:the |my )?)?([a-z]+(?: back)?)\b/g)) {
    const hit = AREAS.find(([re]) => re.test(m[1]));
    if (hit && hit[1] !== "lower back" && hit[1] !== "upper back") out.push(hit[1]);
  }
  return [...new Set(out)];
}
