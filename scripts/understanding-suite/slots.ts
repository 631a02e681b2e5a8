/**
 * English slot values of the paraphrase suite and the semantics each one carries.
 *
 * Written from the constraint schema (lib/reasoning/constraints.ts) and the catalog's genres,
 * languages and credits, never from the parser: the expected answer of a phrase is what a
 * person means by it, decided here once (docs/EVALUATION.md, "Request understanding").
 *
 * Parser authors: do not read this folder while working on lib/language or the offline
 * reasoner; a quarter of these values is the held-out test.
 */
import type { SortOrder } from "../../lib/reasoning/constraints";
import type { RuntimeBounds, YearBounds } from "./expected";
import { slotList, unionList } from "./suite-types";

// ─── Genres ────────────────────────────────────────────────────────────────────────────────

/**
 * One way to name a genre. `plural` ("thrillers") and `singular` ("a thriller") name films of
 * it; `bare` ("horror") names the genre itself after "no", "without any", "minus the";
 * `adjective` ("scary") fits "nothing …". `genre` null: a generic head ("movies") naming none.
 */
export interface GenreForm {
  genre: string | null;
  plural: string;
  singular: string;
  bare: string;
  adjective?: string;
  /** French and Spanish agreement ("une comédie sortie", "comedias estrenadas"). */
  feminine?: boolean;
}

export const form = (genre: string | null, plural: string, singular: string, bare: string, adjective?: string): GenreForm => ({ genre, plural, singular, bare, adjective });
/** A grammatically feminine genre name (French, Spanish). */
export const feminineForm = (genre: string, plural: string, singular: string, bare: string): GenreForm => ({ ...form(genre, plural, singular, bare), feminine: true });

/** Genre names and synonyms; the catalog's IMAX, Foreign and TV Movie are left out (no one asks for them). */
export const GENRE_FORMS = slotList(
  "genre",
  [
    form("Action", "action movies", "an action movie", "action"),
    form("Action", "action films", "an action film", "action"),
    form("Action", "action flicks", "an action flick", "action"),
    form("Adventure", "adventure movies", "an adventure movie", "adventure"),
    form("Adventure", "adventures", "an adventure", "adventure"),
    form("Animation", "animated movies", "an animated movie", "animation", "animated"),
    form("Animation", "animated films", "an animated film", "animation", "animated"),
    form("Animation", "cartoons", "a cartoon", "cartoons", "animated"),
    form("Comedy", "comedies", "a comedy", "comedy", "funny"),
    form("Comedy", "comedy movies", "a comedy movie", "comedy", "funny"),
    form("Comedy", "funny movies", "a funny movie", "comedy", "funny"),
    form("Crime", "crime movies", "a crime movie", "crime"),
    form("Crime", "crime films", "a crime film", "crime"),
    form("Documentary", "documentaries", "a documentary", "documentaries"),
    form("Documentary", "documentary films", "a documentary film", "documentaries"),
    form("Drama", "dramas", "a drama", "drama"),
    form("Drama", "drama films", "a drama film", "drama"),
    form("Family", "family movies", "a family movie", "family movies", "for kids"),
    form("Family", "kids movies", "a kids movie", "kids movies", "for kids"),
    form("Family", "children's films", "a children's film", "children's films", "for kids"),
    form("Fantasy", "fantasy movies", "a fantasy movie", "fantasy"),
    form("Fantasy", "fantasy films", "a fantasy film", "fantasy"),
    form("Film-Noir", "noir films", "a film noir", "film noir"),
    form("Film-Noir", "film noirs", "a noir", "noir"),
    form("History", "historical films", "a historical film", "history"),
    form("History", "history movies", "a history movie", "history"),
    form("Horror", "horror movies", "a horror movie", "horror", "scary"),
    form("Horror", "horror films", "a horror film", "horror", "scary"),
    form("Horror", "scary movies", "a scary movie", "horror", "scary"),
    form("Musical", "musicals", "a musical", "musicals", "musical"),
    form("Musical", "musical films", "a musical film", "musicals", "musical"),
    form("Mystery", "mysteries", "a mystery", "mystery"),
    form("Mystery", "mystery movies", "a mystery movie", "mystery"),
    form("Mystery", "whodunits", "a whodunit", "whodunits"),
    form("Romance", "romance movies", "a romance movie", "romance", "romantic"),
    form("Romance", "romantic films", "a romantic film", "romance", "romantic"),
    form("Romance", "love stories", "a love story", "romance", "romantic"),
    form("Sci-Fi", "sci-fi movies", "a sci-fi movie", "sci-fi"),
    form("Sci-Fi", "science fiction films", "a science fiction film", "science fiction"),
    form("Sci-Fi", "scifi movies", "a scifi movie", "scifi"),
    form("Thriller", "thrillers", "a thriller", "thrillers"),
    form("Thriller", "thriller movies", "a thriller movie", "thrillers"),
    form("War", "war movies", "a war movie", "war"),
    form("War", "war films", "a war film", "war"),
    form("Western", "westerns", "a western", "westerns"),
    form("Western", "cowboy movies", "a cowboy movie", "westerns"),
  ],
  (value) => value.plural,
);

