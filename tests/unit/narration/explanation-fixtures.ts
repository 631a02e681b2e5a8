import { createBanditCatalog, emptyContext, matchArms, type BanditContext, type ExplanationKind } from "../../../lib/bandit";
import type { Item } from "../../../lib/catalog/item";
import type { Provenance } from "../../../lib/catalog/provenance";
import type { NarratedItem } from "../../../lib/narration";
import { makeItem } from "../../support/item-factory";

/**
 * Films whose facts provoke what the DJ once said badly: an 88-minute film ("a 88-minute"), a
 * director with a trailing space in the data ("Nick Murphy ,"), three genres ("Comedy/Drama/Romance"),
 * titles ending in their own punctuation ("Crazy, Stupid, Love.", "Airplane!"), a slash and a hash
 * in titles ("Face/Off", "Love Potion #9"), rating counts that rank (#1) and averages (4.2/5).
 */
const ITEMS: Item[] = [
  makeItem({
    id: "ml:6",
    title: "Heat",
    year: 1995,
    genres: ["Action", "Crime", "Thriller"],
    runtimeMinutes: 170,
    directors: ["Michael Mann"],
    cast: ["Al Pacino", "Robert De Niro"],
    keywords: ["heist", "los angeles"],
    ratingCount: 102,
    ratingMean: 3.9,
    language: "en",
  }),
  makeItem({
    id: "ml:8798",
    title: "Collateral",
    year: 2004,
    genres: ["Action", "Crime", "Thriller"],
    runtimeMinutes: 120,
    directors: ["Michael Mann"],
    cast: ["Tom Cruise", "Jamie Foxx"],
    keywords: ["los angeles", "taxi"],
    ratingCount: 60,
    ratingMean: 3.8,
    language: "en",
  }),
  makeItem({
    id: "ml:1",
    title: "Toy Story",
    year: 1995,
    genres: ["Animation", "Children", "Comedy"],
    runtimeMinutes: 81,
    directors: ["John Lasseter"],
    cast: ["Tom Hanks", "Tim Allen"],
    ratingCount: 329,
    ratingMean: 3.92,
    language: "en",
  }),
  makeItem({ id: "ml:5000", title: "Obscure Noir", year: 1951, genres: ["Film-Noir", "Crime"], tags: ["neo-noir", "rainy city"], ratingCount: 12, ratingMean: 4.2, language: "en" }),
  makeItem({ id: "ml:5001", title: "The Quiet Drama", year: 2011, genres: ["Drama"], runtimeMinutes: 94, ratingCount: 150, ratingMean: 4.4, language: "en" }),
  makeItem({ id: "tmdb:77", title: "Cold Start", year: 2016, genres: ["Drama"], tmdbVoteCount: 230, tmdbVoteAverage: 7.4, language: "en" }),
  makeItem({
    id: "ml:5002",
    title: "Eighty Eight",
    year: 2003,
    genres: ["Comedy", "Drama", "Romance"],
    runtimeMinutes: 88,
    directors: ["Nick Murphy "],
    cast: ["Ann Example", "Eve Sample"],
    ratingCount: 40,
    ratingMean: 3.6,
    language: "en",
  }),
  makeItem({
    id: "ml:5003",
    title: "Crazy, Stupid, Love.",
    year: 2011,
    genres: ["Comedy", "Drama", "Romance"],
    runtimeMinutes: 118,
    directors: ["Glenn Ficarra"],
    ratingCount: 30,
    ratingMean: 3.7,
    language: "en",
  }),
  makeItem({ id: "ml:2791", title: "Airplane!", year: 1980, genres: ["Comedy"], runtimeMinutes: 88, directors: ["Jim Abrahams"], ratingCount: 90, ratingMean: 3.8, language: "en" }),
  makeItem({ id: "ml:5816", title: "Harry Potter and the Chamber of Secrets", year: 2002, genres: ["Adventure", "Fantasy"], runtimeMinutes: 161, ratingCount: 100, ratingMean: 3.6, language: "en" }),
  makeItem({
    id: "ml:541",
    title: "Blade Runner",
    year: 1982,
    genres: ["Sci-Fi", "Thriller"],
    runtimeMinutes: 117,
    directors: ["Ridley Scott"],
    cast: ["Harrison Ford"],
    keywords: ["dystopia", "android"],
    ratingCount: 120,
    ratingMean: 4.1,
    language: "en",
  }),
  makeItem({
    id: "ml:1573",
    title: "Face/Off",
    year: 1997,
    genres: ["Action", "Crime", "Drama", "Thriller"],
    runtimeMinutes: 138,
    directors: ["John Woo"],
    cast: ["John Travolta", "Nicolas Cage"],
    keywords: ["dystopia"],
    ratingCount: 70,
    ratingMean: 3.5,
    language: "en",
  }),
  makeItem({ id: "ml:3254", title: "Love Potion #9", year: 1992, genres: ["Comedy", "Romance"], runtimeMinutes: 92, ratingCount: 8, ratingMean: 4.0, language: "en" }),
  makeItem({
    id: "ml:1221",
    title: "The Godfather: Part II",
    year: 1974,
    genres: ["Crime", "Drama"],
    runtimeMinutes: 202,
    directors: ["Francis Ford Coppola"],
    ratingCount: 130,
    ratingMean: 4.3,
    language: "en",
  }),
];

