import { createWriteStream, mkdirSync, statSync, type WriteStream } from "node:fs";
import { once } from "node:events";
import path from "node:path";
import { createGzip } from "node:zlib";
import type { Catalog } from "../../lib/catalog/catalog";
import type { Item } from "../../lib/catalog/item";
import { seededRandom } from "./query-sets";

/**
 * Item-popularity law of the synthetic ratings: weight(rank) ∝ (rank + POPULARITY_OFFSET × n)^-POPULARITY_EXPONENT
 * over the n MovieLens items. The offset scales with n, so every catalog size has the same
 * shape in relative rank, i.e. the same per-item rating distribution. Fitted by simulation to
 * ml-latest-small (610 users with their real rating counts picking distinct films): it gives
 * top counts ~300 (real 329), ~160 at rank 100 (112), ~21 at rank 1,000 (26), ~5 at rank 3,000 (6),
 * and ~48 % of films with at least 3 ratings (real 51 %). A pure Zipf (exponent 1) puts far too
 * many ratings on the tail: 75–80 % of films would reach 3 ratings.
 */
const POPULARITY_EXPONENT = 1.6;
const POPULARITY_OFFSET = 100 / 9742;
/** No user rates more than this share of the MovieLens films (only binds for tiny catalogs). */
const MAX_USER_SHARE = 0.3;

/**
 * What the generator copies from the real catalog: per-field word distributions (sampling a
 * random token of the real corpus draws from its unigram distribution, Zipfian like real text),
 * real items as structural templates (which fields are filled, how long, genres, year, runtime,
 * votes), and the real per-user rating counts, rating values and timestamps.
 */
export interface SyntheticProfile {
  movieLensTemplates: Item[];
  coldStartTemplates: Item[];
  /** Cold-start (TMDB-only) share of all items: 1,267 / 11,009 in the real catalog. */
  coldStartShare: number;
  /** Users per MovieLens film: 610 / 9,742 in ml-latest-small. */
  usersPerMovie: number;
  /** Rating count of each real user (min 20, median 71, mean 165, max 2,698 in ml-latest-small). */
  userRatingCounts: Int32Array;
  ratingValues: Float32Array;
  timestamps: Int32Array;
  titleWords: string[];
  overviewWords: string[];
  taglineWords: string[];
  keywords: string[];
  tags: string[];
  firstNames: string[];
  lastNames: string[];
}

const words = (text: string | null) => (text ? text.split(/\s+/).filter(Boolean) : []);

/** Derives the generator's distributions from a loaded real catalog (read only). */
export function syntheticProfile(catalog: Catalog): SyntheticProfile {
  const { items, interactions } = catalog;
  const userRatingCounts = new Int32Array(interactions.userCount);
  for (const user of interactions.users) userRatingCounts[user] += 1;
  const people = items.flatMap((item) => [...item.directors, ...item.cast]).map((name) => name.split(" "));
  const movieLensTemplates = items.filter((item) => item.movieId !== null);
  const coldStartTemplates = items.filter((item) => item.movieId === null);
  return {
    movieLensTemplates,
    coldStartTemplates,
    coldStartShare: coldStartTemplates.length / items.length,
    usersPerMovie: interactions.userCount / Math.max(1, movieLensTemplates.length),
    userRatingCounts,
    ratingValues: interactions.ratings,
    timestamps: interactions.timestamps,
    titleWords: items.flatMap((item) => words(item.title)),
    overviewWords: items.flatMap((item) => words(item.overview)),
    taglineWords: items.flatMap((item) => words(item.tagline)),
    keywords: items.flatMap((item) => item.keywords),
    tags: items.flatMap((item) => item.tags),
    firstNames: people.filter((parts) => parts.length > 1).map((parts) => parts[0]),
    lastNames: people.map((parts) => parts.slice(parts.length > 1 ? 1 : 0).join(" ")),
  };
}

export interface SyntheticCatalogSummary {
  items: number;
  movieLensItems: number;
  coldStartItems: number;
  /** Rows in tmdb_5000_movies.csv: MovieLens films with TMDB metadata plus cold-start films. */
  tmdbRows: number;
  users: number;
  ratings: number;
  tags: number;
  /** Bytes written, all files. */
  bytes: number;
}