/** Heads that name no genre. */
export const GENERIC_HEADS = slotList("head", [form(null, "movies", "a movie", "movies"), form(null, "films", "a film", "films"), form(null, "pictures", "a picture", "pictures")], (value) => value.plural);

export const GENRE_OR_HEAD = unionList("genre-or-head", GENRE_FORMS, GENERIC_HEADS);

/** Two genres at once ("crime dramas" = Crime and Drama, both required). */
export interface GenrePair {
  genres: [string, string];
  plural: string;
  singular: string;
}
export const GENRE_PAIRS = slotList<GenrePair>(
  "genre-pair",
  [
    { genres: ["Crime", "Drama"], plural: "crime dramas", singular: "a crime drama" },
    { genres: ["Romance", "Comedy"], plural: "romantic comedies", singular: "a romantic comedy" },
    { genres: ["Sci-Fi", "Thriller"], plural: "sci-fi thrillers", singular: "a sci-fi thriller" },
    { genres: ["Action", "Comedy"], plural: "action comedies", singular: "an action comedy" },
    { genres: ["Horror", "Comedy"], plural: "horror comedies", singular: "a horror comedy" },
    { genres: ["War", "Drama"], plural: "war dramas", singular: "a war drama" },
    { genres: ["Fantasy", "Adventure"], plural: "fantasy adventures", singular: "a fantasy adventure" },
    { genres: ["Crime", "Thriller"], plural: "crime thrillers", singular: "a crime thriller" },
    { genres: ["Sci-Fi", "Action"], plural: "sci-fi action movies", singular: "a sci-fi action movie" },
    { genres: ["History", "Drama"], plural: "historical dramas", singular: "a historical drama" },
    { genres: ["Mystery", "Thriller"], plural: "mystery thrillers", singular: "a mystery thriller" },
    { genres: ["Romance", "Drama"], plural: "romantic dramas", singular: "a romantic drama" },
    { genres: ["Animation", "Comedy"], plural: "animated comedies", singular: "an animated comedy" },
    { genres: ["Horror", "Thriller"], plural: "horror thrillers", singular: "a horror thriller" },
    { genres: ["Action", "Thriller"], plural: "action thrillers", singular: "an action thriller" },
    { genres: ["Comedy", "Drama"], plural: "comedy dramas", singular: "a comedy drama" },
  ],
  (value) => value.plural,
);

/**
 * Misspelt genre words (one or two letter edits a person makes typing fast). Each still means
 * its genre; none spells another genre.
 */
export const GENRE_TYPOS = slotList(
  "typo",
  [
    form("Thriller", "thrilers", "a thriler", "thrilers"),
    form("Thriller", "thrillres", "a thrillre", "thrillres"),
    form("Thriller", "thirllers", "a thirller", "thirllers"),
    form("Horror", "horor movies", "a horor movie", "horor"),
    form("Horror", "horrer movies", "a horrer movie", "horrer"),
    form("Horror", "horrror films", "a horrror film", "horrror"),
    form("Comedy", "comedys", "a comdy", "comdy"),
    form("Comedy", "comdies", "a comedie", "comedie"),
    form("Comedy", "commedies", "a commedy", "commedy"),
    form("Documentary", "documentries", "a documentry", "documentries"),
    form("Documentary", "documentarys", "a documentery", "documentarys"),
    form("Documentary", "docmentaries", "a docmentary", "docmentaries"),
    form("Drama", "drammas", "a dramma", "dramma"),
    form("Drama", "dramass", "a drema", "drema"),
    form("Romance", "romence movies", "a romence movie", "romence"),
    form("Romance", "romace films", "a romace film", "romace"),
    form("Romance", "romanse movies", "a romanse movie", "romanse"),
    form("Western", "westrens", "a westren", "westrens"),
    form("Western", "wetserns", "a wetsern", "wetserns"),
    form("Fantasy", "fantsy movies", "a fantsy movie", "fantsy"),
    form("Fantasy", "fantasty films", "a fantasty film", "fantasty"),
    form("Fantasy", "fantacy movies", "a fantacy movie", "fantacy"),
    form("Mystery", "mysterys", "a mistery", "mistery"),
    form("Mystery", "misteries", "a mystrey", "mystrey"),
    form("Adventure", "adventrue movies", "an adventrue movie", "adventrue"),
    form("Adventure", "advanture films", "an advanture film", "advanture"),
    form("Adventure", "adventur movies", "an adventur movie", "adventur"),
    form("Animation", "animted movies", "an animted movie", "animaton"),
    form("Animation", "aminated films", "an aminated film", "animaiton"),
    form("Musical", "musicles", "a musicle", "musicles"),
    form("Musical", "muscials", "a muscial", "muscials"),
    form("Sci-Fi", "sci-fy movies", "a sci-fy movie", "sci-fy"),
    form("Sci-Fi", "scy-fi films", "a scy-fi film", "scy-fi"),
    form("Sci-Fi", "science fction movies", "a science fction movie", "science fction"),
    form("Action", "acton movies", "an acton movie", "acton"),
    form("Action", "actoin films", "an actoin film", "actoin"),
    form("Family", "famly movies", "a famly movie", "famly movies"),
    form("Family", "familly films", "a familly film", "familly films"),
    form("Crime", "crimme movies", "a crimme movie", "crimme"),
    form("War", "warr movies", "a warr movie", "warr"),
  ],
  (value) => value.plural,
);

