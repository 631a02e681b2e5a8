import type { CatalogLexicon } from "../catalog-lexicon";
import { LIKING_AFTER } from "../liking-words";
import type { PersonMention } from "../people-lexicon";
import type { TitleInQuery, WholeTitle } from "../query-analysis";
import { FILLER_WORDS, queryText, type QueryText } from "../query-text";
import { findTitleSpans } from "../title-mentions";
import type { YearMention } from "../year-expressions";
import { cover, coverage, overlaps } from "../span-cover";
import { constraintSpans, type DetectedSpans } from "./spans";
import { REFERENCE_END } from "./whole-title";

/** Cues (before a title) that make it a reference, beyond the title matcher's like/to/as/than. */
const REFERENCE_BEFORE = new Set([
  "like",
  "to",
  "as",
  "than",
  "of",
  "meets",
  "loved",
  "liked",
  "enjoyed",
  "seen",
  "watched",
  "vein",
  "fans",
  "fan",
  "resembling",
  "similar",
  "remind",
  "reminds",
  "reminiscent",
]);
const REFERENCE_AFTER = new Set(["meets", "vibes", "vibe", "style", "esque", "ish", "type", "but", "except", "only", "though", "with", "without", "in", "from", "and"]);
/** Verbs that name a film to look up ("watch the matrix tonight"). */
const LOOKUP_BEFORE = new Set(["watch", "rewatch", "see", "play", "stream", "called", "titled", "named"]);
/** "except Heat" rules a film out; "seen Heat" / "watched Heat" make it a reference (never shown either). */
const EXCLUDE_BEFORE = new Set(["except", "besides", "than", "excluding", "hated", "hate", "disliked", "dislike", "loathed", "detested"]);

/** Words that make "to"/"as"/"of" before a title a reference cue ("similar to X", "in the vein of X"). */
const COMPARISON_BEFORE = new Set([
  "similar",
  "close",
  "closer",
  "comparable",
  "compared",
  "same",
  "reminiscent",
  "vein",
  "spirit",
  "style",
  "lines",
  "kind",
  "sort",
  "type",
  "much",
  "good",
  "fans",
  "fan",
  "lovers",
  // The same comparison left untranslated by the foreign layer ("algo parecido a the matrix", "ähnlich wie Heat").
  "parecido",
  "parecida",
  "parecidos",
  "parecidas",
  "similaire",
  "similaires",
  "semblable",
  "semblables",
  "ahnlich",
  "aehnlich",
  "estilo",
  "tipo",
]);
/** Words after a title that treat it as a film ("the matrix but funnier", "heat vibes"). */
const STRONG_AFTER = new Set(["but", "except", "only", "though", "meets", "vibes", "vibe", "style", "esque", "ish", "type", "was", "is", "with", "without"]);

/**
 * A cue strong enough to read a weak title (one word of its own, lower case) as a film: "like the
 * ring", "similar to the fall", "watch the matrix", "the matrix but funnier" — not the bare "to" of
 * "something to fall asleep to".
 */
function strongCue(query: QueryText, start: number, end: number): boolean {
  const before = query.tokens[start - 1] ?? "";
  const after = query.tokens[end] ?? "";
  if (STRONG_AFTER.has(after) || LOOKUP_BEFORE.has(before)) return true;
  if (["to", "as", "than", "of", "a", "wie"].includes(before)) return COMPARISON_BEFORE.has(query.tokens[start - 2] ?? "");
  return before === "like" || REFERENCE_BEFORE.has(before);
}

