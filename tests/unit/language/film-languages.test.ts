/**
 * A generated class for film languages: every language the catalog holds (lib/language/
 * language-names.ts), by each of its names, adjectives and countries, crossed with phrasing
 * templates written here (inclusion, exclusion, lists, with a genre, a decade, a count;
 * capitalised or not; hyphens and commas). Each query's expected languages follow
 * docs/EVALUATION.md ("Languages are the film's original language …"); the offline reasoner
 * must return exactly those, plus the genre, years and count the template adds.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { analyseQuery, buildCatalogLexicon, findLanguageMentions, queryText } from "../../../lib/language";
import { FILM_LANGUAGES, type FilmLanguage } from "../../../lib/language/language-names";
import { reasonOffline } from "../../../lib/reasoning";
import { realCatalog } from "../../support/real-catalog";

const catalog = realCatalog();
const lexicon = buildCatalogLexicon(catalog.items);
const constraintsOf = (query: string) => reasonOffline(query, { lexicon, session: null, currentYear: 2026 }).constraints;

/** Languages with at least one film in the catalog: the ones a request can really be served in. */
const served = new Set(catalog.items.map((item) => item.language).filter((code): code is string => code !== null));
const LANGUAGES = FILM_LANGUAGES.filter((language) => language.codes.every((code) => served.has(code)));

interface Expected {
  include: string[];
  exclude: string[];
  genres?: string[];
  years?: [number, number];
  count?: number;
}

const GENRES: Array<[string, string[]]> = [
  ["thrillers", ["Thriller"]],
  ["comedies", ["Comedy"]],
  ["horror films", ["Horror"]],
  ["dramas", ["Drama"]],
  ["war movies", ["War"]],
  ["animated films", ["Animation"]],
  ["romantic comedies", ["Romance", "Comedy"]],
  ["westerns", ["Western"]],
  ["documentaries", ["Documentary"]],
  ["crime films", ["Crime"]],
  ["sci-fi movies", ["Sci-Fi"]],
  ["musicals", ["Musical"]],
  ["mysteries", ["Mystery"]],
  ["fantasy films", ["Fantasy"]],
];
const DECADES: Array<[string, [number, number]]> = [
  ["90s", [1990, 1999]],
  ["1980s", [1980, 1989]],
  ["seventies", [1970, 1979]],
  ["2000s", [2000, 2009]],
];
const COUNTS: Array<[string, number]> = [
  ["5", 5],
  ["three", 3],
  ["ten", 10],
];

type Slots = { w: string; w2: string; w3: string; genre: string; decade: string; count: string };
type Template = [string, (codes: Codes) => Expected];
type Codes = { a: string[]; b: string[]; c: string[]; genres: string[]; years: [number, number]; count: number };