/** Streams lines to a file (gzipped for .gz), respecting back-pressure. */
class LineWriter {
  private readonly stream: WriteStream;
  private readonly sink: NodeJS.WritableStream;
  constructor(
    readonly filePath: string,
    header: string,
  ) {
    this.stream = createWriteStream(filePath);
    if (filePath.endsWith(".gz")) {
      const gzip = createGzip({ level: 1 });
      gzip.pipe(this.stream);
      this.sink = gzip;
    } else {
      this.sink = this.stream;
    }
    this.sink.write(`${header}\n`);
  }
  async write(line: string): Promise<void> {
    if (!this.sink.write(`${line}\n`)) await once(this.sink, "drain");
  }
  async close(): Promise<number> {
    this.sink.end();
    await once(this.stream, "close");
    return statSync(this.filePath).size;
  }
}

/** RFC 4180 quoting, as csv-parse expects. */
const quote = (value: string | number | null) => (value === null ? "" : `"${String(value).replaceAll('"', '""')}"`);

/**
 * Writes a synthetic dataset in the real source formats — ml-latest-small/{movies,links,ratings,
 * tags}.csv and tmdb-5000/{tmdb_5000_movies.csv,tmdb_5000_credits.csv.gz} — with `itemCount`
 * items after the join, so the real ingest, join, stages and serving code run unchanged.
 *
 * Proportions stay those of the real catalog at every size: 11.5 % cold-start items, each item
 * shaped like a random real template item (so ~44 % of MovieLens films carry TMDB overviews,
 * keywords and cast), 0.0626 users per MovieLens film, each user with a real user's rating count
 * (mean 165), i.e. ~10.35 ratings per MovieLens film, drawn without repeats from the power law
 * above, plus one rating for every film the draw left unrated (MovieLens lists rated films only). Text is sampled word by word from the real field corpora; people are a real first name
 * plus a real surname. Deterministic for a seed.
 */
