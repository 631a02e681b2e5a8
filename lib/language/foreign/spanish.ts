/**
 * Spanish request phrasing → the English phrasing lib/language reads. Closed sets only: genre
 * nouns and adjectives, language adjectives, numbers with a unit, years and decades with their
 * prepositions, negation and "como X". Patterns run on folded text (see shared.ts).
 */
import { alternation, decadePhrase, lookup, minutesPhrase, phrase, plausibleMinutes, RUNTIME_ENGLISH, YEAR, type ForeignLanguage, type Rewrite, type RuntimeBound } from "./shared";

const VALUES: Record<string, number> = {
  un: 1, uno: 1, una: 1, dos: 2, tres: 3, cuatro: 4, cinco: 5, seis: 6, siete: 7, ocho: 8, nueve: 9, diez: 10, once: 11, doce: 12, trece: 13,
  catorce: 14, quince: 15, dieciseis: 16, diecisiete: 17, dieciocho: 18, diecinueve: 19, veinte: 20, veintiuno: 21, veintidos: 22, veintitres: 23,
  veinticuatro: 24, veinticinco: 25, veintiseis: 26, veintisiete: 27, veintiocho: 28, veintinueve: 29, treinta: 30, cuarenta: 40, cincuenta: 50,
  sesenta: 60, setenta: 70, ochenta: 80, noventa: 90, cien: 100, ciento: 100, doscientos: 200, trescientos: 300,
};
const NUMBER_WORD = alternation(Object.keys(VALUES));
/** "90", "dos", "noventa y cinco", "ciento veinte". */
const NUMBER = String.raw`(?:\d+|(?:${NUMBER_WORD})(?: (?:y )?(?:${NUMBER_WORD}))*)`;

/** "noventa y cinco" → 95, "ciento veinte" → 120; NaN when not a number. */
export function spanishNumber(text: string): number {
  if (/^\d+$/.test(text)) return Number(text);
  let total = 0;
  for (const word of text.split(" ").filter((part) => part && part !== "y")) {
    const value = VALUES[word];
    if (value === undefined) return Number.NaN;
    total += value;
  }
  return total;
}

const HOURS = "(?:horas?|hs?|hrs?)";
const MINUTES = "(?:minutos?|mins?|m)";
const count = (minutes: number) => (plausibleMinutes(minutes) ? minutesPhrase(minutes) : null);

const DURATIONS: Rewrite[] = [
  { pattern: phrase(String.raw`(\d+) ?h ?(\d{1,2})(?: ?${MINUTES})?`), to: (m) => count(Number(m[1]) * 60 + Number(m[2])) },
  { pattern: phrase(String.raw`(?:una )?media hora`), to: () => minutesPhrase(30) },
  { pattern: phrase(String.raw`(?:(?:una|1) )?hora y (media|cuarto)`), to: (m) => count(m[1] === "media" ? 90 : 75) },
  { pattern: phrase(String.raw`(${NUMBER}) ${HOURS} y (media|cuarto)`), to: (m) => count(spanishNumber(m[1]) * 60 + (m[2] === "media" ? 30 : 15)) },
  { pattern: phrase(String.raw`(${NUMBER}) ${HOURS} y (${NUMBER})(?: ${MINUTES})?`), to: (m) => count(spanishNumber(m[1]) * 60 + spanishNumber(m[2])) },
  { pattern: phrase(String.raw`(${NUMBER}) ?${HOURS}`), to: (m) => count(spanishNumber(m[1]) * 60) },
  { pattern: phrase(String.raw`(${NUMBER}) ?${MINUTES}\.?`), to: (m) => count(spanishNumber(m[1])) },
];

const RUNTIME_BEFORE: Record<string, RuntimeBound> = {
  "no mas de": "max", "como maximo": "max", "maximo": "max", "menos de": "max", "a lo sumo": "max", "hasta": "max", "no superior a": "max", "inferior a": "max",
  "de menos de": "max", "que no pase de": "max", "que no supere": "max", "no mas larga de": "max", "no mas larga que": "max", "mas corta que": "max", "mas cortas que": "max",
  "mas de": "min", "al menos": "min", "por lo menos": "min", "como minimo": "min", "minimo": "min", "no menos de": "min", "superior a": "min", "de mas de": "min",
  "mas larga que": "min", "mas largas que": "min", unos: "about", unas: "about", "alrededor de": "about", aproximadamente: "about", "cerca de": "about", "mas o menos": "about",
};
const RUNTIME_AFTER: Record<string, RuntimeBound> = { "como maximo": "max", maximo: "max", "o menos": "max", "como minimo": "min", minimo: "min", "o mas": "min", "al menos": "min" };

