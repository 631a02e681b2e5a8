import { check, generate, genres, type Value } from "./foreign-cases";

/**
 * French requests, generated (templates × slots written here): every catalog genre by its
 * French nouns and adjectives ("films d'horreur", "polars", "dessins animés", "comédies
 * romantiques", "films noirs"), negation ("sans", "pas de", "aucun", "qui ne sont pas", "sauf",
 * "tout sauf", "ni … ni"), decades, years, runtimes, languages and "comme X".
 */
const KEPT = genres([
  ["des films d'horreur", ["Horror"]], ["films d'épouvante", ["Horror"]], ["films qui font peur", ["Horror"]], ["comédies", ["Comedy"]], ["des comédies", ["Comedy"]],
  ["films comiques", ["Comedy"]], ["films drôles", ["Comedy"]], ["films d'action", ["Action"]], ["films d'aventure", ["Adventure"]], ["films d'aventures", ["Adventure"]],
  ["films d'animation", ["Animation"]], ["dessins animés", ["Animation"]], ["polars", ["Crime"]], ["films policiers", ["Crime"]], ["films de gangsters", ["Crime"]],
  ["documentaires", ["Documentary"]], ["drames", ["Drama"]], ["films dramatiques", ["Drama"]], ["films familiaux", ["Family"]], ["films pour enfants", ["Family"]],
  ["films fantastiques", ["Fantasy"]], ["films historiques", ["History"]], ["comédies musicales", ["Musical"]], ["films musicaux", ["Musical"]],
  ["films à énigme", ["Mystery"]], ["films de mystère", ["Mystery"]], ["films de détectives", ["Mystery"]], ["films romantiques", ["Romance"]], ["films d'amour", ["Romance"]],
  ["films de science-fiction", ["Sci-Fi"]], ["films de SF", ["Sci-Fi"]], ["thrillers", ["Thriller"]], ["films à suspense", ["Thriller"]], ["films de guerre", ["War"]],
  ["westerns", ["Western"]], ["films de cow-boys", ["Western"]], ["comédies romantiques", ["Romance", "Comedy"]], ["films noirs", ["Film-Noir"]],
  ["drames romantiques", ["Romance", "Drama"]], ["comédies dramatiques", ["Comedy", "Drama"]], ["films de super-héros", ["Action"]], ["longs métrages d'animation", ["Animation"]],
  ["drames historiques", ["History", "Drama"]], ["comédies d'action", ["Action", "Comedy"]], ["films de guerre et d'action", ["War", "Action"]], ["thrillers psychologiques", ["Thriller"]],
]);
const ONE = genres([
  ["un film d'horreur", ["Horror"]], ["une comédie", ["Comedy"]], ["un polar", ["Crime"]], ["un drame", ["Drama"]], ["un thriller", ["Thriller"]], ["un western", ["Western"]],
  ["un documentaire", ["Documentary"]], ["un dessin animé", ["Animation"]], ["un film d'animation", ["Animation"]], ["une comédie romantique", ["Romance", "Comedy"]],
  ["une comédie musicale", ["Musical"]], ["un film de guerre", ["War"]], ["un film policier", ["Crime"]], ["un film de science-fiction", ["Sci-Fi"]],
  ["un film romantique", ["Romance"]], ["un film d'aventure", ["Adventure"]], ["un film fantastique", ["Fantasy"]], ["un film pour enfants", ["Family"]], ["un film noir", ["Film-Noir"]],
]);
const BARE = genres([
  ["horreur", ["Horror"]], ["épouvante", ["Horror"]], ["romance", ["Romance"]], ["comédie", ["Comedy"]], ["action", ["Action"]], ["guerre", ["War"]], ["animation", ["Animation"]],
  ["dessins animés", ["Animation"]], ["drames", ["Drama"]], ["comédies musicales", ["Musical"]], ["science-fiction", ["Sci-Fi"]], ["SF", ["Sci-Fi"]], ["fantastique", ["Fantasy"]],
  ["westerns", ["Western"]], ["polars", ["Crime"]], ["documentaires", ["Documentary"]], ["thrillers", ["Thriller"]], ["aventure", ["Adventure"]], ["films d'horreur", ["Horror"]],
  ["films romantiques", ["Romance"]], ["mystère", ["Mystery"]], ["suspense", ["Thriller"]], ["films de guerre", ["War"]], ["films pour enfants", ["Family"]], ["comédies", ["Comedy"]],
]);
const DECADES: Value[] = [
  ["des années 80", { years: [1980, 1989] }], ["des années 1980", { years: [1980, 1989] }], ["des années quatre-vingt", { years: [1980, 1989] }],
  ["des années 90", { years: [1990, 1999] }], ["des années quatre-vingt-dix", { years: [1990, 1999] }], ["des années 70", { years: [1970, 1979] }],
  ["des années soixante-dix", { years: [1970, 1979] }], ["des années 60", { years: [1960, 1969] }], ["des années soixante", { years: [1960, 1969] }],
  ["des années 2000", { years: [2000, 2009] }], ["des années 50", { years: [1950, 1959] }], ["des années cinquante", { years: [1950, 1959] }],
  ["des années 40", { years: [1940, 1949] }], ["avant les années 90", { years: [null, 1989] }], ["après les années 80", { years: [1990, null] }],
  ["depuis les années 90", { years: [1990, null] }], ["à partir des années 2000", { years: [2000, null] }], ["des années 80 ou 90", { years: [1980, 1999] }],
  ["des années 2010", { years: [2010, 2019] }], ["des années 70 et 80", { years: [1970, 1989] }], ["des années 90 ou 2000", { years: [1990, 2009] }],
];
const YEARS: Value[] = [
  ["de 1994", { years: [1994, 1994] }], ["sortis en 1994", { years: [1994, 1994] }], ["de l'année 1987", { years: [1987, 1987] }], ["avant 1990", { years: [null, 1989] }],
  ["après 2000", { years: [2001, null] }], ["depuis 1995", { years: [1995, null] }], ["à partir de 2005", { years: [2005, null] }], ["jusqu'en 1990", { years: [null, 1990] }],
  ["pas antérieurs à 2000", { years: [2000, null] }], ["postérieurs à 2010", { years: [2011, null] }], ["antérieurs à 1980", { years: [null, 1979] }],
  ["entre 1990 et 2000", { years: [1990, 2000] }], ["de 1985 à 1995", { years: [1985, 1995] }], ["sortis après 1995", { years: [1996, null] }],
  ["plus récents que 2010", { years: [2011, null] }], ["plus anciens que 1980", { years: [null, 1979] }], ["au plus tard en 1999", { years: [null, 1999] }],
  ["au plus tôt en 1990", { years: [1990, null] }], ["de 1990 ou après", { years: [1990, null] }], ["sortis avant 1975", { years: [null, 1974] }],
  ["pas avant 1990", { years: [1990, null] }], ["pas après 2005", { years: [null, 2005] }], ["de 2000 ou plus récents", { years: [2000, null] }],
];
const RUNTIMES: Value[] = [
  ["de moins de 90 minutes", { runtime: [null, 90] }], ["qui durent moins de deux heures", { runtime: [null, 120] }], ["de pas plus de 100 minutes", { runtime: [null, 100] }],
  ["d'une heure et demie maximum", { runtime: [null, 90] }], ["qui ne durent pas plus de 2 heures", { runtime: [null, 120] }], ["de plus de deux heures", { runtime: [120, null] }],
  ["qui durent au moins 2 heures", { runtime: [120, null] }], ["d'au moins 100 minutes", { runtime: [100, null] }], ["de 90 minutes ou moins", { runtime: [null, 90] }],
  ["de deux heures ou plus", { runtime: [120, null] }], ["de moins d'une heure et demie", { runtime: [null, 90] }], ["de 1h30 maximum", { runtime: [null, 90] }],
  ["entre 90 et 120 minutes", { runtime: [90, 120] }], ["d'une durée maximale de 100 minutes", { runtime: [null, 100] }], ["qui ne durent pas moins de deux heures", { runtime: [120, null] }],
  ["de moins de deux heures et demie", { runtime: [null, 150] }], ["de moins de 1h40", { runtime: [null, 100] }], ["d'environ 90 minutes", { runtime: [75, 105] }],
  ["d'une heure et demie", { runtime: [75, 105] }], ["de deux heures environ", { runtime: [105, 135] }], ["en moins de 90 minutes", { runtime: [null, 90] }],
  ["de quatre-vingt-dix minutes maximum", { runtime: [null, 90] }], ["qui dure au maximum une heure quarante", { runtime: [null, 100] }],
];
const LANGUAGES: Value[] = [
  ["en japonais", { languages: { include: ["ja"] } }], ["en coréen", { languages: { include: ["ko"] } }], ["du Japon", { languages: { include: ["ja"] } }],
  ["de Corée du Sud", { languages: { include: ["ko"] } }], ["qui ne sont pas en anglais", { languages: { exclude: ["en"] } }], ["pas en anglais", { languages: { exclude: ["en"] } }],
  ["en italien ou en français", { languages: { include: ["it", "fr"] } }], ["en mandarin", { languages: { include: ["zh"] } }], ["en cantonais", { languages: { include: ["cn"] } }],
  ["en hindi", { languages: { include: ["hi"] } }], ["en suédois", { languages: { include: ["sv"] } }], ["en danois", { languages: { include: ["da"] } }],
  ["en russe", { languages: { include: ["ru"] } }], ["en portugais", { languages: { include: ["pt"] } }], ["en persan", { languages: { include: ["fa"] } }],
  ["dans une autre langue que l'anglais", { languages: { exclude: ["en"] } }], ["dans n'importe quelle langue sauf l'anglais", { languages: { exclude: ["en"] } }],
  ["d'Union soviétique", { languages: { include: ["ru"] } }], ["de Hong Kong", { languages: { include: ["cn"] } }], ["en tamoul", { languages: { include: ["ta"] } }],
  ["en télougou", { languages: { include: ["te"] } }], ["en afrikaans", { languages: { include: ["af"] } }], ["en kirghize", { languages: { include: ["ky"] } }],
  ["en slovène", { languages: { include: ["sl"] } }], ["en pachto", { languages: { include: ["ps"] } }], ["en norvégien", { languages: { include: ["no", "nb"] } }],
  ["en islandais", { languages: { include: ["is"] } }], ["en hébreu", { languages: { include: ["he"] } }], ["en arabe", { languages: { include: ["ar"] } }],
  ["en thaï", { languages: { include: ["th"] } }], ["en tchèque", { languages: { include: ["cs"] } }], ["en hongrois", { languages: { include: ["hu"] } }],
  ["en roumain", { languages: { include: ["ro"] } }], ["en turc", { languages: { include: ["tr"] } }], ["en polonais", { languages: { include: ["pl"] } }],
  ["en vietnamien", { languages: { include: ["vi"] } }], ["en grec", { languages: { include: ["el"] } }], ["en indonésien", { languages: { include: ["id"] } }],
  ["en néerlandais", { languages: { include: ["nl"] } }], ["en allemand", { languages: { include: ["de"] } }], ["en espagnol", { languages: { include: ["es"] } }],
  ["ni en anglais ni en français", { languages: { exclude: ["en", "fr"] } }], ["en langue japonaise", { languages: { include: ["ja"] } }],
  ["en version originale japonaise", { languages: { include: ["ja"] } }], ["en VO coréenne", { languages: { include: ["ko"] } }],
];
/** Adjectives after "films" (masculine plural). */
const ADJECTIVES: Value[] = [
  ["japonais", { languages: { include: ["ja"] } }], ["coréens", { languages: { include: ["ko"] } }], ["français", { languages: { include: ["fr"] } }],
  ["italiens", { languages: { include: ["it"] } }], ["allemands", { languages: { include: ["de"] } }], ["chinois", { languages: { include: ["zh", "cn"] } }],
  ["suédois", { languages: { include: ["sv"] } }], ["danois", { languages: { include: ["da"] } }], ["russes", { languages: { include: ["ru"] } }],
  ["soviétiques", { languages: { include: ["ru"] } }], ["brésiliens", { languages: { include: ["pt"] } }], ["iraniens", { languages: { include: ["fa"] } }],
  ["turcs", { languages: { include: ["tr"] } }], ["polonais", { languages: { include: ["pl"] } }], ["tchèques", { languages: { include: ["cs"] } }],
  ["hongrois", { languages: { include: ["hu"] } }], ["grecs", { languages: { include: ["el"] } }], ["thaïlandais", { languages: { include: ["th"] } }],
  ["néerlandais", { languages: { include: ["nl"] } }], ["norvégiens", { languages: { include: ["no", "nb"] } }], ["islandais", { languages: { include: ["is"] } }],
  ["roumains", { languages: { include: ["ro"] } }], ["israéliens", { languages: { include: ["he"] } }], ["arabes", { languages: { include: ["ar"] } }],
  ["vietnamiens", { languages: { include: ["vi"] } }], ["indonésiens", { languages: { include: ["id"] } }], ["cantonais", { languages: { include: ["cn"] } }],
  ["taïwanais", { languages: { include: ["zh"] } }], ["mexicains", { languages: { include: ["es"] } }], ["argentins", { languages: { include: ["es"] } }],
  ["espagnols", { languages: { include: ["es"] } }], ["américains", { languages: { include: ["en"] } }], ["britanniques", { languages: { include: ["en"] } }],
  ["indiens", { languages: { include: ["hi", "ta", "te"] } }], ["slovènes", { languages: { include: ["sl"] } }], ["afghans", { languages: { include: ["ps"] } }],
  ["étrangers", { languages: { exclude: ["en"] } }], ["non anglophones", { languages: { exclude: ["en"] } }], ["anglophones", { languages: { include: ["en"] } }],
  ["hispanophones", { languages: { include: ["es"] } }], ["québécois", { languages: { include: ["fr"] } }], ["kirghizes", { languages: { include: ["ky"] } }],
];
const TITLES: Value[] = [
  ["Heat", { references: ["Heat"] }], ["Alien", { references: ["Alien"] }], ["Amélie", { references: ["Amélie"] }], ["La Haine", { references: ["Hate"] }],
  ["Intouchables", { references: ["Intouchables"] }], ["Le Samouraï", { references: ["Le Samouraï"] }], ["Les Choristes", { references: ["The Chorus"] }],
  ["Le Dîner de cons", { references: ["The Dinner Game"] }], ["Die Hard", { references: ["Die Hard"] }], ["Inception", { references: ["Inception"] }],
];

