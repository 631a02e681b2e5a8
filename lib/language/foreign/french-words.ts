/**
 * French genre and language words → English (the closed vocabulary of french.ts). A French
 * genre is a noun ("films", "comédies", "drames", "longs métrages") followed by a modifier
 * ("d'horreur", "policiers", "romantiques", "à suspense"); each noun and each modifier is listed
 * once, so every pairing is read ("drames historiques" → "historical dramas", "comédies
 * d'action" → "action comedies"), and a modifier or genre noun alone is read too ("sans
 * horreur", "pas de polars"). Patterns run on folded text (shared.ts).
 */
import { countriesIn, FOREIGN_LANGUAGE_NAMES } from "./language-names";
import { alternation, lookup, nounModifierRewrites, phrase, strongWords, type Rewrite } from "./shared";

/** Nouns a genre modifier follows → English noun. */
const HEADS: Record<string, string> = {
  films: "films",
  film: "film",
  "longs metrages": "films",
  "long metrage": "film",
  "courts metrages": "short films",
  "court metrage": "short film",
  cinema: "films",
  comedies: "comedies",
  comedie: "comedy",
  drames: "dramas",
  drame: "drama",
  thrillers: "thrillers",
  thriller: "thriller",
  documentaires: "documentaries",
  documentaire: "documentary",
  westerns: "westerns",
  western: "western",
  histoires: "stories",
  histoire: "story",
};

/** Genre adjectives (every gender and number: "policier", "policière", "policiers") → English. */
const ADJECTIVE_FORMS: Array<[string[], string]> = [
  [["policier", "policiers", "policiere", "policieres"], "crime"],
  [["fantastique", "fantastiques"], "fantasy"],
  [["dramatique", "dramatiques"], "dramatic"],
  [["comique", "comiques", "drole", "droles", "humoristique", "humoristiques", "marrant", "marrants", "marrante", "marrantes"], "funny"],
  [["romantique", "romantiques"], "romantic"],
  [["historique", "historiques"], "historical"],
  [["musical", "musicaux", "musicale", "musicales"], "musical"],
  [["documentaire", "documentaires"], "documentary"],
  [["anime", "animes", "animee", "animees"], "animated"],
  [["noir", "noirs"], "noir"],
  [["familial", "familiaux", "familiale", "familiales"], "family"],
  [["biographique", "biographiques"], "biopic"],
  [["psychologique", "psychologiques"], "psychological"],
  [["effrayant", "effrayants", "effrayante", "effrayantes", "terrifiant", "terrifiants", "terrifiante", "terrifiantes"], "scary"],
  [["catastrophe"], "disaster"],
  [["guerrier", "guerriers"], "war"],
  [["criminel", "criminels"], "crime"],
];
const ADJECTIVES: Record<string, string> = Object.fromEntries(ADJECTIVE_FORMS.flatMap(([forms, english]) => forms.map((form) => [form, english])));

