/**
 * French requests: genres, decades, years, runtimes, negation, languages and "comme X". The
 * language a request is written in implies nothing about the films' language; only a stated
 * language ("un film japonais", "en anglais") does.
 *
 * Parser authors: do not read this folder while working on lib/language or the offline reasoner.
 */
import { expect } from "./expected";
import { after, atLeast, atMost, before, bound, duration, exactly, feminineForm, form, from, runtimeBound, TITLES, to, YEARS, type GenreForm } from "./slots";
import { slotList, template, type Template } from "./suite-types";
import { decadeYears, excluding, genreOf, rendered, runtimePhrase, runtimeSpan, yearPhrase, yearSpan } from "./template-helpers";

/** `plural` without article ("films d'horreur"), `singular` with one, `bare` the genre itself ("horreur"). */
export const FRENCH_GENRES = slotList(
  "fr-genre",
  [
    form("Horror", "films d'horreur", "un film d'horreur", "horreur"),
    form("Horror", "films d'épouvante", "un film d'épouvante", "épouvante"),
    feminineForm("Comedy", "comédies", "une comédie", "comédie"),
    form("Comedy", "films comiques", "un film comique", "comédie"),
    form("Thriller", "thrillers", "un thriller", "thriller"),
    form("Thriller", "films à suspense", "un film à suspense", "suspense"),
    form("Drama", "drames", "un drame", "drame"),
    form("Drama", "films dramatiques", "un film dramatique", "drame"),
    form("Romance", "films romantiques", "un film romantique", "romance"),
    form("Romance", "films d'amour", "un film d'amour", "romance"),
    form("Sci-Fi", "films de science-fiction", "un film de science-fiction", "science-fiction"),
    form("Sci-Fi", "films de SF", "un film de SF", "SF"),
    form("Action", "films d'action", "un film d'action", "action"),
    form("Animation", "films d'animation", "un film d'animation", "animation"),
    form("Animation", "dessins animés", "un dessin animé", "dessins animés"),
    form("War", "films de guerre", "un film de guerre", "guerre"),
    form("Western", "westerns", "un western", "western"),
    form("Documentary", "documentaires", "un documentaire", "documentaires"),
    form("Crime", "films policiers", "un film policier", "policier"),
    form("Fantasy", "films fantastiques", "un film fantastique", "fantastique"),
    form("Adventure", "films d'aventure", "un film d'aventure", "aventure"),
    feminineForm("Musical", "comédies musicales", "une comédie musicale", "comédies musicales"),
    form("Family", "films pour enfants", "un film pour enfants", "films pour enfants"),
    form("Family", "films familiaux", "un film familial", "films familiaux"),
  ],
  (value) => value.plural,
);

/** "des années 80", "des années 1980", "des années quatre-vingt". */
export const FRENCH_DECADES = slotList(
  "fr-decade",
  [
    ...[1950, 1960, 1970, 1980, 1990].flatMap((decade) => [
      { decade, text: `années ${decade % 100}` },
      { decade, text: `années ${decade}` },
    ]),
    { decade: 1950, text: "années cinquante" },
    { decade: 1960, text: "années soixante" },
    { decade: 1970, text: "années soixante-dix" },
    { decade: 1980, text: "années quatre-vingt" },
    { decade: 1990, text: "années quatre-vingt-dix" },
    { decade: 2000, text: "années 2000" },
    { decade: 2010, text: "années 2010" },
  ],
  (value) => value.text,
);

/** Same rule as English: après/avant exclude the year, depuis/à partir de/jusqu'en include it. */
export const FRENCH_YEAR_BOUNDS = slotList(
  "fr-year-bound",
  [
    bound("apres", (y) => `après ${y}`, after, ["post", "released"]),
    bound("avant", (y) => `avant ${y}`, before, ["post", "released"]),
    bound("depuis", (y) => `depuis ${y}`, from, ["post", "released"]),
    bound("a-partir-de", (y) => `à partir de ${y}`, from, ["post", "released"]),
    bound("pas-avant", (y) => `pas avant ${y}`, from, ["post", "released"]),
    bound("jusqu-en", (y) => `jusqu'en ${y}`, to, ["post", "released"]),
    bound("jusqu-a", (y) => `jusqu'à ${y}`, to, ["post"]),
    bound("pas-apres", (y) => `pas après ${y}`, to, ["post", "released"]),
    bound("en", (y) => `en ${y}`, exactly, ["released"]),
    bound("de", (y) => `de ${y}`, exactly, ["post"]),
    bound("posterieurs", (y) => `postérieurs à ${y}`, after, ["post"]),
    bound("anterieurs", (y) => `antérieurs à ${y}`, before, ["post"]),
  ],
  (value) => value.key,
);