const SLOTS = { g: KEPT, n: BARE, m: BARE, d: DECADES, y: YEARS, r: RUNTIMES, l: LANGUAGES, t: TITLES };

check(
  "French genres, alone and with a decade, a year, a runtime or a language",
  generate(
    [
      "{g}", "je cherche des {g}", "tu peux me conseiller des {g} ?", "{g} {d}", "des bons {g} {d}", "{g} {y}", "{g} {r}", "{g} {l}", "je voudrais voir des {g} {d} {r}",
      "{g} {d}, {l}", "j'aimerais regarder des {g} {y}",
    ],
    SLOTS,
  ),
);

check("French: one film with its article", generate(["je veux {g}", "{g} {d}", "conseille-moi {g} {r}", "je cherche {g} {l}"], { ...SLOTS, g: ONE }));

/** Masculine plural genres the adjectives agree with. */
const PLURAL = genres([
  ["films d'horreur", ["Horror"]], ["polars", ["Crime"]], ["films de guerre", ["War"]], ["drames", ["Drama"]], ["films d'action", ["Action"]],
  ["westerns", ["Western"]], ["films de science-fiction", ["Sci-Fi"]], ["films d'animation", ["Animation"]],
]);
check("French language adjectives after the noun", generate(["des films {l}", "des films {l} {d}", "je cherche des {g} {l*}", "{g} {l*}"], { ...SLOTS, g: PLURAL, l: ADJECTIVES }));

