import type { Item } from "../catalog/item";
import type { Provenance } from "../catalog/provenance";
import { findContentDirections } from "../language/content-directions";
import { queryText } from "../language/query-text";
import { findDiscoveryMentions } from "../language/sort-words";
import { contentWords } from "../retrieval/text-tokens";
import { isSparseFilm, referenceNeighbours, type SparseFilmSupport } from "../retrieval/reference-neighbours";
import type { CfModel } from "../retrieval/fast-path";
import type { KeywordSearch } from "../retrieval/keyword-search";
import { fuseRankedLists, type RankedList } from "../retrieval/rank-fusion";
import type { Candidate } from "./candidate-pool";
import { hardConstraintFilter } from "./hard-constraint-filter";
import { popularityOrder } from "./popularity-order";
import type { Constraints } from "./constraints";

export interface CandidateResources {
  items: readonly Item[];
  keyword: KeywordSearch;
  cf: CfModel | null;
  /** Popularity per item in [0, 1]: orders the catalog scan. */
  popularity: ArrayLike<number>;
  indexOf: ReadonlyMap<string, number>;
  /** Text neighbours and rating counts, for referenced films with few fans here; optional. */
  sparseSupport?: SparseFilmSupport;
  /** Semantic neighbours of free text (lib/ai text search), best first; optional. */
  semanticSearch?: (text: string, limit: number) => readonly number[];
  /** Text neighbours of a reference moved along the request's content directions ("like X but darker"), best first; optional. */
  movedNeighbours?: (itemIndex: number, directions: Constraints["directions"], limit: number) => readonly number[];
}

export interface GatheredCandidates {
  candidates: Candidate[];
  /** Why each candidate was gathered (which reference it neighbours, the mood, the search words). */
  provenance: Map<number, Provenance[]>;
  /** Which lists contributed and how many items each, for route.reasons. */
  sources: string[];
}

/** Candidates per list: enough for constraints to filter, small enough to score in ~1 ms. */
export const CANDIDATES_PER_LIST = 200;

/**
 * A reference's modifier without its direction and discovery words: searching "less violent" or
 * "less popular" would gather violent or popular films; both are scored from the constraints
 * (`directions`, `discovery`) instead.
 */
function modifierSearchText(modifier: string): string {
  const text = queryText(modifier);
  const scored = [...findContentDirections(text), ...findDiscoveryMentions(text)];
  return text.tokens.filter((_, index) => !scored.some((mention) => index >= mention.start && index < mention.end)).join(" ");
}

/** The text the keyword and semantic lists search for: mood, topics, people, preferred genres. */
export function constraintSearchText(constraints: Constraints): string {
  return [
    constraints.mood?.replace(/\bnot \w+/g, "") ?? "",
    ...constraints.keywords,
    ...constraints.references
      .map((reference) => reference.modifier ?? "")
      .filter((modifier) => !/\d/.test(modifier))
      .map(modifierSearchText),
    ...constraints.people.filter((person) => !person.exclude).map((person) => person.name),
    // A hard genre filters already (and the catalog scan lists its films by popularity); searched as
    // a word it only ranks films whose synopsis or title says "thriller" ("a spoof spy thriller",
    // "Switchblade Romance") above the genre's best. A soft genre has no filter: search for it.
    ...constraints.includeGenres.filter((entry) => entry.strength === "soft").map((entry) => entry.genre),
  ]
    .join(" ")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * Candidates for the reasoning path, fused by weighted reciprocal rank: keyword search over the
 * constraint text, CF neighbours of each reference title, semantic neighbours of the mood (when
 * a text search is given), and a scan of the catalog for the most popular items that meet every
 * hard constraint (so that "90s French comedies" has candidates even when no word matches).
 */
export function gatherCandidates(constraints: Constraints, resources: CandidateResources): GatheredCandidates {
  const lists: RankedList[] = [];
  const sources: string[] = [];
  const provenance = new Map<number, Provenance[]>();
  const record = (items: readonly number[], entry: Provenance) => {
    for (const itemIndex of items) {
      const list = provenance.get(itemIndex);
      if (list) list.push(entry);
      else provenance.set(itemIndex, [entry]);
    }
  };
  const text = constraintSearchText(constraints);
  if (text) {
    const hits = resources.keyword.search(text, CANDIDATES_PER_LIST).map((hit) => hit.itemIndex);
    lists.push({ name: "keyword", weight: 1, items: hits });
    record(hits, { kind: "keyword", terms: contentWords(text) });
    sources.push(`keyword search "${text}": ${hits.length}`);
  }
  if (resources.cf) {
    for (const reference of constraints.references) {
      const index = reference.itemId ? resources.indexOf.get(reference.itemId) : undefined;
      if (index === undefined) continue;
      const neighbours = referenceNeighbours(resources.cf, index, CANDIDATES_PER_LIST, resources.sparseSupport);
      lists.push({ name: "cf-neighbours", weight: 1.5, items: neighbours });
      record(neighbours, { kind: "neighbour-of-reference", itemIndex: index, by: isSparseFilm(resources.sparseSupport, index) ? "story" : "fans" });
      sources.push(`CF neighbours of ${reference.title}: ${neighbours.length}`);
    }
  }
  if (resources.movedNeighbours && constraints.directions.length > 0) {
    for (const reference of constraints.references) {
      const index = reference.itemId ? resources.indexOf.get(reference.itemId) : undefined;
      if (index === undefined) continue;
      const moved = resources.movedNeighbours(index, constraints.directions, CANDIDATES_PER_LIST);
      // Weighted like the keyword and mood lists, below X's fans (1.5): GloVe text neighbours are
      // noisier than co-liked films, and at 1.5 they crowd out X's closest relatives (eval:directions).
      lists.push({ name: "moved-text-neighbours", weight: 1, items: moved });
      record(moved, { kind: "neighbour-of-reference", itemIndex: index, by: "story" });
      sources.push(`text neighbours of ${reference.title}, moved ${constraints.directions.map((wish) => `${wish.towards} ${wish.direction}`).join(" and ")}: ${moved.length}`);
    }
  }
  if (resources.semanticSearch && constraints.mood) {
    const neighbours = resources.semanticSearch(constraints.mood, CANDIDATES_PER_LIST);
    lists.push({ name: "semantic", weight: 1, items: neighbours });
    record(neighbours, { kind: "mood", text: constraints.mood });
    sources.push(`semantic neighbours of "${constraints.mood}": ${neighbours.length}`);
  }
  const meets = hardConstraintFilter(constraints, resources.items);
  // Most popular first, stopping at the list's size: a broad request ("comedies") stops after a
  // few hundred items instead of checking the whole catalog.
  const order = popularityOrder(resources.items, resources.popularity);
  const scanned: number[] = [];
  let checked = 0;
  for (; checked < order.length && scanned.length < CANDIDATES_PER_LIST; checked += 1) {
    if (meets(order[checked])) scanned.push(order[checked]);
  }
  lists.push({ name: "catalog-scan", weight: 0.5, items: scanned });
  record(scanned, { kind: "popular" });
  sources.push(`catalog scan for the hard constraints: the ${scanned.length} most popular matches (${checked} films checked)`);
  const fused = fuseRankedLists(lists);
  return { candidates: fused.map((entry) => ({ itemIndex: entry.itemIndex, score: entry.score })), provenance, sources };
}
