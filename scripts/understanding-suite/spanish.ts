/**
 * Spanish requests: genres, decades, years, runtimes, negation, languages and "como X". The
 * language a request is written in implies nothing about the films' language.
 *
 * Parser authors: do not read this folder while working on lib/language or the offline reasoner.
 */
import { expect } from "./expected";
import { after, atLeast, atMost, before, bound, duration, exactly, feminineForm, form, from, runtimeBound, TITLES, to, YEARS, type GenreForm } from "./slots";
import { slotList, template, type Template } from "./suite-types";
import { decadeYears, excluding, genreOf, rendered, runtimePhrase, runtimeSpan, yearPhrase, yearSpan } from "./template-helpers";

/** `plural` without article ("películas de terror"), `singular` with one, `bare` the genre itself. */
export const SPANISH_GENRES = slotList(
  "es-genre",
  [
    feminineForm("Horror", "películas de terror", "una película de terror", "terror"),
    feminineForm("Horror", "películas de miedo", "una película de miedo", "terror"),
    feminineForm("Comedy", "comedias", "una comedia", "comedia"),
    form("Thriller", "thrillers", "un thriller", "thriller"),
    feminineForm("Thriller", "películas de suspenso", "una película de suspenso", "suspenso"),
    form("Drama", "dramas", "un drama", "drama"),
    feminineForm("Romance", "películas románticas", "una película romántica", "romance"),
    feminineForm("Sci-Fi", "películas de ciencia ficción", "una película de ciencia ficción", "ciencia ficción"),
    feminineForm("Action", "películas de acción", "una película de acción", "acción"),
    feminineForm("Animation", "películas animadas", "una película animada", "animación"),
    feminineForm("Animation", "películas de animación", "una película de animación", "animación"),
    feminineForm("War", "películas de guerra", "una película de guerra", "guerra"),
    feminineForm("War", "películas bélicas", "una película bélica", "guerra"),
    form("Western", "westerns", "un western", "westerns"),
    feminineForm("Western", "películas del oeste", "una película del oeste", "westerns"),
    form("Documentary", "documentales", "un documental", "documentales"),
    feminineForm("Crime", "películas policíacas", "una película policíaca", "crimen"),
    feminineForm("Fantasy", "películas de fantasía", "una película de fantasía", "fantasía"),
    feminineForm("Adventure", "películas de aventuras", "una película de aventuras", "aventuras"),
    form("Musical", "musicales", "un musical", "musicales"),
    feminineForm("Family", "películas infantiles", "una película infantil", "películas infantiles"),
    feminineForm("Mystery", "películas de misterio", "una película de misterio", "misterio"),
  ],
  (value) => value.plural,
);

/** The whole phrase after the noun: "de los 80", "de los años 80", "de los ochenta", "de la década de 1990". */
export const SPANISH_DECADES = slotList(
  "es-decade",
  [
    ...[1950, 1960, 1970, 1980, 1990].flatMap((decade) => [
      { decade, text: `de los ${decade % 100}` },
      { decade, text: `de los años ${decade % 100}` },
      { decade, text: `de la década de ${decade}` },
    ]),
    { decade: 1950, text: "de los cincuenta" },
    { decade: 1960, text: "de los sesenta" },
    { decade: 1970, text: "de los setenta" },
    { decade: 1980, text: "de los ochenta" },
    { decade: 1990, text: "de los años noventa" },
    { decade: 2000, text: "de los 2000" },
    { decade: 2010, text: "de la década de 2010" },
  ],
  (value) => value.text,
);

/** Same rule as English: después de/antes de exclude the year, desde/a partir de/hasta include it. */
export const SPANISH_YEAR_BOUNDS = slotList(
  "es-year-bound",
  [
    bound("despues-de", (y) => `después de ${y}`, after, ["post", "released"]),
    bound("antes-de", (y) => `antes de ${y}`, before, ["post", "released"]),
    bound("desde", (y) => `desde ${y}`, from, ["post", "released"]),
    bound("a-partir-de", (y) => `a partir de ${y}`, from, ["post", "released"]),
    bound("hasta", (y) => `hasta ${y}`, to, ["post", "released"]),
    bound("no-antes-de", (y) => `no antes de ${y}`, from, ["released"]),
    bound("no-despues-de", (y) => `no después de ${y}`, to, ["released"]),
    bound("de", (y) => `de ${y}`, exactly, ["post"]),
    bound("del-ano", (y) => `del año ${y}`, exactly, ["post"]),
    bound("en", (y) => `en ${y}`, exactly, ["released"]),
    bound("posteriores", (y) => `posteriores a ${y}`, after, ["post"]),
    bound("anteriores", (y) => `anteriores a ${y}`, before, ["post"]),
    bound("no-anteriores", (y) => `no anteriores a ${y}`, from, ["post"]),
  ],
  (value) => value.key,
);