// ─── Decades ───────────────────────────────────────────────────────────────────────────────

export type DecadeStyle = "short" | "full" | "word" | "apostrophe";
export interface Decade {
  decade: number;
  style: DecadeStyle;
}

const DECADE_WORDS: Record<number, string> = { 1940: "forties", 1950: "fifties", 1960: "sixties", 1970: "seventies", 1980: "eighties", 1990: "nineties", 2000: "noughties" };

/** "90s", "1990s", "nineties", "'90s"; from 2000 the short and apostrophe styles are the full one. */
export function decadeText(decade: number, style: DecadeStyle): string {
  if (style === "word" && DECADE_WORDS[decade]) return DECADE_WORDS[decade];
  if (decade >= 2000 || style === "full" || style === "word") return `${decade}s`;
  const short = String(decade % 100).padStart(2, "0");
  return style === "apostrophe" ? `'${short}s` : `${short}s`;
}

/** A decade "the 90s" is every year of it: 1990–1999. */
export const decadeBounds = (decade: number): YearBounds => ({ from: decade, to: decade + 9 });

export const DECADES = slotList<Decade>(
  "decade",
  [
    ...[1940, 1950, 1960, 1970, 1980, 1990].flatMap((decade) => (["short", "full", "word", "apostrophe"] as const).map((style) => ({ decade, style }))),
    { decade: 2000, style: "full" },
    { decade: 2000, style: "word" },
    { decade: 2010, style: "full" },
  ],
  (value) => `${value.decade}-${value.style}`,
);

/**
 * A bound stated on a decade: "before the 90s" is up to 1989, "after the 80s" from 1990,
 * "since the 90s" and "from the 90s on" from 1990, "nothing after the 70s" up to 1979.
 */
export interface DecadeBound {
  phrase: (decadeText: string) => string;
  bounds: (decade: number) => YearBounds;
}
export const DECADE_BOUNDS = slotList<DecadeBound & { key: string }>(
  "decade-bound",
  [
    { key: "before", phrase: (d) => `before the ${d}`, bounds: (d) => ({ from: null, to: d - 1 }) },
    { key: "after", phrase: (d) => `after the ${d}`, bounds: (d) => ({ from: d + 10, to: null }) },
    { key: "since", phrase: (d) => `since the ${d}`, bounds: (d) => ({ from: d, to: null }) },
    { key: "onwards", phrase: (d) => `from the ${d} onwards`, bounds: (d) => ({ from: d, to: null }) },
    { key: "on", phrase: (d) => `from the ${d} on`, bounds: (d) => ({ from: d, to: null }) },
    { key: "nothing-before", phrase: (d) => `nothing before the ${d}`, bounds: (d) => ({ from: d, to: null }) },
    { key: "nothing-after", phrase: (d) => `nothing after the ${d}`, bounds: (d) => ({ from: null, to: d + 9 }) },
    { key: "no-later", phrase: (d) => `no later than the ${d}`, bounds: (d) => ({ from: null, to: d + 9 }) },
    { key: "pre", phrase: (d) => `pre-${d}`, bounds: (d) => ({ from: null, to: d - 1 }) },
    { key: "up-to-end", phrase: (d) => `up to the end of the ${d}`, bounds: (d) => ({ from: null, to: d + 9 }) },
    { key: "no-older", phrase: (d) => `no older than the ${d}`, bounds: (d) => ({ from: d, to: null }) },
  ],
  (value) => value.key,
);

// ─── Years ─────────────────────────────────────────────────────────────────────────────────