/** "d'…", "de …", "à …", "pour …" modifiers → English genre words. */
const OF: Record<string, string> = {
  "d'horreur": "horror",
  "d'epouvante": "horror",
  "qui font peur": "scary",
  "qui fait peur": "scary",
  "de guerre": "war",
  "d'action": "action",
  "d'aventure": "adventure",
  "d'aventures": "adventure",
  "d'animation": "animated",
  "d'amour": "romance",
  "de science fiction": "sci-fi",
  "de sf": "sci-fi",
  "de sci fi": "sci-fi",
  "d'anticipation": "sci-fi",
  "de gangsters": "gangster",
  "de gangster": "gangster",
  "de mafia": "mafia",
  "de mafieux": "mafia",
  "de mystere": "mystery",
  "a mystere": "mystery",
  "a enigme": "mystery",
  "a enigmes": "mystery",
  "de detectives": "detective",
  "de detective": "detective",
  "d'enquete": "detective",
  "d'enquetes": "detective",
  "de suspense": "thriller",
  "a suspense": "thriller",
  "a suspens": "thriller",
  "de fantasy": "fantasy",
  "de super heros": "superhero",
  "de superheros": "superhero",
  "de cow boys": "western",
  "de cowboys": "western",
  "de cow boy": "western",
  "de famille": "family",
  "pour enfants": "kids",
  "pour les enfants": "kids",
  "pour les petits": "kids",
  "pour toute la famille": "for the whole family",
  jeunesse: "kids",
  "d'espionnage": "spy",
  "de noel": "christmas",
  "d'arts martiaux": "martial arts",
  "de kung fu": "martial arts",
  "de vampires": "vampire",
  "de zombies": "zombie",
  "de monstres": "monster",
  "de braquage": "heist",
  "de casse": "heist",
  "d'histoire": "historical",
  "d'epoque": "period piece",
  "en costumes": "period piece",
  "de comedie": "comedy",
  "d'humour": "comedy",
  "de rire": "comedy",
  "de musique": "musical",
  "de danse": "musical",
  "de cape et d'epee": "adventure",
  "de chevalerie": "medieval",
  "de pirates": "pirate",
  ...ADJECTIVES,
};

/** Genre words standing alone ("sans horreur", "une comédie", "pas de SF"), after the noun + modifier pairs. */
const WORDS: Record<string, string> = {
  "comedies musicales": "musicals",
  "comedie musicale": "musical",
  "comedies romantiques": "romantic comedies",
  "comedie romantique": "romantic comedy",
  "films noirs": "film noir",
  "film noir": "film noir",
  "dessins animes": "cartoons",
  "dessin anime": "cartoon",
  polars: "crime films",
  polar: "crime film",
  horreur: "horror",
  epouvante: "horror",
  guerre: "war",
  aventures: "adventure",
  aventure: "adventure",
  action: "action",
  "science fiction": "sci-fi",
  sf: "sci-fi",
  fantastique: "fantasy",
  mystere: "mystery",
  enigme: "mystery",
  enigmes: "mystery",
  suspense: "suspense",
  suspens: "suspense",
  animation: "animation",
  amour: "romance",
  romance: "romance",
  romances: "romance",
  "pour enfants": "for kids",
  "pour les enfants": "for kids",
  "pour toute la famille": "for the whole family",
  "super heros": "superhero",
  superheros: "superhero",
  comedies: "comedies",
  comedie: "comedy",
  drames: "dramas",
  drame: "drama",
  documentaires: "documentaries",
  documentaire: "documentary",
  humour: "comedy",
  violence: "violence",
  nanars: "b movies",
  nanar: "b movie",
  ...ADJECTIVES,
};

/** "japonais", "japonaise", "japonaises", "coréennes" → "japanese", "korean". */
const LANGUAGE_FORMS: Record<string, string> = {};
for (const name of FOREIGN_LANGUAGE_NAMES) {
  for (const entry of name.fr) {
    const [masculine, given] = entry.split("/");
    const feminine = given ?? (/(ien|een)$/.test(masculine) ? `${masculine}ne` : /e$/.test(masculine) ? masculine : `${masculine}e`);
    const plural = (form: string) => (/[sxz]$/.test(form) ? form : /al$/.test(form) ? `${form.slice(0, -2)}aux` : `${form}s`);
    for (const form of [masculine, feminine, plural(masculine), plural(feminine)]) LANGUAGE_FORMS[form] = name.english;
  }
}
Object.assign(LANGUAGE_FORMS, { etrangers: "foreign", etranger: "foreign", etrangere: "foreign", etrangeres: "foreign" });
const COUNTRIES = countriesIn("fr");
export const LANGUAGE_WORD = alternation(Object.keys(LANGUAGE_FORMS));