export const SPANISH_YEAR_RANGES = slotList(
  "es-year-range",
  [
    { key: "entre", phrase: (a: number, b: number) => `entre ${a} y ${b}` },
    { key: "de-a", phrase: (a: number, b: number) => `de ${a} a ${b}` },
    { key: "desde-hasta", phrase: (a: number, b: number) => `desde ${a} hasta ${b}` },
  ],
  (value) => value.key,
);

export const SPANISH_DURATIONS = slotList(
  "es-duration",
  [
    duration(90, "90 minutos"),
    duration(100, "100 minutos"),
    duration(110, "110 minutos"),
    duration(95, "95 min"),
    duration(120, "dos horas"),
    duration(120, "2 horas"),
    duration(90, "hora y media"),
    duration(90, "una hora y media"),
    duration(105, "1h45"),
    duration(150, "dos horas y media"),
    duration(180, "tres horas"),
    duration(135, "2h15"),
  ],
  (value) => value.text,
);

/** Same rule as English: a runtime bound includes the number stated. "runs": after "que dure". */
export const SPANISH_RUNTIME_BOUNDS = slotList(
  "es-runtime-bound",
  [
    runtimeBound("de-menos-de", (d) => `de menos de ${d}`, atMost, ["post"]),
    runtimeBound("de-mas-de", (d) => `de más de ${d}`, atLeast, ["post"]),
    runtimeBound("de-al-menos", (d) => `de al menos ${d}`, atLeast, ["post"]),
    runtimeBound("como-maximo", (d) => `de ${d} como máximo`, atMost, ["post"]),
    runtimeBound("como-minimo", (d) => `de ${d} como mínimo`, atLeast, ["post"]),
    runtimeBound("de-maximo", (d) => `de máximo ${d}`, atMost, ["post"]),
    runtimeBound("menos-de", (d) => `menos de ${d}`, atMost, ["runs"]),
    runtimeBound("mas-de", (d) => `más de ${d}`, atLeast, ["runs"]),
    runtimeBound("al-menos", (d) => `al menos ${d}`, atLeast, ["runs"]),
    runtimeBound("no-mas-de", (d) => `no más de ${d}`, atMost, ["runs"]),
  ],
  (value) => value.key,
);

/** Language name and the feminine adjective that goes with "película(s)". */
export const SPANISH_LANGUAGES = slotList(
  "es-language",
  [
    { code: "fr", noun: "francés", singular: "francesa", plural: "francesas" },
    { code: "ja", noun: "japonés", singular: "japonesa", plural: "japonesas" },
    { code: "ko", noun: "coreano", singular: "coreana", plural: "coreanas" },
    { code: "it", noun: "italiano", singular: "italiana", plural: "italianas" },
    { code: "de", noun: "alemán", singular: "alemana", plural: "alemanas" },
    { code: "en", noun: "inglés", singular: "inglesa", plural: "inglesas" },
    { code: "es", noun: "español", singular: "española", plural: "españolas" },
    { code: "ru", noun: "ruso", singular: "rusa", plural: "rusas" },
  ],
  (value) => value.code,
);

const released = (g: GenreForm, plural: boolean) => `estrenad${g.feminine ? "a" : "o"}${plural ? "s" : ""}`;

const G = { g: SPANISH_GENRES };
const NEG = { a: SPANISH_GENRES, b: SPANISH_GENRES };
const GD = { g: SPANISH_GENRES, d: SPANISH_DECADES };
const GY = { g: SPANISH_GENRES, b: SPANISH_YEAR_BOUNDS, y: YEARS };
const GR = { g: SPANISH_GENRES, b: SPANISH_RUNTIME_BOUNDS, d: SPANISH_DURATIONS };
const GL = { g: SPANISH_GENRES, l: SPANISH_LANGUAGES };

