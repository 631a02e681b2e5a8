/**
 * `npm run eval:directions [-- --json] [-- --sweep] [-- --examples]`: how well the content directions ("less
 * violent", "darker", "calmer") work, in two parts. Deterministic (seeded random baseline), no
 * network, the current catalog bundle.
 *
 * 1. Item scores against labels: tests/fixtures/direction-labels.json holds catalog films
 *    labelled violent/gentle, dark/light, intense/calm. Per axis: AUC (the chance a labelled
 *    violent film scores above a labelled gentle one) and the same over pairs sharing a genre
 *    other than Drama (the harder, within-genre question a "like X but less violent" answer
 *    faces), for the served score, each of its components, the content-only blend (no CF), and
 *    two baselines measured here: genre-only (a genre rule per axis) and random.
 * 2. End to end on the reasoning path: for each reference film and each wish ("like X but less
 *    violent", "… darker", "… lighter", "… less scary", "… gentler", "… more violent"), the
 *    offline reasoner's constraints, candidates gathered as the pipeline gathers them, and
 *    constraints applied twice — with the directions and without them (the same request minus
 *    the wish, on the same candidates). Reported: the top 10's mean percentile on the axis with
 *    and without, how often it moved the asked way, how many of the plain top 10 stay, and how
 *    many of the new top 10 come from the plain top 30 (still near X). The bandit's order and the
 *    LLM are left out; both only re-order within relevance.
 * `--sweep` repeats part 2 at other direction weights (scaling each wish's amount); `--examples`
 * prints every reference's top 10 (else the first reference's).
 */
import { readFileSync } from "node:fs";
import { CONTENT_DIRECTIONS, type ContentDirection } from "../lib/catalog/content-directions";
import type { Item } from "../lib/catalog/item";
import { DIRECTION_WEIGHT } from "../lib/reasoning/direction-preference";
import { blendComponents, directionComponents } from "../lib/retrieval/direction-scores";
import { createSeededRandom } from "../lib/retrieval/seeded-random";
import { directionScoreInputs } from "../lib/server/content-directions-loader";
import { createEngine } from "../lib/server/engine-singleton";
import { ANSWER_SIZE, compareWish } from "../support/wish-comparison";
import { describeRun, runContext } from "./support/run-context";

const asJson = process.argv.includes("--json");
const sweep = process.argv.includes("--sweep");
const allExamples = process.argv.includes("--examples");
// Date, commit and machine of this run, read as it starts.
const run = runContext();
const started = performance.now();
const engine = await createEngine({ environment: {}, seed: 17 });
const items = engine.catalog.items;

// ---------- 1. item scores against labels ----------

type Label = "violent" | "gentle" | "dark" | "light" | "intense" | "calm" | null;
interface LabelledFilm {
  id: string;
  title: string;
  year: number;
  violence: Label;
  darkness: Label;
  intensity: Label;
}
const fixture = JSON.parse(readFileSync(new URL("../tests/fixtures/direction-labels.json", import.meta.url), "utf8")) as { films: LabelledFilm[] };
const POSITIVE: Record<ContentDirection, Label> = { violence: "violent", darkness: "dark", intensity: "intense" };
for (const film of fixture.films) {
  const index = engine.catalog.indexOf.get(film.id);
  if (index === undefined || items[index].title !== film.title || items[index].year !== film.year)
    throw new Error(`direction-labels.json: ${film.id} is not ${film.title} (${film.year}) in this catalog`);
}

/** The genre-only baseline: +1 per genre typical of the axis' "more" end, −1 per genre of its "less" end. */
const GENRE_RULE: Record<ContentDirection, { more: string[]; less: string[] }> = {
  violence: { more: ["Action", "War", "Crime", "Horror", "Thriller", "Western"], less: ["Animation", "Family", "Musical", "Romance", "Comedy"] },
  darkness: { more: ["Drama", "Horror", "Thriller", "Crime", "War", "Film-Noir"], less: ["Comedy", "Family", "Animation", "Musical", "Romance"] },
  intensity: { more: ["Thriller", "Horror", "Action", "Mystery"], less: ["Comedy", "Romance", "Family", "Musical", "Documentary"] },
};
const genreRule = (direction: ContentDirection) =>
  Float64Array.from(
    items,
    (item) => item.genres.filter((genre) => GENRE_RULE[direction].more.includes(genre)).length - item.genres.filter((genre) => GENRE_RULE[direction].less.includes(genre)).length,
  );

interface Separation {
  auc: number;
  sameGenre: number;
  sameGenrePairs: number;
}