export const YEARS = slotList(
  "year",
  [1950, 1955, 1960, 1965, 1968, 1970, 1972, 1975, 1977, 1980, 1982, 1985, 1988, 1990, 1992, 1994, 1995, 1997, 1999, 2000, 2001, 2003, 2005, 2007, 2008, 2010, 2012, 2014, 2015, 2017],
  String,
);

/**
 * Where a year phrase can stand: after a noun ("thrillers after 2000"), before it ("post-2000
 * thrillers"), or after "released"/"made" ("released since 1995").
 */
export type YearPosition = "post" | "pre" | "released";

/**
 * One way to bound a year. The rule (stated in EVALUATION):
 * - strict words exclude the year named: before, older than, earlier than, prior to, pre- → up
 *   to year − 1; after, newer than, later than, more recent than, post- → from year + 1;
 * - inclusive words include it: since, from … on(wards), starting in, … or later / or newer,
 *   no older than, not older than, no earlier than, not before, nothing before → from year;
 *   until, up to, up until, through, … or earlier / or older, no later than, no newer than,
 *   not after, nothing after → up to year;
 * - a bare year ("from 1994", "in 1994", "1994 thrillers") is that one year.
 */
export interface YearBound {
  key: string;
  phrase: (year: number) => string;
  bounds: (year: number) => YearBounds;
  positions: readonly YearPosition[];
}
export const from = (year: number): YearBounds => ({ from: year, to: null });
export const to = (year: number): YearBounds => ({ from: null, to: year });
export const exactly = (year: number): YearBounds => ({ from: year, to: year });
export const after = (year: number): YearBounds => from(year + 1);
export const before = (year: number): YearBounds => to(year - 1);
export const bound = (key: string, phrase: (year: number) => string, bounds: (year: number) => YearBounds, positions: readonly YearPosition[] = ["post"]): YearBound => ({ key, phrase, bounds, positions });

export const YEAR_BOUNDS = slotList<YearBound>(
  "year-bound",
  [
    bound("no-older-than", (y) => `no older than ${y}`, from),
    bound("not-older-than", (y) => `not older than ${y}`, from),
    bound("nothing-before", (y) => `nothing before ${y}`, from),
    bound("not-before", (y) => `not before ${y}`, from),
    bound("no-earlier-than", (y) => `no earlier than ${y}`, from),
    bound("or-later", (y) => `${y} or later`, from, ["post", "released"]),
    bound("or-newer", (y) => `${y} or newer`, from),
    bound("onwards", (y) => `from ${y} onwards`, from, ["post", "released"]),
    bound("from-on", (y) => `from ${y} on`, from, ["post", "released"]),
    bound("since", (y) => `since ${y}`, from, ["post", "released"]),
    bound("starting-in", (y) => `starting in ${y}`, from),
    bound("newer-than", (y) => `newer than ${y}`, after),
    bound("after", (y) => `after ${y}`, after, ["post", "released"]),
    bound("later-than", (y) => `later than ${y}`, after, ["post", "released"]),
    bound("more-recent-than", (y) => `more recent than ${y}`, after),
    bound("post", (y) => `post-${y}`, after, ["pre"]),
    bound("until", (y) => `until ${y}`, to, ["post", "released"]),
    bound("up-to", (y) => `up to ${y}`, to, ["post", "released"]),
    bound("up-until", (y) => `up until ${y}`, to, ["post", "released"]),
    bound("through", (y) => `through ${y}`, to, ["released"]),
    bound("or-earlier", (y) => `${y} or earlier`, to, ["post", "released"]),
    bound("or-older", (y) => `${y} or older`, to),
    bound("no-later-than", (y) => `no later than ${y}`, to, ["post", "released"]),
    bound("no-newer-than", (y) => `no newer than ${y}`, to),
    bound("not-after", (y) => `not after ${y}`, to),
    bound("nothing-after", (y) => `nothing after ${y}`, to),
    bound("before", (y) => `before ${y}`, before, ["post", "released"]),
    bound("older-than", (y) => `older than ${y}`, before),
    bound("earlier-than", (y) => `earlier than ${y}`, before, ["post", "released"]),
    bound("prior-to", (y) => `prior to ${y}`, before, ["post", "released"]),
    bound("pre", (y) => `pre-${y}`, before, ["pre"]),
    bound("from-exact", (y) => `from ${y}`, exactly),
    bound("in-exact", (y) => `in ${y}`, exactly, ["released"]),
    bound("bare-exact", (y) => `${y}`, exactly, ["pre"]),
  ],
  (value) => value.key,
);