/** Genre and language rewrites, in order: fixed phrases, noun + modifier pairs, then single words. */
export const FRENCH_VOCABULARY: Rewrite[] = [
  { pattern: phrase(String.raw`(comedies musicales|comedie musicale|films noirs|film noir|dessins animes|dessin anime)`), to: (m) => lookup(WORDS, m[1])! },
  { pattern: phrase(String.raw`(?:(?:venus?|venant|originaires?|en provenance) )?(${alternation(Object.keys(COUNTRIES))})`), to: (m) => lookup(COUNTRIES, m[1]) ?? null },
  { pattern: phrase(String.raw`(?:en |dans )?n'importe quelle (?:langue|version) (?:sauf|excepte|hormis|mais pas)(?: l'| le| la)?`), to: "in any language but" },
  { pattern: phrase(String.raw`(?:en |dans )?(?:une )?(?:autre )?langue (?:autre que|que|differente de|sauf)(?: l'| le| la)?`), to: "in a language other than" },
  { pattern: phrase(String.raw`non[- ]?(anglophones?|francophones?|hispanophones?|germanophones?|lusophones?|russophones?|arabophones?)`), to: (m) => `non ${lookup(LANGUAGE_FORMS, m[1])}` },
  { pattern: phrase(String.raw`(?:en )?(?:version originale|vo|v o|vost|vostfr)(?: en)? (${LANGUAGE_WORD})`), to: (m) => `originally in ${lookup(LANGUAGE_FORMS, m[1])}` },
  { pattern: phrase(String.raw`(?:(?:en|de) langue |en version |en |parles? en )(${LANGUAGE_WORD})`), to: (m) => `in ${lookup(LANGUAGE_FORMS, m[1])}` },
  { pattern: phrase(String.raw`(?:les? |la |l'|du |des )?(?:cinema) (${LANGUAGE_WORD})`), to: (m) => `${lookup(LANGUAGE_FORMS, m[1])} films` },
  ...nounModifierRewrites({ heads: HEADS, modifiers: OF, words: WORDS, languages: LANGUAGE_FORMS }),
];

/** Function words inside the phrases above: already one-point markers (french.ts), not two-point evidence. */
const FRENCH_FUNCTION_WORDS = new Set(["des", "les", "pour", "qui", "font", "fait", "que", "une", "autre", "toute", "the", "venu", "venus", "venant", "kung"]);

/** French words an English request may contain too: no evidence either way. */
const ENGLISH_LOOKALIKES = new Set([
  "films",
  "film",
  "comedies",
  "comedie",
  "thriller",
  "thrillers",
  "fantasy",
  "gangster",
  "gangsters",
  "mafia",
  "detective",
  "detectives",
  "kung",
  "western",
  "westerns",
  "documentaire",
  "fiction",
  "fictions",
  "action",
  "animation",
  "romance",
  "romances",
  "violence",
  "suspense",
  "noir",
  "noirs",
  "musical",
  "hindi",
  "mandarin",
  "tamil",
  "telugu",
  "afrikaans",
  "thai",
  "farsi",
  "afghan",
  "japon",
  "israel",
  "iran",
  "cuba",
  "portugal",
  "taiwan",
  "vietnam",
  "hollywood",
  "hong",
  "kong",
  "catastrophe",
  "cinema",
]);

/** Words only French film requests use (two detection points each): nouns, genre words, language adjectives, countries. */
export const FRENCH_STRONG_WORDS = strongWords(
  // One-word entries, and the noun of "d'horreur" or "du japon"; never a word of a longer phrase ("science fiction" is English too).
  [...Object.keys(HEADS), ...Object.keys(WORDS), ...Object.keys(OF), ...Object.keys(LANGUAGE_FORMS), ...Object.keys(COUNTRIES)]
    .map((entry) => entry.replace(/^(?:(?:de|du|des|d|a|l|la|le) ?')?(?:(?:de|du|des|a|pour|en) )?/, "").replace(/^(?:d|l)'/, ""))
    .filter((word) => !FRENCH_FUNCTION_WORDS.has(word)),
  ENGLISH_LOOKALIKES,
);
