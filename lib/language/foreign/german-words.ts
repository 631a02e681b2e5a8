/**
 * German genre and language words → English (the closed vocabulary of german.ts). German
 * builds genre nouns by compounding, so a genre is a stem ("Krieg-s", "Liebe-s", "Grusel")
 * joined to a head ("-film", "-filme", "-komödie", "-drama", "-thriller"): "Kriegsdramen" →
 * "war dramas", "Krimikomödie" → "crime comedy", "Liebesfilme" → "romance films". Each stem and
 * head is listed once, so every pairing is read, with or without a hyphen ("Sci-Fi-Filme").
 * Patterns run on folded text (shared.ts).
 */
import { countriesIn, FOREIGN_LANGUAGE_NAMES } from "./language-names";
import { alternation, anyOf, lookup, phrase, strongWords, type Rewrite } from "./shared";

/** First parts of compounds → the English genre (or topic) word. */
const STEMS: Record<string, string> = {
  horror: "horror",
  grusel: "horror",
  spuk: "horror",
  schocker: "horror",
  action: "action",
  abenteuer: "adventure",
  zeichentrick: "animated",
  trick: "animated",
  animations: "animated",
  animation: "animated",
  anime: "anime",
  krimi: "crime",
  kriminal: "crime",
  gangster: "gangster",
  mafia: "mafia",
  polizei: "crime",
  gauner: "heist",
  dokumentar: "documentary",
  doku: "documentary",
  familien: "family",
  kinder: "kids",
  fantasy: "fantasy",
  marchen: "fairy tale",
  historien: "historical",
  geschichts: "historical",
  kostum: "period",
  musik: "musical",
  musical: "musical",
  mystery: "mystery",
  detektiv: "detective",
  liebes: "romance",
  romantik: "romance",
  "science fiction": "sci-fi",
  "sci fi": "sci-fi",
  scifi: "sci-fi",
  thriller: "thriller",
  spannungs: "thriller",
  psycho: "psychological",
  kriegs: "war",
  antikriegs: "war",
  "anti kriegs": "war",
  western: "western",
  cowboy: "western",
  superhelden: "superhero",
  spionage: "spy",
  agenten: "spy",
  katastrophen: "disaster",
  weihnachts: "christmas",
  zombie: "zombie",
  vampir: "vampire",
  monster: "monster",
  endzeit: "post apocalyptic",
  ritter: "medieval",
  piraten: "pirate",
  kampfsport: "martial arts",
  jugend: "teen",
  tier: "animal",
  sport: "sports",
  drama: "drama",
  komodien: "comedy",
  noir: "noir",
};
/** Second parts → the English noun. */
const HEADS: Record<string, string> = {
  filme: "films",
  filmen: "films",
  films: "films",
  film: "film",
  streifen: "films",
  komodien: "comedies",
  komodie: "comedy",
  dramen: "dramas",
  drama: "drama",
  thriller: "thrillers",
  western: "westerns",
  dokus: "documentaries",
  doku: "documentary",
  geschichten: "stories",
  geschichte: "story",
  elemente: "elements",
  szenen: "scenes",
  klassiker: "classics",
  epen: "epics",
  epos: "epic",
  serien: "series",
  abenteuer: "adventures",
};

/** Genre words that stand alone ("ohne Romantik", "Komödien", "ein Krimi"). */
const WORDS: Record<string, string> = {
  komodien: "comedies",
  komodie: "comedy",
  dramen: "dramas",
  drama: "drama",
  romanzen: "romances",
  romanze: "romance",
  krimis: "crime films",
  krimi: "crime film",
  grusel: "horror",
  krieg: "war",
  kriege: "war",
  kriegen: "war",
  zeichentrick: "animation",
  trickfilm: "animated film",
  dokumentationen: "documentaries",
  dokumentation: "documentary",
  dokus: "documentaries",
  doku: "documentary",
  abenteuer: "adventure",
  romantik: "romance",
  liebe: "romance",
  spannung: "suspense",
  gewalt: "violence",
  "fur kinder": "for kids",
  "fur die ganze familie": "for the whole family",
  "fur die familie": "for the family",
  "film noir": "film noir",
  "films noirs": "film noir",
  marchen: "fairy tales",
  gangster: "gangsters",
  superhelden: "superheroes",
  zauberei: "fantasy",
  magie: "fantasy",
  ...adjectives(),
};

/** Genre adjectives with every German ending: "romantische", "lustigen", "animierter". */
function adjectives(): Record<string, string> {
  const stems: Record<string, string> = {
    romantisch: "romantic",
    lustig: "funny",
    witzig: "funny",
    komisch: "comedic",
    humorvoll: "humorous",
    gruselig: "scary",
    unheimlich: "scary",
    schaurig: "scary",
    animiert: "animated",
    gezeichnet: "animated",
    spannend: "suspenseful",
    dramatisch: "dramatic",
    historisch: "historical",
    dokumentarisch: "documentary",
    actionreich: "action packed",
    actiongeladen: "action packed",
    musikalisch: "musical",
  };
  const forms: Record<string, string> = {};
  for (const [stem, english] of Object.entries(stems)) for (const ending of ["", "e", "en", "er", "es", "em"]) forms[`${stem}${ending}`] = english;
  return forms;
}

