import type { FollowUpSignal } from "./follow-up-words";
import type { GenreMention } from "./genre-words";
import type { LanguageMention } from "./language-words";
import type { NegationCue } from "./negation";
import type { PersonMention } from "./people-lexicon";
import type { QueryText, TokenSpan } from "./query-text";
import type { RuntimeMention } from "./runtime-expressions";
import type { CountMention, DiscoveryMention, SortMention } from "./sort-words";
import type { VibeMention } from "./vibe-words";
import type { YearMention } from "./year-expressions";

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
