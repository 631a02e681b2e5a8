import assert from "node:assert/strict";
import { test } from "node:test";
import { analyseQuery, buildCatalogLexicon } from "../../../lib/language";
import { detectRequestLanguage, toEnglishPhrasing } from "../../../lib/language/foreign-phrases";
import { reasonOffline } from "../../../lib/reasoning";
import { realCatalog } from "../../support/real-catalog";

const lexicon = buildCatalogLexicon(realCatalog().items);
const english = (text: string) => toEnglishPhrasing(text, lexicon.exactTitles);
const constraintsOf = (text: string) => reasonOffline(text, { lexicon, session: null, currentYear: 2026 }).constraints;

test("French phrasing becomes the English phrasing the parser reads", () => {
  const cases: Array<[string, string]> = [
    ["des années 90", "from the 90s"],
    ["films d'horreur", "horror films"],
    ["sans romance", "without romance"],
    ["moins de 90 minutes", "at most 90 minutes"],
    ["après 1992", "after 1992"],
    ["comme Heat", "like Heat"],
    ["des films espagnols", "spanish films"],
    ["un film d'horreur qui dure pas plus de 1h30", "horror film at most 90 minutes"],
    ["un film policier qui dure entre 95 min et 1h45", "crime film between 95 and 105 minutes"],
    ["un film des années quatre-vingt-dix", "film from the 1990s"],
    ["des comédies qui ne sont pas en japonais", "comedies that are not in japanese"],
    ["une comédie musicale, surtout pas d'animation", "musical, no animation"],
    ["comme Trainspotting mais des années 1970", "like Trainspotting but from the 1970s"],
  ];
  for (const [french, expected] of cases) assert.equal(english(french), expected, french);
});

test("Spanish phrasing becomes English phrasing", () => {
  const cases: Array<[string, string]> = [
    ["películas de terror de los años 80", "horror films from the 80s"],
    ["películas alemanas", "german films"],
    ["thrillers de la década de 1960", "thrillers from the 1960s"],
    ["una película de misterio que dure no más de dos horas y media", "mystery film at most 150 minutes"],
    ["películas de ciencia ficción no anteriores a 1955", "sci-fi films no earlier than 1955"],
    ["nada de guerra, solo películas de acción", "no war, just action films"],
    ["películas de miedo que no estén en español", "horror films not in spanish"],
    ["algo como The Matrix pero de los años 80", "something like The Matrix but from the 80s"],
  ];
  for (const [spanish, expected] of cases) assert.equal(english(spanish), expected, spanish);
});

test("German phrasing becomes English phrasing", () => {
  const cases: Array<[string, string]> = [
    ["Komödien aus den 90ern", "comedies from the 90s"],
    ["ohne Horror", "without Horror"],
    ["russische Filme", "russian films"],
    ["Kinderfilme aus den 80er Jahren", "kids films from the 80s"],
    ["Romanzen, die vor 1980 erschienen sind", "romances, before 1980"],
    ["Sci-Fi-Filme, die über 110 Minuten dauern", "sci-fi films, at least 110 minutes"],
    ["Kinderfilme, die nicht auf Schwedisch sind", "kids films, not in swedish"],
    ["Animationsfilme maximal 2h15", "animated films at most 135 minutes"],
    ["etwas aus den Nullerjahren", "something from the 2000s"],
    ["etwas wie Das Boot aber aus den 90ern", "something like Das Boot but from the 90s"],
  ];
  for (const [german, expected] of cases) assert.equal(english(german), expected, german);
});

test("English requests come back byte-identical", () => {
  for (const text of [
    "horror films from the 90s",
    "thrillers that aren't horror",
    "Japanese movies, nothing before 1990",
    "something like Parasite but less violent",
    "movies like La Haine",
    "die hard",
    "La La Land",
    "a comedie under 90 min",
    "movies like Sin City",
    "  two   spaces and   a tab\t",
  ]) {
    assert.equal(english(text), text, text);
    assert.equal(detectRequestLanguage(text, lexicon.exactTitles), null, text);
  }
});

test("titles are never mangled", () => {
  for (const title of ["Le fabuleux destin d'Amélie Poulain", "Das Boot", "La Haine", "Lola rennt", "Frances"]) assert.equal(english(title), title);
  assert.equal(english("des films comme Le Fabuleux destin d'Amélie Poulain"), "films like Le Fabuleux destin d'Amélie Poulain");
  assert.equal(english("quelque chose comme La Haine mais des années 80"), "something like La Haine but from the 80s");
  assert.equal(english("so etwas wie Das Boot"), "something like Das Boot");
  const amelie = constraintsOf("des films comme Le Fabuleux destin d'Amélie Poulain");
  assert.deepEqual(
    amelie.references.map((reference) => reference.title),
    ["Amélie"],
  );
});

test("each language is detected, and the analysis reads the constraints", () => {
  assert.equal(detectRequestLanguage("un film français romantique des années 90", lexicon.exactTitles), "fr");
  assert.equal(detectRequestLanguage("películas de terror", lexicon.exactTitles), "es");
  assert.equal(detectRequestLanguage("Komödien ohne Krieg", lexicon.exactTitles), "de");
  const french = constraintsOf("un film français romantique des années 90");
  assert.deepEqual(french.years && [french.years.from, french.years.to], [1990, 1999]);
  assert.deepEqual(french.languages?.include, ["fr"]);
  assert.deepEqual(
    french.includeGenres.map((genre) => genre.genre),
    ["Romance"],
  );
  const spanish = constraintsOf("películas de acción sin romance");
  assert.deepEqual(
    spanish.includeGenres.map((genre) => genre.genre),
    ["Action"],
  );
  assert.deepEqual(
    spanish.excludeGenres.map((genre) => genre.genre),
    ["Romance"],
  );
  const german = analyseQuery("Gruselfilme, die weniger als 100 Minuten dauern", lexicon);
  assert.equal(german.runtimes[0]?.maxMinutes, 100);
  // The typed request is kept for capitalisation: the English text is what the detectors read.
  assert.equal(german.query.original, "horror films, at most 100 minutes");
});