/** AUC over labelled pairs, ties half; and the same over pairs sharing a genre other than Drama. */
function separation(scores: ArrayLike<number>, positives: Item[], negatives: Item[], indexOf: (item: Item) => number): Separation {
  let wins = 0;
  let pairs = 0;
  let sameWins = 0;
  let samePairs = 0;
  for (const positive of positives) {
    for (const negative of negatives) {
      const difference = scores[indexOf(positive)] - scores[indexOf(negative)];
      const win = difference > 0 ? 1 : difference === 0 ? 0.5 : 0;
      wins += win;
      pairs += 1;
      if (positive.genres.some((genre) => genre !== "Drama" && negative.genres.includes(genre))) {
        sameWins += win;
        samePairs += 1;
      }
    }
  }
  return { auc: wins / pairs, sameGenre: sameWins / samePairs, sameGenrePairs: samePairs };
}

const inputs = await directionScoreInputs(items, engine.textSearch, engine.cf);
const random = createSeededRandom(20261203);
const itemScores = CONTENT_DIRECTIONS.map((direction) => {
  const labelled = fixture.films.filter((film) => film[direction] !== null);
  const itemOf = (film: LabelledFilm) => items[engine.catalog.indexOf.get(film.id)!];
  const positives = labelled.filter((film) => film[direction] === POSITIVE[direction]).map(itemOf);
  const negatives = labelled.filter((film) => film[direction] !== POSITIVE[direction]).map(itemOf);
  const indexOf = (item: Item) => engine.catalog.indexOf.get(item.id)!;
  const components = directionComponents(inputs, direction);
  const { weakAudience, ...content } = components;
  const rows: Array<[string, ArrayLike<number>]> = [
    ["served score", engine.contentDirections.scores[direction]],
    ["content only (no CF)", blendComponents(Object.values(content), items.length)],
    ...Object.entries(components).map(([name, values]): [string, ArrayLike<number>] => [`  component ${name}`, values]),
    ["baseline: genre rule", genreRule(direction)],
    ["baseline: random", Float64Array.from(items, () => random())],
  ];
  return {
    direction,
    positives: positives.length,
    negatives: negatives.length,
    rows: rows.map(([name, values]) => ({ name, ...separation(values, positives, negatives, indexOf) })),
    audienceUsed: weakAudience !== undefined,
  };
});

// ---------- 2. end to end on the reasoning path ----------

const REFERENCES: Array<[string, number]> = [
  ["Pulp Fiction", 1994],
  ["Se7en", 1995],
  ["Alien", 1979],
  ["Fight Club", 1999],
  ["The Matrix", 1999],
  ["Die Hard", 1988],
  ["Gladiator", 2000],
  ["GoodFellas", 1990],
  ["Reservoir Dogs", 1992],
  ["The Silence of the Lambs", 1991],
  ["Saving Private Ryan", 1998],
  ["Kill Bill: Vol. 1", 2003],
  ["No Country for Old Men", 2007],
  ["The Shining", 1980],
  ["Heat", 1995],
  ["The Departed", 2006],
  ["Toy Story", 1995],
  ["Amélie", 2001],
  ["Finding Nemo", 2003],
  ["Forrest Gump", 1994],
  ["Notting Hill", 1999],
  ["The Princess Bride", 1987],
  ["Groundhog Day", 1993],
  ["Up", 2009],
];
/** Popularity is the discovery knob's axis ("less popular"). */
type Axis = ContentDirection | "popularity";
const WISHES: Array<{ phrase: string; axes: Axis[]; towards: "more" | "less" }> = [
  { phrase: "less violent", axes: ["violence"], towards: "less" },
  { phrase: "more violent", axes: ["violence"], towards: "more" },
  { phrase: "darker", axes: ["darkness"], towards: "more" },
  { phrase: "lighter", axes: ["darkness"], towards: "less" },
  { phrase: "less scary", axes: ["intensity"], towards: "less" },
  { phrase: "gentler", axes: ["violence", "intensity"], towards: "less" },
  { phrase: "less popular", axes: ["popularity"], towards: "less" },
];
// Popularity as eval:discovery reports it: MovieLens rating counts (the neighbours of well-known
// films are all in the catalog's top percentile, where a percentile says nothing).
const ratingCounts = Float64Array.from(items, (item) => item.ratingCount);
const axisValues = (axis: Axis): ArrayLike<number> => (axis === "popularity" ? ratingCounts : engine.contentDirections.scores[axis]);
/** Whether the reasoner read the wish: a direction on each axis, or a discovery above the neutral 0.5 for "less popular". */
const readWish = (constraints: ReturnType<typeof compareWish>["constraints"], wish: (typeof WISHES)[number]) =>
  wish.axes.every((axis) => (axis === "popularity" ? (constraints.discovery ?? 0.5) > 0.5 : constraints.directions.some((entry) => entry.direction === axis && entry.towards === wish.towards)));

function referenceIndex(title: string, year: number): number {
  const index = items.findIndex((item) => item.title === title && item.year === year);
  if (index < 0) throw new Error(`eval:directions: ${title} (${year}) is not in the catalog`);
  return index;
}