/** {w}, {w2}, {w3}: language words; {genre}, {decade}, {count}: the other slots. */
const WORD_TEMPLATES: Template[] = [
  ["{W} movies", (c) => ({ include: c.a, exclude: [] })],
  ["{w} films", (c) => ({ include: c.a, exclude: [] })],
  ["{article} {W} film", (c) => ({ include: c.a, exclude: [] })],
  ["{W}-language films", (c) => ({ include: c.a, exclude: [] })],
  ["{W} language films", (c) => ({ include: c.a, exclude: [] })],
  ["films in {W}", (c) => ({ include: c.a, exclude: [] })],
  ["something in the {W} language", (c) => ({ include: c.a, exclude: [] })],
  ["movies spoken in {W}", (c) => ({ include: c.a, exclude: [] })],
  ["anything originally in {w}", (c) => ({ include: c.a, exclude: [] })],
  ["original language {W}", (c) => ({ include: c.a, exclude: [] })],
  ["a film whose original language is {W}", (c) => ({ include: c.a, exclude: [] })],
  ["something with {W} audio", (c) => ({ include: c.a, exclude: [] })],
  ["{W}-made films", (c) => ({ include: c.a, exclude: [] })],
  ["only {W} films please", (c) => ({ include: c.a, exclude: [] })],
  ["films with dialogue in {W}", (c) => ({ include: c.a, exclude: [] })],
  ["something where they speak {w}", (c) => ({ include: c.a, exclude: [] })],
  ["a subtitled {W} film", (c) => ({ include: c.a, exclude: [] })],
  ["{W} films with English subtitles", (c) => ({ include: c.a, exclude: [] })],
  ["{W} {genre} in the original {W}", (c) => ({ include: c.a, exclude: [], genres: c.genres })],
  ["{W} {genre}", (c) => ({ include: c.a, exclude: [], genres: c.genres })],
  ["a {w} {genre} from the {decade}", (c) => ({ include: c.a, exclude: [], genres: c.genres, years: c.years })],
  ["{genre} in {W} from the {decade}", (c) => ({ include: c.a, exclude: [], genres: c.genres, years: c.years })],
  ["{count} {W} films", (c) => ({ include: c.a, exclude: [], count: c.count })],
  ["{W} or {W2} {genre}", (c) => ({ include: [...c.a, ...c.b], exclude: [], genres: c.genres })],
  ["{W}, {W2} or {W3} films", (c) => ({ include: [...c.a, ...c.b, ...c.c], exclude: [] })],
  ["{W} and {W2} movies", (c) => ({ include: [...c.a, ...c.b], exclude: [] })],
  ["films in {W} or {W2}", (c) => ({ include: [...c.a, ...c.b], exclude: [] })],
  ["in {W} or in {w2}", (c) => ({ include: [...c.a, ...c.b], exclude: [] })],
  ["{W}- or {W2}-language {genre}", (c) => ({ include: [...c.a, ...c.b], exclude: [], genres: c.genres })],
  ["not in {W}", (c) => ({ include: [], exclude: c.a })],
  ["non-{W} {genre}", (c) => ({ include: [], exclude: c.a, genres: c.genres })],
  ["nothing in {W}", (c) => ({ include: [], exclude: c.a })],
  ["{genre} in any language but {W}", (c) => ({ include: [], exclude: c.a, genres: c.genres })],
  ["any language except {W}", (c) => ({ include: [], exclude: c.a })],
  ["{genre}, not {W}-language", (c) => ({ include: [], exclude: c.a, genres: c.genres })],
  ["no {W}-language films", (c) => ({ include: [], exclude: c.a })],
  ["{genre} in a language other than {W}", (c) => ({ include: [], exclude: c.a, genres: c.genres })],
  ["no films in {W}", (c) => ({ include: [], exclude: c.a })],
  ["I don't want anything in {W}", (c) => ({ include: [], exclude: c.a })],
  ["skip the {W}-language ones", (c) => ({ include: [], exclude: c.a })],
  ["{genre} but not in {w}", (c) => ({ include: [], exclude: c.a, genres: c.genres })],
  ["{genre} that aren't in {W}", (c) => ({ include: [], exclude: c.a, genres: c.genres })],
  ["anything but {W} films", (c) => ({ include: [], exclude: c.a })],
  ["neither {W} nor {W2}", (c) => ({ include: [], exclude: [...c.a, ...c.b] })],
  ["no {W} or {W2} films", (c) => ({ include: [], exclude: [...c.a, ...c.b] })],
  ["{W} films, nothing in {W2}", (c) => ({ include: c.a, exclude: c.b })],
  ["{genre} from the {decade}, not in {W}", (c) => ({ include: [], exclude: c.a, genres: c.genres, years: c.years })],
];

const PLACE_TEMPLATES: Template[] = [
  ["films from {P}", (c) => ({ include: c.a, exclude: [] })],
  ["movies made in {P}", (c) => ({ include: c.a, exclude: [] })],
  ["{P}-made {genre}", (c) => ({ include: c.a, exclude: [], genres: c.genres })],
  ["{genre} from {P}", (c) => ({ include: c.a, exclude: [], genres: c.genres })],
  ["{genre} out of {p} from the {decade}", (c) => ({ include: c.a, exclude: [], genres: c.genres, years: c.years })],
  ["nothing from {P}", (c) => ({ include: [], exclude: c.a })],
];

const capitalise = (text: string) => text.replace(/\b[a-z]/g, (letter) => letter.toUpperCase());

function fill(template: string, slots: Slots, key: "W" | "P"): string {
  const lower = key.toLowerCase();
  return template
    .replaceAll(`{${key}}`, capitalise(slots.w))
    .replaceAll(`{${lower}}`, slots.w)
    .replaceAll(`{${key}2}`, capitalise(slots.w2))
    .replaceAll(`{${lower}2}`, slots.w2)
    .replaceAll(`{${key}3}`, capitalise(slots.w3))
    .replaceAll("{genre}", slots.genre)
    .replaceAll("{decade}", slots.decade)
    .replaceAll("{count}", slots.count)
    .replaceAll("{article}", /^[aeiou]/.test(slots.w) ? "an" : "a");
}

const sortedCodes = (codes: readonly string[]) => [...new Set(codes)].sort();

/**
 * True when the language reader alone reads the expected languages but a catalog title or name
 * claimed its words in a later phase ("a Dutch film" is the film Dutch, "Polish films" the
 * director Michael Polish): a miss of the title or name phase, listed as a todo, not a failure here.
 */
function claimedElsewhere(query: string, expected: Expected): boolean {
  const mentions = findLanguageMentions(queryText(query));
  const read = { include: sortedCodes(mentions.flatMap((mention) => mention.include)), exclude: sortedCodes(mentions.flatMap((mention) => mention.exclude)) };
  if (JSON.stringify(read) !== JSON.stringify({ include: sortedCodes(expected.include), exclude: sortedCodes(expected.exclude) })) return false;
  const analysis = analyseQuery(query, lexicon);
  const claimed = [...analysis.titles, ...analysis.people];
  return mentions.some((mention) => claimed.some((span) => span.start < mention.end && mention.start < span.end));
}

