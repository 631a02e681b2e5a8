import { randomIndex, seededRandom } from "./seeded-random";

/** Keys next to each letter on a QWERTY keyboard: the substitution a slipping finger makes. */
const NEIGHBOUR_KEYS: Record<string, string> = {
  q: "wa",
  w: "qes",
  e: "wrd",
  r: "etf",
  t: "ryg",
  y: "tuh",
  u: "yij",
  i: "uok",
  o: "ipl",
  p: "ol",
  a: "qsz",
  s: "adwx",
  d: "sfec",
  f: "dgrv",
  g: "fhtb",
  h: "gjyn",
  j: "hkum",
  k: "jli",
  l: "kop",
  z: "asx",
  x: "zcs",
  c: "xvd",
  v: "cbf",
  b: "vng",
  n: "bmh",
  m: "nj",
};

/** Words a typo may hit: at least five plain letters. */
const TYPO_WORD = /^[A-Za-z]{5,}$/;

export type TypoKind = "substitute" | "delete" | "double";

export interface Typo {
  text: string;
  /** The word that was edited, as it was. */
  word: string;
  kind: TypoKind;
}

/**
 * One deterministic one-letter slip in a word of ≥ 5 letters (never its first or last letter): a
 * neighbouring key instead of the letter, the letter dropped, or the letter typed twice. The
 * word, the letter and the kind of slip come from `seed` and `label`; null when the title has no
 * such word (the typo phrasing then skips the film).
 */
export function seededTypo(title: string, seed: number | string, label: string): Typo | null {
  const parts = title.split(/(\s+)/);
  const candidates = parts.map((part, index) => ({ part, index })).filter(({ part }) => TYPO_WORD.test(part.replace(/[.,:;!?'"]+$/, "")));
  if (candidates.length === 0) return null;
  const random = seededRandom(seed, `typo:${label}`);
  const { part, index } = candidates[randomIndex(random, candidates.length)];
  const word = part.replace(/[.,:;!?'"]+$/, "");
  const tail = part.slice(word.length);
  // Interior letters only: slips at a word's ends are rarer, and dropping the last letter can
  // spell another title ("The Thing" → "The Thin").
  const position = 1 + randomIndex(random, word.length - 2);
  const letter = word[position];
  const kinds: TypoKind[] = ["substitute", "delete", "double"];
  const kind = kinds[randomIndex(random, kinds.length)];
  let edited: string;
  if (kind === "substitute") {
    const keys = NEIGHBOUR_KEYS[letter.toLowerCase()] ?? "e";
    const key = keys[randomIndex(random, keys.length)];
    edited = word.slice(0, position) + (letter === letter.toUpperCase() ? key.toUpperCase() : key) + word.slice(position + 1);
  } else if (kind === "delete") {
    edited = word.slice(0, position) + word.slice(position + 1);
  } else {
    edited = word.slice(0, position + 1) + letter + word.slice(position + 1);
  }
  const copy = [...parts];
  copy[index] = edited + tail;
  return { text: copy.join(""), word, kind };
}
