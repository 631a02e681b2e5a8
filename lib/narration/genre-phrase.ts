/**
 * Catalog genres ("Comedy", "Crime", "Sci-Fi") as the few words a DJ would say: "a crime comedy",
 * "an animated adventure", "a romantic comedy-drama", never "a Comedy/Drama/Romance film".
 */

interface GenreWords {
  /** As the head of the phrase: "comedy", "horror film". */
  noun: string;
  /** In front of another genre: "crime", "animated"; null when it adds nothing said that way. */
  modifier: string | null;
}

const GENRES: Record<string, GenreWords> = {
  comedy: { noun: "comedy", modifier: "comedy" },
  thriller: { noun: "thriller", modifier: null },
  drama: { noun: "drama", modifier: null },
  horror: { noun: "horror film", modifier: "horror" },
  western: { noun: "western", modifier: "western" },
  musical: { noun: "musical", modifier: "musical" },
  documentary: { noun: "documentary", modifier: "documentary" },
  mystery: { noun: "mystery", modifier: "mystery" },
  romance: { noun: "romance", modifier: "romantic" },
  adventure: { noun: "adventure", modifier: "adventure" },
  fantasy: { noun: "fantasy", modifier: "fantasy" },
  war: { noun: "war film", modifier: "war" },
  crime: { noun: "crime film", modifier: "crime" },
  action: { noun: "action film", modifier: "action" },
  "sci-fi": { noun: "sci-fi film", modifier: "sci-fi" },
  history: { noun: "history film", modifier: "historical" },
  family: { noun: "family film", modifier: "family" },
  children: { noun: "children's film", modifier: "children's" },
  animation: { noun: "animated film", modifier: "animated" },
  "film-noir": { noun: "film noir", modifier: "noir" },
};

/** Which genre makes the best head noun: the earlier, the better ("crime comedy", not "comedy crime film"). */
const HEAD_ORDER = Object.keys(GENRES);

/** Pairs with a name of their own. */
const PAIRS: Record<string, string> = {
  "comedy+drama": "comedy-drama",
  "action+adventure": "action adventure",
};

/** True adjectives go before nouns used as adjectives: "romantic action thriller", not "action romantic thriller". */
function inSpokenOrder(modifiers: string[]): string[] {
  const adjective = (word: string) => /(ic|ed|al)$/.test(word);
  return [...modifiers.filter(adjective), ...modifiers.filter((word) => !adjective(word))];
}

/** A known genre name, normalised ("Sci-Fi" → "sci-fi"), or null ("IMAX", "(no genres listed)"). */
export function genreKey(genre: string): string | null {
  const key = genre
    .trim()
    .toLowerCase()
    .replace(/\s+/g, "-")
    .replace(/^children's$/, "children");
  return key in GENRES ? key : null;
}

/**
 * The genres in a few spoken words, without article: ["Comedy", "Crime"] → "crime comedy",
 * ["Comedy", "Drama", "Romance"] → "romantic comedy-drama", ["Drama"] → "drama". At most three
 * genres are used, in catalog order; null when none is known.
 */
export function genrePhrase(genres: readonly string[]): string | null {
  const keys = [...new Set(genres.map(genreKey).filter((key): key is string => key !== null))].slice(0, 3);
  if (keys.length === 0) return null;
  for (const [pair, name] of Object.entries(PAIRS)) {
    const [first, second] = pair.split("+");
    if (keys.includes(first) && keys.includes(second)) {
      const others = keys
        .filter((key) => key !== first && key !== second)
        .map((key) => GENRES[key].modifier)
        .filter((word): word is string => word !== null);
      return [...inSpokenOrder(others), name].join(" ");
    }
  }
  const head = [...keys].sort((left, right) => HEAD_ORDER.indexOf(left) - HEAD_ORDER.indexOf(right))[0];
  const modifiers = keys
    .filter((key) => key !== head)
    .map((key) => GENRES[key].modifier)
    .filter((word): word is string => word !== null);
  return [...inSpokenOrder(modifiers), GENRES[head].noun].join(" ");
}
