import type { CatalogLexicon } from "./catalog-lexicon";
import { findFollowUpSignals, type FollowUpSignal } from "./follow-up-words";
import { toEnglishPhrasing } from "./foreign-phrases";
import { findGenreMentions, isGenreWord, type GenreMention } from "./genre-words";
import { findLanguageMentions, type LanguageMention } from "./language-words";
import { LIKING_AFTER } from "./liking-words";
import { findSoftScopes } from "./soft-wishes";
import { findNegationCues, negatedTargets, type NegationCue } from "./negation";
import type { PersonMention } from "./people-lexicon";
import { FILLER_WORDS, queryText, type QueryText, type TokenSpan } from "./query-text";
import { findRuntimeMentions, type RuntimeMention } from "./runtime-expressions";
import { findCountMentions, findDiscoveryMentions, findSortMentions, type CountMention, type DiscoveryMention, type SortMention } from "./sort-words";
import { findVibeMentions, type VibeMention } from "./vibe-words";
import { findTitleSpans, fuzzyWholeTitle } from "./title-mentions";
import { findYearMentions, type YearMention } from "./year-expressions";

/** A catalog title found in the query and what it is doing there. */
export interface TitleInQuery extends TokenSpan {
  itemIndex: number;
  /** 1 exact; lower for a typo after a reference cue. */
  score: number;
  /** "like Heat" → reference; "not Heat", "seen Heat" → exclude; otherwise named. */
  role: "reference" | "exclude" | "named";
  phrase: string;
  /** For a reference: what should differ ("like X but Y" → "Y"), or null. */
  modifier: string | null;
  /** A year written right after the title ("like Dune 2021", "Psycho (1998)"): which film is meant, not a year wish. */
  year: number | null;
}

/** The whole query is (nearly) one catalog title: "Heat", "No Country for Old Men", "the nineties" is not. */
export interface WholeTitle {
  itemIndex: number;
  score: number;
  kind: "exact" | "prefix" | "fuzzy";
}

export type Negatable<T> = T & { negated: NegationCue | null };

/** Everything the lexicon recognises in one query; the router and the offline reasoner read it. */
export interface QueryAnalysis {
  query: QueryText;
  /** Set when the query (minus "watch", "the movie", a trailing year) is one title. */
  wholeTitle: WholeTitle | null;
  /** Best whole-query title match of any kind (prefix, fuzzy), for the router's title features. */
  titleMatch: WholeTitle | null;
  titles: TitleInQuery[];
  people: Array<Negatable<PersonMention>>;
  years: YearMention[];
  runtimes: RuntimeMention[];
  genres: Array<Negatable<GenreMention>>;
  languages: LanguageMention[];
  vibes: Array<Negatable<VibeMention>>;
  sorts: SortMention[];
  discovery: DiscoveryMention[];
  counts: CountMention[];
  /** Cues that negate at least one recognised target. */
  negations: NegationCue[];
  followUps: FollowUpSignal[];
  /** Leftover content words, adjacent ones joined ("time travel"). */
  keywords: Array<Negatable<TokenSpan & { phrase: string }>>;
  /** A reference title with a change requested ("like Blade Runner but in the 90s"). */
  twist: boolean;
  /** Ranges a preference cue governs ("ideally from the 70s"): constraints found there are soft. */
  softScopes: TokenSpan[];
  /** Original query is Title Cased with a leading article ("The Nineties"): reads as a title. */
  titleCased: boolean;
}

export interface AnalyseOptions {
  /** Year "recent" counts back from; default the catalog's newest year. */
  referenceYear?: number;
  /**
   * Also match misspelt titles: after a reference cue ("like Bladerunner") and as the whole
   * query when it is short. Costs ~0.1–0.5 ms; default true. The router turns it off for the
   * in-query spans to stay well under a millisecond.
   */
  fuzzyTitles?: boolean;
}