/** A closed range "between 1990 and 2000" includes both ends: 1990–2000. */
export interface YearRangeForm {
  key: string;
  phrase: (first: number, last: number) => string;
  prefix: boolean;
}
export const YEAR_RANGES = slotList<YearRangeForm>(
  "year-range",
  [
    { key: "between", phrase: (a, b) => `between ${a} and ${b}`, prefix: false },
    { key: "from-to", phrase: (a, b) => `from ${a} to ${b}`, prefix: false },
    { key: "dash", phrase: (a, b) => `${a}-${b}`, prefix: true },
    { key: "to", phrase: (a, b) => `${a} to ${b}`, prefix: false },
    { key: "through", phrase: (a, b) => `${a} through ${b}`, prefix: false },
    { key: "from-until", phrase: (a, b) => `from ${a} until ${b}`, prefix: false },
    { key: "between-dash", phrase: (a, b) => `between ${a}-${b}`, prefix: false },
    { key: "in-the-years", phrase: (a, b) => `in the years ${a} to ${b}`, prefix: false },
  ],
  (value) => value.key,
);

// ─── Runtimes ──────────────────────────────────────────────────────────────────────────────

/** A duration as written and in minutes: "1h45" = 105, "two and a half hours" = 150. */
export interface Duration {
  minutes: number;
  text: string;
}
export const duration = (minutes: number, text: string): Duration => ({ minutes, text });
export const DURATIONS = slotList<Duration>(
  "duration",
  [
    ...[75, 80, 85, 90, 95, 100, 105, 110, 115, 120, 130, 140, 150, 180].map((minutes) => duration(minutes, `${minutes} minutes`)),
    ...[80, 90, 100, 110, 120].map((minutes) => duration(minutes, `${minutes} mins`)),
    ...[85, 95, 105, 130].map((minutes) => duration(minutes, `${minutes} min`)),
    duration(90, "an hour and a half"),
    duration(90, "one and a half hours"),
    duration(90, "1.5 hours"),
    duration(90, "1h30"),
    duration(90, "1 hour 30 minutes"),
    duration(105, "1h45"),
    duration(105, "an hour and 45 minutes"),
    duration(105, "1 hour and 45 minutes"),
    duration(100, "1h40"),
    duration(100, "an hour and forty minutes"),
    duration(110, "1h50"),
    duration(120, "two hours"),
    duration(120, "2 hours"),
    duration(120, "2h"),
    duration(120, "2 hrs"),
    duration(135, "2h15"),
    duration(135, "two hours and fifteen minutes"),
    duration(150, "two and a half hours"),
    duration(150, "2.5 hours"),
    duration(150, "2h30"),
    duration(180, "three hours"),
    duration(180, "3 hours"),
    duration(75, "an hour and a quarter"),
    duration(75, "1h15"),
  ],
  (value) => value.text,
);

/** Where a runtime phrase can stand: after a noun, after "runs"/"that run", before "long". */
export type RuntimePosition = "post" | "runs" | "long";

/**
 * One way to bound a runtime. The rule (stated in EVALUATION): a runtime bound includes the
 * number stated, whatever the word: "under 90 minutes", "less than", "shorter than", "below",
 * "at most", "… max", "… tops", "no longer than", "… or less" → at most 90; "over 2 hours",
 * "more than", "longer than", "at least", "… or more", "… minimum", "no shorter than" → at
 * least 120. Runtimes are stated as round budgets ("it has to fit in 90 minutes"), and the
 * existing eval:reasoning set reads them the same way.
 */
export interface RuntimeBound {
  key: string;
  phrase: (duration: string) => string;
  bounds: (minutes: number) => RuntimeBounds;
  positions: readonly RuntimePosition[];
}
export const atMost = (minutes: number): RuntimeBounds => ({ min: null, max: minutes });
export const atLeast = (minutes: number): RuntimeBounds => ({ min: minutes, max: null });
export const runtimeBound = (key: string, phrase: (duration: string) => string, bounds: (minutes: number) => RuntimeBounds, positions: readonly RuntimePosition[] = ["post", "runs"]): RuntimeBound => ({ key, phrase, bounds, positions });

