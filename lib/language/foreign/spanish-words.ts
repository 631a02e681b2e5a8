/**
 * Spanish genre and language words → English (the closed vocabulary of spanish.ts). A Spanish
 * genre is a noun ("películas", "comedias", "dramas", "cine") followed by a modifier ("de
 * terror", "bélicas", "románticos", "del oeste"); each noun and each modifier is listed once,
 * so every pairing is read ("dramas bélicos" → "war dramas", "comedias de terror" → "horror
 * comedies"), and a modifier alone is read too ("sin terror", "nada de acción"). Patterns run on
 * folded text (shared.ts).
 */
import { countriesIn, FOREIGN_LANGUAGE_NAMES } from "./language-names";
import { alternation, lookup, nounModifierRewrites, phrase, strongWords, type Rewrite } from "./shared";

/** Nouns a genre modifier follows → English noun. */
const HEADS: Record<string, string> = {
  peliculas: "films",
  pelicula: "film",
  pelis: "films",
  peli: "film",
  films: "films",
  film: "film",
  filmes: "films",
  filme: "film",
  largometrajes: "films",
  largometraje: "film",
  cintas: "films",
  cinta: "film",
  cine: "films",
  comedias: "comedies",
  comedia: "comedy",
  dramas: "dramas",
  drama: "drama",
  thrillers: "thrillers",
  thriller: "thriller",
  documentales: "documentaries",
  documental: "documentary",
  westerns: "westerns",
  western: "western",
  musicales: "musicals",
  musical: "musical",
  historias: "stories",
  series: "series",
};

/** Genre adjectives → English: stems that take -o/-a/-os/-as, and words that take only -es. */
const GENDERED: Record<string, string> = {
  belic: "war",
  policiac: "crime",
  animad: "animated",
  romantic: "romantic",
  comic: "comedy",
  dramatic: "dramatic",
  fantastic: "fantasy",
  historic: "historical",
  biografic: "biopic",
  psicologic: "psychological",
  terrorific: "horror",
  divertid: "funny",
  gracios: "funny",
  negr: "black",
};
const INVARIABLE: Record<string, string> = {
  musical: "musical",
  documental: "documentary",
  infantil: "kids",
  familiar: "family",
  policial: "crime",
  aterrador: "scary",
  criminal: "crime",
};
const ADJECTIVES: Record<string, string> = {};
for (const [stem, english] of Object.entries(GENDERED)) for (const ending of ["o", "a", "os", "as"]) ADJECTIVES[`${stem}${ending}`] = english;
for (const [word, english] of Object.entries(INVARIABLE)) for (const form of [word, `${word}es`, `${word}a`, `${word}as`]) ADJECTIVES[form] = english;

/** "de …" and other modifiers → English genre words. */
const OF: Record<string, string> = {
  "de terror": "horror",
  "de miedo": "horror",
  "de horror": "horror",
  "de sustos": "horror",
  "de guerra": "war",
  "de la guerra": "war",
  "de accion": "action",
  "de aventura": "adventure",
  "de aventuras": "adventure",
  "de animacion": "animated",
  "de dibujos animados": "animated",
  "de dibujos": "animated",
  "de amor": "romance",
  "de romance": "romance",
  "de ciencia ficcion": "sci-fi",
  "de fantasia": "fantasy",
  "de misterio": "mystery",
  "de misterios": "mystery",
  "de suspenso": "thriller",
  "de suspense": "thriller",
  "de intriga": "thriller",
  "de crimen": "crime",
  "de crimenes": "crime",
  "de gangsters": "gangster",
  "de ganster": "gangster",
  "de gansteres": "gangster",
  "de mafiosos": "mafia",
  "de la mafia": "mafia",
  "de mafia": "mafia",
  "de vaqueros": "western",
  "del oeste": "western",
  "de superheroes": "superhero",
  "de navidad": "christmas",
  "de comedia": "comedy",
  "de humor": "comedy",
  "de risa": "comedy",
  "de drama": "drama",
  "de familia": "family",
  "de familias": "family",
  "de detectives": "detective",
  "de espias": "spy",
  "de historia": "historical",
  "de epoca": "period piece",
  "para ninos": "kids",
  "para toda la familia": "for the whole family",
  "para la familia": "family",
  "de artes marciales": "martial arts",
  "de vampiros": "vampire",
  "de zombis": "zombie",
  "de zombies": "zombie",
  "de monstruos": "monster",
  "de catastrofes": "disaster",
  "de policias": "crime",
  "de robos": "heist",
  "de atracos": "heist",
  "de musica": "musical",
  "de baile": "musical",
  "de accion real": "live action",
  ...ADJECTIVES,
};