/** Cues (before a title) that make it a reference, beyond the title matcher's like/to/as/than. */
const REFERENCE_BEFORE = new Set(["like", "to", "as", "than", "of", "meets", "loved", "liked", "enjoyed", "seen", "watched", "vein", "fans", "fan", "resembling", "similar", "remind", "reminds", "reminiscent"]);
const REFERENCE_AFTER = new Set(["meets", "vibes", "vibe", "style", "esque", "ish", "type", "but", "except", "only", "though", "with", "without", "in", "from", "and"]);
/** "except Heat" rules a film out; "seen Heat" / "watched Heat" make it a reference (never shown either). */
const EXCLUDE_BEFORE = new Set(["except", "besides", "than", "excluding", "hated", "hate", "disliked", "dislike", "loathed", "detested"]);
const TWIST_WORDS = new Set(["but", "except", "only", "though", "although", "yet", "however", "instead", "minus", "without", "just", "and", "with", "set", "made", "in", "from"]);
const WRAPPER_PREFIX = /^(?:(?:i want to |lets |let s |can you |please )?(?:watch|play|find|search for|search|show me|look up|put on|stream) )?(?:the (?:movie|film) )?/;
const WRAPPER_SUFFIX = / (?:movie|film|the movie|the film|1[89][0-9]{2}|20[0-9]{2})$/;

function overlaps(a: TokenSpan, b: TokenSpan): boolean {
  return a.start < b.end && b.start < a.end;
}

function cover(taken: boolean[], span: TokenSpan): void {
  for (let index = span.start; index < span.end; index += 1) taken[index] = true;
}

function isFree(taken: readonly boolean[], span: TokenSpan): boolean {
  for (let index = span.start; index < span.end; index += 1) if (taken[index]) return false;
  return true;
}

/** True when the original query writes these tokens Capitalised and not only as its first word. */
function capitalisedInOriginal(original: string, phrase: string): boolean {
  const words = original.split(/\s+/).filter(Boolean);
  const first = phrase.split(" ")[0];
  for (let index = 0; index < words.length; index += 1) {
    const normalised = queryText(words[index]).tokens[0];
    if (normalised !== first) continue;
    if (/^[A-Z0-9]/.test(words[index].replace(/^[^A-Za-z0-9]+/, "")) && (index > 0 || phrase.includes(" "))) return true;
  }
  return false;
}

function titleCased(original: string): boolean {
  const words = original.trim().split(/\s+/).filter((word) => /[A-Za-z]/.test(word));
  if (words.length < 1 || words.length > 6) return false;
  const small = new Set(["a", "an", "the", "of", "for", "and", "or", "in", "on", "to", "at", "by", "with"]);
  const capitalised = words.every((word, index) => /^[^a-z]*[A-Z0-9]/.test(word) || (index > 0 && small.has(word.toLowerCase())));
  // One capitalised word is just a sentence start; "The Nineties" or "Before Sunrise" reads as a title.
  return capitalised && (words.length >= 2 || /^[A-Z]/.test(words[0]));
}

const FILM_NOUNS = new Set(["movie", "movies", "film", "films", "flick", "flicks"]);

/** Longest query (normalised characters) tried as a whole fuzzy title: longer ones are sentences. */
const MAX_FUZZY_WHOLE_TITLE = 80;

/** Lowest typo score for a whole-query title: one typo in a five- or six-letter title ("boorat") is 0.8. */
const FUZZY_WHOLE_TITLE_MINIMUM = 0.8;

/** Last words that make a title a reference: "Heat vibes", "Heat-esque". */
const REFERENCE_END = new Set(["vibes", "vibe", "style", "esque", "ish", "type", "feel", "energy"]);

/**
 * The whole query as one title. "normal": typos allowed (score ≥ 0.85); "strict", for a query
 * the lexicon also reads something in ("cray, stupid, love"): only a near-exact typo (≥ 0.9).
 */