export const FRENCH_YEAR_RANGES = slotList(
  "fr-year-range",
  [
    { key: "entre", phrase: (a: number, b: number) => `entre ${a} et ${b}` },
    { key: "de-a", phrase: (a: number, b: number) => `de ${a} à ${b}` },
    { key: "depuis-jusqu", phrase: (a: number, b: number) => `depuis ${a} jusqu'en ${b}` },
  ],
  (value) => value.key,
);

export const FRENCH_DURATIONS = slotList(
  "fr-duration",
  [
    duration(90, "90 minutes"),
    duration(100, "100 minutes"),
    duration(110, "110 minutes"),
    duration(95, "95 min"),
    duration(120, "deux heures"),
    duration(120, "2 heures"),
    duration(90, "une heure et demie"),
    duration(90, "1h30"),
    duration(105, "1h45"),
    duration(150, "deux heures et demie"),
    duration(180, "trois heures"),
    duration(135, "2h15"),
  ],
  (value) => value.text,
);

/** Same rule as English: a runtime bound includes the number stated. "runs": after "qui dure". */
export const FRENCH_RUNTIME_BOUNDS = slotList(
  "fr-runtime-bound",
  [
    runtimeBound("de-moins-de", (d) => `de moins de ${d}`, atMost, ["post"]),
    runtimeBound("de-plus-de", (d) => `de plus de ${d}`, atLeast, ["post"]),
    runtimeBound("d-au-moins", (d) => `d'au moins ${d}`, atLeast, ["post"]),
    runtimeBound("d-au-plus", (d) => `d'au plus ${d}`, atMost, ["post"]),
    runtimeBound("maximum", (d) => `de ${d} maximum`, atMost, ["post"]),
    runtimeBound("minimum", (d) => `de ${d} minimum`, atLeast, ["post"]),
    runtimeBound("moins-de", (d) => `moins de ${d}`, atMost, ["runs"]),
    runtimeBound("plus-de", (d) => `plus de ${d}`, atLeast, ["runs"]),
    runtimeBound("au-moins", (d) => `au moins ${d}`, atLeast, ["runs"]),
    runtimeBound("pas-plus-de", (d) => `pas plus de ${d}`, atMost, ["runs"]),
  ],
  (value) => value.key,
);

/** `adjective`: masculine singular and plural are the same here ("français", "japonais") or given. */
export const FRENCH_LANGUAGES = slotList(
  "fr-language",
  [
    { code: "fr", noun: "français", singular: "français", plural: "français" },
    { code: "ja", noun: "japonais", singular: "japonais", plural: "japonais" },
    { code: "ko", noun: "coréen", singular: "coréen", plural: "coréens" },
    { code: "it", noun: "italien", singular: "italien", plural: "italiens" },
    { code: "de", noun: "allemand", singular: "allemand", plural: "allemands" },
    { code: "es", noun: "espagnol", singular: "espagnol", plural: "espagnols" },
    { code: "en", noun: "anglais", singular: "anglais", plural: "anglais" },
    { code: "ru", noun: "russe", singular: "russe", plural: "russes" },
  ],
  (value) => value.code,
);

/** "de romance", "d'horreur": the elided "de" before a vowel or a mute h. */
export function deBefore(word: string): string {
  return /^[aeiouyéèêh]/i.test(word) ? `d'${word}` : `de ${word}`;
}
const released = (g: GenreForm, plural: boolean) => (plural ? (g.feminine ? "sorties" : "sortis") : g.feminine ? "sortie" : "sorti");

const G = { g: FRENCH_GENRES };
const NEG = { a: FRENCH_GENRES, b: FRENCH_GENRES };
const GD = { g: FRENCH_GENRES, d: FRENCH_DECADES };
const GY = { g: FRENCH_GENRES, b: FRENCH_YEAR_BOUNDS, y: YEARS };
const GR = { g: FRENCH_GENRES, b: FRENCH_RUNTIME_BOUNDS, d: FRENCH_DURATIONS };
const GL = { g: FRENCH_GENRES, l: FRENCH_LANGUAGES };