/** Genre words standing alone ("sin terror", "nada de acción", "una comedia"), after the noun + modifier pairs. */
const WORDS: Record<string, string> = {
  "comedias musicales": "musicals",
  "comedia musical": "musical",
  "cine negro": "film noir",
  "dibujos animados": "cartoons",
  "dibujo animado": "cartoon",
  "peliculas de dibujos": "cartoons",
  comedias: "comedies",
  comedia: "comedy",
  terror: "horror",
  miedo: "horror",
  sustos: "horror",
  guerra: "war",
  guerras: "war",
  accion: "action",
  aventuras: "adventure",
  aventura: "adventure",
  "ciencia ficcion": "sci-fi",
  fantasia: "fantasy",
  misterio: "mystery",
  misterios: "mystery",
  suspenso: "thriller",
  suspense: "thriller",
  intriga: "thriller",
  crimen: "crime",
  crimenes: "crime",
  animacion: "animation",
  dibujos: "cartoons",
  musicales: "musicals",
  documentales: "documentaries",
  documental: "documentary",
  "del oeste": "western",
  vaqueros: "cowboys",
  "para ninos": "for kids",
  "para toda la familia": "for the whole family",
  romanticismo: "romance",
  amor: "romance",
  violencia: "violence",
  sangre: "gore",
  superheroes: "superhero",
  gansteres: "gangsters",
  familia: "family",
  humor: "comedy",
  epoca: "period piece",
  historia: "history",
  corta: "short",
  cortas: "short",
  corto: "short",
  cortos: "short",
  larga: "long",
  largas: "long",
  largo: "long",
  largos: "long",
  "historias de amor": "love stories",
  "historia de amor": "love story",
  musica: "musical",
  detectives: "detectives",
  ...ADJECTIVES,
};

/** "japonés", "japonesa", "japoneses", "japonesas" → "japanese". */
const LANGUAGE_FORMS: Record<string, string> = {};
for (const name of FOREIGN_LANGUAGE_NAMES) {
  for (const entry of name.es) {
    const [masculine, feminine = masculine] = entry.split("/");
    const plural = (form: string) => (/[aeo]$/.test(form) ? `${form}s` : /[iu]$/.test(form) ? `${form}es` : /z$/.test(form) ? `${form.slice(0, -1)}ces` : `${form}es`);
    for (const form of [masculine, feminine, plural(masculine), plural(feminine)]) LANGUAGE_FORMS[form] = name.english;
  }
}
const COUNTRIES = countriesIn("es");
export const LANGUAGE_WORD = alternation(Object.keys(LANGUAGE_FORMS));

/** Genre and language rewrites, in order: fixed phrases, noun + modifier pairs, then single words. */
export const SPANISH_VOCABULARY: Rewrite[] = [
  { pattern: phrase(String.raw`(comedias musicales|comedia musical|cine negro|dibujos animados|dibujo animado|historias de amor|historia de amor)`), to: (m) => lookup(WORDS, m[1])! },
  { pattern: phrase(String.raw`(${alternation(Object.keys(COUNTRIES))})`), to: (m) => lookup(COUNTRIES, m[1]) ?? null },
  { pattern: phrase(String.raw`(?:en |de )?(?:cualquier|otro) (?:idioma|lengua) (?:menos|excepto|salvo|que no sea)(?: el)?`), to: "in any language but" },
  { pattern: phrase(String.raw`(?:en )?(?:un|otro) (?:idioma|lengua) (?:que no sea|distinto del?|diferente del?|aparte del?)(?: el)?`), to: "in a language other than" },
  { pattern: phrase(String.raw`(?:en )?(?:version original|v ?o)(?: (?:en|subtitulada en))? (${LANGUAGE_WORD})`), to: (m) => `originally in ${lookup(LANGUAGE_FORMS, m[1])}` },
  { pattern: phrase(String.raw`(?:(?:en|de) (?:el )?(?:idioma |lengua )?|hablad[oa]s? en (?:el )?)(${LANGUAGE_WORD})`), to: (m) => `in ${lookup(LANGUAGE_FORMS, m[1])}` },
  { pattern: phrase(String.raw`(?:el |del )?cine (${LANGUAGE_WORD})`), to: (m) => `${lookup(LANGUAGE_FORMS, m[1])} films` },
  ...nounModifierRewrites({ heads: HEADS, modifiers: OF, words: WORDS, languages: LANGUAGE_FORMS }),
  { pattern: phrase(String.raw`extranjer[oa]s?`), to: "foreign" },
];

/** Spanish words an English request may contain too: no evidence either way. */
const ENGLISH_LOOKALIKES = new Set([
  "drama",
  "dramas",
  "thriller",
  "thrillers",
  "western",
  "westerns",
  "musical",
  "film",
  "films",
  "series",
  "terror",
  "horror",
  "hindi",
  "tamil",
  "telugu",
  "afrikaans",
  "persa",
  "farsi",
  "mandarin",
  "israeli",
  "pashto",
  "documental",
  "china",
  "india",
  "argentina",
  "indonesia",
  "chile",
  "cuba",
  "portugal",
  "israel",
  "vietnam",
  "taiwan",
  "hollywood",
  "hong",
  "kong",
  "iran",
  "detectives",
  "gangsters",
  "familiar",
  "infantil",
  "comic",
  "romance",
  "suspense",
  "misterio",
]);

/** Words only Spanish film requests use (two detection points each): nouns, genre words, language adjectives, countries. */
export const SPANISH_STRONG_WORDS = strongWords(
  // One-word entries, and a country's own name ("de japon" → "japon"); never a word of a longer phrase.
  [...Object.keys(HEADS), ...Object.keys(WORDS), ...Object.keys(LANGUAGE_FORMS), ...Object.keys(COUNTRIES).map((country) => country.replace(/^(?:de|del) (?:la |los |el )?/, ""))],
  ENGLISH_LOOKALIKES,
);
