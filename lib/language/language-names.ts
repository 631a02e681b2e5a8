/**
 * The film languages a request can name, and the words people use for each: the language, the
 * nationality adjective, and the country. Codes are the catalog's (TMDB original_language, with
 * its "cn" for Cantonese); the catalog knows only a film's original language, so a nationality
 * ("a Korean thriller", "Soviet films") stands for the language its films are made in.
 *
 * Every code in the catalog (tmdb_5000_movies.csv: en fr es zh de hi ja it cn ru ko pt da sv nl
 * fa th he ta cs ar id ro te hu is tr nb af pl vi ky no sl ps el) has an entry; a few languages
 * the catalog lacks are here too, so asking for one is understood (and then relaxed) rather than
 * misread. A word that names several languages ("Indian", "Scandinavian") lists them all: any of
 * them satisfies the request. A word that is ambiguous between a language and something else
 * ("Swiss", "Belgian", "Georgian", "Jordan") is left out.
 *
 * Words are written as the query tokeniser leaves them: lower case, no accents, hyphens and
 * apostrophes gone ("quebecois", "south korean").
 */

export interface FilmLanguage {
  codes: readonly string[];
  /** Language names and nationality adjectives, read wherever they stand: "Japanese films", "in Japanese". */
  words: readonly string[];
  /** Countries and regions, read only after "from", "made in", … or before "-made": "films from Japan". */
  places: readonly string[];
}

const entry = (codes: string[], words: string, places = ""): FilmLanguage => ({
  codes,
  words: words
    .split(",")
    .map((word) => word.trim())
    .filter(Boolean),
  places: places
    .split(",")
    .map((place) => place.trim())
    .filter(Boolean),
});

export const FILM_LANGUAGES: readonly FilmLanguage[] = [
  // The catalog's languages.
  entry(["en"], "english, anglophone, american, british, hollywood", "america, the us, the usa, usa, the united states, united states, the states, the uk, uk, britain, great britain, england"),
  entry(["fr"], "french, francophone, quebecois, quebecoise, french canadian, canadian french, quebec french, swiss french, belgian french", "france, quebec"),
  entry(
    ["es"],
    "spanish, castilian, castilian spanish, mexican spanish, latin american spanish, hispanic, mexican, argentinian, argentine, colombian, chilean, cuban, peruvian, venezuelan, uruguayan, spanish speaking",
    "spain, mexico, argentina, colombia, chile, cuba, peru, venezuela, uruguay",
  ),
  entry(["de"], "german, austrian, east german, west german, swiss german, austrian german", "germany, austria, east germany, west germany"),
  entry(["zh"], "mandarin, mandarin chinese, taiwanese, taiwanese mandarin, mainland chinese", "taiwan, mainland china"),
  entry(["zh", "cn"], "chinese", "china"),
  entry(["cn"], "cantonese, cantonese chinese, hong kong cantonese, hong kong, hongkongese", "hong kong"),
  entry(["hi"], "hindi, bollywood"),
  entry(["hi", "ta", "te"], "indian", "india"),
  entry(["ja"], "japanese", "japan"),
  entry(["it"], "italian", "italy"),
  entry(["ru"], "russian, soviet", "russia, the soviet union, soviet union, the ussr, ussr"),
  entry(["ko"], "korean, south korean, north korean", "korea, south korea, north korea"),
  entry(["pt"], "portuguese, brazilian, brazilian portuguese, lusophone", "portugal, brazil"),
  entry(["da"], "danish", "denmark"),
  entry(["sv"], "swedish", "sweden"),
  entry(["nl"], "dutch, flemish", "the netherlands, netherlands, holland"),
  entry(["fa"], "persian, farsi, persian farsi, iranian", "iran, persia"),
  entry(["th"], "thai", "thailand"),
  entry(["he"], "hebrew, israeli", "israel"),
  entry(["ta"], "tamil, kollywood"),
  entry(["te"], "telugu, tollywood"),
  entry(["cs"], "czech, czechoslovak, czechoslovakian", "the czech republic, czech republic, czechia, czechoslovakia"),
  entry(["ar"], "arabic, arab, egyptian, lebanese, saudi, syrian, palestinian, iraqi, emirati", "egypt, lebanon, saudi arabia, syria, palestine, iraq"),
  entry(["id"], "indonesian, bahasa indonesia", "indonesia"),
  entry(["ro"], "romanian", "romania"),
  entry(["hu"], "hungarian, magyar", "hungary"),
  entry(["is"], "icelandic", "iceland"),
  entry(["tr"], "turkish", "turkey"),
  entry(["no", "nb"], "norwegian, norwegian bokmal, bokmal", "norway"),
  entry(["af"], "afrikaans"),
  entry(["pl"], "polish", "poland"),
  entry(["vi"], "vietnamese", "vietnam"),
  entry(["ky"], "kyrgyz, kirghiz, kirgiz, kyrgyzstani", "kyrgyzstan"),
  entry(["sl"], "slovenian, slovene", "slovenia"),
  entry(["ps"], "pashto, pashtu, pushto, afghan", "afghanistan"),
  entry(["el"], "greek", "greece"),
  // Regions: any of their languages will do.
  entry(["sv", "da", "no", "nb"], "scandinavian", "scandinavia"),
  entry(["sv", "da", "no", "nb", "fi", "is"], "nordic"),
  entry(["es", "pt"], "latin american, south american", "latin america, south america"),
  // Languages the catalog lacks today.
  entry(["fi"], "finnish", "finland"),
  entry(["uk"], "ukrainian", "ukraine"),
  entry(["sr"], "serbian", "serbia"),
  entry(["hr"], "croatian", "croatia"),
  entry(["bg"], "bulgarian", "bulgaria"),
  entry(["sk"], "slovak, slovakian", "slovakia"),
  entry(["et"], "estonian", "estonia"),
  entry(["lv"], "latvian", "latvia"),
  entry(["lt"], "lithuanian", "lithuania"),
  entry(["hy"], "armenian", "armenia"),
  entry(["kk"], "kazakh", "kazakhstan"),
  entry(["mn"], "mongolian", "mongolia"),
  entry(["bn"], "bengali, bangla", "bangladesh"),
  entry(["pa"], "punjabi"),
  entry(["ur"], "urdu, pakistani", "pakistan"),
  entry(["ml"], "malayalam"),
  entry(["kn"], "kannada"),
  entry(["mr"], "marathi"),
  entry(["tl"], "tagalog, filipino", "the philippines, philippines"),
  entry(["ms"], "malay, malaysian", "malaysia"),
  entry(["km"], "khmer, cambodian", "cambodia"),
  entry(["ca"], "catalan", "catalonia"),
  entry(["eu"], "basque"),
  entry(["cy"], "welsh", "wales"),
  entry(["ga"], "irish gaelic, gaelic"),
  entry(["yi"], "yiddish"),
  entry(["sq"], "albanian", "albania"),
  entry(["mk"], "macedonian"),
  entry(["bs"], "bosnian", "bosnia"),
  entry(["ka"], "georgian language"),
  entry(["si"], "sinhala, sinhalese", "sri lanka"),
];