export const FRENCH_TEMPLATES: readonly Template[] = [
  template("french", "je-cherche", G, ({ g }) => rendered(`je cherche ${g.singular}`, genreOf(g))),
  template("french", "conseiller", G, ({ g }) => rendered(`tu peux me conseiller des ${g.plural} ?`, genreOf(g))),
  template("french", "poli", G, ({ g }) => rendered(`bonjour, je voudrais ${g.singular} s'il vous plaît`, genreOf(g))),
  template("french", "des-annees", GD, ({ g, d }) => rendered(`des ${g.plural} des ${d.text}`, genreOf(g), decadeYears(d))),
  template("french", "singulier-des-annees", GD, ({ g, d }) => rendered(`${g.singular} des ${d.text}`, genreOf(g), decadeYears(d))),
  template("french", "un-film-des-annees", { d: FRENCH_DECADES }, ({ d }) => rendered(`un film des ${d.text}`, decadeYears(d))),
  template("french", "annee-borne", GY, ({ g, b, y }) => yearPhrase(b, y, "post", g, `des ${g.plural} ${b.phrase(y)}`)),
  template("french", "sorti", GY, ({ g, b, y }) => yearPhrase(b, y, "released", g, `${g.singular} ${released(g, false)} ${b.phrase(y)}`)),
  template("french", "sortis-pluriel", GY, ({ g, b, y }) => yearPhrase(b, y, "released", g, `des ${g.plural} ${released(g, true)} ${b.phrase(y)}`)),
  template("french", "entre-annees", { g: FRENCH_GENRES, r: FRENCH_YEAR_RANGES, first: YEARS, last: YEARS }, ({ g, r, first, last }) => yearSpan(first, last, g, `des ${g.plural} ${r.phrase(first, last)}`)),
  template("french", "duree", GR, ({ g, b, d }) => runtimePhrase(b, d.minutes, "post", g, `${g.singular} ${b.phrase(d.text)}`)),
  template("french", "duree-pluriel", GR, ({ g, b, d }) => runtimePhrase(b, d.minutes, "post", g, `des ${g.plural} ${b.phrase(d.text)}`)),
  template("french", "qui-dure", GR, ({ g, b, d }) => runtimePhrase(b, d.minutes, "runs", g, `${g.singular} qui dure ${b.phrase(d.text)}`)),
  template("french", "entre-durees", { g: FRENCH_GENRES, shorter: FRENCH_DURATIONS, longer: FRENCH_DURATIONS }, ({ g, shorter, longer }) =>
    runtimeSpan(shorter.minutes, longer.minutes, g, `${g.singular} qui dure entre ${shorter.text} et ${longer.text}`),
  ),
  template("french", "sans", NEG, ({ a, b }) => excluding(a, b, `des ${a.plural} sans ${b.bare}`)),
  template("french", "qui-n-est-pas", NEG, ({ a, b }) => excluding(a, b, `${a.singular} qui n'est pas ${b.singular}`)),
  template("french", "qui-ne-sont-pas", NEG, ({ a, b }) => excluding(a, b, `des ${a.plural} qui ne sont pas des ${b.plural}`)),
  template("french", "mais-pas-de", NEG, ({ a, b }) => excluding(a, b, `des ${a.plural}, mais pas ${deBefore(b.bare)}`)),
  template("french", "surtout-pas", NEG, ({ a, b }) => excluding(a, b, `${a.singular}, surtout pas ${deBefore(b.bare)}`)),
  template("french", "tout-sauf", { b: FRENCH_GENRES }, ({ b }) => rendered(`tout sauf des ${b.plural}`, expect.notGenre(b.genre!))),
  template("french", "films-langue", { l: FRENCH_LANGUAGES }, ({ l }) => rendered(`des films ${l.plural}`, expect.languages([l.code]))),
  template("french", "un-film-langue", { l: FRENCH_LANGUAGES }, ({ l }) => rendered(`un film ${l.singular}`, expect.languages([l.code]))),
  template("french", "en-langue", GL, ({ g, l }) => rendered(`des ${g.plural} en ${l.noun}`, genreOf(g), expect.languages([l.code]))),
  template("french", "pas-en-langue", GL, ({ g, l }) => rendered(`des ${g.plural} qui ne sont pas en ${l.noun}`, genreOf(g), expect.languages([], [l.code]))),
  template("french", "langue-annees", { l: FRENCH_LANGUAGES, d: FRENCH_DECADES }, ({ l, d }) => rendered(`un film ${l.singular} des ${d.text}`, expect.languages([l.code]), decadeYears(d))),
  template("french", "comme", { t: TITLES }, ({ t }) => rendered(`des films comme ${t.text}`, expect.reference(t.itemId, t.title))),
  template("french", "quelque-chose-comme", { t: TITLES }, ({ t }) => rendered(`quelque chose comme ${t.text}`, expect.reference(t.itemId, t.title))),
  template("french", "comme-mais-annees", { t: TITLES, d: FRENCH_DECADES }, ({ t, d }) => rendered(`comme ${t.text} mais des ${d.text}`, expect.reference(t.itemId, t.title), decadeYears(d))),
];