const RUNTIMES: Rewrite[] = [
  { pattern: phrase(String.raw`(?:que |y que )?(no )?(?:dure|duren|durar|dura|duran)(?: (?:de|unos?|unas?))?(?= (?:no |mas |menos |al |por |como |entre |alrededor |cerca |aproximadamente |hasta |\d))`), to: (m) => (m[1] ? "no" : "") },
  { pattern: phrase(String.raw`(?:de |con una )?duracion(?: de)?(?= )`), to: "" },
  { pattern: phrase(String.raw`(?:entre|de) (\d+)(?: minutes)? (?:y|a) (\d+) minutes`), to: (m) => `between ${m[1]} and ${m[2]} minutes` },
  { pattern: phrase(String.raw`(${alternation(Object.keys(RUNTIME_BEFORE))}) (\d+) minutes`), to: (m) => `${RUNTIME_ENGLISH[lookup(RUNTIME_BEFORE, m[1])!]} ${m[2]} minutes` },
  { pattern: phrase(String.raw`(\d+) minutes (${alternation(Object.keys(RUNTIME_AFTER))})`), to: (m) => `${RUNTIME_ENGLISH[lookup(RUNTIME_AFTER, m[2])!]} ${m[1]} minutes` },
];

const YEAR_BEFORE: Record<string, string> = {
  "no anterior a": "no earlier than", "no anteriores a": "no earlier than", "no posterior a": "no later than", "no posteriores a": "no later than",
  "anterior a": "before", "anteriores a": "before", "posterior a": "after", "posteriores a": "after", "no antes de": "not before", "no despues de": "not after",
  "antes de": "before", "antes del": "before", "despues de": "after", "despues del": "after", desde: "since", "desde el": "since", "a partir de": "since",
  "a partir del": "since", "hasta el": "until", hasta: "until", "mas reciente que": "newer than", "mas recientes que": "newer than", "mas nueva que": "newer than",
  "mas nuevas que": "newer than", "mas antigua que": "older than", "mas antiguas que": "older than", "mas vieja que": "older than", "mas viejas que": "older than",
  en: "in", "en el": "in", "en el ano": "in", de: "from", del: "from", "del ano": "from", "de el": "from",
};

const DECADE_WORDS: Record<string, string> = {
  veinte: "1920s", treinta: "1930s", cuarenta: "1940s", cincuenta: "1950s", sesenta: "1960s", setenta: "1970s", ochenta: "1980s", noventa: "1990s",
  "dos mil": "2000s", "2000": "2000s",
};
const DECADE = String.raw`(\d{2}|(?:18|19|20)\d0|${alternation(Object.keys(DECADE_WORDS))})`;
const DECADE_PART: Record<string, string> = { principios: "early", inicios: "early", comienzos: "early", finales: "late", fines: "late", mediados: "mid" };

function decade(text: string): string | null {
  return lookup(DECADE_WORDS, text) ?? (/^\d+$/.test(text) ? decadePhrase(text) : null);
}

const PARTICIPLE = "(?:estrenad[oa]s?|lanzad[oa]s?|hech[oa]s?|realizad[oa]s?|filmad[oa]s?|rodad[oa]s?|producid[oa]s?|salid[oa]s?|que salieron|que se estrenaron) ";

