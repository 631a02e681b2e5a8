/**
 * Non-English requests (issue 17, deliverable 5): a normalisation layer in front of the English
 * reader. French, Spanish and German request phrasing is rewritten into the English phrasing
 * the detectors of lib/language already read ("des années 90" → "from the 90s", "películas de
 * terror" → "horror films", "ohne Horror" → "without horror", "moins de 90 minutes" → "at most 90
 * minutes", "comme Heat" → "like Heat"), so every later phase (titles, negation scopes, years,
 * runtimes, languages) works unchanged on one language.
 *
 * Why rewriting rather than per-language detectors: the English grammar (negation scopes,
 * comparatives, title roles) is the part that is hard to get right, and it stays in one place;
 * a language adds only closed tables (lib/language/foreign/*.ts).
 *
 * Safety rules:
 * - A request is rewritten only when its language is detected: function words and request
 *   words of one language outweigh English ones (two points at least, "Das Boot" alone is one).
 *   Anything else comes back byte-identical.
 * - Only closed sets are rewritten: genre nouns and adjectives, language adjectives, numbers
 *   with a unit, years and decades with their prepositions, negation words, "like" cues and a
 *   few joining words. Lower-case function words (articles, "je voudrais", "bitte") are dropped
 *   only once one of those was rewritten.
 * - Titles are never touched: a catalog title (or alias: "Le Fabuleux destin d'Amélie Poulain",
 *   "La Haine") found in the request, and whatever follows a like cue ("comme", "como",
 *   "wie") up to the next clause word, are kept exactly as typed.
 */
import { FRENCH } from "./foreign/french";
import { GERMAN } from "./foreign/german";
import type { ForeignLanguage, ForeignLanguageCode } from "./foreign/shared";
import { SPANISH } from "./foreign/spanish";
import { normaliseTitle } from "../retrieval/title-matcher";

export type { ForeignLanguageCode } from "./foreign/shared";

/** What the layer needs of the catalog: is this normalised phrase a title or alias? */
export interface TitleIndex {
  has(normalisedTitle: string): boolean;
}

const LANGUAGES: readonly ForeignLanguage[] = [FRENCH, SPANISH, GERMAN];
const MARKERS = LANGUAGES.map((language) => new Set(language.markers));

/** Words English requests use; a request with more of them than foreign ones is English. */
const ENGLISH_MARKERS = new Set(
  (
    "the a an and or with without movie movies like from something anything some in about but not of to for i want show me recommend that are is under over after " +
    "before between since until by good please any more less than what minutes hours older newer made set watch looking need give find my you can could would " +
    "into very really only just also ones one who which where when how it its this these those there"
  ).split(" "),
);

/** Longest title tried as a protected span, in words. */
const MAX_TITLE_WORDS = 14;

/** Lower case, accents removed, typographic apostrophes → "'"; one output character per input code unit. */
function foldForMatching(text: string): string {
  let folded = "";
  for (const character of text) {
    const units = character.length;
    if (character === "’" || character === "‘" || character === "`" || character === "´") {
      folded += "'";
      continue;
    }
    const plain = character
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase();
    const lower = character.toLowerCase();
    folded += plain.length === units ? plain : lower.length === units ? lower : character;
  }
  return folded;
}

