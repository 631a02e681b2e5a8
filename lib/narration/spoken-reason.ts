import { genreKey, genrePhrase } from "./genre-phrase";
import { withArticle } from "./indefinite-article";
import type { NarratedItem } from "./narration-input";
import { escapeRegExp } from "../text";
import { asSentence, splitSentences, tidy } from "./script-text";

/**
 * The bandit's explanation, written for a card ("The film you asked for: Heat (1995). A crowd
 * favourite here, averaging 3.9/5."), as the DJ says it after naming the film: no symbols,
 * parentheses or slashes, the film's own title not repeated, genre lists in words.
 */
export interface SpokenReason {
  /**
   * A noun phrase that can stand beside the title, when the explanation opens with one about the
   * film itself ("the film you asked for", "one of the Harry Potter films you asked for").
   */
  lead: string | null;
  /** The rest as whole sentences, each ending in punctuation. */
  sentences: string[];
}

const GENRE_NAME = String.raw`(?:[A-Za-z][A-Za-z'-]*)`;
/** "a 2008 Action/Crime/Drama film", "A drama film from 2011", "a Comedy film", "a 1995 mystery/sci-fi film". */
const GENRE_FILM = new RegExp(String.raw`\b(an?|An?) (\d{4} )?(${GENRE_NAME}(?:\/${GENRE_NAME})*) film\b`, "g");

/** "crime/drama", "animation/family": genres the film met, as a constraint's facts list them. */
const GENRE_LIST = new RegExp(String.raw`\b${GENRE_NAME}(?:\/${GENRE_NAME})+\b`, "g");

/**
 * Rewrites "a Comedy/Drama/Romance film" as "a romantic comedy-drama" and "crime/drama" as "crime
 * drama"; lists with a word that is not a genre ("Face/Off") are left alone.
 */
function genreFilmsInWords(text: string): string {
  const known = (names: string) => names.split("/").every((genre) => genreKey(genre) !== null);
  return text
    .replace(GENRE_FILM, (whole, article: string, year: string | undefined, names: string) => {
      if (!known(names)) return whole;
      const phrase = withArticle(`${year ?? ""}${genrePhrase(names.split("/"))}`);
      return article[0] === "A" ? phrase.charAt(0).toUpperCase() + phrase.slice(1) : phrase;
    })
    .replace(GENRE_LIST, (names) => (known(names) ? genrePhrase(names.split("/"))! : names));
}

/** Ratings, ranks, parentheses and slashes in words a DJ says. */
function symbolsInWords(text: string): string {
  return (
    text
      // "(3.9/5)" after a phrase: "…films here, rated 3.9 out of 5".
      .replace(/ \((\d+(?:\.\d+)?)\/(5|10|100)\)/g, ", rated $1 out of $2")
      .replace(/(\d+(?:\.\d+)?)\/(5|10|100)\b/g, "$1 out of $2")
      .replace(/#(\d+)/g, "number $1")
      // "the mood you described (“dark and rainy”)": a quote in parentheses follows a colon.
      .replace(/ \((“[^”]*”)\)/g, ": $1")
      // An aside in parentheses ("(the #3 most rated film here)") becomes one between commas.
      .replace(/ \(([^()]*\s[^()]*)\)/g, ", $1,")
  );
}

/**
 * What the DJ says about `item` after naming it, from its explanation; null without one.
 * Years after titles are dropped ("People who loved Heat (1995)" → "People who loved Heat"): the
 * card shows them, and on air they only slow the sentence down.
 */
export function spokenReason(item: NarratedItem): SpokenReason | null {
  const raw = tidy(item.explanation?.text ?? "");
  if (!raw) return null;
  const title = escapeRegExp(tidy(item.title));
  // The film's own title after a colon ("The film you asked for: Heat (1995)."): already said.
  let text = raw.replace(new RegExp(String.raw`:\s*${title}(?:\s*\(\d{4}\))?(?=[,.;!?]|$)`), "");
  text = text.replace(/\s\((?:1[89]|20)\d{2}\)/g, "");
  // A series named with its article: "One of the The Godfather films" → "One of the Godfather films".
  text = text.replace(/\b(the) The (?=\p{Lu})/gu, "$1 ");
  text = tidy(symbolsInWords(genreFilmsInWords(text)));
  const sentences = splitSentences(text).map(asSentence).filter(Boolean);
  const first = sentences[0]?.replace(/[.!?]$/, "") ?? "";
  if (/^(The film you asked for|One of the .+ films you asked for)$/.test(first)) {
    return { lead: first.charAt(0).toLowerCase() + first.slice(1), sentences: sentences.slice(1) };
  }
  return { lead: null, sentences };
}
