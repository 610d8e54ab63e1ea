/**
 * Personal-data scrubber for training text (pure; no server imports). Replaces what identifies a
 * person with a bracketed placeholder: emails, phone numbers in national and international formats,
 * IPv4/IPv6 addresses, URLs and bare domains, social handles, street addresses, postcodes, ID-like
 * numbers, and names — the lifter's own (every part of the account name, display name and email
 * local part) plus common first names and "my name is …" / title + surname patterns.
 *
 * Errs on the side of removing: a scrubbed workout note loses a little; a leaked phone number cannot
 * be taken back. tests/fixtures/pii-corpus.json is the adversarial corpus it is held to.
 */

/** Names that are Spotter's own (the coach personas) and are never a lifter's personal data. */
const PRODUCT_NAMES = new Set(["alice", "aiden", "spotter"]);

const TLD =
  "com|org|net|io|co|uk|de|fr|es|it|nl|be|ch|at|se|no|dk|fi|pl|pt|ie|us|ca|au|nz|in|jp|br|mx|ru|app|dev|me|ly|gg|tv|info|biz|edu|gov|xyz|site|online|fit|fitness|gym|coach|club|page|link|to|eu";

// Emails, including "name at domain dot com" and "name [at] domain [dot] com".
const EMAIL = /[\p{L}\p{N}._%+'-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/giu;
const EMAIL_OBFUSCATED =
  /[\p{L}\p{N}._%+-]+\s*(?:\[at\]|\(at\)|\{at\}|\sat\s|\s@\s)\s*[\p{L}\p{N}-]+(?:\s*(?:\[dot\]|\(dot\)|\{dot\}|\sdot\s|\.)\s*[\p{L}\p{N}-]+)+/giu;
const URL_SCHEME = /\b(?:https?|ftp|wss?):\/\/[^\s<>"')\]]+/gi;
const URL_WWW = /\bwww\.[^\s<>"')\]]+/gi;
const URL_BARE = new RegExp(String.raw`\b(?:[a-z0-9-]+\.)+(?:${TLD})\b(?:\/[^\s<>"')\]]*)?`, "gi");
/** Any domain followed by a path (linktr.ee/x), whatever its top-level domain. */
const URL_PATH = /\b(?:[a-z0-9-]+\.)+[a-z]{2,}\/[^\s<>"')\]]*/gi;
const IPV4 = /\b(?:25[0-5]|2[0-4]\d|1?\d?\d)(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3}(?::\d{1,5})?\b/g;
// IPv6: full, compressed (::) and IPv4-mapped forms. A plain clock time (10:30:45) has no hex letter,
// no "::" and fewer than 4 groups, so it is left alone.
const IPV6 = /(?<![\w:])(?:[0-9a-f]{0,4}:){2,7}(?:[0-9a-f]{1,4}|(?:\d{1,3}\.){3}\d{1,3})?(?:%\w+)?(?![\w:])/gi;
const HANDLE_AT = /(?<![\p{L}\p{N}_.+-])@[\p{L}\p{N}_](?:[\p{L}\p{N}_.]{0,38}[\p{L}\p{N}_])?/gu;
const HANDLE_NAMED =
  /\b(insta(?:gram)?|ig|twitter|tiktok|tik tok|snap(?:chat)?|telegram|discord|reddit|twitch|strava|threads|bluesky|(?:my )?handle(?= is|:)|username|user name)\b(\s*(?:is|:|=|-|@)?\s*)(?:u\/)?[\p{L}\p{N}_.#-]*[\p{L}\p{N}_](?:#\d{4})?/giu;
const REDDIT_USER = /(?<![\w/])u\/[A-Za-z0-9_-]{3,20}\b/g;

// Phones. Each candidate must have enough digits to be a number (not "3x5 @ 100").
const PHONE_INTL = /(?<![\w+])(?:\+|00)\s?\d{1,3}(?:[\s.\-/]?\(?\d{1,5}\)?){2,6}(?:\s*(?:ext\.?|x)\s*\d{1,5})?/gi;
const PHONE_PARENS = /(?<!\w)\(\d{2,5}\)\s?\d{2,5}(?:[\s.-]?\d{2,5}){1,3}\b/g;
const PHONE_NANP = /(?<![\w.])1?[\s.-]?\d{3}[\s./-]\d{3}[\s.-]\d{4}\b(?:\s*(?:ext\.?|x)\s*\d{1,5})?/gi;
const PHONE_TRUNK = /(?<![\w.])0\d{1,4}(?:[\s.\-/]?\d{2,5}){2,4}\b/g;
const PHONE_LOCAL = /(?<![\w.])\d{3}-\d{4}\b/g;
const PHONE_LONG = /(?<![\w.])\d{9,15}(?![\w.])/g;
const PHONE_KEYWORD =
  /\b(call|text|txt|phone|tel|telephone|mobile|mob|cell|whatsapp|signal|number|no\.|ring|fax|sms|reach me)\b([^0-9+\n]{0,20})[+(]?\d[\d\s().\-/]{4,}\d/gi;

// Street addresses and postcodes.
const STREET_SUFFIX =
  "Street|St|Road|Rd|Avenue|Ave|Av|Lane|Ln|Drive|Dr|Boulevard|Blvd|Court|Ct|Place|Pl|Way|Close|Crescent|Cres|Terrace|Tce|Square|Sq|Parkway|Pkwy|Highway|Hwy|Circle|Cir|Row|Mews|Grove|Gardens|Gdns|Hill|Walk|Alley|Trail|Path|Plaza|Broadway";
const STREET_EN = new RegExp(
  String.raw`\b\d{1,5}[A-Za-z]?(?:[-/]\d{1,5})?,?\s+(?:(?:[NSEW]|North|South|East|West|[NS][EW])\.?\s+)?(?:[\p{Lu}\d][\p{L}'’.-]*\s+){0,4}(?:${STREET_SUFFIX})\b\.?`,
  "gu",
);
const STREET_EN_AFTER = new RegExp(String.raw`\b[\p{Lu}][\p{L}'’-]+\s+(?:${STREET_SUFFIX})\.?\s+\d{1,5}[a-z]?\b`, "gu");
const STREET_EN_LOWER =
  /\b\d{1,5}[a-z]?,?\s+(?:[a-z][a-z'’-]*\s+){1,3}(?:street|st|road|rd|avenue|ave|lane|ln|drive|boulevard|blvd|court|close|crescent|terrace)\b\.?/g;
const STREET_UNIT = /\b(?:apt|apartment|unit|suite|ste|flat|floor|fl|room|rm|building|bldg)\.?\s*#?\s*[\dA-Z]{1,5}[A-Z]?\b/gi;
const PO_BOX = /\bP\.?\s?O\.?\s*Box\s*\d+\b/gi;
const STREET_DE =
  /\b[\p{Lu}][\p{L}-]*(?:straße|strasse|str\.|gasse|weg|platz|allee|ring|damm|ufer|chaussee|steig)\s*\d{1,4}\s?[a-z]?\b|\b(?:[\p{Lu}][\p{L}-]*\s)?(?:Straße|Strasse|Str\.|Gasse|Weg|Platz|Allee)\s*\d{1,4}\s?[a-z]?\b/gu;
const STREET_ROMANCE =
  /\b\d{1,4}(?:\s?(?:bis|ter))?,?\s+(?:rue|avenue|av\.|boulevard|bd|place|chemin|allée|impasse|quai|cours|route|via|viale|piazza|calle|avenida|plaza|paseo|rua|travessa)\s+(?:(?:de|du|des|la|le|les|del|della|di|da|do|dos|das)\s+|[\p{L}'’-]+\s?){1,5}/giu;
const STREET_ROMANCE_AFTER = /\b(?:Calle|Avenida|Via|Viale|Piazza|Rua|Plaza|Paseo|Carrer)\s+(?:[\p{L}'’-]+\s){0,4}\d{1,4}\b/gu;
const STREET_NL = /\b[\p{Lu}][\p{L}-]*(?:straat|laan|weg|gracht|plein|kade|singel|dijk)\s*\d{1,4}\s?[a-z]?\b/gu;

const UK_POSTCODE = /\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b/gi;
const CA_POSTCODE = /\b[A-Z]\d[A-Z]\s?\d[A-Z]\d\b/gi;
const US_ZIP_STATE =
  /\b(?:A[KLRZ]|C[AOT]|D[CE]|FL|GA|HI|I[ADLN]|K[SY]|LA|M[ADEINOST]|N[CDEHJMVY]|O[HKR]|PA|RI|S[CD]|T[NX]|UT|V[AT]|W[AIVY])\s+\d{5}(?:-\d{4})?\b/g;
const ZIP4 = /\b\d{5}-\d{4}\b/g;
const AU_POSTCODE = /\b(?:NSW|VIC|QLD|WA|SA|TAS|ACT|NT)\s+\d{4}\b/g;
const ZIP_LABELED = /\b(zip|zip code|postcode|post code|postal code|plz|cp|code postal)(\s*(?:is|:)?\s*)[A-Z\d][A-Z\d -]{2,9}[A-Z\d]\b/gi;
const POSTCODE_CITY = /\b(?:[A-Z]{1,2}-)?\d{4,5}\s+(?=[\p{Lu}][\p{Ll}]{2,})(?!(?:Kg|Lb|Lbs|Reps|Sets|Total|Volume)\b)[\p{Lu}][\p{L}-]+/gu;
const NL_POSTCODE = /\b\d{4}\s?(?!KG\b|LB\b)[A-Z]{2}\b/g;

// Numbers that identify a person or an account.
const SSN = /\b\d{3}-\d{2}-\d{4}\b/g;
const CARD = /\b(?:\d{4}[\s-]?){3}\d{1,4}\b/g;
const IBAN = /\b[A-Z]{2}\d{2}(?:\s?[A-Z\d]{4}){2,7}(?:\s?[A-Z\d]{1,4})?\b/g;

// Names that are not the lifter's own: "my name is X", "I'm X" (capitalised), titles, sign-offs.
const NAME_LEADS = [
  "my name is",
  "my name's",
  "name is",
  "name:",
  "i'm",
  "call me",
  "signed",
  "regards",
  "cheers",
  "thanks",
  "thx",
  "buddy",
  "friend",
  "partner",
  "spotter",
  "trainer",
  "wife",
  "husband",
  "girlfriend",
  "boyfriend",
  "brother",
  "sister",
  "mom",
  "mum",
  "dad",
  "son",
  "daughter",
  "cousin",
  "uncle",
  "aunt",
  "neighbour",
  "neighbor",
  "colleague",
  "roommate",
];
/** A lead word in any case ("My name is", "MY NAME IS"), then a capitalised name. */
const NAME_INTRO = new RegExp(
  String.raw`\b(${NAME_LEADS.map((lead) => [...lead].map((c) => (/[a-z]/.test(c) ? `[${c}${c.toUpperCase()}]` : escapeRegExp(c))).join("")).join("|")})(,?\s+)((?:[\p{Lu}][\p{Ll}'’-]+)(?:[\s-][\p{Lu}][\p{Ll}'’-]+){0,2})`,
  "gu",
);
const NAME_TITLE = /\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Sir|Dame|Coach)\.?\s+[\p{Lu}][\p{L}'’-]+(?:\s+[\p{Lu}][\p{L}'’-]+)?/gu;
/** "Priyanka's program": a capitalised possessive is a name unless it is a day, month or Spotter's own. */
const POSSESSIVE = /(?<![\p{L}[])([\p{Lu}][\p{Ll}]+)(?:'s|’s)(?![\p{L}])/gu;
const NOT_NAMES = new Set(
  "today tomorrow yesterday tonight monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december week month year everyone someone nobody coach spotter alice aiden it that what who there here let he she".split(
    " ",
  ),
);
const SIGN_OFF = /(?:^|\n)\s*(?:[-–—~]+\s*)[\p{Lu}][\p{L}'’-]+(?:\s+[\p{Lu}][\p{L}'’.-]+)?\s*$/gu;

/** Given names that are also everyday or gym words ("Max effort", "Will do", "Mark the bar"): left alone. */
const AMBIGUOUS_NAMES = new Set([
  "will",
  "mark",
  "max",
  "bill",
  "rob",
  "pat",
  "sue",
  "ray",
  "grace",
  "hunter",
  "chase",
  "cooper",
  "jack",
  "frank",
  "joy",
  "hope",
  "faith",
  "nova",
  "genesis",
  "kennedy",
  "willow",
  "hazel",
  "violet",
  "aurora",
  "savannah",
  "brooklyn",
  "paisley",
  "harper",
  "carson",
  "easton",
  "mason",
  "levi",
  "jean",
  "gus",
  "stan",
  "wes",
  "sid",
  "rod",
  "art",
  "dean",
  "nat",
  "li",
  "jo",
  "kim",
  "hugo",
  "lucy",
  "bella",
  "amber",
  "summer",
  "dawn",
]);
/** Common given names (many languages). The lifter's own names are added per record. */
const COMMON_FIRST_NAMES = `james john robert michael william david richard joseph thomas charles christopher daniel matthew anthony mark donald
steven paul andrew joshua kenneth kevin brian george timothy ronald edward jason jeffrey ryan jacob gary nicholas eric jonathan stephen
larry justin scott brandon benjamin samuel gregory alexander frank patrick raymond jack dennis jerry tyler aaron jose adam nathan henry
douglas zachary peter kyle noah ethan jeremy walter christian keith roger terry austin sean gerald carl harold dylan arthur lawrence
jordan jesse bryan billy bruce gabriel joe logan albert willie alan eugene russell vincent philip bobby johnny bradley mary patricia
jennifer linda elizabeth barbara susan jessica sarah karen lisa nancy betty sandra margaret ashley kimberly emily donna michelle carol
amanda melissa deborah stephanie dorothy rebecca sharon laura cynthia amy kathleen angela shirley brenda emma anna pamela nicole samantha
katherine christine helen debra rachel carolyn janet maria catherine heather diane olivia julie joyce victoria ruth virginia lauren kelly
christina joan evelyn judith andrea hannah megan cheryl jacqueline martha madison teresa gloria sara janice ann kathryn abigail sophia
frances jean alice judy isabella julia grace amber denise danielle marilyn beverly charlotte natalie theresa diana brittany doris kayla
alexis lori marie mohammed muhammad ahmed ali fatima aisha omar hassan yusuf ibrahim priya rahul amit anjali deepak sanjay ravi arjun
wei li ming jing hiroshi yuki haruto sakura kenji ji-woo min-jun seo-yeon carlos juan luis miguel javier alejandro diego pablo sofia
lucia valentina camila mateo santiago lucas hugo louis jules lea chloe manon camille pierre jean-pierre francois giulia francesco
alessandro marco luca matteo chiara lukas leon finn jonas felix maximilian lena mia hannah-lea klaus jurgen sven lars erik nils ingrid
astrid freya olaf bjorn piotr katarzyna agnieszka tomasz ivan olga dmitri sergei natasha anastasia tatiana liam oliver elijah mason
aiden-x jayden caleb owen isaac levi josiah hunter connor eli jaxon landon wyatt gavin chase cooper easton carson jace ava amelia harper
evelyn-rose ella avery scarlett aria penelope layla chloe-ann riley zoey nora lily eleanor hazel violet aurora savannah audrey brooklyn
bella claire skylar lucy paisley everly caroline nova genesis emilia kennedy maya willow kinsley naomi aaliyah elena ariana gabriella
jake jacob-lee mike mikey matt chris dave dan danny tom tommy nick ben sam alex max tony andy rob bob bill will jim jimmy jon steve
kate katie beth liz becky jen jenny jess jessie meg mandy sue suzy vicky tina nat nate zach zack josh joey ted teddy fred freddie
gus hank jill jo kim pat pete ray rick ricky rod ron ronnie sid stan tim timmy vince walt wes`
  .split(/\s+/)
  .filter((n) => n && !n.endsWith("-x") && !PRODUCT_NAMES.has(n) && !AMBIGUOUS_NAMES.has(n));
/** Capitalised only: a common given name written in lower case is usually a word, not a person. */
const COMMON_NAME_RE = new RegExp(
  String.raw`(?<![\p{L}\[])(?:${COMMON_FIRST_NAMES.map((n) => n.replace(/(^|-)(\p{L})/gu, (_m, d: string, c: string) => d + c.toUpperCase()))
    .map(escapeRegExp)
    .join("|")})(?:'s|’s)?(?![\p{L}\]])`,
  "gu",
);

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function digits(s: string): number {
  return s.replace(/\D/g, "").length;
}

/** The parts of a person's names worth removing: every word of ≥ 2 letters, and the whole name. */
export function nameParts(names: readonly (string | null | undefined)[]): string[] {
  const out = new Set<string>();
  for (const raw of names) {
    if (!raw) continue;
    const base = raw.includes("@") ? raw.slice(0, raw.indexOf("@")) : raw;
    const whole = base.trim().toLowerCase();
    if (whole.length >= 2) out.add(whole);
    for (const part of base.split(/[\s._+\-0-9,]+/)) {
      const p = part.trim().toLowerCase();
      if (p.length >= 2 && !PRODUCT_NAMES.has(p)) out.add(p);
    }
  }
  for (const p of [...out]) for (const v of spellings(p)) out.add(v);
  return [...out].sort((a, b) => b.length - a.length);
}

/** Other ways people write the same name: without accents, German umlauts spelled out. */
function spellings(name: string): string[] {
  const folded = name.normalize("NFD").replace(/\p{M}/gu, "");
  const german = name.replace(/ä/g, "ae").replace(/ö/g, "oe").replace(/ü/g, "ue").replace(/ß/g, "ss");
  const apostrophe = name.replace(/['’]/g, "");
  return [folded, german, apostrophe, apostrophe.normalize("NFD").replace(/\p{M}/gu, "")].filter((v) => v !== name && v.length >= 2);
}

export interface ScrubOptions {
  /** The lifter's names: account name, display name, email (its local part is split into words). */
  names?: readonly (string | null | undefined)[];
}

/** Text with personal data replaced by placeholders. Idempotent. */
export function scrubText(input: string, opts: ScrubOptions = {}): string {
  let s = input.normalize("NFKC").replace(/[\u200B-\u200D\u2060\uFEFF]/g, "");
  // Order: things containing other things first (a URL holds a domain, an email holds a name).
  s = s.replace(URL_SCHEME, "[url]").replace(URL_WWW, "[url]");
  s = s.replace(EMAIL, "[email]");
  s = s.replace(URL_PATH, "[url]").replace(URL_BARE, "[url]");
  // After domains: "is at strava.com/x" must not read as an obfuscated email and leave the path.
  s = s.replace(EMAIL_OBFUSCATED, "[email]");
  s = s.replace(IPV4, "[ip]");
  s = s.replace(IPV6, (m) => (/::|[a-f]/i.test(m) || (m.match(/:/g)?.length ?? 0) >= 4 ? "[ip]" : m));
  s = s.replace(HANDLE_NAMED, (_m, site: string, sep: string) => `${site}${sep}[handle]`);
  s = s.replace(REDDIT_USER, "[handle]").replace(HANDLE_AT, "[handle]");
  s = s.replace(IBAN, (m) => (digits(m) >= 8 ? "[id]" : m));
  s = s.replace(SSN, "[id]");
  s = s.replace(PHONE_KEYWORD, (_m, word: string, gap: string) => `${word}${gap}[phone]`);
  s = s.replace(PHONE_INTL, (m) => (digits(m) >= 7 ? "[phone]" : m));
  s = s.replace(PHONE_PARENS, (m) => (digits(m) >= 7 ? "[phone]" : m));
  s = s.replace(PHONE_NANP, "[phone]");
  s = s.replace(CARD, (m) => (digits(m) >= 13 ? "[id]" : m));
  s = s.replace(PHONE_TRUNK, (m) => (digits(m) >= 8 ? "[phone]" : m));
  s = s.replace(PHONE_LOCAL, "[phone]").replace(PHONE_LONG, "[phone]");
  s = s.replace(PO_BOX, "[address]");
  s = s.replace(STREET_ROMANCE, "[address] ").replace(STREET_ROMANCE_AFTER, "[address]");
  s = s.replace(STREET_DE, "[address]").replace(STREET_NL, "[address]");
  s = s.replace(STREET_EN_AFTER, "[address]").replace(STREET_EN, "[address]").replace(STREET_EN_LOWER, "[address]");
  s = s.replace(STREET_UNIT, "[address]");
  s = s.replace(ZIP_LABELED, (_m, label: string, sep: string) => `${label}${sep}[postcode]`);
  s = s.replace(AU_POSTCODE, "[postcode]").replace(US_ZIP_STATE, "[postcode]").replace(ZIP4, "[postcode]");
  s = s.replace(UK_POSTCODE, (m) => (/\d/.test(m) && /^[a-z]{1,2}\d/i.test(m) && !/^\d/.test(m) ? "[postcode]" : m));
  s = s.replace(CA_POSTCODE, "[postcode]");
  s = s.replace(POSTCODE_CITY, "[postcode]").replace(NL_POSTCODE, "[postcode]");
  // Names: the lifter's own first (any case), then patterns and common given names.
  for (const part of nameParts(opts.names ?? [])) {
    s = s.replace(new RegExp(String.raw`(?<![\p{L}\p{N}\[])${escapeRegExp(part)}(?:'s|’s)?(?![\p{L}\p{N}\]])`, "giu"), "[name]");
  }
  s = s.replace(NAME_TITLE, "[name]");
  s = s.replace(NAME_INTRO, (m, lead: string, sep: string, who: string) => (PRODUCT_NAMES.has(who.toLowerCase()) ? m : `${lead}${sep}[name]`));
  s = s.replace(SIGN_OFF, (m) => m.replace(/[\p{Lu}][\p{L}'’.-]+(?:\s+[\p{Lu}][\p{L}'’.-]+)?\s*$/u, "[name]"));
  s = s.replace(COMMON_NAME_RE, "[name]");
  s = s.replace(POSSESSIVE, (m, who: string) => (NOT_NAMES.has(who.toLowerCase()) ? m : "[name]"));
  // Collapse runs of the same placeholder ("[name] [name]" → "[name]").
  return s.replace(/(\[(?:[a-z]+)\])(?:[\s,]*\1)+/g, "$1").replace(/[ \t]{2,}/g, " ");
}

/** Sentences about heart rate or sleep are biometrics: they never enter a training record. */
const BIOMETRIC = /\b(heart[\s-]?rate|resting\s+hr|\bhr\b|hrv|bpm|beats per minute|pulse|sleep|slept|sleeping|asleep|insomnia|nap(?:ped|s)?)\b/i;

export function dropBiometrics(text: string): string {
  return text
    .split(/(?<=[.!?])\s+|\n+/)
    .filter((sentence) => !BIOMETRIC.test(sentence))
    .join(" ")
    .trim();
}