export const RUNTIME_BOUNDS = slotList<RuntimeBound>(
  "runtime-bound",
  [
    runtimeBound("under", (d) => `under ${d}`, atMost, ["post", "runs", "long"]),
    runtimeBound("less-than", (d) => `less than ${d}`, atMost, ["post", "runs", "long"]),
    runtimeBound("shorter-than", (d) => `shorter than ${d}`, atMost),
    runtimeBound("below", (d) => `below ${d}`, atMost),
    runtimeBound("at-most", (d) => `at most ${d}`, atMost, ["post", "runs", "long"]),
    runtimeBound("max", (d) => `${d} max`, atMost),
    runtimeBound("tops", (d) => `${d} tops`, atMost),
    runtimeBound("no-longer-than", (d) => `no longer than ${d}`, atMost),
    runtimeBound("or-less", (d) => `${d} or less`, atMost),
    runtimeBound("not-more-than", (d) => `not more than ${d}`, atMost, ["post", "runs", "long"]),
    runtimeBound("up-to", (d) => `up to ${d}`, atMost, ["post", "long"]),
    runtimeBound("over", (d) => `over ${d}`, atLeast, ["post", "runs", "long"]),
    runtimeBound("more-than", (d) => `more than ${d}`, atLeast, ["post", "runs", "long"]),
    runtimeBound("longer-than", (d) => `longer than ${d}`, atLeast),
    runtimeBound("at-least", (d) => `at least ${d}`, atLeast, ["post", "runs", "long"]),
    runtimeBound("or-more", (d) => `${d} or more`, atLeast),
    runtimeBound("or-longer", (d) => `${d} or longer`, atLeast),
    runtimeBound("no-shorter-than", (d) => `no shorter than ${d}`, atLeast),
    runtimeBound("minimum", (d) => `${d} minimum`, atLeast),
    runtimeBound("not-under", (d) => `not under ${d}`, atLeast),
  ],
  (value) => value.key,
);

// ─── Languages ─────────────────────────────────────────────────────────────────────────────

/**
 * A language named the way people name it; the same word serves as adjective ("Japanese
 * movies") and noun ("in Japanese"). A language constraint is the film's original language.
 * Nationality words that are not language names (American, Indian, Chinese) are left out.
 */
export interface Language {
  code: string;
  name: string;
}
export const LANGUAGES = slotList<Language>(
  "language",
  [
    { code: "fr", name: "French" },
    { code: "es", name: "Spanish" },
    { code: "de", name: "German" },
    { code: "ja", name: "Japanese" },
    { code: "ko", name: "Korean" },
    { code: "it", name: "Italian" },
    { code: "hi", name: "Hindi" },
    { code: "ru", name: "Russian" },
    { code: "zh", name: "Mandarin" },
    { code: "cn", name: "Cantonese" },
    { code: "pt", name: "Portuguese" },
    { code: "sv", name: "Swedish" },
    { code: "da", name: "Danish" },
    { code: "en", name: "English" },
    { code: "fa", name: "Persian" },
    { code: "nl", name: "Dutch" },
  ],
  (value) => value.name,
);

/** A slot id key that keeps spellings apart that a slug would merge ("Amélie"/"Amelie", "Tom Hanks"/"tom hanks"). */
function spellingKey(text: string): string {
  const marks = [/[^\x00-\x7f]/.test(text) ? "accented" : "", /[A-Z]/.test(text) ? "" : "lowercase"];
  return [text, ...marks].filter(Boolean).join(" ");
}

// ─── People ────────────────────────────────────────────────────────────────────────────────

/** A person as written (`text`) and as credited (`name`). */
export interface Person {
  name: string;
  text: string;
}
const people = (names: readonly string[]): Person[] => names.map((name) => ({ name, text: name }));

/** Actors with many films in the catalog's top-five billing. */
export const ACTORS = slotList<Person>(
  "actor",
  [
    ...people([
      "Robert De Niro",
      "Samuel L. Jackson",
      "Bruce Willis",
      "Matt Damon",
      "Nicolas Cage",
      "Morgan Freeman",
      "Brad Pitt",
      "Johnny Depp",
      "Julia Roberts",
      "Denzel Washington",
      "Tom Hanks",
      "George Clooney",
      "Tom Cruise",
      "Cameron Diaz",
      "Robin Williams",
      "Nicole Kidman",
      "Eddie Murphy",
      "Ben Stiller",
      "Harrison Ford",
      "Will Ferrell",
      "Anthony Hopkins",
      "Sandra Bullock",
      "Arnold Schwarzenegger",
      "Meryl Streep",
      "Scarlett Johansson",
      "Keanu Reeves",
      "Cate Blanchett",
      "Jim Carrey",
      "Adam Sandler",
      "Kate Winslet",
    ]),
    { name: "Tom Hanks", text: "tom hanks" },
    { name: "Keanu Reeves", text: "keanu reeves" },
    { name: "Meryl Streep", text: "meryl streep" },
  ],
  (value) => spellingKey(value.text),
);