function wholeTitleOf(query: QueryText, lexicon: CatalogLexicon, fuzziness: "normal" | "strict"): { whole: WholeTitle | null; best: WholeTitle | null } {
  const candidates = [query.text];
  const stripped = query.text.replace(WRAPPER_PREFIX, "").replace(WRAPPER_SUFFIX, "").trim();
  if (stripped && stripped !== query.text) candidates.push(stripped);
  let best: WholeTitle | null = null;
  for (const candidate of candidates) {
    const bare = candidate.replace(/^(the|a|an) /, "");
    // "I want to watch a war movie" minus its wrapper is "war": a genre, not the film War.
    if (candidate !== query.text && isGenreWord(bare)) continue;
    const exact = lexicon.exactTitles.get(bare);
    if (exact !== undefined) return { whole: { itemIndex: exact, score: 1, kind: "exact" }, best: { itemIndex: exact, score: 1, kind: "exact" } };
  }

  for (const candidate of candidates) {
    if (candidate.length > MAX_FUZZY_WHOLE_TITLE) continue;
    const top = fuzzyWholeTitle(candidate, lexicon);
    if (top && (!best || top.score > best.score)) best = top;
  }
  const whole = best && best.kind === "fuzzy" && best.score >= (fuzziness === "strict" ? 0.9 : FUZZY_WHOLE_TITLE_MINIMUM) && stripped.length >= 5 ? best : null;
  // In strict mode a near miss says nothing about titles: the router's title features stay as before.
  return { whole, best: fuzziness === "strict" ? whole : best };
}

/**
 * Reads a query with the shared lexicon: finds titles and people from the catalog first, then
 * years, runtimes, counts, languages, genres, vibes, sort words, follow-up phrases and
 * negations, none overlapping a title or a name; what is left becomes keywords. Pure and fast
 * (well under a millisecond for typical queries).
 */