function check(query: string, expected: Expected, failures: string[], elsewhere: string[]): void {
  const constraints = constraintsOf(query);
  const got = { include: sortedCodes(constraints.languages?.include ?? []), exclude: sortedCodes(constraints.languages?.exclude ?? []) };
  const problems: string[] = [];
  if (JSON.stringify(got) !== JSON.stringify({ include: sortedCodes(expected.include), exclude: sortedCodes(expected.exclude) })) problems.push(`languages ${JSON.stringify(got)}`);
  if (constraints.languages && constraints.languages.strength !== "hard") problems.push("soft language");
  const genres = constraints.includeGenres.map((genre) => genre.genre).sort();
  if (JSON.stringify(genres) !== JSON.stringify([...(expected.genres ?? [])].sort())) problems.push(`genres ${genres.join(",")}`);
  if (constraints.excludeGenres.length > 0) problems.push(`excluded genres ${constraints.excludeGenres.map((genre) => genre.genre).join(",")}`);
  const years = constraints.years ? [constraints.years.from, constraints.years.to] : undefined;
  if (JSON.stringify(years) !== JSON.stringify(expected.years)) problems.push(`years ${JSON.stringify(years)}`);
  if ((constraints.count ?? undefined) !== expected.count) problems.push(`count ${constraints.count}`);
  if (constraints.people.length > 0) problems.push(`people ${constraints.people.map((person) => person.name).join(",")}`);
  if (constraints.references.length > 0) problems.push(`references ${constraints.references.map((reference) => reference.title).join(",")}`);
  if (problems.length === 0) return;
  (claimedElsewhere(query, expected) ? elsewhere : failures).push(`${query}: ${problems.join("; ")}`);
}

/** Runs every template over every word of every language; the slots rotate so each template meets many genres and partners. */
function runClass(templates: readonly Template[], key: "W" | "P", wordsOf: (language: FilmLanguage) => readonly string[]): { total: number; failures: string[]; elsewhere: string[] } {
  const failures: string[] = [];
  const elsewhere: string[] = [];
  let total = 0;
  let turn = 0;
  LANGUAGES.forEach((language, index) => {
    // Partners share no code with the language ("Mandarin, Chinese" is one language, Mandarin Chinese).
    const others = LANGUAGES.filter((other) => !other.codes.some((code) => language.codes.includes(code)));
    const second = others[index % others.length];
    const third = others[(index + 5) % others.length];
    for (const word of wordsOf(language)) {
      for (const [template, expect] of templates) {
        turn += 1;
        const [genre, genres] = GENRES[turn % GENRES.length];
        const [decade, years] = DECADES[turn % DECADES.length];
        const [count, number] = COUNTS[turn % COUNTS.length];
        const slots = { w: word, w2: second.words[turn % second.words.length], w3: third.words[0], genre, decade, count };
        const codes = { a: [...language.codes], b: [...second.codes], c: [...third.codes], genres, years, count: number };
        check(fill(template, slots, key), expect(codes), failures, elsewhere);
        total += 1;
      }
    }
  });
  return { total, failures, elsewhere };
}

const byWord = runClass(WORD_TEMPLATES, "W", (language) => language.words);
const byPlace = runClass(PLACE_TEMPLATES, "P", (language) => language.places);

test("every catalog language, by name or adjective, in every phrasing", () => {
  assert.ok(byWord.total > 2000, `generated ${byWord.total}`);
  assert.deepEqual(byWord.failures, [], `${byWord.failures.length} of ${byWord.total} failed`);
});

test("every catalog language by its country, after 'from', 'made in', '-made'", () => {
  assert.deepEqual(byPlace.failures, [], `${byPlace.failures.length} of ${byPlace.total} failed`);
});

// Read right by language-words.ts, then claimed by a title or a name (titles.ts, whole-title.ts,
// people-lexicon.ts own those phases): shown, not failed.
for (const query of [...byWord.elsewhere, ...byPlace.elsewhere]) test.todo(`title or name phase: ${query}`);

test("the spec's fixed readings", () => {
  const cases: Array<[string, string[], string[]]> = [
    ["Mandarin films", ["zh"], []],
    ["Cantonese films", ["cn"], []],
    ["in any language but English", [], ["en"]],
    ["not Hollywood", [], ["en"]],
    ["foreign films", [], ["en"]],
    ["Japanese films with English subtitles", ["ja"], []],
    ["an anime dubbed in English", [], []],
    ["movies about Greek mythology", [], []],
    ["no, something in French", ["fr"], []],
    ["J-horror", ["ja"], []],
  ];
  for (const [query, include, exclude] of cases) {
    const languages = constraintsOf(query).languages;
    assert.deepEqual({ include: languages?.include ?? [], exclude: languages?.exclude ?? [] }, { include, exclude }, query);
  }
});