const mean = (values: number[]) => (values.length === 0 ? Number.NaN : values.reduce((sum, value) => sum + value, 0) / values.length);

function endToEnd(weightScale: number) {
  return WISHES.map((wish) => {
    const perAxis = new Map<Axis, { before: number[]; after: number[]; moved: number }>(wish.axes.map((axis) => [axis, { before: [], after: [], moved: 0 }]));
    const kept: number[] = [];
    const near: number[] = [];
    let misread = 0;
    const examples: Array<{ reference: string; plain: string[]; wished: string[] }> = [];
    for (const [title, year] of REFERENCES) {
      const reference = referenceIndex(title, year);
      const { constraints: read, plainTop30: plainTop, wishedTop10: wishedTop } = compareWish(engine, `like ${title} but ${wish.phrase}`, weightScale);
      const understood = read.references.some((entry) => entry.itemId === items[reference].id) && readWish(read, wish);
      if (!understood) {
        misread += 1;
        continue;
      }
      const plainTen = plainTop.slice(0, ANSWER_SIZE);
      kept.push(wishedTop.filter((index) => plainTen.includes(index)).length);
      near.push(wishedTop.filter((index) => plainTop.includes(index)).length);
      for (const axis of wish.axes) {
        const entry = perAxis.get(axis)!;
        const before = mean(plainTen.map((index) => axisValues(axis)[index]));
        const after = mean(wishedTop.map((index) => axisValues(axis)[index]));
        entry.before.push(before);
        entry.after.push(after);
        if (wish.towards === "less" ? after < before : after > before) entry.moved += 1;
      }
      if (examples.length < (allExamples ? REFERENCES.length : 1))
        examples.push({ reference: `${title} (${year})`, plain: plainTen.map((index) => items[index].title), wished: wishedTop.map((index) => items[index].title) });
    }
    const understood = REFERENCES.length - misread;
    return {
      wish: wish.phrase,
      references: understood,
      misread,
      axes: [...perAxis].map(([axis, entry]) => ({ axis, before: mean(entry.before), after: mean(entry.after), movedRightWay: entry.moved })),
      keptOfPlainTop10: mean(kept),
      fromPlainTop30: mean(near),
      examples,
    };
  });
}

const served = endToEnd(1);
const sweeps = sweep ? [0.05, 0.1, 0.2, 0.3].map((weight) => ({ weight, results: endToEnd(weight / DIRECTION_WEIGHT) })) : [];
const seconds = (performance.now() - started) / 1000;

if (asJson) {
  process.stdout.write(`${JSON.stringify({ run, labelledFilms: fixture.films.length, itemScores, directionWeight: DIRECTION_WEIGHT, endToEnd: served, sweeps, seconds }, null, 2)}\n`);
} else {
  const percent = (value: number) => value.toFixed(3);
  const lines = [
    `eval:directions — ${fixture.films.length} labelled films (tests/fixtures/direction-labels.json), ${items.length} catalog items`,
    `Run: ${describeRun(run)}`,
    "",
    "1. Item scores vs labels: AUC | same-genre pairwise accuracy (pairs)",
  ];
  for (const axis of itemScores) {
    lines.push(`  ${axis.direction} (${axis.positives} ${POSITIVE[axis.direction]} vs ${axis.negatives})`);
    for (const row of axis.rows) lines.push(`    ${row.name.padEnd(28)} ${percent(row.auc)} | ${percent(row.sameGenre)} (${row.sameGenrePairs})`);
  }
  const table = (results: typeof served) =>
    results.map(
      (result) =>
        `  like X but ${result.wish.padEnd(13)} ${result.axes.map((axis) => `${axis.axis} ${axis.before.toFixed(axis.axis === "popularity" ? 0 : 2)} → ${axis.after.toFixed(axis.axis === "popularity" ? 0 : 2)} (${axis.movedRightWay}/${result.references} moved the asked way)`).join("; ")}; kept ${result.keptOfPlainTop10.toFixed(1)}/10 of the plain top 10, ${result.fromPlainTop30.toFixed(1)}/10 from its top 30${result.misread > 0 ? `; ${result.misread} misread` : ""}`,
    );
  lines.push(
    "",
    `2. End to end, reasoning path, ${REFERENCES.length} references, direction weight ${DIRECTION_WEIGHT}: top-10 mean catalog percentile on the axis without → with the wish (popularity: mean MovieLens rating count)`,
    ...table(served),
  );
  for (const result of served) for (const example of result.examples) lines.push(`    ${example.reference}, ${result.wish}: ${example.wished.join("; ")}`);
  for (const entry of sweeps) lines.push("", `  sweep: direction weight ${entry.weight}`, ...table(entry.results));
  lines.push("", `${seconds.toFixed(1)} s`);
  process.stdout.write(`${lines.join("\n")}\n`);
}