export async function writeSyntheticCatalog(root: string, itemCount: number, profile: SyntheticProfile, seed = 1): Promise<SyntheticCatalogSummary> {
  const random = seededRandom(seed);
  const pick = <T>(list: ArrayLike<T>): T => list[Math.floor(random() * list.length)];
  const sentence = (list: readonly string[], count: number) => {
    const text = Array.from({ length: count }, () => pick(list)).join(" ");
    return text.charAt(0).toUpperCase() + text.slice(1);
  };
  const person = () => `${pick(profile.firstNames)} ${pick(profile.lastNames)}`;

  const coldStartItems = Math.round(itemCount * profile.coldStartShare);
  const movieLensItems = itemCount - coldStartItems;
  const userCount = Math.max(1, Math.round(movieLensItems * profile.usersPerMovie));
  const movieLensDir = path.join(root, "ml-latest-small");
  const tmdbDir = path.join(root, "tmdb-5000");
  mkdirSync(movieLensDir, { recursive: true });
  mkdirSync(tmdbDir, { recursive: true });

  const movies = new LineWriter(path.join(movieLensDir, "movies.csv"), "movieId,title,genres");
  const links = new LineWriter(path.join(movieLensDir, "links.csv"), "movieId,imdbId,tmdbId");
  const tags = new LineWriter(path.join(movieLensDir, "tags.csv"), "userId,movieId,tag,timestamp");
  const tmdbMovies = new LineWriter(
    path.join(tmdbDir, "tmdb_5000_movies.csv"),
    "id,title,original_title,original_language,overview,tagline,genres,keywords,runtime,release_date,vote_average,vote_count",
  );
  const credits = new LineWriter(path.join(tmdbDir, "tmdb_5000_credits.csv.gz"), "movie_id,title,cast,crew");
  let tmdbRows = 0;
  let tagRows = 0;

  const writeTmdb = async (tmdbId: number, title: string, template: Item) => {
    tmdbRows += 1;
    const namedList = (names: readonly string[]) => JSON.stringify(names.map((name, id) => ({ id, name })));
    // An item whose real template has an alias gets a different original title, like a foreign film.
    const originalTitle = template.aliases.length > 0 && random() < 0.3 ? sentence(profile.titleWords, words(template.title).length) : title;
    await tmdbMovies.write(
      [
        tmdbId,
        quote(title),
        quote(originalTitle),
        quote(template.language),
        quote(template.overview ? `${sentence(profile.overviewWords, words(template.overview).length)}.` : null),
        quote(template.tagline ? `${sentence(profile.taglineWords, words(template.tagline).length)}.` : null),
        quote(namedList(template.genres)),
        quote(namedList(template.keywords.map(() => pick(profile.keywords)))),
        template.runtimeMinutes ?? 0,
        template.year === null ? "" : `${template.year}-01-01`,
        template.tmdbVoteAverage ?? "",
        template.tmdbVoteCount ?? "",
      ].join(","),
    );
    const cast = template.cast.map((_, order) => ({ name: person(), order }));
    const crew = template.directors.map(() => ({ name: person(), job: "Director" }));
    await credits.write([tmdbId, quote(title), quote(JSON.stringify(cast)), quote(JSON.stringify(crew))].join(","));
  };

  // MovieLens films 1..movieLensItems (tmdbId = movieId); cold-start films take the tmdbIds after them.
  for (let movieId = 1; movieId <= movieLensItems; movieId += 1) {
    const template = pick(profile.movieLensTemplates);
    const title = sentence(profile.titleWords, Math.max(1, words(template.title).length));
    const genres = template.genres.length > 0 ? template.genres.join("|") : "(no genres listed)";
    await movies.write([movieId, quote(template.year === null ? title : `${title} (${template.year})`), quote(genres)].join(","));
    await links.write(`${movieId},${String(movieId).padStart(7, "0")},${movieId}`);
    // The real join gives an item TMDB metadata when its tmdbId has a TMDB row; language is always set then.
    if (template.language !== null) await writeTmdb(movieId, title, template);
    for (const tag of new Set(template.tags.map(() => pick(profile.tags)))) {
      tagRows += 1;
      await tags.write([1 + Math.floor(random() * userCount), movieId, quote(tag), pick(profile.timestamps)].join(","));
    }
  }
  for (let offset = 1; offset <= coldStartItems; offset += 1) {
    const template = pick(profile.coldStartTemplates);
    await writeTmdb(movieLensItems + offset, sentence(profile.titleWords, Math.max(1, words(template.title).length)), template);
  }

  // Popularity rank → movieId through a seeded shuffle, so popularity is not tied to id order.
  const movieOfRank = new Int32Array(movieLensItems);
  for (let rank = 0; rank < movieLensItems; rank += 1) movieOfRank[rank] = rank + 1;
  for (let position = movieLensItems - 1; position > 0; position -= 1) {
    const other = Math.floor(random() * (position + 1));
    [movieOfRank[position], movieOfRank[other]] = [movieOfRank[other], movieOfRank[position]];
  }
  // Inverse CDF of the continuous power law x^-a on [low, high), shifted back to ranks 0..n-1.
  const shift = POPULARITY_OFFSET * movieLensItems;
  const exponent = 1 - POPULARITY_EXPONENT;
  const low = Math.pow(1 + shift, exponent);
  const high = Math.pow(movieLensItems + 1 + shift, exponent);
  const drawRank = () => Math.min(movieLensItems - 1, Math.floor(Math.pow(low + random() * (high - low), 1 / exponent) - shift - 1));

  const ratings = new LineWriter(path.join(movieLensDir, "ratings.csv"), "userId,movieId,rating,timestamp");
  const maxPerUser = Math.max(1, Math.floor(MAX_USER_SHARE * movieLensItems));
  let ratingRows = 0;
  const hasRating = new Uint8Array(movieLensItems + 1);
  for (let userId = 1; userId <= userCount; userId += 1) {
    const wanted = Math.min(maxPerUser, pick(profile.userRatingCounts));
    const rated = new Set<number>();
    while (rated.size < wanted) rated.add(movieOfRank[drawRank()]);
    for (const movieId of rated) {
      hasRating[movieId] = 1;
      await ratings.write(`${userId},${movieId},${pick(profile.ratingValues)},${pick(profile.timestamps)}`);
    }
    ratingRows += rated.size;
  }
  // MovieLens only lists films somebody rated (9,724 of ml-latest-small's 9,742): the tail the
  // power law left unrated gets one rating each (~1–2 % more rows), so cold start stays the
  // TMDB-only share rather than growing with unrated MovieLens films.
  for (let movieId = 1; movieId <= movieLensItems; movieId += 1) {
    if (hasRating[movieId]) continue;
    await ratings.write(`${1 + Math.floor(random() * userCount)},${movieId},${pick(profile.ratingValues)},${pick(profile.timestamps)}`);
    ratingRows += 1;
  }

  let bytes = 0;
  for (const writer of [movies, links, tags, tmdbMovies, credits, ratings]) bytes += await writer.close();
  return { items: itemCount, movieLensItems, coldStartItems, tmdbRows, users: userCount, ratings: ratingRows, tags: tagRows, bytes };
}