/** True when the original query writes these tokens Capitalised and not only as its first word. */
function capitalisedInOriginal(original: string, phrase: string): boolean {
  const words = original.split(/\s+/).filter(Boolean);
  const first = phrase.split(" ")[0];
  for (let index = 0; index < words.length; index += 1) {
    const normalised = queryText(words[index]).tokens[0];
    if (normalised !== first) continue;
    if (!/^[A-Z0-9]/.test(words[index].replace(/^[^A-Za-z0-9]+/, ""))) continue;
    // A sentence starts with a capital anyway ("Show me 90s thrillers", "… 90s. Go!"): there only a
    // second capitalised word ("Home Alone", "Toy Story") says it is written as a title.
    const sentenceStart = index === 0 || /[.!?]["')\]]*$/.test(words[index - 1]);
    if (!sentenceStart) return true;
    const rest = phrase.split(" ").length - 1;
    if (rest > 0 && words.slice(index + 1, index + 1 + rest).some((word) => /^[^a-z]*[A-Z]/.test(word))) return true;
  }
  return false;
}

export interface TitlesFound {
  titles: TitleInQuery[];
  /** Tokens titles (and their years) explain: nothing else reads them. */
  taken: boolean[];
  /** Names still in play: none when the whole query is a title. */
  people: PersonMention[];
  /** Year spans left once a year that says which film ("Dune 2021") is taken out. */
  years: YearMention[];
}

/**
 * Phase 3b — titles inside the query and what each is doing: a reference ("like Heat", "Heat
 * vibes", "I loved Heat"), an exclusion ("except Heat", "I hated Heat") or merely named. Titles
 * made only of words the other detectors read are taken as those words unless written or cued
 * as titles; a name wins over a title it overlaps unless the title is longer or cued.
 */
export function findTitles(query: QueryText, original: string, lexicon: CatalogLexicon, spans: DetectedSpans, whole: WholeTitle | null, fuzzy: boolean): TitlesFound {
  const taken = new Array<boolean>(query.tokens.length).fill(false);
  const titles: TitleInQuery[] = [];
  const people = whole ? [] : spans.people;
  if (whole) {
    titles.push({ start: 0, end: query.tokens.length, itemIndex: whole.itemIndex, score: whole.score, role: "named", phrase: query.text, modifier: null, year: null });
    taken.fill(true);
  } else {
    const detected = coverage(query.tokens.length, constraintSpans(spans));
    for (const span of findTitleSpans(query, lexicon, { fuzzy })) {
      const phraseTokens = query.tokens.slice(span.start, span.end);
      const before = query.tokens[span.start - 1];
      const after = query.tokens[span.end];
      const asReference = before === "like" || before === "to" || before === "as" || before === "than";
      // "Whiplash was amazing": praise right after a title makes it a film the person refers to.
      const praised = query.tokens.slice(span.end, span.end + 3).some((token) => LIKING_AFTER.has(token)) && ["was", "is", "and", "so"].includes(after ?? "");
      const referenceCue =
        asReference || praised || (before !== undefined && REFERENCE_BEFORE.has(before)) || (after !== undefined && (after === "meets" || after === "vibes" || after === "style" || after === "esque"));
      const covered = phraseTokens.every((token, offset) => detected[span.start + offset] || FILLER_WORDS.has(token));
      // A number the lexicon already reads ("than 1982", "1965 to 2012", "3 film noirs") is a year
      // or a count, whatever cue stands before it; "movies like 300" still finds the film.
      // Likewise a span with a number whose every word the lexicon reads ("than 95 minutes").
      if (phraseTokens.every((token) => /^\d+$/.test(token)) && phraseTokens.some((_, offset) => detected[span.start + offset])) continue;
      if (covered && phraseTokens.some((token) => /^\d+$/.test(token))) continue;
      const capitalised = capitalisedInOriginal(original, span.text);
      // A name wins over a title it overlaps ("without Michael Caine" is not the film Michael)
      // unless the title is longer or introduced as a reference to a film.
      const person = people.find((candidate) => overlaps(candidate, span));
      if (person && !(span.end - span.start > person.end - person.start || (referenceCue && person.role === "any"))) continue;
      // A title made only of words the lexicon already reads is taken as those words unless
      // it is written as a title (capitalised) or introduced as one ("like Scary Movie").
      // "Up vibes": a title that opens the request and is followed by a reference word is a title.
      const openingReference = span.start === 0 && after !== undefined && REFERENCE_END.has(after);
      if (covered && !openingReference && !(capitalised && (referenceCue || phraseTokens.length > 1))) continue;
      // A title with one word of its own is as weak as a one-word title: written in lower case with
      // no cue, "on the train", "way back in the 70s", "a friday night movie" are ordinary words.
      const ownWords = phraseTokens.filter((token) => !FILLER_WORDS.has(token)).length;
      const ownCapitalised = capitalised || capitalisedInOriginal(original, span.text.replace(/^(?:the|a|an) /, ""));
      if (ownWords <= 1 && !ownCapitalised && !strongCue(query, span.start, span.end)) continue;
      const excluded = (before !== undefined && EXCLUDE_BEFORE.has(before) && before !== "than") || spans.cues.some((cue) => !cue.soft && cue.end <= span.start && span.start - cue.end <= 1);
      const role: TitleInQuery["role"] = excluded
        ? "exclude"
        : referenceCue || (after !== undefined && REFERENCE_AFTER.has(after) && titles.some((title) => title.role === "reference"))
          ? "reference"
          : "named";
      titles.push({ start: span.start, end: span.end, itemIndex: span.itemIndex, score: span.score, role, phrase: span.text, modifier: null, year: null });
      cover(taken, span);
    }
    dropUncuedLowerCaseTitles(query, original, titles, taken);
    joinReferences(query, titles);
  }
  const years = takeTitleYears(titles, spans.years, taken);
  return { titles, taken, people, years };
}

/**
 * Someone who capitalises one title capitalises them all: a lower-case span with no cue ("we
 * watched Toy Story last night") is ordinary words, not the film Last Night.
 */
function dropUncuedLowerCaseTitles(query: QueryText, original: string, titles: TitleInQuery[], taken: boolean[]): void {
  if (!titles.some((title) => capitalisedInOriginal(original, title.phrase))) return;
  for (let index = titles.length - 1; index >= 0; index -= 1) {
    const title = titles[index];
    const cued = REFERENCE_BEFORE.has(query.tokens[title.start - 1] ?? "") || REFERENCE_AFTER.has(query.tokens[title.end] ?? "");
    if (!capitalisedInOriginal(original, title.phrase) && !cued && title.role === "named") {
      for (let token = title.start; token < title.end; token += 1) taken[token] = false;
      titles.splice(index, 1);
    }
  }
}

/** "Heat meets Alien", "Heat and Ronin": a title joined to a reference is one too. */
function joinReferences(query: QueryText, titles: TitleInQuery[]): void {
  for (const title of titles) {
    if (title.role !== "named") continue;
    const joined = titles.some(
      (other) =>
        other.role === "reference" && (other.end === title.start - 1 || title.end === other.start - 1) && ["meets", "and", "or", "plus", "x"].includes(query.tokens[Math.min(other.end, title.end)]),
    );
    if (joined) title.role = "reference";
  }
}

/** "like Dune 2021": a lone year right after a title says which film, not which years are wanted. */
function takeTitleYears(titles: TitleInQuery[], years: YearMention[], taken: boolean[]): YearMention[] {
  let remaining = years;
  for (const title of titles) {
    const yearSpan = remaining.find((year) => year.kind === "year" && year.start === title.end && year.end === title.end + 1 && year.from !== null);
    if (!yearSpan) continue;
    title.year = yearSpan.from;
    remaining = remaining.filter((year) => year !== yearSpan);
    cover(taken, yearSpan);
  }
  return remaining;
}
