import { createWriteStream, mkdirSync } from "node:fs";
import path from "node:path";
import { once } from "node:events";
import { seededRandom } from "./query-sets";

const WORDS = (
  "night city dark love last first blue red iron star river shadow ghost king queen war road home summer winter " +
  "secret lost golden silent wild broken heart storm fire ice moon sun dream garden house island ocean mountain " +
  "stranger brother sister father mother child hunter thief soldier doctor detective machine planet empire " +
  "journey return escape revenge promise mirror circle echo signal harbor valley forest desert glass paper stone"
).split(" ");
const GENRES = "Action|Adventure|Animation|Children|Comedy|Crime|Documentary|Drama|Fantasy|Film-Noir|Horror|Musical|Mystery|Romance|Sci-Fi|Thriller|War|Western".split("|");

async function writeLines(filePath: string, header: string, lines: Iterable<string>): Promise<void> {
  const stream = createWriteStream(filePath);
  stream.write(`${header}\r\n`);
  for (const line of lines) {
    if (!stream.write(`${line}\r\n`)) await once(stream, "drain");
  }
  stream.end();
  await once(stream, "finish");
}

/**
 * Writes a synthetic ml-latest-small-shaped dataset (movies, ratings, tags, links CSVs) with
 * `itemCount` movies and a power-law (Zipf, exponent ~1) item popularity, so the real ingest,
 * join and training code run unchanged at scale. About `ratingsPerItem` ratings per item.
 */
export async function writeSyntheticMovieLens(root: string, itemCount: number, ratingsPerItem = 5, seed = 1): Promise<void> {
  const directory = path.join(root, "ml-latest-small");
  mkdirSync(directory, { recursive: true });
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const userCount = Math.max(100, Math.round(itemCount / 10));
  function* movies() {
    for (let movieId = 1; movieId <= itemCount; movieId += 1) {
      const title = Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(WORDS)).join(" ");
      const genres = [...new Set(Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(GENRES)))].join("|");
      yield `${movieId},"${title.replace(/^./, (first) => first.toUpperCase())} ${movieId} (${1930 + Math.floor(random() * 90)})",${genres}`;
    }
  }
  function* ratings() {
    const total = itemCount * ratingsPerItem;
    // Inverse-CDF sampling of a Zipf-like item popularity: item ~ floor(N^u) gives P(i) ∝ 1/i.
    for (let row = 0; row < total; row += 1) {
      const movieId = Math.min(itemCount, Math.floor(Math.pow(itemCount, random())));
      const userId = 1 + Math.floor(random() * userCount);
      yield `${userId},${movieId},${(1 + Math.floor(random() * 9)) / 2 + 0.5},${946684800 + Math.floor(random() * 6e8)}`;
    }
  }
  function* tags() {
    for (let row = 0; row < itemCount / 20; row += 1) yield `${1 + Math.floor(random() * userCount)},${1 + Math.floor(random() * itemCount)},${pick(WORDS)},0`;
  }
  function* links() {
    for (let movieId = 1; movieId <= itemCount; movieId += 1) yield `${movieId},${String(movieId).padStart(7, "0")},`;
  }
  await writeLines(path.join(directory, "movies.csv"), "movieId,title,genres", movies());
  await writeLines(path.join(directory, "ratings.csv"), "userId,movieId,rating,timestamp", ratings());
  await writeLines(path.join(directory, "tags.csv"), "userId,movieId,tag,timestamp", tags());
  await writeLines(path.join(directory, "links.csv"), "movieId,imdbId,tmdbId", links());
}