/** Directors, by full name and, where the surname names one director in the catalog, by surname. */
export const DIRECTORS = slotList<Person>(
  "director",
  [
    ...people([
      "Steven Spielberg",
      "Woody Allen",
      "Martin Scorsese",
      "Ridley Scott",
      "Spike Lee",
      "Steven Soderbergh",
      "Oliver Stone",
      "Tim Burton",
      "Ron Howard",
      "Robert Zemeckis",
      "Michael Bay",
      "Joel Coen",
      "Brian De Palma",
      "Quentin Tarantino",
      "David Fincher",
      "John Carpenter",
      "Christopher Nolan",
      "Stanley Kubrick",
      "Richard Linklater",
      "Wes Craven",
    ]),
    { name: "Steven Spielberg", text: "Spielberg" },
    { name: "Martin Scorsese", text: "Scorsese" },
    { name: "Quentin Tarantino", text: "Tarantino" },
    { name: "Stanley Kubrick", text: "Kubrick" },
    { name: "Christopher Nolan", text: "Nolan" },
    { name: "David Fincher", text: "Fincher" },
    { name: "Robert Zemeckis", text: "Zemeckis" },
    { name: "Steven Soderbergh", text: "Soderbergh" },
    { name: "Christopher Nolan", text: "christopher nolan" },
  ],
  (value) => spellingKey(value.text),
);

// ─── Orderings, counts ─────────────────────────────────────────────────────────────────────

/**
 * An ordering as written. `pre` phrases stand before a plural noun ("the best rated
 * thrillers"), `post` phrases after it ("thrillers, newest first"). "Less popular", "lesser
 * known", "hidden gems" do not sort by popularity: they turn the discovery knob towards the
 * less obvious (expected discovery ≥ 0.5, sort relevance); "most popular" sorts by popularity and
 * may also turn the knob towards the popular (expected discovery 0: unset or < 0.5 both match).
 */
export interface Ordering {
  key: string;
  text: string;
  position: "pre" | "post";
  sort: SortOrder;
  discovery: number | null;
}
const ordering = (key: string, text: string, position: "pre" | "post", sort: SortOrder, discovery: number | null = null): Ordering => ({ key, text, position, sort, discovery });
export const ORDERINGS = slotList<Ordering>(
  "ordering",
  [
    ordering("best-rated", "the best rated", "pre", "best-rated"),
    ordering("highest-rated", "the highest rated", "pre", "best-rated"),
    ordering("top-rated", "top-rated", "pre", "best-rated"),
    ordering("the-best", "the very best", "pre", "best-rated"),
    ordering("best-rated-first", ", best rated first", "post", "best-rated"),
    ordering("sorted-by-rating", " sorted by rating", "post", "best-rated"),
    ordering("ranked-by-rating", " ranked by rating", "post", "best-rated"),
    ordering("most-popular", "the most popular", "pre", "popular", 0),
    ordering("popular", "popular", "pre", "popular", 0),
    ordering("most-popular-first", ", most popular first", "post", "popular", 0),
    ordering("by-popularity", " sorted by popularity", "post", "popular", 0),
    ordering("newest", "the newest", "pre", "newest"),
    ordering("newest-first", ", newest first", "post", "newest"),
    ordering("newest-to-oldest", " from newest to oldest", "post", "newest"),
    ordering("most-recent-first", ", most recent first", "post", "newest"),
    ordering("oldest", "the oldest", "pre", "oldest"),
    ordering("oldest-first", ", oldest first", "post", "oldest"),
    ordering("oldest-to-newest", " from oldest to newest", "post", "oldest"),
    ordering("shortest", "the shortest", "pre", "shortest"),
    ordering("shortest-first", ", shortest first", "post", "shortest"),
    ordering("by-length", " sorted by length, shortest first", "post", "shortest"),
    ordering("less-popular", "less popular", "pre", "relevance", 0.75),
    ordering("lesser-known", "lesser-known", "pre", "relevance", 0.75),
    ordering("little-known", "little-known", "pre", "relevance", 0.75),
    ordering("obscure", "obscure", "pre", "relevance", 0.75),
    ordering("hidden-gem", " that are hidden gems", "post", "relevance", 0.75),
    ordering("not-so-popular", " that aren't so popular", "post", "relevance", 0.75),
    ordering("few-have-seen", " that few people have seen", "post", "relevance", 0.75),
  ],
  (value) => value.key,
);

/** How many films, as written before a plural noun: "5", "five", "a dozen" (12), "a couple of" (2). */
export interface Count {
  count: number;
  text: string;
}
const NUMBER_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"];
export const COUNTS = slotList<Count>(
  "count",
  [
    ...[3, 4, 5, 6, 7, 8, 9, 12, 15, 20, 25].map((count) => ({ count, text: String(count) })),
    ...[3, 4, 5, 6, 7, 8, 10, 12, 15, 20].map((count) => ({ count, text: NUMBER_WORDS[count] })),
    { count: 12, text: "a dozen" },
    { count: 6, text: "half a dozen" },
    { count: 2, text: "a couple of" },
    { count: 2, text: "a pair of" },
    { count: 24, text: "two dozen" },
  ],
  (value) => value.text,
);

// ─── Filler ────────────────────────────────────────────────────────────────────────────────

