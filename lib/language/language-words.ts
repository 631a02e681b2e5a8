import { FILM_LANGUAGES } from "./language-names";
import { findNegationCues, type NegationCue } from "./negation";
import { matchPhrases, tokenAt, type QueryText, type TokenSpan } from "./query-text";
import { claim, cover, isFree } from "./span-cover";
import { longestFirstAlternation } from "../text";

/** A film language in a query: "French films", "in Korean", "foreign", "not in English". */
export interface LanguageMention extends TokenSpan {
  /** ISO 639-1 codes (TMDB's "cn" for Cantonese included), any of which satisfies the request. */
  include: string[];
  /** Codes the film must not be in ("foreign", "non-English"). */
  exclude: string[];
  phrase: string;
}

/**
 * The grammar, over the tokeniser's text (lower case, no accents, hyphens and punctuation gone):
 *
 *   atom     = prefix? WORD suffix*            "in Japanese", "Japanese-language", "spoken in Japanese",
 *                                              "original language Japanese", "Japanese-made", "with Japanese audio"
 *            | lead PLACE | PLACE made          "from Japan", "made in Korea", "Japan-made", "Quebec films"
 *   group    = atom (list-word* atom)*         "French, Italian or Spanish", "French and Italian"
 *   negated  = cue filler* group               "not in English", "non-English", "nothing in English",
 *                                              "any language but English", "other than English", "not Hollywood"
 *
 * A group's languages are alternatives (any of them will do, "French or Italian dramas"); a
 * negated group's are all excluded ("no English or French films"). The negation cues are the
 * shared ones (negation.ts) plus the few only languages take ("any language but"); a cue
 * governs a group when only filler words stand between them, so "no horror in Korean" negates
 * nothing here. Phrases that name a language without asking for the film's original one
 * ("with English subtitles", "dubbed in English", "Greek mythology", "the Korean War") are read
 * first and say nothing.
 */

const WORD_CODES = new Map<string, readonly string[]>();
const PLACE_CODES = new Map<string, readonly string[]>();
for (const language of FILM_LANGUAGES) {
  for (const word of language.words) WORD_CODES.set(word, language.codes);
  for (const place of language.places) PLACE_CODES.set(place, language.codes);
}

const WORD = longestFirstAlternation(WORD_CODES.keys());
const PLACE = longestFirstAlternation(PLACE_CODES.keys());
/** Global, with match indices: an atom needs to know where its language word stands. */
const pattern = (source: string) => new RegExp(String.raw`\b(?:${source})\b`, "gd");

/** Words before a language name that belong to its phrase ("spoken in", "in the original"). */
const PREFIX = String.raw`(?:(?:(?:originally|original|spoken|filmed|shot|made|produced|recorded|mostly|entirely|only|all|fully|strictly|dialogue|dialog|audio|told|performed) )?in (?:the |its |their |a |an )?(?:original )?)?(?:(?:original )?languages? (?:is |of |being |should be |must be )?)?(?:(?:speak|speaks|speaking) )?`;
/** Words after it ("Japanese-language", "Korean-made", "with Japanese audio"). */
const SUFFIX = String.raw`(?: (?:language|languages|lang|speaking|speakers|spoken|original|dialogue|dialog|audio|soundtrack|version|made|produced|only))*`;
/** Words before a country that make it the film's origin, not its setting ("set in Japan" is not). */
const PLACE_LEAD = String.raw`(?:from|made in|produced in|filmed and produced in|out of|coming out of|coming from|originating in|originating from|hailing from|cinema of|films of|movies of)`;

const patterns = {
  /** A language named for something other than the film's original language. */
  neutral: pattern(
    [
      String.raw`(?:with |w |and )?(?:${WORD}) (?:subtitles|subtitle|subtitled|subs|sub|captions|captioned|dub|dubbed|dubbing|voice cast|voice over|voiceover|voices|translation)`,
      String.raw`(?:subtitled|subtitles|subs|captions|captioned|dubbed|dub|translated) (?:in|into|to) (?:${WORD})`,
      String.raw`(?:the )?(?:${WORD}) (?:mythology|myth|myths|gods|revolution|civil war|resistance|inquisition|empire|roulette|cuisine|food|cooking|chef|restaurant|standoff|new year)`,
      String.raw`the (?:${WORD}) war(?! (?:films?|movies?|flicks?|dramas?|stories|epics?))`,
      String.raw`native american|american indian|dubbed|dub`,
    ].join("|"),
  ),
  /** "no subtitles": the person will not read them, so the film should be in English. */
  noSubtitles: pattern(String.raw`no subtitles|without subtitles|no subs|without subs|not subtitled`),
  /** "foreign", "subtitled", "world cinema": not in English. */
  foreign: pattern(String.raw`foreign(?: language| languages)?|subtitled|with subtitles|world cinema|international (?:films?|movies?|cinema)`),
  word: pattern(String.raw`${PREFIX}(${WORD})${SUFFIX}`),
  place: pattern(String.raw`${PLACE_LEAD} (${PLACE})|(${PLACE})(?: (?:made|produced|based)|(?= (?:films?|movies?|flicks?|cinema)\b))`),
  /** "J-horror", "K-drama". */
  initial: pattern(String.raw`(j|k)(?= (?:horror|drama|dramas|thriller|thrillers|romance|action|comedy|comedies|movies|films|cinema))`),
  /** Cues only a language takes: "any language but English", "a language other than English". */
  languageCue: pattern(
    String.raw`(?:any|every|all|some|a|another|other|different|whatever|whichever)(?: other)? languages? (?:but|except|besides|save|other than|apart from|aside from|excluding)|neither`,
  ),
};

const INITIAL_CODES: Record<string, string[]> = { j: ["ja"], k: ["ko"] };