/** Folded words; an elision stays one word ("d'action", "qu'il"): French evidence an English contraction never spells. */
const wordsOf = (text: string) =>
  foldForMatching(text)
    .replace(/ß/g, "ss")
    .match(/[a-z0-9]+(?:'[a-z0-9]+)*/g) ?? [];

interface Range {
  start: number;
  end: number;
}

/** Catalog titles of two or more words written in the request ("Das Boot", "la haine" is three letters too few to guess). */
function titleRanges(text: string, titles: TitleIndex | undefined): Range[] {
  if (!titles) return [];
  const words = [...text.matchAll(/[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu)].map((match) => ({ start: match.index!, end: match.index! + match[0].length, word: match[0] }));
  const found: Range[] = [];
  for (let first = 0; first < words.length; first += 1) {
    for (let last = Math.min(words.length - 1, first + MAX_TITLE_WORDS - 1); last >= first + 1; last -= 1) {
      const capitalised = /^\p{Lu}/u.test(words[first].word) || /^\d/.test(words[first].word);
      if (!capitalised && last - first < 2) continue;
      const span = text.slice(words[first].start, words[last].end);
      if (titles.has(normaliseTitle(span))) {
        found.push({ start: words[first].start, end: words[last].end });
        first = last;
        break;
      }
    }
  }
  return found;
}

/** What follows a like cue up to the next clause word: a title, kept as typed. */
function cuedRanges(text: string, folded: string, language: ForeignLanguage, taken: readonly Range[]): Range[] {
  const found: Range[] = [];
  language.likeCue.lastIndex = 0;
  for (let cue = language.likeCue.exec(folded); cue; cue = language.likeCue.exec(folded)) {
    let start = cue.index + cue[0].length;
    while (start < text.length && /\s/.test(text[start])) start += 1;
    if (start >= text.length) break;
    const known = taken.find((range) => range.start === start);
    if (known) continue;
    language.titleStop.lastIndex = start;
    const stop = language.titleStop.exec(folded);
    let end = stop ? stop.index : text.length;
    while (end > start && /[\s,;.!?]/.test(text[end - 1])) end -= 1;
    if (end > start) found.push({ start, end });
    language.likeCue.lastIndex = Math.max(language.likeCue.lastIndex, end);
  }
  return found;
}

function outside(ranges: readonly Range[], text: string): string {
  let kept = "";
  let position = 0;
  for (const range of [...ranges].sort((a, b) => a.start - b.start)) {
    if (range.start < position) continue;
    kept += `${text.slice(position, range.start)} `;
    position = range.end;
  }
  return kept + text.slice(position);
}

function score(language: ForeignLanguage, markers: ReadonlySet<string>, words: readonly string[]): number {
  let total = 0;
  for (const word of words) total += language.strong.test(word) ? 2 : markers.has(word) ? 1 : 0;
  if (language.phrases) total += 2 * (words.join(" ").match(language.phrases)?.length ?? 0);
  return total;
}

interface Detection {
  language: ForeignLanguage;
  protectedRanges: Range[];
}

function detect(text: string, titles: TitleIndex | undefined): Detection | null {
  const words = wordsOf(text);
  // The whole request is a title ("Frances", "La Haine"): nothing to translate.
  if (titles?.has(normaliseTitle(text))) return null;
  // Fast path: most requests are English and have fewer than two foreign points.
  const rough = LANGUAGES.map((language, index) => score(language, MARKERS[index], words));
  if (Math.max(...rough) < 2) return null;
  const folded = foldForMatching(text);
  const known = titleRanges(text, titles);
  let best: { detection: Detection; points: number } | null = null;
  LANGUAGES.forEach((language, index) => {
    if (rough[index] < 2) return;
    const protectedRanges = [...known, ...cuedRanges(text, folded, language, known)];
    const rest = wordsOf(outside(protectedRanges, text));
    const points = score(language, MARKERS[index], rest);
    const english = rest.filter((word) => ENGLISH_MARKERS.has(word)).length;
    if (points < 2 || points <= english) return;
    if (!best || points > best.points) best = { detection: { language, protectedRanges }, points };
  });
  return best === null ? null : (best as { detection: Detection }).detection;
}

/** The request's language when it is French, Spanish or German; null for English (or unsure). */
export function detectRequestLanguage(text: string, titles?: TitleIndex): ForeignLanguageCode | null {
  return detect(text, titles)?.language.code ?? null;
}

/** Applies one language's rewrites to a stretch of text that holds no title. */
function rewriteSegment(segment: string, language: ForeignLanguage): { text: string; content: boolean } {
  let text = segment.replace(/ß/g, "ss");
  let content = false;
  for (const rewrite of language.rewrites) {
    const folded = foldForMatching(text);
    rewrite.pattern.lastIndex = 0;
    let result = "";
    let position = 0;
    for (let match = rewrite.pattern.exec(folded); match; match = rewrite.pattern.exec(folded)) {
      if (match[0].length === 0) {
        rewrite.pattern.lastIndex += 1;
        continue;
      }
      const english = typeof rewrite.to === "string" ? rewrite.to : rewrite.to(match);
      if (english === null) continue;
      result += `${text.slice(position, match.index)} ${english} `;
      position = match.index + match[0].length;
      if (!rewrite.connective) content = true;
    }
    // One space between words again, so the next table's phrases match across a replacement.
    if (position > 0) text = (result + text.slice(position)).replace(/ {2,}/g, " ");
  }
  return { text, content };
}

/** Drops lower-case function words of the language; a capitalised one may start a title. */
function dropFillers(segment: string, language: ForeignLanguage, atStart: boolean): string {
  const folded = foldForMatching(segment);
  let result = "";
  let position = 0;
  for (const match of folded.matchAll(/[a-z0-9]+'?/g)) {
    const word = match[0].replace(/'$/, "");
    if (!language.fillers.has(word)) continue;
    const typed = segment.slice(match.index!, match.index! + word.length);
    const first = atStart && segment.slice(0, match.index).trim() === "";
    const next = segment.slice(match.index! + match[0].length).trimStart();
    const lowerCase = typed === typed.toLowerCase();
    if (!lowerCase && !(first && !/^\p{Lu}/u.test(next))) continue;
    result += `${segment.slice(position, match.index)} `;
    position = match.index! + match[0].length;
  }
  return result + segment.slice(position);
}

/**
 * The request in English phrasing when it is French, Spanish or German; any other request is
 * returned as it was (the same string). Titles are kept as typed.
 * @param titles the catalog's normalised titles and aliases (the lexicon's exactTitles), so a
 *   title written in the request is never rewritten
 */
export function toEnglishPhrasing(text: string, titles?: TitleIndex): string {
  const detection = detect(text, titles);
  if (!detection) return text;
  const { language } = detection;
  const ranges = [...detection.protectedRanges].sort((a, b) => a.start - b.start);
  const pieces: Array<{ text: string; title: boolean }> = [];
  let position = 0;
  for (const range of ranges) {
    if (range.start < position) continue;
    if (range.start > position) pieces.push({ text: text.slice(position, range.start), title: false });
    pieces.push({ text: text.slice(range.start, range.end), title: true });
    position = range.end;
  }
  if (position < text.length) pieces.push({ text: text.slice(position), title: false });

  let changed = false;
  const rewritten = pieces.map((piece) => {
    if (piece.title) return piece;
    const { text: english, content } = rewriteSegment(piece.text, language);
    if (content) changed = true;
    return { text: english, title: false };
  });
  if (!changed) return text;
  const joined = rewritten.map((piece, index) => (piece.title ? piece.text : dropFillers(piece.text, language, index === 0))).join(" ");
  return joined
    .replace(/\s+/g, " ")
    .replace(/ ([,;.!?])/g, "$1")
    .trim();
}