export const SPANISH_TEMPLATES: readonly Template[] = [
  template("spanish", "busco", G, ({ g }) => rendered(`busco ${g.plural}, por favor`, genreOf(g))),
  template("spanish", "me-recomiendas", G, ({ g }) => rendered(`¿me recomiendas ${g.singular}?`, genreOf(g))),
  template("spanish", "quiero-ver", G, ({ g }) => rendered(`quiero ver ${g.singular}`, genreOf(g))),
  template("spanish", "decada", GD, ({ g, d }) => rendered(`${g.plural} ${d.text}`, genreOf(g), decadeYears(d))),
  template("spanish", "singular-decada", GD, ({ g, d }) => rendered(`${g.singular} ${d.text}`, genreOf(g), decadeYears(d))),
  template("spanish", "algo-decada", { d: SPANISH_DECADES }, ({ d }) => rendered(`algo ${d.text}`, decadeYears(d))),
  template("spanish", "ano-limite", GY, ({ g, b, y }) => yearPhrase(b, y, "post", g, `${g.plural} ${b.phrase(y)}`)),
  template("spanish", "estrenada", GY, ({ g, b, y }) => yearPhrase(b, y, "released", g, `${g.singular} ${released(g, false)} ${b.phrase(y)}`)),
  template("spanish", "estrenadas-plural", GY, ({ g, b, y }) => yearPhrase(b, y, "released", g, `${g.plural} ${released(g, true)} ${b.phrase(y)}`)),
  template("spanish", "entre-anos", { g: SPANISH_GENRES, r: SPANISH_YEAR_RANGES, first: YEARS, last: YEARS }, ({ g, r, first, last }) => yearSpan(first, last, g, `${g.plural} ${r.phrase(first, last)}`)),
  template("spanish", "duracion", GR, ({ g, b, d }) => runtimePhrase(b, d.minutes, "post", g, `${g.singular} ${b.phrase(d.text)}`)),
  template("spanish", "duracion-plural", GR, ({ g, b, d }) => runtimePhrase(b, d.minutes, "post", g, `${g.plural} ${b.phrase(d.text)}`)),
  template("spanish", "que-dure", GR, ({ g, b, d }) => runtimePhrase(b, d.minutes, "runs", g, `${g.singular} que dure ${b.phrase(d.text)}`)),
  template("spanish", "entre-duraciones", { g: SPANISH_GENRES, shorter: SPANISH_DURATIONS, longer: SPANISH_DURATIONS }, ({ g, shorter, longer }) =>
    runtimeSpan(shorter.minutes, longer.minutes, g, `${g.singular} que dure entre ${shorter.text} y ${longer.text}`),
  ),
  template("spanish", "sin", NEG, ({ a, b }) => excluding(a, b, `${a.plural} sin ${b.bare}`)),
  template("spanish", "que-no-sean", NEG, ({ a, b }) => excluding(a, b, `${a.plural} que no sean ${b.plural}`)),
  template("spanish", "que-no-sea", NEG, ({ a, b }) => excluding(a, b, `${a.singular} que no sea ${b.singular}`)),
  template("spanish", "pero-nada-de", NEG, ({ a, b }) => excluding(a, b, `${a.plural}, pero nada de ${b.bare}`)),
  template("spanish", "nada-de-solo", NEG, ({ a, b }) => excluding(a, b, `nada de ${b.bare}, solo ${a.plural}`)),
  template("spanish", "cualquier-cosa-menos", { b: SPANISH_GENRES }, ({ b }) => rendered(`cualquier cosa menos ${b.plural}`, expect.notGenre(b.genre!))),
  template("spanish", "peliculas-idioma", { l: SPANISH_LANGUAGES }, ({ l }) => rendered(`películas ${l.plural}`, expect.languages([l.code]))),
  template("spanish", "una-pelicula-idioma", { l: SPANISH_LANGUAGES }, ({ l }) => rendered(`una película ${l.singular}`, expect.languages([l.code]))),
  template("spanish", "en-idioma", GL, ({ g, l }) => rendered(`${g.plural} en ${l.noun}`, genreOf(g), expect.languages([l.code]))),
  template("spanish", "que-no-esten-en", GL, ({ g, l }) => rendered(`${g.plural} que no estén en ${l.noun}`, genreOf(g), expect.languages([], [l.code]))),
  template("spanish", "idioma-decada", { l: SPANISH_LANGUAGES, d: SPANISH_DECADES }, ({ l, d }) => rendered(`una película ${l.singular} ${d.text}`, expect.languages([l.code]), decadeYears(d))),
  template("spanish", "como", { t: TITLES }, ({ t }) => rendered(`películas como ${t.text}`, expect.reference(t.itemId, t.title))),
  template("spanish", "parecido-a", { t: TITLES }, ({ t }) => rendered(`algo parecido a ${t.text}`, expect.reference(t.itemId, t.title))),
  template("spanish", "como-pero-decada", { t: TITLES, d: SPANISH_DECADES }, ({ t, d }) => rendered(`algo como ${t.text} pero ${d.text}`, expect.reference(t.itemId, t.title), decadeYears(d))),
];
