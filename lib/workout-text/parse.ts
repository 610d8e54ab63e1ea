import { DATE_PHRASE_SOURCE, resolveDatePhrase } from "@/lib/time/date-phrases";
import { localDate, zonedTime } from "@/lib/time/zone";
import { displayExerciseName, stripNameFillers } from "./names";
import { sessionName } from "./session-name";
import { EXERCISE_NAME_MAX, exerciseNameTooLong, MAX_WEIGHT_KG } from "@/lib/workouts/limits";
import { applySetCount, parseSetSpec, readRpe, readWeight, type SetContext } from "./sets";
import type { DraftExercise, DraftSet, DraftWorkout, ParseOptions, WorkoutDraft } from "./types";
import { distanceToMeters, durationToSeconds, unitFromWord, weightToKg } from "./units";

/**
 * Free-text workout logging: "yesterday: bench 3x8 @ 60kg, last set only 6; today: squat 5/5/5 at
 * 100, then 2x8 at 80", "ran 5k in 25:30", "same as Monday but +2.5kg".
 *
 * The message is normalised, cut into clauses (newlines, ; , . "then"), and each clause is read as
 * one of: a date heading (starts a workout), a reference to an earlier session, a modifier of the
 * previous exercise ("last set only 6", "rpe 8"), a cardio entry, or an exercise with its sets
 * (grammar in ./sets.ts). Deterministic and pure: the caller supplies `now`, the time zone and the
 * recent sessions that references may copy from.
 */
export function parseWorkoutText(text: string, opts: ParseOptions): WorkoutDraft {
  const today = localDate(opts.now, opts.timeZone);
  const state = new ParseState(today, opts);
  for (const clause of splitClauses(normalise(text))) state.read(clause);
  return state.finish();
}

/** True when a message reads as a workout to log rather than a question about the data. */
export function looksLikeWorkoutLog(text: string, opts: ParseOptions): boolean {
  const t = text.toLowerCase().trim();
  if (/\?\s*$/.test(t)) return false;
  if (/^(how|what|when|which|who|why|show|plot|chart|graph|compare|list|tell|give|can you|could you|is|are|do|did i|have i)\b/.test(t)) return false;
  if (REFERENCE_RE.test(t)) return true;
  const draft = parseWorkoutText(text, opts);
  // A set the parser refused ("squat 3x5 -100kg": a negative or impossible value) is still a log:
  // the answer must say it was not logged and why, not answer some other question.
  return draft.workouts.some((w) => w.exercises.length > 0) || draft.warnings.some((w) => /^Not logged: “[^”]*\d[^”]*” — /.test(w));
}

const NUM = String.raw`\d+(?:\.\d+)?`;
const UNIT = String.raw`(?:kgs?|kilos?|kilograms?|lbs?|pounds?|#)`;
/** Date phrases without capture groups, so they can sit inside larger patterns. */
const DATE_RE = `(?:${DATE_PHRASE_SOURCE.replace(/\((?!\?)/g, "(?:")})`;

function normalise(text: string): string {
  return (
    text
      .toLowerCase()
      // "Log: bench 3x8", "please log squat 5x5" — the verb is an instruction, not an exercise name
      .replace(/^\s*(?:please\s+)?(?:log|record)\b\s*[:-]?\s*/, "")
      .replace(/[×*]/g, "x")
      .replace(/[–—]/g, "-")
      .replace(/\u2212/g, "-") // the typographic minus sign is a minus
      // "102,5 kg" is a decimal comma, not two clauses
      .replace(/(\d),(\d{1,2})(?=\s*(?:kgs?|kilos?|lbs?|pounds?)\b)/g, "$1.$2")
      .replace(/’/g, "'")
      .replace(/\bat\s+(?=[+\d]|rpe\b)/g, "@ ")
      .replace(/\bwith\s+(?=\+?\d)/g, "@ ")
      .replace(/\bx\s+(?=\d)/g, "x")
      // "60kg, 3 sets, 8 reps" is one set description
      .replace(/(\d+\s*sets?)\s*,\s*(?=\d+\s*reps?\b)/g, "$1 ")
      .replace(/(\d\s*(?:kgs?|kilos?|lbs?|pounds?))\s*,\s*(?=\d+\s*sets?\s*(?:of\s*)?\d+\s*(?:reps?\b|$|[,;.\n]))/gm, "$1 ")
      // "225 for 5, 5, 4" is one rep list at one weight
      .replace(/(\bfor\s+)(\d{1,2}(?:\s*,\s*\d{1,2})+)(?!\s*(?:sets?|x)\b)/g, (_m, pre: string, list: string) => pre + list.replace(/\s*,\s*/g, "/"))
      // "8, 8, 6 @ 60" is one rep list, not three clauses
      .replace(/(?<!@\s*)\b(\d{1,2}(?:\s*,\s*\d{1,2})+)(?=\s*(?:reps?\s*)?@)/g, (m) => m.replace(/\s*,\s*/g, "/"))
      // ...and so is "pullups 10, 8, 7" at the end of a line
      .replace(/(?<=[a-z]\s*:?\s+)(\d{1,2}(?:\s*,\s*\d{1,2})+)(?=\s*(?:reps?)?\s*(?:$|[\n;.]))/gm, (m) => m.replace(/\s*,\s*/g, "/"))
      // "(last one rpe 9)" is a clause of its own
      .replace(/\(\s*((?:the\s+)?(?:last|first|second|third|all)\b[^)]*)\)/g, ", $1")
      .replace(/[ \t]+/g, " ")
  );
}