/** Words around a request that constrain nothing. `form`: the noun form that follows. */
export interface FillerOpening {
  text: string;
  form: "plural" | "singular";
}
export const FILLER_OPENINGS = slotList<FillerOpening>(
  "opening",
  [
    { text: "hey, can you recommend some", form: "plural" },
    { text: "could you please suggest", form: "singular" },
    { text: "hi there! I'm looking for", form: "singular" },
    { text: "um, maybe", form: "singular" },
    { text: "so, like, I'm in the mood for", form: "singular" },
    { text: "hello! any good", form: "plural" },
    { text: "please find me", form: "singular" },
    { text: "would you mind suggesting some", form: "plural" },
    { text: "I'd really love to watch", form: "singular" },
    { text: "ok so what are some good", form: "plural" },
    { text: "can I get some", form: "plural" },
    { text: "I was wondering if you had any", form: "plural" },
    { text: "honestly I just want", form: "singular" },
    { text: "yo, got any", form: "plural" },
    { text: "good evening, I would appreciate", form: "singular" },
    { text: "what would you suggest? I feel like", form: "singular" },
  ],
  (value) => value.text,
);
const CLOSING_NAMES: Record<string, string> = { "": "none", " :)": "smiley", "?": "question-mark" };
export const FILLER_CLOSINGS = slotList(
  "closing",
  ["", " please", ", thanks!", ", thank you", " for tonight", " tonight", " this evening", " for the weekend", " for a movie night", ". any ideas?", " if you can", ", cheers", " lol", " :)", " thx", " pls", "?", ". much appreciated"],
  (value) => CLOSING_NAMES[value] ?? value,
);

// ─── Reference titles ──────────────────────────────────────────────────────────────────────

/** A film named as a reference: catalog id, catalog title, and the title as written. */
export interface TitleReference {
  itemId: string;
  title: string;
  text: string;
}
export const title = (itemId: string, name: string, text = name): TitleReference => ({ itemId, title: name, text });
export const TITLES = slotList<TitleReference>(
  "title",
  [
    title("ml:2571", "The Matrix"),
    title("ml:296", "Pulp Fiction"),
    title("ml:2959", "Fight Club"),
    title("ml:79132", "Inception"),
    title("ml:858", "The Godfather"),
    title("ml:356", "Forrest Gump"),
    title("ml:480", "Jurassic Park"),
    title("ml:1", "Toy Story"),
    title("ml:4226", "Memento"),
    title("ml:541", "Blade Runner"),
    title("ml:47", "Se7en"),
    title("ml:47", "Se7en", "Seven"),
    title("ml:1213", "GoodFellas", "Goodfellas"),
    title("ml:58559", "The Dark Knight"),
    title("ml:109487", "Interstellar"),
    title("ml:5618", "Spirited Away"),
    title("ml:912", "Casablanca"),
    title("ml:1387", "Jaws"),
    title("ml:1732", "The Big Lebowski"),
    title("ml:608", "Fargo"),
    title("ml:1270", "Back to the Future"),
    title("ml:1036", "Die Hard"),
    title("ml:593", "The Silence of the Lambs"),
    title("ml:1265", "Groundhog Day"),
    title("ml:4306", "Shrek"),
    title("ml:6377", "Finding Nemo"),
    title("ml:48394", "Pan's Labyrinth"),
    title("ml:1197", "The Princess Bride"),
    title("ml:54503", "Superbad"),
    title("ml:2671", "Notting Hill"),
    title("ml:68157", "Inglourious Basterds"),
    title("ml:51540", "Zodiac"),
    title("ml:1704", "Good Will Hunting"),
    title("ml:318", "The Shawshank Redemption"),
    title("ml:318", "The Shawshank Redemption", "the shawshank redemption"),
    title("ml:110", "Braveheart"),
    title("ml:1240", "The Terminator"),
    title("ml:778", "Trainspotting"),
    title("ml:6711", "Lost in Translation"),
    title("ml:55820", "No Country for Old Men"),
    title("ml:48516", "The Departed"),
    title("ml:1089", "Reservoir Dogs"),
    title("ml:111", "Taxi Driver"),
    title("ml:1208", "Apocalypse Now"),
    title("ml:2028", "Saving Private Ryan"),
    title("ml:2791", "Airplane!"),
    title("ml:3996", "Crouching Tiger, Hidden Dragon"),
    title("ml:2692", "Run Lola Run"),
    title("ml:1233", "Das Boot"),
    title("ml:4973", "Amélie"),
    title("ml:4973", "Amélie", "Amelie"),
    title("ml:293", "Léon: The Professional"),
    title("ml:2571", "The Matrix", "the matrix"),
  ],
  (value) => spellingKey(value.text),
);
