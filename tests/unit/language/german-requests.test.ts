import { check, generate, genres, type Value } from "./foreign-cases";


/**
 * German requests, generated (templates × slots written here, not taken from any test set):
 * every catalog genre by its German nouns (compounds with -film/-filme, plurals, adjectives),
 * negation ("ohne", "kein", "aber keine", "die keine … sind", "nichts mit", "alles außer"),
 * decades, years, runtimes, languages and "wie X".
 */
const KEPT = genres([
  ["Horrorfilme", ["Horror"]], ["Gruselfilme", ["Horror"]], ["Horror-Filme", ["Horror"]], ["Komödien", ["Comedy"]], ["lustige Filme", ["Comedy"]],
  ["Actionfilme", ["Action"]], ["Action-Filme", ["Action"]], ["Abenteuerfilme", ["Adventure"]], ["Zeichentrickfilme", ["Animation"]],
  ["Animationsfilme", ["Animation"]], ["Trickfilme", ["Animation"]], ["Krimis", ["Crime"]], ["Kriminalfilme", ["Crime"]], ["Gangsterfilme", ["Crime"]],
  ["Dokumentarfilme", ["Documentary"]], ["Dokus", ["Documentary"]], ["Dokumentationen", ["Documentary"]], ["Dramen", ["Drama"]], ["Familienfilme", ["Family"]],
  ["Kinderfilme", ["Family"]], ["Fantasyfilme", ["Fantasy"]], ["Fantasy-Filme", ["Fantasy"]], ["Historienfilme", ["History"]], ["historische Filme", ["History"]],
  ["Musicals", ["Musical"]], ["Mysteryfilme", ["Mystery"]], ["Detektivfilme", ["Mystery"]], ["Liebesfilme", ["Romance"]], ["romantische Filme", ["Romance"]],
  ["Romanzen", ["Romance"]], ["Science-Fiction-Filme", ["Sci-Fi"]], ["Sci-Fi-Filme", ["Sci-Fi"]], ["Thriller", ["Thriller"]], ["Kriegsfilme", ["War"]],
  ["Western", ["Western"]], ["Liebeskomödien", ["Romance", "Comedy"]], ["romantische Komödien", ["Romance", "Comedy"]], ["Kriegsdramen", ["War", "Drama"]],
  ["Krimikomödien", ["Crime", "Comedy"]], ["Actionkomödien", ["Action", "Comedy"]], ["Spukfilme", ["Horror"]],
]);
/** Singular forms with their article, for the templates that ask for one film. */
const ONE = genres([
  ["einen Horrorfilm", ["Horror"]], ["eine Komödie", ["Comedy"]], ["einen Actionfilm", ["Action"]], ["einen Krimi", ["Crime"]], ["ein Drama", ["Drama"]],
  ["einen Thriller", ["Thriller"]], ["einen Kriegsfilm", ["War"]], ["einen Western", ["Western"]], ["einen Liebesfilm", ["Romance"]], ["eine Doku", ["Documentary"]],
  ["einen Zeichentrickfilm", ["Animation"]], ["einen Science-Fiction-Film", ["Sci-Fi"]], ["ein Musical", ["Musical"]], ["einen Fantasyfilm", ["Fantasy"]],
  ["einen Abenteuerfilm", ["Adventure"]], ["einen Familienfilm", ["Family"]], ["eine romantische Komödie", ["Romance", "Comedy"]], ["einen Film noir", ["Film-Noir"]],
]);
/** What "ohne", "kein", "nichts mit" take: mass nouns and plurals. */
const NEGATED = genres([
  ["Horror", ["Horror"]], ["Grusel", ["Horror"]], ["Horrorfilme", ["Horror"]], ["Romantik", ["Romance"]], ["Liebesfilme", ["Romance"]], ["Romanzen", ["Romance"]],
  ["Komödien", ["Comedy"]], ["Action", ["Action"]], ["Krieg", ["War"]], ["Kriegsfilme", ["War"]], ["Zeichentrick", ["Animation"]], ["Animation", ["Animation"]],
  ["Dramen", ["Drama"]], ["Musicals", ["Musical"]], ["Science-Fiction", ["Sci-Fi"]], ["Fantasy", ["Fantasy"]], ["Western", ["Western"]], ["Krimis", ["Crime"]],
  ["Dokus", ["Documentary"]], ["Thriller", ["Thriller"]], ["Abenteuer", ["Adventure"]], ["Kinderfilme", ["Family"]], ["Gruselfilme", ["Horror"]],
]);
const DECADES: Value[] = [
  ["aus den 80ern", { years: [1980, 1989] }], ["aus den 80er Jahren", { years: [1980, 1989] }], ["aus den Achtzigern", { years: [1980, 1989] }],
  ["aus den achtziger Jahren", { years: [1980, 1989] }], ["aus den 1980er Jahren", { years: [1980, 1989] }], ["aus den Neunzigern", { years: [1990, 1999] }],
  ["aus den 90ern", { years: [1990, 1999] }], ["aus den Siebzigern", { years: [1970, 1979] }], ["aus den Sechzigern", { years: [1960, 1969] }],
  ["aus den Fünfzigern", { years: [1950, 1959] }], ["aus den 2000ern", { years: [2000, 2009] }], ["aus den Nullerjahren", { years: [2000, 2009] }],
  ["aus den 2010ern", { years: [2010, 2019] }], ["aus den Vierzigern", { years: [1940, 1949] }], ["der 70er", { years: [1970, 1979] }],
  ["aus den 70er-Jahren", { years: [1970, 1979] }], ["vor den 90ern", { years: [null, 1989] }], ["nach den 80ern", { years: [1990, null] }],
  ["seit den 90ern", { years: [1990, null] }], ["ab den 2000ern", { years: [2000, null] }], ["aus den 80ern oder 90ern", { years: [1980, 1999] }],
];
const YEARS: Value[] = [
  ["aus dem Jahr 1994", { years: [1994, 1994] }], ["von 1994", { years: [1994, 1994] }], ["aus 1987", { years: [1987, 1987] }],
  ["vor 1990", { years: [null, 1989] }], ["nach 2000", { years: [2001, null] }], ["seit 1995", { years: [1995, null] }], ["ab 2005", { years: [2005, null] }],
  ["bis 1990", { years: [null, 1990] }], ["nicht älter als 2000", { years: [2000, null] }], ["neuer als 2010", { years: [2011, null] }],
  ["älter als 1980", { years: [null, 1979] }], ["zwischen 1990 und 2000", { years: [1990, 2000] }], ["von 1985 bis 1995", { years: [1985, 1995] }],
  ["frühestens 1990", { years: [1990, null] }], ["spätestens 1999", { years: [null, 1999] }], ["nach dem Jahr 2000", { years: [2001, null] }],
  ["vor dem Jahr 1975", { years: [null, 1974] }], ["die nach 1995 erschienen sind", { years: [1996, null] }], ["die vor 1980 gedreht wurden", { years: [null, 1979] }],
];
const RUNTIMES: Value[] = [
  ["unter 90 Minuten", { runtime: [null, 90] }], ["höchstens 2 Stunden", { runtime: [null, 120] }], ["maximal 100 Minuten", { runtime: [null, 100] }],
  ["nicht länger als anderthalb Stunden", { runtime: [null, 90] }], ["kürzer als zwei Stunden", { runtime: [null, 120] }], ["weniger als 90 Minuten", { runtime: [null, 90] }],
  ["über zwei Stunden", { runtime: [120, null] }], ["mindestens 2 Stunden", { runtime: [120, null] }], ["länger als 100 Minuten", { runtime: [100, null] }],
  ["mehr als eineinhalb Stunden", { runtime: [90, null] }], ["die unter 90 Minuten dauern", { runtime: [null, 90] }], ["90 Minuten oder weniger", { runtime: [null, 90] }],
  ["2 Stunden oder länger", { runtime: [120, null] }], ["höchstens 1h30", { runtime: [null, 90] }], ["unter 1,5 Stunden", { runtime: [null, 90] }],
  ["zwischen 90 und 120 Minuten", { runtime: [90, 120] }], ["mit einer Laufzeit von höchstens 100 Minuten", { runtime: [null, 100] }],
  ["nicht kürzer als zwei Stunden", { runtime: [120, null] }], ["unter zweieinhalb Stunden", { runtime: [null, 150] }],
];
const LANGUAGES: Value[] = [
  ["auf Japanisch", { languages: { include: ["ja"] } }], ["auf Koreanisch", { languages: { include: ["ko"] } }], ["in spanischer Sprache", { languages: { include: ["es"] } }],
  ["aus Frankreich", { languages: { include: ["fr"] } }], ["aus Japan", { languages: { include: ["ja"] } }], ["auf Deutsch", { languages: { include: ["de"] } }],
  ["nicht auf Englisch", { languages: { exclude: ["en"] } }], ["auf Italienisch oder Französisch", { languages: { include: ["it", "fr"] } }],
  ["auf Mandarin", { languages: { include: ["zh"] } }], ["auf Kantonesisch", { languages: { include: ["cn"] } }], ["auf Hindi", { languages: { include: ["hi"] } }],
  ["auf Schwedisch", { languages: { include: ["sv"] } }], ["auf Dänisch", { languages: { include: ["da"] } }], ["auf Russisch", { languages: { include: ["ru"] } }],
  ["auf Portugiesisch", { languages: { include: ["pt"] } }], ["auf Persisch", { languages: { include: ["fa"] } }], ["aus Südkorea", { languages: { include: ["ko"] } }],
  ["aus Hongkong", { languages: { include: ["cn"] } }], ["aus der Sowjetunion", { languages: { include: ["ru"] } }], ["auf Tamil", { languages: { include: ["ta"] } }],
  ["auf Telugu", { languages: { include: ["te"] } }], ["auf Afrikaans", { languages: { include: ["af"] } }], ["auf Kirgisisch", { languages: { include: ["ky"] } }],
  ["auf Slowenisch", { languages: { include: ["sl"] } }], ["auf Paschtu", { languages: { include: ["ps"] } }], ["auf Norwegisch", { languages: { include: ["no", "nb"] } }],
  ["auf Isländisch", { languages: { include: ["is"] } }], ["auf Hebräisch", { languages: { include: ["he"] } }], ["auf Arabisch", { languages: { include: ["ar"] } }],
  ["auf Thailändisch", { languages: { include: ["th"] } }], ["auf Tschechisch", { languages: { include: ["cs"] } }], ["auf Ungarisch", { languages: { include: ["hu"] } }],
  ["auf Rumänisch", { languages: { include: ["ro"] } }], ["auf Türkisch", { languages: { include: ["tr"] } }], ["auf Polnisch", { languages: { include: ["pl"] } }],
  ["auf Vietnamesisch", { languages: { include: ["vi"] } }], ["auf Griechisch", { languages: { include: ["el"] } }], ["auf Indonesisch", { languages: { include: ["id"] } }],
  ["auf Niederländisch", { languages: { include: ["nl"] } }], ["in keiner anderen Sprache als Englisch", { languages: { include: ["en"] } }],
  ["in einer anderen Sprache als Englisch", { languages: { exclude: ["en"] } }], ["die nicht auf Englisch sind", { languages: { exclude: ["en"] } }],
  ["in Originalsprache Japanisch", { languages: { include: ["ja"] } }],
];
/** Language adjectives before a plural noun ("japanische Horrorfilme"). */
const ADJECTIVES: Value[] = [
  ["japanische", { languages: { include: ["ja"] } }], ["koreanische", { languages: { include: ["ko"] } }], ["französische", { languages: { include: ["fr"] } }],
  ["spanischsprachige", { languages: { include: ["es"] } }], ["italienische", { languages: { include: ["it"] } }], ["deutsche", { languages: { include: ["de"] } }],
  ["chinesische", { languages: { include: ["zh", "cn"] } }], ["schwedische", { languages: { include: ["sv"] } }], ["dänische", { languages: { include: ["da"] } }],
  ["russische", { languages: { include: ["ru"] } }], ["sowjetische", { languages: { include: ["ru"] } }], ["brasilianische", { languages: { include: ["pt"] } }],
  ["iranische", { languages: { include: ["fa"] } }], ["türkische", { languages: { include: ["tr"] } }], ["polnische", { languages: { include: ["pl"] } }],
  ["tschechische", { languages: { include: ["cs"] } }], ["ungarische", { languages: { include: ["hu"] } }], ["griechische", { languages: { include: ["el"] } }],
  ["thailändische", { languages: { include: ["th"] } }], ["niederländische", { languages: { include: ["nl"] } }], ["norwegische", { languages: { include: ["no", "nb"] } }],
  ["isländische", { languages: { include: ["is"] } }], ["rumänische", { languages: { include: ["ro"] } }], ["israelische", { languages: { include: ["he"] } }],
  ["arabische", { languages: { include: ["ar"] } }], ["vietnamesische", { languages: { include: ["vi"] } }], ["indonesische", { languages: { include: ["id"] } }],
  ["kantonesische", { languages: { include: ["cn"] } }], ["taiwanesische", { languages: { include: ["zh"] } }], ["mexikanische", { languages: { include: ["es"] } }],
  ["englischsprachige", { languages: { include: ["en"] } }], ["nicht englischsprachige", { languages: { exclude: ["en"] } }],
  ["nicht-englischsprachige", { languages: { exclude: ["en"] } }], ["fremdsprachige", { languages: { exclude: ["en"] } }],
  ["amerikanische", { languages: { include: ["en"] } }], ["britische", { languages: { include: ["en"] } }], ["österreichische", { languages: { include: ["de"] } }],
  ["slowenische", { languages: { include: ["sl"] } }], ["kirgisische", { languages: { include: ["ky"] } }], ["afghanische", { languages: { include: ["ps"] } }],
];
const TITLES: Value[] = [
  ["Heat", { references: ["Heat"] }], ["Alien", { references: ["Alien"] }], ["Die Hard", { references: ["Die Hard"] }], ["Das Boot", { references: ["Das Boot"] }],
  ["Amélie", { references: ["Amélie"] }], ["Der Untergang", { references: ["Downfall"] }], ["Blade Runner", { references: ["Blade Runner"] }],
  ["Lola rennt", { references: ["Run Lola Run"] }], ["Das Leben der Anderen", { references: ["The Lives of Others"] }], ["Inception", { references: ["Inception"] }],
];