function splitClauses(text: string): string[] {
  return text
    .split(/\n|;|,|(?<!\d)\.(?!\d)|\.(?=\s|$)|!|\bthen\b|\band then\b|\bfollowed by\b|\bafter that\b/)
    .flatMap((c) => {
      // "bench 3x8 @ 60 and squat 3x5 @ 100": split on "and" only between two set specifications
      const parts = c.split(/\band\b/);
      if (parts.length > 1 && parts.every((p) => /\d/.test(p))) return parts;
      return [c];
    })
    .map((c) => c.trim())
    .filter((c) => c.length > 0);
}

const LEADING_DATE_RE = new RegExp(String.raw`^(?:on\s+)?(${DATE_RE})\b\s*(?:[:\-]\s*)?(?:i\s+)?(?:did\s+|was\s+|had\s+|trained\s+)?(.*)$`);
const INNER_DATE_RE = new RegExp(String.raw`\b(?:on\s+)?(${DATE_RE})\b`);
/** "bench 3x8 @ 60 to failure": words that set a set type, not part of a name or left over. */
const SET_TYPE_WORDS_RE = /warm\s*-?\s*ups?|drop\s*-?\s*sets?|(?:to|till|until)\s+failure/g;
/** Clauses that carry nothing to log ("and", "that's it", "thanks"). */
const FILLER_CLAUSE_RE = /^(?:and|then|also|plus|ok|okay|done|thanks?|thank you|cheers|that'?s (?:it|all))$/;
/** A clause that is only a set count: "3 sets", "for 3 sets total", "x3". */
const SET_COUNT_CLAUSE_RE =
  /^(?:and\s+|i\s+did\s+|did\s+|all\s+)?(?:(?:x|for|times)\s*)?(\d+)\s*(?:total\s+)?(?:sets?|times)(?:\s+(?:total|in total|of (?:those|that|them|it|each)))?$|^x\s*(\d+)$/;
/**
 * A minus sign on a weight or a rep count: "-100kg", "@ -100", "-100 x 5", "3x-8", "minus 20kg".
 * A dash between words or numbers ("bench - 3x8", "5-5-5", "2025-03-01") is not one.
 */
const NEGATIVE_RE = new RegExp(
  String.raw`(?:^|[\s(:@])-(?:\d+(?:\.\d+)?\s*${UNIT}(?![a-z])|(?:\d{3,}|[2-9]\d|1[6-9])(?:\.\d+)?\s*(?:x|for)\s*\d)|@\s*(?:-|minus\s+)\d|(?<=\dx)-\d|(?:^|\s)minus\s+\d+(?:\.\d+)?\s*${UNIT}(?![a-z])`,
);
const REFERENCE_RE = new RegExp(
  String.raw`\b(?:(?:the\s+)?same(?:\s+(?:workout|session|thing))?\s+as|repeat(?:ed)?|redid|redo)\s+(?:on\s+|from\s+|my\s+)?(last time|last workout|last session|the last one|${DATE_RE})(?:'s)?(?:\s+(?:workout|session|one))?`,
);
const ADJUST_RE = new RegExp(
  String.raw`(?:but\s+|and\s+|@\s*)?(?:(\+|-|add(?:ed)?\s*|plus\s*|minus\s*)\s*(${NUM})\s*(${UNIT})?|(${NUM})\s*(${UNIT})?\s*(heavier|more|lighter|less))(?:\s+(?:on|for)\s+(?:the\s+)?([a-z][a-z \-]*))?`,
);
const ORDINALS: Record<string, number> = { first: 0, "1st": 0, second: 1, "2nd": 1, third: 2, "3rd": 2, fourth: 3, "4th": 3, last: -1 };
const SET_MODIFIER_RE = new RegExp(
  String.raw`^(?:but\s+|and\s+)?(?:the\s+)?(first|1st|second|2nd|third|3rd|fourth|4th|last)\s+(?:set|one)\s+(?:was\s+|only\s+|just\s+|for\s+|got\s+|of\s+|i\s+got\s+)*(?:(${NUM})(?:\s*reps?)?(?:\s*@\s*\+?(${NUM})\s*(${UNIT})?)?)?\s*(?:(?:to\s+)?(failure|failed))?\s*(?:(?:@\s*)?rpe\s*(${NUM}))?$`,
);
const RPE_ONLY_RE = new RegExp(String.raw`^(?:all\s+(?:sets\s+)?|everything\s+)?(?:@\s*)?(?:rpe\s*(${NUM})|(${NUM})\s*rpe)$`);
const CARDIO_VERBS: [RegExp, string][] = [
  [/^(?:ran|run|running|jog|jogged|jogging)$/, "Running"],
  [/^(?:walked|walk|walking)$/, "Walking"],
  [/^(?:rowed|row|rowing|erg|erged)$/, "Rowing"],
  [/^(?:cycled|cycle|cycling|biked|bike|biking|rode|ride)$/, "Cycling"],
  [/^(?:swam|swim|swimming)$/, "Swimming"],
  [/^(?:hiked|hike|hiking)$/, "Hiking"],
];
const CARDIO_WORD = String.raw`(ran|run|running|jog|jogged|jogging|walked|walk|walking|rowed|row|rowing|erg|erged|cycled|cycle|cycling|biked|bike|biking|rode|ride|swam|swim|swimming|hiked|hike|hiking)`;
const DIST = String.raw`(${NUM})\s*(k|km|kms|kilometers?|kilometres?|m(?!in)|meters?|metres?|mi(?:les?)?)\b`;
const TIME = String.raw`(\d{1,2}:\d{2}(?::\d{2})?|${NUM}\s*(?:h|hr|hrs|hours?|min|mins|minutes?))\b`;

type Reference = { label: string; date: string | null; adjustKg: number; only: string | null };
type WorkoutAcc = {
  date: string;
  explicitDate: boolean;
  /** "Leg day: …" names the session. */
  label?: string;
  exercises: DraftExercise[];
  source: string[];
  reference?: Reference;
};

class ParseState {
  private workouts: WorkoutAcc[] = [];
  private current: WorkoutAcc;
  private pendingName: string | null = null;
  private warnings: string[] = [];
  private orphans: { clause: string; sets: DraftSet[] }[] = [];
  private needsHistory = false;
  /** The sets the last set form produced: what a later "3 sets" or "x3" repeats. */
  private lastGroup: DraftSet[] | null = null;
  /** Names that arrived alone and were never given sets ("felt great"): said on the card. */
  private unusedNames: string[] = [];
  private rejected: string[] = [];
  private ctx: SetContext;

  private warn(message: string) {
    if (!this.warnings.includes(message)) this.warnings.push(message);
  }

  constructor(
    private today: string,
    private opts: ParseOptions,
  ) {
    this.ctx = { unit: opts.unit, warn: (message) => this.warn(message), reject: (message) => this.rejected.push(message) };
    this.current = this.newWorkout(today, false);
  }

  private newWorkout(date: string, explicit: boolean): WorkoutAcc {
    const w: WorkoutAcc = { date, explicitDate: explicit, exercises: [], source: [] };
    this.workouts.push(w);
    return w;
  }

  private startWorkoutOn(date: string) {
    this.setPendingName(null);
    this.lastGroup = null;
    if (this.current.exercises.length === 0 && !this.current.reference && !this.current.explicitDate) {
      this.current.date = date;
      this.current.explicitDate = true;
      return;
    }
    this.current = this.workouts.find((w) => w.date === date) ?? this.newWorkout(date, true);
  }

  read(raw: string) {
    let clause = raw.trim();
    // Reference to an earlier session ("same as Monday but +2.5kg")
    const ref = clause.match(REFERENCE_RE);
    if (ref) {
      const before = clause.slice(0, ref.index).trim();
      const lead = before.match(new RegExp(`^(?:on\\s+)?(${DATE_RE})\\b`));
      if (lead) {
        const d = resolveDatePhrase(lead[1], this.today);
        if (d) this.startWorkoutOn(d);
      } else if (this.current.exercises.length > 0 || this.current.reference) {
        this.current = this.newWorkout(this.today, false);
      }
      const label = ref[1];
      const date = /^(last time|last workout|last session|the last one)$/.test(label) ? null : resolveDatePhrase(label, this.today);
      this.current.reference = { label, date, adjustKg: 0, only: null };
      this.current.source.push(raw);
      const rest = clause.slice((ref.index ?? 0) + ref[0].length).trim();
      if (rest) this.applyAdjustment(rest);
      return;
    }
    if (this.current.reference && this.current.exercises.length === 0 && ADJUST_RE.test(clause) && !/\d\s*x\s*\d/.test(clause)) {
      this.current.source.push(raw);
      this.applyAdjustment(clause);
      return;
    }

    // Session label: "Leg day: squat …", "Push: …", "Upper A: …"
    const label = clause.match(
      /^((?:leg|legs|push|pull|upper|lower|full[- ]body|arm|arms|chest|back|shoulders?|core|conditioning)(?:\s+(?:day|a|b|session|workout))?)\s*:\s*(.*)$/,
    );
    if (label && /\d/.test(label[2])) {
      if (this.current.exercises.length > 0) this.current = this.newWorkout(this.current.date, this.current.explicitDate);
      this.current.label = label[1].replace(/\b[a-z]/g, (ch) => ch.toUpperCase());
      clause = label[2].trim();
    }

    // Date heading: "yesterday: …", "on Monday I did …", "2025-03-01 - …"
    const lead = clause.match(LEADING_DATE_RE);
    if (lead) {
      const d = resolveDatePhrase(lead[1], this.today);
      if (d) {
        this.startWorkoutOn(d);
        clause = lead[2].trim();
        if (!clause) return;
      }
    } else {
      const inner = clause.match(INNER_DATE_RE);
      if (inner) {
        const d = resolveDatePhrase(inner[1], this.today);
        if (d && /\d/.test(clause.replace(inner[0], ""))) {
          if (this.current.exercises.length === 0) this.startWorkoutOn(d);
          else if (d !== this.current.date) this.startWorkoutOn(d);
          clause = clause.replace(inner[0], " ").replace(/\s+/g, " ").trim();
        }
      }
    }
    this.current.source.push(raw);

    if (NEGATIVE_RE.test(clause)) {
      this.warn(`Not logged: “${clause}” — weights and reps can't be negative. For an assisted exercise, log the assistance in the workout notes.`);
      return;
    }
    if (this.readModifier(clause)) return;
    if (this.readCardio(clause)) return;
    this.readExercise(clause);
  }

  private applyAdjustment(text: string) {
    const m = text.match(ADJUST_RE);
    if (!m || !this.current.reference) {
      if (text.replace(/^(but|and)\s*/, "").trim()) this.warn(`Ignored “${text}”.`);
      return;
    }
    let value: number;
    let unitWord: string | undefined;
    if (m[2] !== undefined) {
      value = Number(m[2]) * (/^(-|minus)/.test(m[1].trim()) ? -1 : 1);
      unitWord = m[3];
    } else {
      value = Number(m[4]) * (/^(lighter|less)$/.test(m[6]) ? -1 : 1);
      unitWord = m[5];
    }
    const kg = weightToKg(Math.abs(value), unitFromWord(unitWord, this.opts.unit)) * Math.sign(value);
    this.current.reference.adjustKg = kg;
    this.current.reference.only = m[7] ? m[7].trim() : null;
  }

  private lastExercise(): DraftExercise | undefined {
    return this.current.exercises[this.current.exercises.length - 1];
  }

  private readModifier(clause: string): boolean {
    const ex = this.lastExercise();
    // ", 3 sets" / "x3" / "for 3 sets total" after "225 for 5 reps": the set before was done that many times.
    const count = clause.match(SET_COUNT_CLAUSE_RE);
    if (count) {
      if (!ex || !this.lastGroup) {
        this.warn(`“${clause}” doesn't follow an exercise, so it was not logged.`);
        return true;
      }
      const more = applySetCount(this.lastGroup, Number(count[1] ?? count[2]), clause, this.ctx);
      ex.sets.splice(ex.sets.indexOf(this.lastGroup[this.lastGroup.length - 1]) + 1, 0, ...more);
      this.lastGroup = [...this.lastGroup, ...more];
      return true;
    }
    const sm = clause.match(SET_MODIFIER_RE);
    if (sm && (sm[2] !== undefined || sm[5] || sm[6] !== undefined)) {
      if (!ex) {
        this.warn(`“${clause}” doesn't follow an exercise, so it was not logged.`);
        return true;
      }
      const working = ex.sets.filter((s) => s.setType !== "warmup");
      const pool = working.length > 0 ? working : ex.sets;
      const idx = ORDINALS[sm[1]];
      const target = idx === -1 ? pool[pool.length - 1] : pool[idx];
      if (!target) {
        this.warn(`There is no ${sm[1]} set of ${ex.name} to change, so “${clause}” was not applied.`);
        return true;
      }
      if (sm[2] !== undefined) target.reps = Math.round(Number(sm[2]));
      if (sm[3] !== undefined) {
        const unit = unitFromWord(sm[4], this.opts.unit);
        const kg = weightToKg(Number(sm[3]), unit);
        if (kg > MAX_WEIGHT_KG) this.warn(`“${clause}” was not applied: ${sm[3]} ${unit} is more than a set can hold.`);
        else target.weightKg = kg;
      }
      if (sm[5]) target.setType = "failure";
      if (sm[6] !== undefined) target.rpe = readRpe(sm[6], this.ctx) ?? target.rpe;
      return true;
    }
    const rpe = clause.match(RPE_ONLY_RE);
    if (rpe) {
      if (!ex) {
        this.warn(`“${clause}” doesn't follow an exercise, so it was not logged.`);
        return true;
      }
      const v = readRpe(rpe[1] ?? rpe[2], this.ctx);
      if (v !== null) for (const s of ex.sets) if (s.rpe === null && s.setType !== "warmup") s.rpe = v;
      return true;
    }
    if (/^(?:the\s+)?last\s+(?:set|one)\s+(?:was\s+)?(?:to\s+)?failure$/.test(clause) || /^(?:to|till|until)\s+failure$/.test(clause)) {
      const last = ex?.sets[ex.sets.length - 1];
      if (last) last.setType = "failure";
      return true;
    }
    return false;
  }

  private readCardio(clause: string): boolean {
    const c = clause.replace(/^(?:i\s+|and\s+|also\s+|went\s+(?:for\s+)?(?:a\s+)?)+/, "");
    let verb: string | null = null;
    let rest = c;
    const verbFirst = c.match(new RegExp(String.raw`^${CARDIO_WORD}\b(.*)$`));
    const distFirst = c.match(new RegExp(String.raw`^(?:a\s+)?${DIST}\s*${CARDIO_WORD}\b(.*)$`));
    const timeFirst = c.match(
      new RegExp(String.raw`^(?:a\s+)?(${NUM}\s*(?:h|hr|hrs|hours?|min|mins|minutes?))\s+(?:of\s+|on\s+(?:the\s+)?)?${CARDIO_WORD}\b(.*)$`),
    );
    if (verbFirst) {
      verb = verbFirst[1];
      rest = verbFirst[2];
    } else if (distFirst) {
      verb = distFirst[3];
      rest = `${distFirst[1]}${distFirst[2]} ${distFirst[4]}`;
    } else if (timeFirst) {
      verb = timeFirst[2];
      rest = `${timeFirst[3]} ${timeFirst[1]}`;
    } else return false;
    if (/\d\s*x\s*\d|\bsets?\b|\breps?\b/.test(rest)) return false; // "row 3x10 @ 60" is a barbell row
    const dist = rest.match(new RegExp(DIST));
    const time = rest.replace(dist?.[0] ?? "", " ").match(new RegExp(TIME));
    if (!dist && !time) return false;
    const name = CARDIO_VERBS.find(([re]) => re.test(verb!))?.[1] ?? "Cardio";
    const s: DraftSet = {
      setType: "normal",
      reps: null,
      weightKg: null,
      rpe: null,
      durationSeconds: time ? durationToSeconds(time[1]) : null,
      distanceM: dist ? distanceToMeters(Number(dist[1]), dist[2]) : null,
    };
    if (s.durationSeconds === null && s.distanceM === null) return false;
    this.lastGroup = null;
    this.current.exercises.push({ input: verb, name, cardio: true, sets: [s] });
    return true;
  }

  private readExercise(clause: string) {
    this.rejected = [];
    const spec = parseSetSpec(clause, this.ctx);
    if (this.rejected.length > 0) {
      this.warn(`Not logged: “${clause}” — ${this.rejected.join("; ")}.`);
      return;
    }
    if (!spec) {
      const name = stripNameFillers(clause);
      if (name && /[a-z]/.test(name) && !/\d/.test(name) && name.split(" ").length <= 5) {
        this.setPendingName(name); // "Bench, 3x8 @ 60": the name arrives alone
      } else if (!FILLER_CLAUSE_RE.test(clause)) {
        this.warn(`Not logged: “${clause}” (I couldn't read it as sets).`);
      }
      return;
    }
    const markWarmup = /warm\s*-?\s*ups?\b/.test(clause) && !spec.sets.some((s) => s.setType === "warmup");
    const markDrop = /\bdrop\s*-?\s*sets?\b/.test(clause) && !spec.sets.some((s) => s.setType === "drop");
    for (const s of spec.sets) {
      if (markWarmup) s.setType = "warmup";
      else if (markDrop) s.setType = "drop";
    }
    if (/\b(?:to|till|until)\s+failure\b/.test(clause)) spec.sets[spec.sets.length - 1].setType = "failure";

    let typed = stripNameFillers(spec.name.replace(SET_TYPE_WORDS_RE, " "));
    let leftover = spec.leftover.replace(SET_TYPE_WORDS_RE, " ").replace(/\s+/g, " ").trim();
    // "3x10 pull-ups", "5x5 squats @ 100": the name can follow the sets
    if (!typed && leftover) {
      const after = leftover.match(new RegExp(String.raw`^(?:of\s+)?([a-z][a-z \-]*?)\s*(?:@\s*\+?(${NUM})\s*(${UNIT})?)?$`));
      if (after && !/\d/.test(after[1])) {
        typed = stripNameFillers(after[1]);
        leftover = "";
        if (after[2] !== undefined) {
          const w = readWeight(after[2], after[3], this.ctx);
          for (const s of spec.sets) if (s.weightKg === null) s.weightKg = w;
        }
      }
    }
    if (leftover && !FILLER_CLAUSE_RE.test(leftover)) this.warn(`Not logged: “${leftover}” (in “${clause}”).`);
    this.lastGroup = spec.sets;
    if (typed && /[a-z]/.test(typed)) {
      this.setPendingName(null);
      const name = this.fitName(displayExerciseName(typed));
      // Sets given before any name ("warmup 2x5 @ 60 then squat 3x5 @ 100") belong to this exercise.
      const sets = [...this.orphans.flatMap((o) => o.sets), ...spec.sets];
      this.orphans = [];
      const existing = this.current.exercises.find((e) => e.name === name && !e.cardio);
      if (existing && existing === this.lastExercise()) existing.sets.push(...sets);
      else this.current.exercises.push({ input: typed, name, sets });
      return;
    }
    if (this.pendingName) {
      const name = this.fitName(displayExerciseName(this.pendingName));
      this.current.exercises.push({ input: this.pendingName, name, sets: spec.sets });
      this.pendingName = null;
      return;
    }
    const ex = this.lastExercise();
    if (ex && !ex.cardio) ex.sets.push(...spec.sets);
    else {
      this.orphans.push({ clause, sets: spec.sets });
      this.lastGroup = null;
    }
  }

  /** Names longer than an exercise name may be are shortened, and the card says so. */
  private fitName(name: string): string {
    if (name.length <= EXERCISE_NAME_MAX) return name;
    const short = `${name.slice(0, EXERCISE_NAME_MAX - 1).trimEnd()}…`;
    this.warn(`${exerciseNameTooLong(name.length)} It was shortened to “${short.slice(0, 40)}…” — edit it on the card.`);
    return short;
  }

  /** A name waiting for its sets; one that never gets any is said on the card, not dropped. */
  private setPendingName(name: string | null) {
    if (this.pendingName && this.pendingName !== name) this.unusedNames.push(this.pendingName);
    this.pendingName = name;
  }

  finish(): WorkoutDraft {
    for (const o of this.orphans) this.warn(`Not logged: “${o.clause}” has sets but no exercise name.`);
    this.setPendingName(null);
    for (const n of this.unusedNames) this.warn(`Not logged: “${n}” (no sets followed it).`);
    const out: DraftWorkout[] = [];
    for (const w of this.workouts) {
      if (w.reference) this.resolveReference(w);
      const exercises = w.exercises.filter((e) => e.sets.length > 0).map((e) => ({ ...e, sets: e.sets.slice(0, 100) }));
      if (exercises.length === 0) continue;
      const startedAt = w.date === this.today ? this.opts.now : zonedTime(w.date, 12, 0, this.opts.timeZone);
      const basedOn = w.reference && w.exercises.length > 0 ? this.basedOn.get(w) : undefined;
      out.push({
        date: w.date,
        startedAt: startedAt.toISOString(),
        name: w.label ?? sessionName(exercises.map((e) => e.name)),
        exercises,
        ...(basedOn ? { basedOn } : {}),
        source: w.source.join(", ").slice(0, 2000),
      });
    }
    out.sort((a, b) => a.startedAt.localeCompare(b.startedAt));
    return {
      workouts: out,
      unit: this.opts.unit,
      warnings: this.warnings.slice(0, 50),
      ...(this.needsHistory ? { needsHistory: true } : {}),
    };
  }

  private basedOn = new Map<WorkoutAcc, NonNullable<DraftWorkout["basedOn"]>>();

  private resolveReference(w: WorkoutAcc) {
    const ref = w.reference!;
    const label = ref.label.replace(/\b[a-z]/g, (c) => c.toUpperCase());
    const what = ref.date ? `${label} (${ref.date})` : "your last session";
    if (!this.opts.recent) {
      this.needsHistory = true;
      this.warn(`To copy ${what} I need your recent sessions.`);
      return;
    }
    const tz = this.opts.timeZone;
    const candidates = [...this.opts.recent]
      .map((s) => ({ s, start: new Date(s.startedAt) }))
      .sort((a, b) => b.start.getTime() - a.start.getTime())
      .filter(({ start }) => {
        const d = localDate(start, tz);
        return ref.date ? d === ref.date : d <= w.date && !(d === w.date && start >= this.opts.now);
      });
    const found = candidates[0]?.s;
    if (!found) {
      this.warn(`I couldn't find a session on ${what}.`);
      return;
    }
    const only = ref.only ? displayExerciseName(stripNameFillers(ref.only)) : null;
    let adjusted = 0;
    const copied: DraftExercise[] = found.exercises.map((e) => ({
      input: e.name,
      name: e.name,
      sets: e.sets.map((s) => {
        const apply = ref.adjustKg !== 0 && s.weightKg !== null && s.setType !== "warmup" && (!only || sameExercise(e.name, only));
        if (apply) adjusted++;
        return { ...s, weightKg: apply ? Math.max(0, Math.round((s.weightKg! + ref.adjustKg) * 100) / 100) : s.weightKg };
      }),
    }));
    if (only && adjusted === 0) this.warn(`${found.name} had no weighted ${only} sets to adjust.`);
    w.exercises = [...copied, ...w.exercises];
    this.basedOn.set(w, { sessionId: found.id, date: localDate(new Date(found.startedAt), tz), name: found.name, adjustKg: ref.adjustKg });
  }
}

function sameExercise(stored: string, wanted: string): boolean {
  const a = stored.toLowerCase();
  const b = wanted.toLowerCase();
  return a === b || a.includes(b) || b.includes(a.replace(/\s*\(.*\)\s*/g, "").trim());
}

export type { WorkoutDraft };
