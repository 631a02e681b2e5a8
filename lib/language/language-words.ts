import { matchPhrases, type QueryText, type TokenSpan } from "./query-text";

/** A film language in a query: "French films", "in Korean", "foreign", "not in English". */
export interface LanguageMention extends TokenSpan {
  /** ISO 639-1 codes (TMDB's "cn" for Cantonese included), any of which satisfies the request. */
  include: string[];
  /** Codes the film must not be in ("foreign", "non-English"). */
  exclude: string[];
  phrase: string;
}

/** Adjectives and names of languages, nationalities and film industries → codes. */
const LANGUAGE_WORDS: Record<string, string[]> = {
  french: ["fr"], francais: ["fr"], german: ["de"], spanish: ["es"], italian: ["it"], japanese: ["ja"],
  korean: ["ko"], chinese: ["zh", "cn"], mandarin: ["zh"], cantonese: ["cn", "zh"], "hong kong": ["cn", "zh"],
  hindi: ["hi"], indian: ["hi", "ta", "te"], bollywood: ["hi"], tamil: ["ta"], telugu: ["te"], russian: ["ru"],
  swedish: ["sv"], danish: ["da"], norwegian: ["no", "nb"], dutch: ["nl"], finnish: ["fi"], polish: ["pl"],
  turkish: ["tr"], greek: ["el"], iranian: ["fa"], persian: ["fa"], farsi: ["fa"], thai: ["th"],
  brazilian: ["pt"], portuguese: ["pt"], mexican: ["es"], argentinian: ["es"], argentine: ["es"],
  hebrew: ["he"], israeli: ["he"], arabic: ["ar"], icelandic: ["is"], czech: ["cs"], hungarian: ["hu"],
  romanian: ["ro"], vietnamese: ["vi"], ukrainian: ["uk"], indonesian: ["id"],
  scandinavian: ["sv", "da", "no", "nb"], nordic: ["sv", "da", "no", "nb", "fi", "is"],
  "latin american": ["es", "pt"], english: ["en"], "english language": ["en"], "english speaking": ["en"],
};

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const NAMES = Object.keys(LANGUAGE_WORDS).sort((a, b) => b.length - a.length).map(escape).join("|");

const patterns = {
  /** "not in English", "non-English", "no English" — the film must be in another language. */
  negated: new RegExp(String.raw`\b(?:not in|non|no|nothing in|not|anything but|except) (${NAMES})(?: language| speaking| spoken)?\b`, "g"),
  foreign: /\b(foreign|foreign language|subtitled|with subtitles|world cinema|international|non hollywood)\b/g,
  noSubtitles: /\b(no subtitles|without subtitles|no subs|dubbed)\b/g,
  /** "in French", "French films", "a Korean thriller", "spoken in Japanese". */
  positive: new RegExp(String.raw`\b(?:in |spoken in )?(${NAMES})(?: language| speaking| spoken| language)?\b`, "g"),
};

/**
 * Finds language constraints. A nationality adjective counts as a language ("a Korean thriller"
 * → ko): the catalog knows only the original language, and it is the best proxy it has.
 */
export function findLanguageMentions(query: QueryText): LanguageMention[] {
  const found: LanguageMention[] = [];
  const taken = new Array<boolean>(query.tokens.length).fill(false);
  const offer = (mention: LanguageMention) => {
    for (let index = mention.start; index < mention.end; index += 1) if (taken[index]) return;
    for (let index = mention.start; index < mention.end; index += 1) taken[index] = true;
    found.push(mention);
  };
  for (const { start, end, match } of matchPhrases(query, patterns.negated)) {
    offer({ start, end, include: [], exclude: LANGUAGE_WORDS[match[1]], phrase: match[0] });
  }
  for (const { start, end, match } of matchPhrases(query, patterns.noSubtitles)) {
    offer({ start, end, include: ["en"], exclude: [], phrase: match[0] });
  }
  for (const { start, end, match } of matchPhrases(query, patterns.foreign)) {
    offer({ start, end, include: [], exclude: ["en"], phrase: match[0] });
  }
  for (const { start, end, match } of matchPhrases(query, patterns.positive)) {
    offer({ start, end, include: LANGUAGE_WORDS[match[1]], exclude: [], phrase: match[0] });
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Language codes a word names, or null ("korean" → ["ko"]). */
export function languageCodesOf(word: string): string[] | null {
  return LANGUAGE_WORDS[word] ?? null;
}
