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

/**
 * TMDB keywords about how a film was made or catalogued, not what it is about: sharing one is
 * not a reason to watch ("duringcreditsstinger", "woman director", "imdb top 250").
 */
const PRODUCTION_KEYWORDS = new Set([
  "duringcreditsstinger",
  "aftercreditsstinger",
  "woman director",
  "independent film",
  "imdb top 250",
  "visually appealing",
  "cinematography",
  "animation",
  "3d",
  "sequel",
  "remake",
  "cgi",
  "live action",
  "based on novel",
  "based on comic book",
  "based on comic",
  "based on true story",
  "based on a true story",
  "biography",
  "criterion",
  "oscar (best picture)",
  "national film registry",
  "afi 100",
  "bd-r",
  "dvd-video",
  "netflix finland",
  "clv",
  "tumey's dvds",
  "seen more than once",
  "owned",
  "in netflix queue",
  "betamax",
]);

/** A keyword or tag that says what the film is about. */
const isStoryTerm = (term: string) => !PRODUCTION_KEYWORDS.has(term) && !/^(imdb|afi|oscar|netflix|dvd|bd)/.test(term);

/** What two films share that a person would recognise, as a clause: director, cast, then story keywords or tags. */
export function sharedDetail(candidate: Item, reference: Item): string | null {
  const director = candidate.directors.find((name) => reference.directors.includes(name));
  if (director) return `it is also directed by ${director}`;
  const cast = candidate.cast.filter((name) => reference.cast.includes(name)).slice(0, 2);
  if (cast.length > 0) return `it also stars ${joinList(cast)}`;
  const referenceTerms = new Set([...reference.keywords, ...reference.tags].map((term) => term.toLowerCase()));
  const terms = [...new Set([...candidate.keywords, ...candidate.tags].map((term) => term.toLowerCase()))].filter((term) => referenceTerms.has(term) && isStoryTerm(term)).slice(0, 2);
  if (terms.length > 0) return `it is also about ${joinList(terms.map((term) => `“${term}”`))}`;
  return null;
}

/** "a 1995 crime drama from Michael Mann": the film itself in a few words, so no two cards read alike. */
function filmInBrief(item: Item, withDirector = true): string {
  const genres = item.genres
    .filter((genre) => genre !== "IMAX" && genre !== "(no genres listed)")
    .slice(0, 2)
    .map((genre) => genre.toLowerCase());
  const noun = genres.length === 0 ? "film" : `${genres.join("/")} film`;
  const year = item.year === null ? "" : `${item.year} `;
  const director = withDirector && item.directors.length > 0 ? ` from ${item.directors[0]}` : "";
  const described = `${year}${noun}`;
  return `${/^[aeiou8]|^11|^18/.test(described) ? "an" : "a"} ${described}${director}`;
}

/** A referenced film, and whether its neighbours came from its fans or mostly from its story. */
export interface ReferencedFilm {
  film: Item;
  byStory: boolean;
}

/** Every film this candidate neighbours among the request's references ("a mix of Alien and Die Hard" may name both). */
export function referencedFilms(itemIndex: number, catalog: BanditCatalog, provenance: readonly Provenance[] | undefined): ReferencedFilm[] {
  const found = new Map<number, boolean>();
  for (const entry of provenance ?? []) {
    if (entry.kind !== "neighbour-of-reference" || entry.itemIndex >= catalog.items.length || entry.itemIndex === itemIndex) continue;
    found.set(entry.itemIndex, (found.get(entry.itemIndex) ?? false) || entry.by === "story");
  }
  return [...found].map(([reference, byStory]) => ({ film: catalog.items[reference], byStory }));
}

/** "People who loved Heat (1995) loved this too: a 1995 crime/drama film from Martin Scorsese; it also stars Robert De Niro." */
export function referenceSentence(item: Item, references: readonly ReferencedFilm[]): string {
  const referenced = references.map((reference) => reference.film);
  const detail = sharedDetail(item, referenced[0]);
  // "…from Christopher Nolan; it is also directed by Christopher Nolan" says the director twice.
  const sharesDirector = detail?.startsWith("it is also directed by") ?? false;
  const lead = neighbourLead(
    referenced,
    references.some((reference) => reference.byStory),
  );
  return `${lead}: ${filmInBrief(item, !sharesDirector)}${detail ? `; ${detail}` : ""}.`;
}

/** "One of the Harry Potter films you asked for: …", the series named as its titles write it. */
export function seriesSentence(item: Item, name: string): string {
  const written = item.title.split(/\s+/).slice(0, name.split(" ").length).join(" ").replace(/[:,]$/, "");
  // "The Godfather" already has its article: "One of the Godfather films", not "the The Godfather".
  return `One of the ${written.replace(/^the\s+/i, "")} films you asked for: ${titleWithYear(item)}.`;
}

/**
 * How a neighbour of referenced films is introduced. "People who loved X" only when its neighbours
 * came from X's fans; a film few or none here rated has neighbours mostly from its story and credits.
 */
function neighbourLead(referenced: readonly Item[], byStory = false): string {
  const titles = joinList(referenced.slice(0, 2).map(titleWithYear));
  return !byStory && referenced.every((film) => film.ratingCount > 0) ? `People who loved ${titles} loved this too` : `Close to ${titles} in story and style`;
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
  // A surname alone ("kubrick films") names the person; "harry potter" does not name Ryan Potter:
  // the word before the surname in the request must be the person's first name, or nothing.
  const namesPerson = (name: string) => {
    if (hasAll(name)) return true;
    const words = wordTokens(name);
    const surname = words[words.length - 1];
    const at = asked.indexOf(surname);
    return words.length > 1 && surname.length >= 4 && at >= 0 && (at === 0 || asked[at - 1] === words[0]);
  };
  const director = item.directors.find(namesPerson);
  if (director) return `directed by ${director}`;
  const actor = item.cast.find(namesPerson);
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
  const series = provenanceOf(provenance, "series");
  if (series) return seriesSentence(item, series.name);
  const like = provenanceOf(provenance, "neighbour-of-like");
  if (like && likedItemIndexes.includes(like.itemIndex) && like.itemIndex < catalog.items.length) {
    return `People who loved ${titleWithYear(catalog.items[like.itemIndex])}, which you liked, loved this too.`;
  }
  const referenced = referencedFilms(itemIndex, catalog, provenance);
  if (referenced.length > 0) return referenceSentence(item, referenced);
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
  if (mood) return `Close in spirit to the mood you described (“${mood.text}”).`;
  return null;
}