const YEARS: Rewrite[] = [
  {
    // "de los años 80", "de la década de 1960", "de los noventa", "de principios de los 80".
    pattern: phrase(
      String.raw`(?:(de|en|desde|antes de|despues de) )?(?:(?:(principios|inicios|comienzos|finales|fines|mediados) de )|(?:la |las |los )?)(?:(?:decada|anos) (?:de (?:los )?|del )?|los )${DECADE}`,
    ),
    to: (m) => {
      const found = decade(m[3]);
      if (!found) return null;
      const lead = m[1] === undefined ? "the" : m[1] === "en" ? "in the" : m[1] === "desde" ? "since the" : m[1] === "antes de" ? "before the" : m[1] === "despues de" ? "after the" : "from the";
      return `${lead} ${m[2] ? `${DECADE_PART[m[2]]} ` : ""}${found}`;
    },
  },
  { pattern: phrase(String.raw`(?:${PARTICIPLE})?entre (?:el |los anos )?${YEAR} y (?:el )?${YEAR}`), to: (m) => `between ${m[1]} and ${m[2]}` },
  { pattern: phrase(String.raw`(?:${PARTICIPLE})?(?:desde|de) (?:el )?${YEAR} (?:hasta|a|al) (?:el )?${YEAR}`), to: (m) => `from ${m[1]} to ${m[2]}` },
  { pattern: phrase(String.raw`(?:${PARTICIPLE})?(${alternation(Object.keys(YEAR_BEFORE))}) ${YEAR}`), to: (m) => `${lookup(YEAR_BEFORE, m[1])} ${m[2]}` },
];

const GENRE_AFTER_FILM: Record<string, string> = {
  "de terror": "horror", "de miedo": "horror", "de horror": "horror", "de guerra": "war", "de accion": "action", "de aventura": "adventure",
  "de aventuras": "adventure", "de animacion": "animated", "de dibujos animados": "animated", "de amor": "romance", "de ciencia ficcion": "sci-fi",
  "de ciencia-ficcion": "sci-fi", "de fantasia": "fantasy", "de misterio": "mystery", "de suspenso": "thriller", "de suspense": "thriller", "de intriga": "thriller",
  "de crimen": "crime", "de crimenes": "crime", "de gangsters": "gangster", "de ganster": "gangster", "de gansteres": "gangster", "de mafiosos": "mafia",
  "de vaqueros": "western", "del oeste": "western", "de superheroes": "superhero", "de navidad": "christmas", "de comedia": "comedy", "de humor": "comedy",
  "de risa": "comedy", "de drama": "drama", "de detectives": "detective", "de espias": "spy", "de historia": "history", "de epoca": "period",
  "para ninos": "kids", "para toda la familia": "family", "para la familia": "family", "de dibujos": "animated", "de artes marciales": "martial arts",
  belica: "war", belicas: "war", belico: "war", belicos: "war", policiaca: "crime", policiacas: "crime", policiaco: "crime", policiacos: "crime",
  policial: "crime", policiales: "crime", animada: "animated", animadas: "animated", animado: "animated", animados: "animated", romantica: "romance",
  romanticas: "romance", romantico: "romance", romanticos: "romance", infantil: "kids", infantiles: "kids", familiar: "family", familiares: "family",
  dramatica: "drama", dramaticas: "drama", comica: "comedy", comicas: "comedy", fantastica: "fantasy", fantasticas: "fantasy", historica: "history",
  historicas: "history", musical: "musical", musicales: "musical", documental: "documentary", documentales: "documentary", "de misterios": "mystery",
  "de vampiros": "vampire", "de zombis": "zombie", "de zombies": "zombie", biografica: "biopic", biograficas: "biopic",
};
const FILM_NOUN = "(peliculas?|pelis?|films?|filmes?|largometrajes?|cine)";

const GENRE_WORDS: Record<string, string> = {
  "comedias musicales": "musicals", "comedia musical": "musical", "comedias romanticas": "romantic comedies", "comedia romantica": "romantic comedy",
  comedias: "comedies", comedia: "comedy", dramas: "dramas", terror: "horror", miedo: "horror", guerra: "war", accion: "action", aventuras: "adventure",
  aventura: "adventure", "ciencia ficcion": "sci-fi", "ciencia-ficcion": "sci-fi", fantasia: "fantasy", misterio: "mystery", suspenso: "thriller",
  intriga: "thriller", crimen: "crime", crimenes: "crime", animacion: "animation", "dibujos animados": "cartoons", musicales: "musicals",
  documentales: "documentaries", documental: "documentary", "cine negro": "film noir", "del oeste": "western", "para ninos": "for kids",
  "para toda la familia": "for the whole family", infantiles: "kids", infantil: "kids", romanticas: "romantic", romantica: "romantic", romanticos: "romantic",
  romantico: "romantic", policiacas: "crime", policiaca: "crime", policiacos: "crime", policiaco: "crime", belicas: "war", belica: "war", animadas: "animated",
  animada: "animated", "superheroes": "superhero",
};