/** German words an English request may contain too: no evidence either way. */
const ENGLISH_LOOKALIKES = new Set([
  "drama",
  "hindi",
  "mandarin",
  "tamil",
  "telugu",
  "afrikaans",
  "thai",
  "farsi",
  "bollywood",
  "japan",
  "china",
  "iran",
  "israel",
  "taiwan",
  "vietnam",
  "portugal",
  "chile",
  "kuba",
  "thailand",
  "afghanistan",
  "hongkong",
  "kong",
  "england",
  "amerika",
  "usa",
  "hollywood",
  "quebec",
  "holland",
  "western",
  "thriller",
  "noir",
  "gangster",
  "monster",
  "zombie",
  "sport",
  "doku",
  "action",
  "horror",
  "fantasy",
  "mystery",
  "musical",
]);

const ENDINGS = ["", "e", "en", "er", "es", "em"];
/** "japanisch", "japanische", "japanischsprachigen" → "japanese". */
const LANGUAGE_FORMS: Record<string, string> = {};
for (const name of FOREIGN_LANGUAGE_NAMES) {
  for (const stem of name.de) {
    for (const ending of ENDINGS) {
      LANGUAGE_FORMS[`${stem}${ending}`] = name.english;
      LANGUAGE_FORMS[`${stem}sprachig${ending}`] = name.english;
    }
  }
}
const COUNTRIES = countriesIn("de");
const LANGUAGE_WORD = alternation(Object.keys(LANGUAGE_FORMS));

const STEM = alternation(Object.keys(STEMS));
const HEAD = alternation(Object.keys(HEADS));
const join = (first: string, second: string) => (first === "romance" && second.startsWith("comed") ? `romantic ${second}` : `${first} ${second}`);

/** Genre and language rewrites, in order: compounds first (they contain the stand-alone words). */
export const GERMAN_VOCABULARY: Rewrite[] = [
  // "Horror- und Actionfilme": the first stem of a coordinated compound borrows the head.
  { pattern: phrase(String.raw`(${STEM})- (und|oder) `), to: (m) => `${lookup(STEMS, m[1])} ${m[2] === "und" ? "and" : "or"} ` },
  { pattern: phrase(String.raw`(${STEM})[- ]?(${HEAD})`), to: (m) => join(lookup(STEMS, m[1])!, lookup(HEADS, m[2])!) },
  { pattern: phrase(String.raw`(?:in )?(?:der )?originalsprache`), to: "original language" },
  { pattern: phrase(String.raw`in keiner anderen sprache als`), to: "only in" },
  { pattern: phrase(String.raw`in (?:einer )?anderen sprache als`), to: "in a language other than" },
  { pattern: phrase(String.raw`nicht[- ]?(${LANGUAGE_WORD})`), to: (m) => `non ${lookup(LANGUAGE_FORMS, m[1])}` },
  { pattern: phrase(String.raw`fremdsprachig(?:e|en|er|es|em)?`), to: "foreign language" },
  { pattern: phrase(String.raw`(?:auf|in) (?:der )?(${LANGUAGE_WORD})(?: sprache| fassung| originalfassung| originalton)?`), to: (m) => `in ${lookup(LANGUAGE_FORMS, m[1])}` },
  { pattern: phrase(String.raw`(?:mit |im )?(?:originalton|original) (${LANGUAGE_WORD})`), to: (m) => `in ${lookup(LANGUAGE_FORMS, m[1])}` },
  { pattern: phrase(String.raw`(${alternation(Object.keys(COUNTRIES))})`), to: (m) => lookup(COUNTRIES, m[1]) ?? null },
  { pattern: phrase(`(${alternation(Object.keys(WORDS))})`), to: (m) => lookup(WORDS, m[1]) ?? null },
  { pattern: phrase(`(${LANGUAGE_WORD})`), to: (m) => lookup(LANGUAGE_FORMS, m[1]) ?? null },
];

/** Words only German film requests use (two detection points each): compounds, genre nouns, language adjectives, countries. */
export const GERMAN_STRONG_WORDS = anyOf(
  // Any compound of a genre stem and a head: "Kriegsdramen", "Liebesfilme".
  new RegExp(String.raw`^(?:${STEM})(?:${HEAD})$`),
  strongWords([...Object.keys(WORDS), ...Object.keys(LANGUAGE_FORMS), ...Object.keys(COUNTRIES).map((country) => country.replace(/^aus (?:der |dem |den )?/, ""))], ENGLISH_LOOKALIKES),
);
