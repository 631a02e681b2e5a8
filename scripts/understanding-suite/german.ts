/**
 * German requests: genres, decades, years, runtimes, negation, languages and "wie X". The
 * language a request is written in implies nothing about the films' language.
 *
 * Parser authors: do not read this folder while working on lib/language or the offline reasoner.
 */
import { expect } from "./expected";
import { after, atLeast, atMost, before, bound, duration, exactly, form, from, runtimeBound, TITLES, to, YEARS } from "./slots";
import { slotList, template, type Template } from "./suite-types";
import { decadeYears, excluding, genreOf, rendered, runtimePhrase, runtimeSpan, yearPhrase, yearSpan } from "./template-helpers";

/** `plural` ("Horrorfilme"), `singular` in the accusative with its article ("einen Horrorfilm"), `bare` the genre itself. */
export const GERMAN_GENRES = slotList(
  "de-genre",
  [
    form("Horror", "Horrorfilme", "einen Horrorfilm", "Horror"),
    form("Horror", "Gruselfilme", "einen Gruselfilm", "Grusel"),
    form("Comedy", "Komödien", "eine Komödie", "Komödie"),
    form("Thriller", "Thriller", "einen Thriller", "Thriller"),
    form("Drama", "Dramen", "ein Drama", "Drama"),
    form("Romance", "Liebesfilme", "einen Liebesfilm", "Romantik"),
    form("Romance", "Romanzen", "eine Romanze", "Romantik"),
    form("Sci-Fi", "Science-Fiction-Filme", "einen Science-Fiction-Film", "Science-Fiction"),
    form("Sci-Fi", "Sci-Fi-Filme", "einen Sci-Fi-Film", "Sci-Fi"),
    form("Action", "Actionfilme", "einen Actionfilm", "Action"),
    form("Animation", "Animationsfilme", "einen Animationsfilm", "Animation"),
    form("Animation", "Zeichentrickfilme", "einen Zeichentrickfilm", "Zeichentrick"),
    form("War", "Kriegsfilme", "einen Kriegsfilm", "Krieg"),
    form("Western", "Western", "einen Western", "Western"),
    form("Documentary", "Dokumentarfilme", "einen Dokumentarfilm", "Dokus"),
    form("Documentary", "Dokus", "eine Doku", "Dokus"),
    form("Crime", "Krimis", "einen Krimi", "Krimi"),
    form("Fantasy", "Fantasyfilme", "einen Fantasyfilm", "Fantasy"),
    form("Adventure", "Abenteuerfilme", "einen Abenteuerfilm", "Abenteuer"),
    form("Musical", "Musicals", "ein Musical", "Musicals"),
    form("Family", "Kinderfilme", "einen Kinderfilm", "Kinderfilme"),
    form("Family", "Familienfilme", "einen Familienfilm", "Familienfilme"),
    form("Mystery", "Mysteryfilme", "einen Mysteryfilm", "Mystery"),
  ],
  (value) => value.plural,
);

/** The phrase after "aus den": "80ern", "80er Jahren", "Achtzigern", "1980er Jahren". */
export const GERMAN_DECADES = slotList(
  "de-decade",
  [
    ...[1950, 1960, 1970, 1980, 1990].flatMap((decade) => [
      { decade, text: `${decade % 100}ern` },
      { decade, text: `${decade % 100}er Jahren` },
      { decade, text: `${decade}er Jahren` },
    ]),
    { decade: 1950, text: "Fünfzigern" },
    { decade: 1960, text: "Sechzigern" },
    { decade: 1970, text: "Siebzigern" },
    { decade: 1980, text: "Achtzigern" },
    { decade: 1990, text: "Neunzigern" },
    { decade: 2000, text: "2000ern" },
    { decade: 2000, text: "Nullerjahren" },
    { decade: 2010, text: "2010ern" },
  ],
  (value) => value.text,
);

/** Same rule as English: nach/vor/neuer als/älter als exclude the year, seit/ab/bis/nicht vor include it. */
export const GERMAN_YEAR_BOUNDS = slotList(
  "de-year-bound",
  [
    bound("nach", (y) => `nach ${y}`, after, ["post", "released"]),
    bound("vor", (y) => `vor ${y}`, before, ["post", "released"]),
    bound("seit", (y) => `seit ${y}`, from, ["post", "released"]),
    bound("ab", (y) => `ab ${y}`, from, ["post", "released"]),
    bound("bis", (y) => `bis ${y}`, to, ["post", "released"]),
    bound("nicht-vor", (y) => `nicht vor ${y}`, from, ["released"]),
    bound("nicht-nach", (y) => `nicht nach ${y}`, to, ["released"]),
    bound("aus-dem-jahr", (y) => `aus dem Jahr ${y}`, exactly, ["post"]),
    bound("im-jahr", (y) => `im Jahr ${y}`, exactly, ["released"]),
    bound("nicht-aelter-als", (y) => `nicht älter als ${y}`, from, ["post"]),
    bound("neuer-als", (y) => `neuer als ${y}`, after, ["post"]),
    bound("aelter-als", (y) => `älter als ${y}`, before, ["post"]),
  ],
  (value) => value.key,
);