/** Words that may stand between two languages of one list ("French, Italian or maybe Spanish"). */
const LIST_WORDS = new Set(["or", "and", "nor", "either", "neither", "maybe", "perhaps", "possibly", "even", "also", "plus", "both", "the", "else"]);
const MAX_LIST_GAP = 3;
/** Words that may stand between a negation cue and the language it denies ("not even in English"). */
const NEGATION_FILLER = new Set(
  "in a an the any anything something language languages spoken originally original that which its it is are be was were being films movies film movie flicks flick stuff ones one please made from with at all shot filmed produced too either even more of cinema i want to see watch me show give really".split(
    " ",
  ),
);
const MAX_NEGATION_GAP = 5;
/** Right after "no" or "nope", these start a new thought: "no, something in French" asks for French ("no films in English" does not). */
const NEW_THOUGHT_AFTER_NO = new Set(["in", "something", "anything", "maybe", "please", "more"]);

interface Atom extends TokenSpan {
  /** Token index of the language word itself (after "in", "spoken in", …). */
  word: number;
  codes: readonly string[];
}

/**
 * Finds language constraints. A nationality adjective counts as a language ("a Korean thriller"
 * → ko): the catalog knows only the original language, and it is the best proxy it has.
 */
export function findLanguageMentions(query: QueryText): LanguageMention[] {
  const taken = new Array<boolean>(query.tokens.length).fill(false);
  const free = (span: TokenSpan) => isFree(taken, span);
  const take = (span: TokenSpan) => cover(taken, span);
  const found: LanguageMention[] = [];
  const phraseOf = (span: TokenSpan) => query.tokens.slice(span.start, span.end).join(" ");

  for (const span of matchPhrases(query, patterns.neutral)) if (free(span)) take(span);
  for (const span of [...matchPhrases(query, patterns.noSubtitles)].filter(free)) {
    take(span);
    found.push({ start: span.start, end: span.end, include: ["en"], exclude: [], phrase: phraseOf(span) });
  }

  const atoms: Atom[] = [];
  const offer = (atom: Atom) => {
    if (claim(taken, atom)) atoms.push(atom);
  };
  // Longest phrase first: "from the Soviet Union" over "Soviet", "Bahasa Indonesia" over "Indonesia films".
  const candidates: Atom[] = [
    ...matchPhrases(query, patterns.word).map(({ start, end, match }) => ({ start, end, word: wordAt(query, match, 1), codes: WORD_CODES.get(match[1])! })),
    ...matchPhrases(query, patterns.place).map(({ start, end, match }) => {
      const group = match[1] === undefined ? 2 : 1;
      return { start, end, word: wordAt(query, match, group), codes: PLACE_CODES.get(match[group])! };
    }),
    ...matchPhrases(query, patterns.initial).map(({ start, end, match }) => ({ start, end, word: start, codes: INITIAL_CODES[match[1]] })),
  ];
  for (const atom of candidates.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start)) offer(atom);

  const cues = [...findNegationCues(query).filter((cue) => !cue.soft), ...matchPhrases(query, patterns.languageCue).map(({ start, end, match }) => ({ start, end, phrase: match[0], soft: false }))];
  for (const group of groupsOf(
    query,
    atoms.sort((a, b) => a.start - b.start),
  )) {
    const cue = negationOf(query, cues, group[0]);
    const start = cue ? Math.min(cue.start, group[0].start) : group[0].start;
    const end = group[group.length - 1].end;
    const codes = [...new Set(group.flatMap((atom) => atom.codes))];
    found.push({ start, end, include: cue ? [] : codes, exclude: cue ? codes : [], phrase: phraseOf({ start, end }) });
  }
  // "a subtitled Korean film": a named language says more than "foreign", which then adds nothing.
  const named = found.some((mention) => mention.include.length > 0);
  for (const span of [...matchPhrases(query, patterns.foreign)].filter(free)) {
    take(span);
    if (!named) found.push({ start: span.start, end: span.end, include: [], exclude: ["en"], phrase: phraseOf(span) });
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Token index where a capture group of a match starts. */
function wordAt(query: QueryText, match: RegExpExecArray, group: number): number {
  return tokenAt(query, match.indices![group]![0]);
}

/** Atoms joined by list words into one group: "French, Italian or Spanish". */
function groupsOf(query: QueryText, atoms: readonly Atom[]): Atom[][] {
  const groups: Atom[][] = [];
  for (const atom of atoms) {
    const last = groups[groups.length - 1];
    const previous = last?.[last.length - 1];
    const gap = previous ? query.tokens.slice(previous.end, atom.start) : [];
    if (previous && gap.length <= MAX_LIST_GAP && gap.every((token) => LIST_WORDS.has(token))) last.push(atom);
    else groups.push([atom]);
  }
  return groups;
}

/** The hard cue that denies this atom's group, if only filler words stand between them. */
function negationOf(query: QueryText, cues: readonly NegationCue[], atom: Atom): NegationCue | null {
  let best: NegationCue | null = null;
  for (const cue of cues) {
    if (cue.end > atom.word || atom.word - cue.end > MAX_NEGATION_GAP) continue;
    const gap = query.tokens.slice(cue.end, atom.word);
    if (!gap.every((token) => NEGATION_FILLER.has(token))) continue;
    if ((cue.phrase === "no" || cue.phrase === "nope") && NEW_THOUGHT_AFTER_NO.has(gap[0])) continue;
    if (!best || cue.end > best.end) best = cue;
  }
  return best;
}

/** Language codes a word names, or null ("korean" → ["ko"]). */
export function languageCodesOf(word: string): string[] | null {
  const codes = WORD_CODES.get(word);
  return codes ? [...codes] : null;
}