export function analyseQuery(original: string, lexicon: CatalogLexicon, options: AnalyseOptions = {}): QueryAnalysis {
  const phrased = toEnglishPhrasing(original, lexicon.exactTitles);
  const query = queryText(phrased);
  const referenceYear = options.referenceYear ?? lexicon.latestYear;

  // Non-catalog detectors first, on the whole text: they decide which title spans are really
  // genre or vibe words ("a scary movie" is not a request for Scary Movie).
  let years = findYearMentions(query, { referenceYear });
  const counts = findCountMentions(query).filter((count) => !years.some((year) => overlaps(year, count)));
  let runtimes = findRuntimeMentions(query).filter((runtime) => !years.some((year) => overlaps(year, runtime)) && !counts.some((count) => overlaps(count, runtime)));
  let languages = findLanguageMentions(query);
  let genres = findGenreMentions(query);
  let vibes = findVibeMentions(query).filter((vibe) => !genres.some((genre) => overlaps(genre, vibe)));
  let sorts = findSortMentions(query).filter((sort) => !counts.some((count) => overlaps(count, sort)));
  let discovery = findDiscoveryMentions(query);
  let followUps = findFollowUpSignals(query);
  let cues = findNegationCues(query);
  // Typo-tolerant whole-title matching only for queries the lexicon reads nothing in: a
  // misspelt title ("the godfahter") has no years, genres or negations, and skipping the rest
  // keeps the router's tail short.
  const peopleInQuery = lexicon.people.find(query);
  const recognised =
    years.length + runtimes.length + counts.length + languages.length + genres.length + vibes.length + sorts.length + discovery.length + followUps.length + cues.length + peopleInQuery.length > 0 ||
    query.tokens.some((token) => FILM_NOUNS.has(token));
  // A reference cue at either end ("Heat vibes", "like Heat") makes the rest a reference, not a lookup.
  const cuedAsReference = REFERENCE_END.has(query.tokens[query.tokens.length - 1] ?? "") || query.tokens[0] === "like";
  const { whole: wholeMatch, best } = cuedAsReference ? { whole: null, best: null } : wholeTitleOf(query, lexicon, recognised ? "strict" : "normal");

  // Comparatives inside a runtime or year phrase ("longer than two hours") are not follow-ups,
  // and "not too dark" is a negated vibe, not the complaint "too dark".
  // "more recent" is a comparative, not "recent films".
  years = years.filter((year) => !(year.kind === "relative" && followUps.some((signal) => signal.kind === "change" && overlaps(signal, year) && signal.end > year.end - 1 && signal.start < year.start)));
  followUps = followUps.filter((signal) => ![...years, ...runtimes].some((span) => overlaps(span, signal)) && !(signal.kind === "change" && cues.some((cue) => overlaps(cue, signal))));
  cues = cues.filter((cue) => !followUps.some((signal) => signal.kind === "reject" && overlaps(signal, cue)));
  // "nothing before 1990": the year phrase took its denial in (year-expressions.ts), so it negates nothing else.
  cues = cues.filter((cue) => !years.some((year) => overlaps(year, cue)));

  // A typo-tolerant whole-title match must not swallow a query the lexicon already reads
  // ("melancholic" is a mood, not a misspelt Melancholia).
  let whole = wholeMatch;
  if (whole && whole.kind !== "exact") {
    const detected = new Array<boolean>(query.tokens.length).fill(false);
    for (const span of [...years, ...runtimes, ...counts, ...languages, ...genres, ...vibes, ...sorts, ...discovery, ...followUps, ...cues]) cover(detected, span);
    // A near-exact match of a title of three or more words is that title even when its words read
    // as something else ("For a Few Dollrs More" is not a count of three).
    const longNearExact = whole.score >= 0.9 && query.tokens.length >= 3;
    if (!longNearExact && query.tokens.every((token, index) => detected[index] || FILLER_WORDS.has(token))) whole = null;
  }

  const taken = new Array<boolean>(query.tokens.length).fill(false);
  const titles: TitleInQuery[] = [];
  const allPeople = whole ? [] : peopleInQuery;
  if (whole) {
    titles.push({ start: 0, end: query.tokens.length, itemIndex: whole.itemIndex, score: whole.score, role: "named", phrase: query.text, modifier: null, year: null });
    taken.fill(true);
  } else {
    const detected = new Array<boolean>(query.tokens.length).fill(false);
    for (const span of [...years, ...runtimes, ...counts, ...languages, ...genres, ...vibes, ...sorts, ...discovery, ...followUps, ...cues]) cover(detected, span);
    const fuzzy = options.fuzzyTitles ?? true;
    for (const span of findTitleSpans(query, lexicon, { fuzzy })) {
      const cueWord = query.tokens[span.start - 1];
      const mention = { ...span, asReference: cueWord === "like" || cueWord === "to" || cueWord === "as" || cueWord === "than" };
      const phraseTokens = query.tokens.slice(mention.start, mention.end);
      const before = query.tokens[mention.start - 1];
      const after = query.tokens[mention.end];
      // "Whiplash was amazing": praise right after a title makes it a film the person refers to.
      const praised = query.tokens.slice(mention.end, mention.end + 3).some((token) => LIKING_AFTER.has(token)) && ["was", "is", "and", "so"].includes(after ?? "");
      const referenceCue = mention.asReference || praised || (before !== undefined && REFERENCE_BEFORE.has(before)) || (after !== undefined && (after === "meets" || after === "vibes" || after === "style" || after === "esque"));
      const covered = phraseTokens.every((token, offset) => detected[mention.start + offset] || FILLER_WORDS.has(token));
      // A number the lexicon already reads ("than 1982", "1965 to 2012", "3 film noirs") is a year
      // or a count, whatever cue stands before it; "movies like 300" still finds the film.
      // Likewise a span with a number whose every word the lexicon reads ("than 95 minutes").
      if (phraseTokens.every((token) => /^\d+$/.test(token)) && phraseTokens.some((_, offset) => detected[mention.start + offset])) continue;
      if (covered && phraseTokens.some((token) => /^\d+$/.test(token))) continue;
      const capitalised = capitalisedInOriginal(original, mention.text);
      // A name wins over a title it overlaps ("without Michael Caine" is not the film Michael)
      // unless the title is longer or introduced as a reference to a film.
      const person = allPeople.find((candidate) => overlaps(candidate, mention));
      if (person && !(mention.end - mention.start > person.end - person.start || (referenceCue && person.role === "any"))) continue;
      // A title made only of words the lexicon already reads is taken as those words unless
      // it is written as a title (capitalised) or introduced as one ("like Scary Movie").
      // "Up vibes": a title that opens the request and is followed by a reference word is a title.
      const openingReference = mention.start === 0 && after !== undefined && REFERENCE_END.has(after);
      if (covered && !openingReference && !(capitalised && (referenceCue || phraseTokens.length > 1))) continue;
      if (phraseTokens.length === 1 && !referenceCue && !capitalised) continue;
      const excluded = (before !== undefined && EXCLUDE_BEFORE.has(before) && before !== "than") || cues.some((cue) => !cue.soft && cue.end <= mention.start && mention.start - cue.end <= 1);
      const role: TitleInQuery["role"] = excluded ? "exclude" : referenceCue || (after !== undefined && REFERENCE_AFTER.has(after) && titles.some((title) => title.role === "reference")) ? "reference" : "named";
      titles.push({ start: mention.start, end: mention.end, itemIndex: mention.itemIndex, score: mention.score, role, phrase: mention.text, modifier: null, year: null });
      cover(taken, mention);
    }
    // Someone who capitalises one title capitalises them all: a lower-case span with no cue
    // ("we watched Toy Story last night") is ordinary words, not the film Last Night.
    if (titles.some((title) => capitalisedInOriginal(original, title.phrase))) {
      for (let index = titles.length - 1; index >= 0; index -= 1) {
        const title = titles[index];
        const cued = REFERENCE_BEFORE.has(query.tokens[title.start - 1] ?? "") || REFERENCE_AFTER.has(query.tokens[title.end] ?? "");
        if (!capitalisedInOriginal(original, title.phrase) && !cued && title.role === "named") {
          for (let token = title.start; token < title.end; token += 1) taken[token] = false;
          titles.splice(index, 1);
        }
      }
    }
    // "Heat meets Alien", "Heat and Ronin": a title joined to a reference is one too.
    for (const title of titles) {
      if (title.role !== "named") continue;
      const joined = titles.some((other) => other.role === "reference" && (other.end === title.start - 1 || title.end === other.start - 1) && ["meets", "and", "or", "plus", "x"].includes(query.tokens[Math.min(other.end, title.end)]));
      if (joined) title.role = "reference";
    }
  }

  // "like Dune 2021": a lone year right after a title says which film, not which years are wanted.
  for (const title of titles) {
    const yearSpan = years.find((year) => year.kind === "year" && year.start === title.end && year.end === title.end + 1 && year.from !== null);
    if (!yearSpan) continue;
    title.year = yearSpan.from;
    years = years.filter((year) => year !== yearSpan);
    cover(taken, yearSpan);
  }
  const peopleFound = allPeople.filter((person) => isFree(taken, person));
  for (const person of peopleFound) cover(taken, person);
  const free = <T extends TokenSpan>(spans: T[]) => spans.filter((span) => isFree(taken, span));
  years = free(years);
  runtimes = free(runtimes);
  const freeCounts = free(counts);
  languages = free(languages);
  genres = free(genres);
  vibes = free(vibes);
  sorts = free(sorts);
  discovery = free(discovery);
  followUps = free(followUps);
  // "movies like The Graduate" names its own reference: the "like" is not "more like the last answer".
  if (titles.some((title) => title.role === "reference") && !followUps.some((signal) => signal.kind === "item")) {
    followUps = followUps.filter((signal) => signal.kind !== "more-like");
  }
  cues = free(cues);

  // Leftover content words become keywords; adjacent ones stay together ("time travel").
  const used = [...taken];
  for (const span of [...years, ...runtimes, ...freeCounts, ...languages, ...genres, ...vibes, ...sorts, ...discovery, ...followUps, ...cues]) cover(used, span);
  const keywords: Array<TokenSpan & { phrase: string }> = [];
  let current: (TokenSpan & { phrase: string }) | null = null;
  query.tokens.forEach((token, index) => {
    const content = !used[index] && !FILLER_WORDS.has(token) && token.length >= 3 && !/^\d+$/.test(token);
    if (content && current && current.end === index) {
      current.end = index + 1;
      current.phrase += ` ${token}`;
    } else if (content) {
      current = { start: index, end: index + 1, phrase: token };
      keywords.push(current);
    }
  });

  const targets: TokenSpan[] = [...genres, ...vibes, ...peopleFound, ...keywords];
  const negatedBy = negatedTargets(query, cues, targets);
  const negationOf = (index: number) => negatedBy[index];
  let offset = 0;
  const negatedGenres = genres.map((genre, index) => ({ ...genre, negated: negationOf(offset + index) }));
  offset += genres.length;
  const negatedVibes = vibes.map((vibe, index) => ({ ...vibe, negated: negationOf(offset + index) }));
  offset += vibes.length;
  const negatedPeople = peopleFound.map((person, index) => ({ ...person, negated: negationOf(offset + index) }));
  offset += peopleFound.length;
  const negatedKeywords = keywords.map((keyword, index) => ({ ...keyword, negated: negationOf(offset + index) }));
  const usedCues = cues.filter((cue) => negatedBy.includes(cue) || languages.some((language) => language.exclude.length > 0 && overlaps(language, cue)));
  for (const language of languages) {
    if (language.exclude.length > 0 && !usedCues.some((cue) => overlaps(cue, language))) {
      const own = cues.find((cue) => overlaps(cue, language));
      if (own) usedCues.push(own);
    }
  }

  // Reference modifiers: the words after "but"/"except"/… that follow a reference title.
  const constraintSpans: TokenSpan[] = [...years, ...runtimes, ...languages, ...genres, ...vibes, ...peopleFound, ...usedCues];
  // Two references blended ("Alien meets Die Hard") ask for something neither is: a twist.
  let twist = titles.filter((title) => title.role === "reference").length >= 2;
  for (const title of titles) {
    if (title.role !== "reference") continue;
    const after = query.tokens.slice(title.end);
    const cut = after.findIndex((token) => TWIST_WORDS.has(token));
    const nextReference = titles.find((other) => other.role === "reference" && other.start > title.end);
    const stop = nextReference ? nextReference.start - title.end : after.length;
    const hasConstraint = constraintSpans.some((span) => span.start >= title.end || span.end <= title.start);
    if (hasConstraint) twist = true;
    if (cut >= 0 && cut < stop) {
      const words = after.slice(cut, stop);
      const modifier = (words[0] === "but" || words[0] === "except" || words[0] === "only" || words[0] === "though" ? words.slice(1) : words).join(" ").trim();
      // "Alien and Die Hard": a joining word alone changes nothing.
      const onlyJoins = modifier.split(" ").every((word) => word === "" || FILLER_WORDS.has(word) || word === "plus");
      if (modifier && !onlyJoins) {
        title.modifier = modifier;
        twist = true;
      }
    } else if (hasConstraint) {
      title.modifier = constraintSpans
        .filter((span) => span.start >= title.end || span.end <= title.start)
        .sort((a, b) => a.start - b.start)
        .map((span) => query.tokens.slice(span.start, span.end).join(" "))
        .join(", ");
    }
  }

  return {
    query,
    wholeTitle: whole,
    titleMatch: best,
    titles,
    people: negatedPeople,
    years,
    runtimes,
    genres: negatedGenres,
    languages,
    vibes: negatedVibes,
    sorts,
    discovery,
    counts: freeCounts,
    negations: usedCues.sort((a, b) => a.start - b.start),
    followUps,
    keywords: negatedKeywords,
    twist,
    softScopes: findSoftScopes(query),
    // A German request capitalises its nouns ("Deutsche Dramen"): judge title casing on the English rewrite.
    titleCased: titleCased(phrased),
  };
}