const HEAT = 0;
const catalog = createBanditCatalog(ITEMS);

/** One way the bandit may see a film: its context and, for served answers, its provenance. */
interface Scenario {
  /** The films it applies to; all when absent. */
  only?: number[];
  context: Partial<BanditContext>;
  provenance?: Provenance[];
  becauseOf?: number;
}

const SCENARIOS: Scenario[] = [
  // Simulations and old callers: no provenance, the arms judge from the catalog alone.
  { context: {} },
  { context: { likedItemIndexes: [HEAT], constraints: { runtimeMaxMinutes: 90, genres: ["Comedy"], moodText: "dark rainy noir" } } },
  { context: { likedItemIndexes: [HEAT] }, becauseOf: HEAT },
  // Served answers: every explanation must be true of the provenance.
  { context: {}, provenance: [{ kind: "asked-for", exact: true }] },
  { only: [9], context: {}, provenance: [{ kind: "series", name: "harry potter" }] },
  // A series named with its article ("One of the Godfather films", not "the The Godfather").
  { only: [13], context: {}, provenance: [{ kind: "series", name: "the godfather" }] },
  {
    context: {},
    provenance: [
      { kind: "neighbour-of-reference", itemIndex: HEAT, by: "fans" },
      { kind: "neighbour-of-reference", itemIndex: 10, by: "story" },
    ],
  },
  { context: {}, provenance: [{ kind: "neighbour-of-reference", itemIndex: 10, by: "story" }] },
  { context: {}, provenance: [{ kind: "neighbour-of-match", itemIndex: 8 }] },
  { context: { likedItemIndexes: [HEAT] }, provenance: [{ kind: "neighbour-of-like", itemIndex: HEAT }] },
  { context: { likedItemIndexes: [HEAT] }, provenance: [{ kind: "session-taste" }] },
  { context: {}, provenance: [{ kind: "keyword", terms: ["michael", "mann", "comedy", "love", "noir"] }] },
  { context: {}, provenance: [{ kind: "keyword", terms: ["zeppelin"] }] },
  {
    context: { constraints: { runtimeMaxMinutes: 90, genres: ["Comedy", "Drama"], moodText: null } },
    provenance: [{ kind: "constraints", described: ["comedy/drama", "88 minutes", "released in 2003", "no horror"] }],
  },
  { context: {}, provenance: [{ kind: "mood", text: "dark and rainy" }] },
  { context: {}, provenance: [{ kind: "popular" }] },
];

/** A rendered explanation and the film it explains, as the narration receives it. */
export interface RenderedExplanation {
  kind: ExplanationKind;
  item: NarratedItem;
}

const narrated = (item: Item, text: string | null): NarratedItem => ({
  title: item.title,
  year: item.year,
  genres: item.genres,
  runtimeMinutes: item.runtimeMinutes,
  directors: item.directors,
  explanation: text === null ? null : { text },
});

/** Every explanation the real arms render for these films in these scenarios, once per distinct text. */
export function renderedExplanations(): RenderedExplanation[] {
  const seen = new Set<string>();
  const rendered: RenderedExplanation[] = [];
  ITEMS.forEach((item, itemIndex) => {
    for (const scenario of SCENARIOS) {
      if (scenario.only && !scenario.only.includes(itemIndex)) continue;
      const matches = matchArms(itemIndex, { catalog, context: emptyContext(scenario.context), becauseOfItemIndex: scenario.becauseOf ?? null, provenance: scenario.provenance });
      for (const match of matches) {
        const text = match.render();
        if (seen.has(`${itemIndex}\u0000${text}`)) continue;
        seen.add(`${itemIndex}\u0000${text}`);
        rendered.push({ kind: match.kind, item: narrated(item, text) });
      }
    }
  });
  return rendered;
}

/** Every fixture film without an explanation (the plain pick lines). */
export function plainItems(): NarratedItem[] {
  return ITEMS.map((item) => narrated(item, null));
}

export const FIXTURE_TITLES = ITEMS.map((item) => item.title);
