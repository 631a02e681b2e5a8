import type { MovieLensData } from "./movielens-data";

/** Shrinkage of the cosine: co-likes needed before a pair counts half (|A∩B| / (|A∩B| + 10)). */
const SHRINKAGE = 10;

export interface Neighbour {
  movieId: number;
  score: number;
}

/**
 * The `count` films nearest to `movieId` by shrunk cosine between the sets of people who liked
 * each: |A∩B| / sqrt(|A|·|B|) · |A∩B| / (|A∩B| + 10). Ties go to the smaller movieId, so the
 * list is the same on every run. The film itself is never its own neighbour.
 */
export function coLikedNeighbours(data: MovieLensData, movieId: number, count: number): Neighbour[] {
  const likers = data.likers.get(movieId);
  if (!likers) return [];
  const together = new Map<number, number>();
  for (const userId of likers) {
    for (const other of data.likedBy.get(userId) ?? []) {
      if (other !== movieId) together.set(other, (together.get(other) ?? 0) + 1);
    }
  }
  const scored: Neighbour[] = [];
  for (const [other, shared] of together) {
    const otherLikers = data.likers.get(other)!.length;
    scored.push({ movieId: other, score: (shared / Math.sqrt(likers.length * otherLikers)) * (shared / (shared + SHRINKAGE)) });
  }
  scored.sort((left, right) => right.score - left.score || left.movieId - right.movieId);
  return scored.slice(0, count);
}

/** Memoised neighbour lists (the judge asks for the same films under every phrasing). */
export class NeighbourCache {
  private readonly lists = new Map<number, Neighbour[]>();
  constructor(
    private readonly data: MovieLensData,
    private readonly depth = 100,
  ) {}

  /** The first `count` (≤ depth) neighbours of `movieId`. */
  nearest(movieId: number, count: number): Neighbour[] {
    if (count > this.depth) throw new Error(`NeighbourCache holds ${this.depth} neighbours, ${count} asked`);
    let list = this.lists.get(movieId);
    if (!list) this.lists.set(movieId, (list = coLikedNeighbours(this.data, movieId, this.depth)));
    return list.slice(0, count);
  }

  /** The union of the first `count` neighbours of each film, as a set of movieIds. */
  union(movieIds: readonly number[], count: number): Set<number> {
    return new Set(movieIds.flatMap((movieId) => this.nearest(movieId, count).map((neighbour) => neighbour.movieId)));
  }
}