const SLOTS = { g: KEPT, n: NEGATED, d: DECADES, y: YEARS, r: RUNTIMES, l: LANGUAGES, t: TITLES };

check(
  "German genres, alone and with a decade, a year, a runtime or a language",
  generate(
    [
      "{g}", "Ich suche {g}", "Kannst du mir {g} empfehlen?", "{g} {d}", "gute {g} {d}", "{g} {y}", "{g} {r}", "{g} {l}", "zeig mir bitte {g} {d} {r}",
      "{g} {d}, {l}", "Ich hätte gern {g} {y}",
    ],
    SLOTS,
  ),
);

check("German: one film with its article", generate(["Ich suche {g}", "{g} {d}", "Empfiehl mir {g} {r}", "ich möchte {g} sehen"], { ...SLOTS, g: ONE }));

check("German language adjectives before a genre", generate(["{l} {g}", "{l} {g} {d}", "Ich suche {l} {g}"], { ...SLOTS, l: ADJECTIVES }));

check(
  "German negation: the kept genre stays, the negated one is excluded",
  generate(
    [
      "{g} ohne {n}", "{g}, aber ohne {n}", "{g}, aber keine {n}", "{g}, aber bitte keine {n}", "{g}, die keine {n} sind",
      "{g}, kein {n}", "{g} und bloß keine {n}", "{g}, nichts mit {n}", "{g}, jedoch keine {n}", "{g}, aber auf keinen Fall {n}", "{g} {d} ohne {n}",
      "{g} ohne {n} {d}", "Ich suche {g}, aber keine {n}", "alles außer {n}", "{g}, nur keine {n}", "keine {n}, lieber {g}", "{g} aber nichts mit {n}",
    ],
    SLOTS,
  ),
);

check(
  "German 'wie X': a reference, with a change",
  generate(
    ["Filme wie {t}", "so etwas wie {t}", "etwas Ähnliches wie {t}", "{g} wie {t}", "so etwas wie {t}, aber {d}", "etwas wie {t}, aber ohne {n}", "Filme ähnlich wie {t} {l}"],
    SLOTS,
  ),
);