check(
  "French negation: the kept genre stays, the negated one is excluded",
  generate(
    [
      "{g} sans {n}", "{g} mais sans {n}", "{g}, mais pas de {n}", "{g}, pas de {n}", "{g} qui ne sont pas des {n}", "{g} qui ne soient pas des {n}", "{g}, aucun {n}",
      "{g} sauf {n}", "tout sauf {n}", "n'importe quoi sauf {n}", "{g} à part {n}", "{g}, surtout pas de {n}", "{g} et pas de {n}", "{g}, sans aucun {n}",
      "pas de {n}, plutôt {g}", "{g}, je ne veux pas de {n}", "{g}, pas du tout de {n}", "{g} excepté {n}", "{g} hormis {n}", "{g} en évitant {n}",
      "ni {n} ni {m}, juste {g}", "{g}, ni {n} ni {m}", "{g} qui ne soient ni des {n} ni des {m}", "{g} {d} sans {n}", "{g} sans {n} {d}",
      "je cherche des {g}, mais pas de {n}", "{g}, mais rien de {n}", "{g}, zéro {n}", "{g} plutôt que {n}", "{g} au lieu de {n}", "{g} mais pas {n}",
    ],
    SLOTS,
  ),
);

check(
  "French 'comme X': a reference, with a change",
  generate(
    [
      "des films comme {t}", "quelque chose comme {t}", "un truc comme {t}", "dans le genre de {t}", "{g} comme {t}", "comme {t} mais {d}", "comme {t} mais sans {n}",
      "des films qui ressemblent à {t} {l}", "dans le style de {t}", "similaire à {t}",
    ],
    SLOTS,
  ),
);
