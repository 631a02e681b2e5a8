import type { Item } from "../catalog/item";
import type { Provenance } from "../catalog/provenance";
import { wordTokens, type BanditCatalog } from "./bandit-catalog";
import { joinList, titleWithYear } from "./text-format";

/**
 * How a candidate relates to the request, as one true sentence built from its provenance (why
 * retrieval put it there) and the catalog data: what every explanation leads with, so a rating
 * count is only ever supporting detail. Pure.
 */

/** The first provenance entry of a kind, typed. */
export function provenanceOf<K extends Provenance["kind"]>(provenance: readonly Provenance[] | undefined, kind: K): Extract<Provenance, { kind: K }> | undefined {
  return provenance?.find((entry): entry is Extract<Provenance, { kind: K }> => entry.kind === kind);
}

/** What two films share that a person would recognise, as a clause: director, cast, then keywords or tags. */
export function sharedDetail(candidate: Item, reference: Item): string | null {
  const director = candidate.directors.find((name) => reference.directors.includes(name));
  if (director) return `it is also directed by ${director}`;
  const cast = candidate.cast.filter((name) => reference.cast.includes(name)).slice(0, 2);
  if (cast.length > 0) return `it also stars ${joinList(cast)}`;
  const referenceTerms = new Set([...reference.keywords, ...reference.tags].map((term) => term.toLowerCase()));
  const terms = [...new Set([...candidate.keywords, ...candidate.tags].map((term) => term.toLowerCase()))].filter((term) => referenceTerms.has(term)).slice(0, 2);
  if (terms.length > 0) return `it is also about ${joinList(terms.map((term) => `“${term}”`))}`;
  return null;
}

/**
 * How a neighbour of referenced films is introduced. "People who loved X" only when people here
 * rated X; a film nobody rated has neighbours from its story and credits alone.
 */
export function neighbourLead(referenced: readonly Item[]): string {
  const titles = joinList(referenced.slice(0, 2).map(titleWithYear));
  return referenced.every((film) => film.ratingCount > 0) ? `People who loved ${titles} loved this too` : `Close to ${titles} in story and style`;
}

/** Where a searched word shows in an item, in words a person reads; null when it does not visibly. */
export function searchMatch(item: Item, catalog: BanditCatalog, itemIndex: number, terms: readonly string[]): string | null {
  const asked = terms.filter((term) => term.length >= 2);
  if (asked.length === 0) return null;
  // "dogs" finds "dog" and the reverse, as the search's stemming did.
  const wanted = [...new Set(asked.flatMap((term) => [term, term.replace(/(?:es|s)$/, ""), `${term}s`]))].filter((term) => term.length >= 2);
  const wantedSet = new Set(wanted);
  const hasAll = (name: string) => {
    const words = wordTokens(name);
    return words.length > 0 && words.every((word) => wantedSet.has(word));
  };
  const director = item.directors.find((name) => hasAll(name) || wordTokens(name).some((word) => wantedSet.has(word) && word.length >= 4));
  if (director) return `directed by ${director}`;
  const actor = item.cast.find((name) => hasAll(name) || wordTokens(name).some((word) => wantedSet.has(word) && word.length >= 4));
  if (actor) return `starring ${actor}`;
  const vocabulary = catalog.vocabulary(itemIndex);
  const phrases = [...new Set(wanted.map((term) => vocabulary.get(term)).filter((phrase): phrase is string => phrase !== undefined))];
  if (phrases.length > 0) return `tagged ${joinList(phrases.slice(0, 2).map((phrase) => `“${phrase.toLowerCase()}”`))}`;
  const titleWords = new Set(wordTokens(item.title));
  const inTitle = wanted.filter((term) => titleWords.has(term));
  if (inTitle.length > 0) return `“${inTitle.join(" ")}” is in its title`;
  const overviewWords = new Set(wordTokens(item.overview ?? ""));
  const inOverview = wanted.filter((term) => overviewWords.has(term)).slice(0, 2);
  if (inOverview.length > 0) return `its story mentions ${joinList(inOverview.map((term) => `“${term}”`))}`;
  return null;
}

/**
 * The relation sentence for a candidate, or null when its provenance says nothing the person
 * asked for (no provenance, or only "popular" / session taste, which other arms say).
 */
export function relationSentence(itemIndex: number, catalog: BanditCatalog, provenance: readonly Provenance[] | undefined, likedItemIndexes: readonly number[]): string | null {
  const item = catalog.items[itemIndex];
  if (provenanceOf(provenance, "asked-for")) return `The film you asked for: ${titleWithYear(item)}.`;
  const like = provenanceOf(provenance, "neighbour-of-like");
  if (like && likedItemIndexes.includes(like.itemIndex) && like.itemIndex < catalog.items.length) {
    return `People who loved ${titleWithYear(catalog.items[like.itemIndex])}, which you liked, loved this too.`;
  }
  const reference = provenanceOf(provenance, "neighbour-of-reference");
  if (reference && reference.itemIndex < catalog.items.length) {
    const referenced = catalog.items[reference.itemIndex];
    const detail = sharedDetail(item, referenced);
    return `${neighbourLead([referenced])}${detail ? `; ${detail}` : ""}.`;
  }
  const match = provenanceOf(provenance, "neighbour-of-match");
  if (match && match.itemIndex < catalog.items.length && !provenanceOf(provenance, "keyword")) {
    return `Loved by the people who loved ${titleWithYear(catalog.items[match.itemIndex])}, a match for your search.`;
  }
  const constraints = provenanceOf(provenance, "constraints");
  if (constraints && constraints.described.length > 0) return `Fits what you asked for: ${joinList(constraints.described.slice(0, 3))}.`;
  const keyword = provenanceOf(provenance, "keyword");
  if (keyword) {
    const match = searchMatch(item, catalog, itemIndex, keyword.terms);
    return match ? `Matches your search: ${match}.` : `Found by your search for “${keyword.terms.slice(0, 3).join(" ")}”.`;
  }
  const mood = provenanceOf(provenance, "mood");
  if (mood) return `Close in spirit to the “${mood.text}” you described.`;
  return null;
}
