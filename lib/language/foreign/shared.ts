/**
 * Shared pieces of the per-language tables (french.ts, spanish.ts, german.ts) that
 * lib/language/foreign-phrases.ts applies. Every pattern runs on *folded* text: lower case,
 * accents removed, "ß" → "ss", typographic apostrophes → "'" (see foldForMatching), so a table
 * writes "annees" for "années" and "uber" for "über".
 */
import { isGenreWord } from "../genre-words";
import { escapeRegExp } from "../../text";

export type ForeignLanguageCode = "fr" | "es" | "de";

/** One rewrite: every match of `pattern` (global, over folded text) becomes `to`'s English. */
export interface Rewrite {
  pattern: RegExp;
  /** English replacement; null keeps the match as it was. */
  to: string | ((match: RegExpExecArray) => string | null);
  /** A joining word ("et" → "and"): rewritten only when something else in the request was. */
  connective?: true;
}

export interface ForeignLanguage {
  code: ForeignLanguageCode;
  /** Function words of the language that English requests do not use (folded). One point each. */
  markers: readonly string[];
  /** Words only this language's film requests use ("années", "películas", "Komödien"): two points each. */
  strong: RegExp;
  /** Phrases of common words only this language puts together ("à part", "en évitant"), over folded text: two points each. */
  phrases?: RegExp;
  /** A cue that introduces a film title ("comme", "parecido a", "so etwas wie"): what follows is protected. */
  likeCue: RegExp;
  /** Where an unknown title after a like cue ends: a clause word or punctuation. */
  titleStop: RegExp;
  /** Content rewrites, in order: durations, runtimes, years, decades, genres, languages, negation, cues. */
  rewrites: readonly Rewrite[];
  /** Lower-case function words dropped once something was rewritten (never inside a title). */
  fillers: ReadonlySet<string>;
}

/** A global pattern whose ends are not inside a word ("des" never matches inside "desde"). */
export function phrase(source: string): RegExp {
  // A phrase may end in an elided article ("pas d'" before "animation"): no boundary needed there.
  return new RegExp(String.raw`(?<![a-z0-9])(?:${source})(?:(?<=['\s])|(?![a-z0-9]))`, "g");
}

/** Alternation of the keys, longest first, regex-escaped. */
export function alternation(words: Iterable<string>): string {
  return [...words]
    .sort((a, b) => b.length - a.length)
    .map((word) => escapeRegExp(word).replace(/ /g, "[- ]"))
    .join("|");
}

/** Looks a folded phrase up in a table whose keys may be written with spaces or hyphens. */
export function lookup<T>(table: Readonly<Record<string, T>>, text: string): T | undefined {
  return table[text.replace(/[- ]+/g, " ").trim()];
}

/** "90" → "90s", "1990" → "1990s": English decade words the year detector reads. */
export function decadePhrase(digits: string): string | null {
  if (/^[0-9]0$/.test(digits)) return `${digits}s`;
  if (/^(18|19|20)[0-9]0$/.test(digits)) return `${digits}s`;
  return null;
}

/** Minutes as the English runtime detector reads them. */
export const minutesPhrase = (minutes: number) => `${Math.round(minutes)} minutes`;

/** Plausible runtimes only: a "number of minutes" outside this was something else. */
export const plausibleMinutes = (minutes: number) => Number.isFinite(minutes) && minutes >= 10 && minutes <= 600;

/** A release year the English detectors accept. */
export const YEAR = "(18[7-9][0-9]|19[0-9]{2}|20[0-9]{2})";

/** English comparatives each language's runtime and year words rewrite to. */
export type RuntimeBound = "max" | "min" | "about";
export const RUNTIME_ENGLISH: Record<RuntimeBound, string> = { max: "at most", min: "at least", about: "about" };

/** One anchored pattern that accepts a word any of the given anchored patterns accepts. */
export function anyOf(...patterns: RegExp[]): RegExp {
  return new RegExp(patterns.map((pattern) => `(?:${pattern.source})`).join("|"));
}

/** True when the (already English) words after a cue start with a genre word: "horror", "sci-fi films". */
export function startsWithGenre(first: string, second: string | undefined): boolean {
  const one = first.replace(/-/g, " ");
  return isGenreWord(one) || (second !== undefined && isGenreWord(`${one} ${second.replace(/-/g, " ")}`));
}

/** A language's closed genre vocabulary: nouns a modifier follows, modifiers, stand-alone genre words, language adjectives. */
export interface NounModifierVocabulary {
  heads: Readonly<Record<string, string>>;
  modifiers: Readonly<Record<string, string>>;
  words: Readonly<Record<string, string>>;
  languages: Readonly<Record<string, string>>;
}

/**
 * Rewrites for languages whose genre follows its noun (French, Spanish): noun + language
 * adjective ("films japonais" → "japanese films"), noun + modifier ("drames historiques" →
 * "historical dramas"), then stand-alone genre words, modifiers, adjectives and nouns.
 */
export function nounModifierRewrites({ heads, modifiers, words, languages }: NounModifierVocabulary): Rewrite[] {
  const head = alternation(Object.keys(heads));
  const modifier = alternation(Object.keys(modifiers));
  const language = alternation(Object.keys(languages));
  return [
    { pattern: phrase(String.raw`(${head}) (${language})`), to: (m) => `${lookup(languages, m[2])} ${lookup(heads, m[1])}` },
    { pattern: phrase(String.raw`(${head}) (${modifier})`), to: (m) => `${lookup(modifiers, m[2])} ${lookup(heads, m[1])}` },
    { pattern: phrase(`(${alternation(Object.keys(words))})`), to: (m) => lookup(words, m[1]) ?? null },
    { pattern: phrase(`(${modifier})`), to: (m) => lookup(modifiers, m[1]) ?? null },
    { pattern: phrase(`(${language})`), to: (m) => lookup(languages, m[1]) ?? null },
    { pattern: phrase(`(${head})`), to: (m) => lookup(heads, m[1]) ?? null },
  ];
}

/**
 * An anchored pattern of the words that are evidence of one language: words of four letters or
 * more that English requests never use (the lookalikes are left out: "thriller", "Japan").
 */
export function strongWords(words: Iterable<string>, lookalikes: ReadonlySet<string>): RegExp {
  return new RegExp(String.raw`^(?:${alternation([...words].filter((word) => /^[a-z]{4,}$/.test(word) && !lookalikes.has(word)))})$`);
}
