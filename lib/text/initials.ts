/**
 * Avatar initials that never split a character: names are cut into graphemes (Intl.Segmenter), so
 * "Zoë 🏋️" gives "ZO" — not "Z" plus half of the emoji's surrogate pair, which the server and the
 * browser serialise differently (a hydration error on every page).
 */
const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });

function graphemes(s: string): string[] {
  return Array.from(segmenter.segment(s), (x) => x.segment);
}

const startsWithLetterOrDigit = (word: string) => /^[\p{L}\p{N}]/u.test(word);

export function initials(name: string | null | undefined, email: string): string {
  const source = (name?.normalize("NFC").trim() || email.split("@")[0] || "").trim();
  const words = source.split(/[\s._\-@+]+/u).filter(Boolean);
  const lettered = words.filter(startsWithLetterOrDigit);
  let picked: string[];
  if (lettered.length > 1) picked = [graphemes(lettered[0])[0], graphemes(lettered[lettered.length - 1])[0]];
  else if (lettered.length === 1)
    picked = graphemes(lettered[0])
      .filter((g) => /^[\p{L}\p{N}]/u.test(g))
      .slice(0, 2);
  else picked = words.length ? [graphemes(words[0])[0]] : [];
  const out = picked.join("").toLocaleUpperCase("en-US");
  return out || "?";
}