export const GERMAN_YEAR_RANGES = slotList(
  "de-year-range",
  [
    { key: "zwischen", phrase: (a: number, b: number) => `zwischen ${a} und ${b}` },
    { key: "von-bis", phrase: (a: number, b: number) => `von ${a} bis ${b}` },
  ],
  (value) => value.key,
);

export const GERMAN_DURATIONS = slotList(
  "de-duration",
  [
    duration(90, "90 Minuten"),
    duration(100, "100 Minuten"),
    duration(110, "110 Minuten"),
    duration(95, "95 Min."),
    duration(120, "zwei Stunden"),
    duration(120, "2 Stunden"),
    duration(90, "anderthalb Stunden"),
    duration(90, "eineinhalb Stunden"),
    duration(105, "1h45"),
    duration(150, "zweieinhalb Stunden"),
    duration(180, "drei Stunden"),
    duration(135, "2h15"),
  ],
  (value) => value.text,
);

/** Same rule as English: a runtime bound includes the number stated. All fit after a noun and before "dauern". */
export const GERMAN_RUNTIME_BOUNDS = slotList(
  "de-runtime-bound",
  [
    runtimeBound("unter", (d) => `unter ${d}`, atMost),
    runtimeBound("ueber", (d) => `über ${d}`, atLeast),
    runtimeBound("kuerzer-als", (d) => `kürzer als ${d}`, atMost),
    runtimeBound("laenger-als", (d) => `länger als ${d}`, atLeast),
    runtimeBound("hoechstens", (d) => `höchstens ${d}`, atMost),
    runtimeBound("mindestens", (d) => `mindestens ${d}`, atLeast),
    runtimeBound("maximal", (d) => `maximal ${d}`, atMost),
    runtimeBound("weniger-als", (d) => `weniger als ${d}`, atMost),
    runtimeBound("mehr-als", (d) => `mehr als ${d}`, atLeast),
    runtimeBound("nicht-laenger-als", (d) => `nicht länger als ${d}`, atMost),
  ],
  (value) => value.key,
);

/** Language name and the plural adjective ("französische Filme"). */
export const GERMAN_LANGUAGES = slotList(
  "de-language",
  [
    { code: "fr", noun: "Französisch", plural: "französische" },
    { code: "ja", noun: "Japanisch", plural: "japanische" },
    { code: "ko", noun: "Koreanisch", plural: "koreanische" },
    { code: "it", noun: "Italienisch", plural: "italienische" },
    { code: "es", noun: "Spanisch", plural: "spanische" },
    { code: "en", noun: "Englisch", plural: "englische" },
    { code: "de", noun: "Deutsch", plural: "deutsche" },
    { code: "ru", noun: "Russisch", plural: "russische" },
    { code: "da", noun: "Dänisch", plural: "dänische" },
    { code: "sv", noun: "Schwedisch", plural: "schwedische" },
  ],
  (value) => value.code,
);

const G = { g: GERMAN_GENRES };
const NEG = { a: GERMAN_GENRES, b: GERMAN_GENRES };
const GD = { g: GERMAN_GENRES, d: GERMAN_DECADES };
const GY = { g: GERMAN_GENRES, b: GERMAN_YEAR_BOUNDS, y: YEARS };
const GR = { g: GERMAN_GENRES, b: GERMAN_RUNTIME_BOUNDS, d: GERMAN_DURATIONS };
const GL = { g: GERMAN_GENRES, l: GERMAN_LANGUAGES };