const LANGUAGE_STEMS: Record<string, [string, string]> = {
  // masculine singular, feminine singular (plural adds -s / -es)
  french: ["frances", "francesa"], english: ["ingles", "inglesa"], spanish: ["espanol", "espanola"], german: ["aleman", "alemana"],
  italian: ["italiano", "italiana"], japanese: ["japones", "japonesa"], korean: ["coreano", "coreana"], chinese: ["chino", "china"],
  russian: ["ruso", "rusa"], swedish: ["sueco", "sueca"], danish: ["danes", "danesa"], norwegian: ["noruego", "noruega"], dutch: ["holandes", "holandesa"],
  finnish: ["finlandes", "finlandesa"], polish: ["polaco", "polaca"], turkish: ["turco", "turca"], greek: ["griego", "griega"], iranian: ["irani", "irani"],
  persian: ["persa", "persa"], thai: ["tailandes", "tailandesa"], brazilian: ["brasileno", "brasilena"], portuguese: ["portugues", "portuguesa"],
  mexican: ["mexicano", "mexicana"], argentinian: ["argentino", "argentina"], indian: ["indio", "india"], hindi: ["hindi", "hindi"], arabic: ["arabe", "arabe"],
  hebrew: ["hebreo", "hebrea"], israeli: ["israeli", "israeli"], icelandic: ["islandes", "islandesa"], czech: ["checo", "checa"], hungarian: ["hungaro", "hungara"],
  romanian: ["rumano", "rumana"], vietnamese: ["vietnamita", "vietnamita"], ukrainian: ["ucraniano", "ucraniana"], cantonese: ["cantones", "cantonesa"],
  mandarin: ["mandarin", "mandarin"], "hong kong": ["hongkones", "hongkonesa"], scandinavian: ["escandinavo", "escandinava"], indonesian: ["indonesio", "indonesia"],
};
const LANGUAGE_FORMS: Record<string, string> = { estadounidense: "english", estadounidenses: "english", americana: "english", americanas: "english", britanica: "english", britanicas: "english", "neerlandes": "dutch" };
for (const [english, [masculine, feminine]] of Object.entries(LANGUAGE_STEMS)) {
  const plural = /[aeiou]$/.test(masculine) ? `${masculine}s` : /s$/.test(masculine) ? `${masculine}es` : `${masculine}es`;
  for (const form of [masculine, feminine, plural, `${feminine}s`]) LANGUAGE_FORMS[form] = english;
}
// "china", "india", "argentina" are also countries; "de China" still means Chinese films.
const LANGUAGE_WORD = alternation(Object.keys(LANGUAGE_FORMS));

const GENRES_AND_LANGUAGES: Rewrite[] = [
  { pattern: phrase(String.raw`${FILM_NOUN} (${alternation(Object.keys(GENRE_AFTER_FILM))})`), to: (m) => `${lookup(GENRE_AFTER_FILM, m[2]) ?? GENRE_AFTER_FILM[m[2]]} ${filmNoun(m[1])}` },
  { pattern: phrase(String.raw`${FILM_NOUN} (${LANGUAGE_WORD})`), to: (m) => `${lookup(LANGUAGE_FORMS, m[2])} ${filmNoun(m[1])}` },
  { pattern: phrase(String.raw`(?:(?:en|de) (?:idioma |lengua )?|hablad[oa]s? en )(${LANGUAGE_WORD})`), to: (m) => `in ${lookup(LANGUAGE_FORMS, m[1])}` },
  { pattern: phrase(String.raw`(?:el |del )?cine (${LANGUAGE_WORD})`), to: (m) => `${lookup(LANGUAGE_FORMS, m[1])} films` },
  { pattern: phrase(`(${alternation(Object.keys(GENRE_WORDS))})`), to: (m) => lookup(GENRE_WORDS, m[1]) ?? GENRE_WORDS[m[1]] ?? null },
  { pattern: phrase(`(${LANGUAGE_WORD})`), to: (m) => lookup(LANGUAGE_FORMS, m[1]) ?? null },
  { pattern: phrase(FILM_NOUN), to: (m) => filmNoun(m[1]) },
];

function filmNoun(noun: string): string {
  return /s$/.test(noun) ? "films" : "film";
}