export const GERMAN_TEMPLATES: readonly Template[] = [
  template("german", "ich-suche", G, ({ g }) => rendered(`ich suche ${g.singular}`, genreOf(g))),
  template("german", "empfehlen", G, ({ g }) => rendered(`kannst du mir ${g.singular} empfehlen?`, genreOf(g))),
  template("german", "danke", G, ({ g }) => rendered(`ein paar gute ${g.plural}, danke`, genreOf(g))),
  template("german", "aus-den", GD, ({ g, d }) => rendered(`${g.plural} aus den ${d.text}`, genreOf(g), decadeYears(d))),
  template("german", "singular-aus-den", GD, ({ g, d }) => rendered(`ich suche ${g.singular} aus den ${d.text}`, genreOf(g), decadeYears(d))),
  template("german", "etwas-aus-den", { d: GERMAN_DECADES }, ({ d }) => rendered(`etwas aus den ${d.text}`, decadeYears(d))),
  template("german", "jahr-grenze", GY, ({ g, b, y }) => yearPhrase(b, y, "post", g, `${g.plural} ${b.phrase(y)}`)),
  template("german", "erschienen", GY, ({ g, b, y }) => yearPhrase(b, y, "released", g, `${g.plural}, die ${b.phrase(y)} erschienen sind`)),
  template("german", "zwischen-jahren", { g: GERMAN_GENRES, r: GERMAN_YEAR_RANGES, first: YEARS, last: YEARS }, ({ g, r, first, last }) => yearSpan(first, last, g, `${g.plural} ${r.phrase(first, last)}`)),
  template("german", "laufzeit", GR, ({ g, b, d }) => runtimePhrase(b, d.minutes, "post", g, `${g.plural} ${b.phrase(d.text)}`)),
  template("german", "die-dauern", GR, ({ g, b, d }) => runtimePhrase(b, d.minutes, "runs", g, `${g.plural}, die ${b.phrase(d.text)} dauern`)),
  template("german", "singular-laufzeit", GR, ({ g, b, d }) => runtimePhrase(b, d.minutes, "post", g, `ich suche ${g.singular} ${b.phrase(d.text)}`)),
  template("german", "zwischen-dauern", { g: GERMAN_GENRES, shorter: GERMAN_DURATIONS, longer: GERMAN_DURATIONS }, ({ g, shorter, longer }) =>
    runtimeSpan(shorter.minutes, longer.minutes, g, `${g.plural}, die zwischen ${shorter.text} und ${longer.text} dauern`),
  ),
  template("german", "ohne", NEG, ({ a, b }) => excluding(a, b, `${a.plural} ohne ${b.bare}`)),
  template("german", "die-keine-sind", NEG, ({ a, b }) => excluding(a, b, `${a.plural}, die keine ${b.plural} sind`)),
  template("german", "aber-nichts-mit", NEG, ({ a, b }) => excluding(a, b, `${a.plural}, aber nichts mit ${b.bare}`)),
  template("german", "aber-bloss-keine", NEG, ({ a, b }) => excluding(a, b, `${a.plural}, aber bloß keine ${b.plural}`)),
  template("german", "bitte-keine", { b: GERMAN_GENRES }, ({ b }) => rendered(`bitte keine ${b.plural}`, expect.notGenre(b.genre!))),
  template("german", "alles-ausser", { b: GERMAN_GENRES }, ({ b }) => rendered(`alles außer ${b.plural}`, expect.notGenre(b.genre!))),
  template("german", "sprache-filme", { l: GERMAN_LANGUAGES }, ({ l }) => rendered(`${l.plural} Filme`, expect.languages([l.code]))),
  template("german", "sprache-genre", GL, ({ g, l }) => rendered(`${l.plural} ${g.plural}`, genreOf(g), expect.languages([l.code]))),
  template("german", "auf-sprache", GL, ({ g, l }) => rendered(`${g.plural} auf ${l.noun}`, genreOf(g), expect.languages([l.code]))),
  template("german", "nicht-auf", GL, ({ g, l }) => rendered(`${g.plural}, die nicht auf ${l.noun} sind`, genreOf(g), expect.languages([], [l.code]))),
  template("german", "sprache-jahrzehnt", { l: GERMAN_LANGUAGES, d: GERMAN_DECADES }, ({ l, d }) => rendered(`${l.plural} Filme aus den ${d.text}`, expect.languages([l.code]), decadeYears(d))),
  template("german", "wie", { t: TITLES }, ({ t }) => rendered(`Filme wie ${t.text}`, expect.reference(t.itemId, t.title))),
  template("german", "so-etwas-wie", { t: TITLES }, ({ t }) => rendered(`so etwas wie ${t.text}`, expect.reference(t.itemId, t.title))),
  template("german", "wie-aber-aus-den", { t: TITLES, d: GERMAN_DECADES }, ({ t, d }) => rendered(`etwas wie ${t.text}, aber aus den ${d.text}`, expect.reference(t.itemId, t.title), decadeYears(d))),
];