const NEGATION_AND_CUES: Rewrite[] = [
  { pattern: phrase(String.raw`(?:cualquier cosa|lo que sea|todo|cualquiera) (?:menos|excepto|salvo|pero no)(?: (?:las?|los?|el))?`), to: "anything but" },
  { pattern: phrase(String.raw`que no (?:esten|este|sean|sea)(?: (?:en|de))? (?=in )`), to: "not " },
  { pattern: phrase(String.raw`que no (?:sean|sea|son|es)(?: (?:una?|unas|unos|las?|los?))?`), to: "that are not" },
  { pattern: phrase(String.raw`(?:pero |y )?(?:nada de|nada|ningun|ninguna|ningunos|ningunas|sin nada de)(?: (?:las?|los?|el))?(?= )`), to: (m) => (/^pero/.test(m[0]) ? "but no" : "no") },
  { pattern: phrase(String.raw`(?:pero |y )?sin(?: (?:nada de|ningun|ninguna|las?|los?|el|una?))?(?= )`), to: (m) => (/^pero/.test(m[0]) ? "but without" : "without") },
  { pattern: phrase(String.raw`(?:excepto|salvo|menos)(?: (?:las?|los?|el))?(?= (?:${alternation(["horror", "war", "action", "adventure", "animated", "animation", "romance", "romantic", "sci-fi", "fantasy", "mystery", "thriller", "crime", "comedies", "comedy", "dramas", "drama", "musicals", "musical", "westerns", "western", "documentar", "kids", "family", "cartoons"])}))`), to: "except" },
  { pattern: phrase(String.raw`(?:evitar|evita|evite) (?:las?|los?|el)?`), to: "avoid" },
  { pattern: phrase(String.raw`algo(?: de)?(?= )`), to: "something", connective: true },
  { pattern: phrase(String.raw`(?:parecid[oa]s? a(?:l)?|similar(?:es)? a(?:l)?|del estilo de(?:l)?|al estilo de(?:l)?|en la linea de(?:l)?|como)`), to: "like" },
  { pattern: phrase("pero"), to: "but", connective: true },
  { pattern: phrase("con"), to: "with", connective: true },
  { pattern: phrase("(?:solo|solamente|unicamente)"), to: "just", connective: true },
  { pattern: phrase("y"), to: "and", connective: true },
  { pattern: phrase("o"), to: "or", connective: true },
];

export const SPANISH: ForeignLanguage = {
  code: "es",
  markers: (
    "el los las una uno del al que como sin con para por pero nada algo quiero ver busco recomiendas recomienda recomiendame de y o anos decada " +
    "cualquier cosa menos mas solo entre desde hasta antes despues dure duren horas hora minutos sean esten favor hola gracias alguna algun unas unos"
  ).split(" "),
  strong: /^(peliculas?|como|despues|pelis?|anos|decada|quiero|busco|recomiendas|recomiendame|cualquier|policiacas?|policiacos?|infantiles|animadas?|belicas?|romanticas?|comedias?|terror|miedo|suspenso|guerra|accion|aventuras|misterio|ciencia|ficcion|esten|sean|duren|minutos|horas|(frances|ingles|espanol|aleman|italian|japones|corean|chin|rus|suec|danes|norueg|holandes|finlandes|polac|griego|brasilen|portugues|mexican|argentin|hungar|rumano|checo|ucranian)(a|o|es|as|os)?)$/,
  likeCue: phrase(String.raw`(?:como(?! (?:maximo|minimo)\b)|parecid[oa]s? a(?:l)?|similar(?:es)? a(?:l)?|del estilo de(?:l)?|al estilo de(?:l)?|en la linea de(?:l)?)`),
  titleStop: phrase(String.raw`pero|sin|excepto|salvo|aunque|que|de los anos|de la decada|de los|en (?:${LANGUAGE_WORD})|[,;?!¿¡]`),
  rewrites: [...DURATIONS, ...RUNTIMES, ...YEARS, ...GENRES_AND_LANGUAGES, ...NEGATION_AND_CUES],
  fillers: new Set(
    (
      "el la los las un una unos unas de del al quiero quisiera queria ver busco buscando recomiendas recomienda recomiendame recomendarme me puedes podrias " +
      "sugerir sugiereme dame muestrame por favor hola gracias que sean sea es son este esta estos estas ese esa esos esas buena buenas buen bueno buenos " +
      "alguna algunas algun alguno algunos mi mis tu tus para estrenada estrenadas estrenado estrenados lanzada lanzadas hecha hechas mas muy tipo"
    ).split(" "),
  ),
};
