/**
 * Spanish request phrasing → the English phrasing lib/language reads. Closed sets only: genre
 * nouns and adjectives, language adjectives, numbers with a unit, years and decades with their
 * prepositions, negation and "como X". Patterns run on folded text (see shared.ts).
 */
import { LANGUAGE_WORD, SPANISH_STRONG_WORDS, SPANISH_VOCABULARY } from "./spanish-words";
import { isGenreWord } from "../genre-words";
import {
  alternation,
  anyOf,
  startsWithGenre,
  decadePhrase,
  lookup,
  minutesPhrase,
  phrase,
  plausibleMinutes,
  RUNTIME_ENGLISH,
  YEAR,
  type ForeignLanguage,
  type Rewrite,
  type RuntimeBound,
} from "./shared";

const VALUES: Record<string, number> = {
  un: 1,
  uno: 1,
  una: 1,
  dos: 2,
  tres: 3,
  cuatro: 4,
  cinco: 5,
  seis: 6,
  siete: 7,
  ocho: 8,
  nueve: 9,
  diez: 10,
  once: 11,
  doce: 12,
  trece: 13,
  catorce: 14,
  quince: 15,
  dieciseis: 16,
  diecisiete: 17,
  dieciocho: 18,
  diecinueve: 19,
  veinte: 20,
  veintiuno: 21,
  veintidos: 22,
  veintitres: 23,
  veinticuatro: 24,
  veinticinco: 25,
  veintiseis: 26,
  veintisiete: 27,
  veintiocho: 28,
  veintinueve: 29,
  treinta: 30,
  cuarenta: 40,
  cincuenta: 50,
  sesenta: 60,
  setenta: 70,
  ochenta: 80,
  noventa: 90,
  cien: 100,
  ciento: 100,
  doscientos: 200,
  trescientos: 300,
};
const NUMBER_WORD = alternation(Object.keys(VALUES));
/** "90", "dos", "noventa y cinco", "ciento veinte". */
const NUMBER = String.raw`(?:\d+|(?:${NUMBER_WORD})(?: (?:y )?(?:${NUMBER_WORD}))*)`;

/** "noventa y cinco" → 95, "ciento veinte" → 120; NaN when not a number. */
function spanishNumber(text: string): number {
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

function range(from: number, to: number): string | null {
  return plausibleMinutes(from) && plausibleMinutes(to) && from < to ? `between ${from} and ${to} minutes` : null;
}

const DURATIONS: Rewrite[] = [
  // "entre una y dos horas": a range, before "una y dos" reads as one number.
  { pattern: phrase(String.raw`entre (${NUMBER}) y (${NUMBER}) ${HOURS}`), to: (m) => range(spanishNumber(m[1]) * 60, spanishNumber(m[2]) * 60) },
  { pattern: phrase(String.raw`(\d+) ?h ?(\d{1,2})(?: ?${MINUTES})?`), to: (m) => count(Number(m[1]) * 60 + Number(m[2])) },
  { pattern: phrase(String.raw`(\d+)[,.](\d) ?${HOURS}`), to: (m) => count(Number(`${m[1]}.${m[2]}`) * 60) },
  { pattern: phrase(String.raw`(?:una )?media hora`), to: () => minutesPhrase(30) },
  { pattern: phrase(String.raw`(?:(?:una|1) )?hora y (media|cuarto)`), to: (m) => count(m[1] === "media" ? 90 : 75) },
  // "hora y cuarenta", "una hora y cuarenta minutos", "1 hora 40".
  { pattern: phrase(String.raw`(?:(?:una|1) )?hora (?:y )?(${NUMBER})(?: ${MINUTES})?`), to: (m) => (spanishNumber(m[1]) < 60 ? count(60 + spanishNumber(m[1])) : null) },
  { pattern: phrase(String.raw`(${NUMBER}) ${HOURS} y (media|cuarto)`), to: (m) => count(spanishNumber(m[1]) * 60 + (m[2] === "media" ? 30 : 15)) },
  // Minutes after hours are under 60: "una hora y 90 minutes" is two durations ("entre una hora y hora y media").
  { pattern: phrase(String.raw`(${NUMBER}) ${HOURS} (?:y )?(${NUMBER})(?: ${MINUTES})?`), to: (m) => (spanishNumber(m[2]) < 60 ? count(spanishNumber(m[1]) * 60 + spanishNumber(m[2])) : null) },
  { pattern: phrase(String.raw`(${NUMBER}) ?${HOURS}`), to: (m) => count(spanishNumber(m[1]) * 60) },
  { pattern: phrase(String.raw`(${NUMBER}) ?${MINUTES}\.?`), to: (m) => count(spanishNumber(m[1])) },
];

/** "que no pase de", "que no superen", "que no lleguen a", …: a runtime the film must not go past is its maximum. */
function notGoingPast(): Record<string, RuntimeBound> {
  const forms: Record<string, RuntimeBound> = {};
  for (const verb of ["pase de", "supere", "exceda", "exceda de", "sobrepase", "llegue a", "dure mas de"]) {
    const [stem, ...rest] = verb.split(" ");
    for (const form of [stem, `${stem}n`]) forms[["que no", form, ...rest].join(" ")] = "max";
  }
  return forms;
}

const RUNTIME_BEFORE: Record<string, RuntimeBound> = {
  "no mas de": "max",
  "como maximo": "max",
  maximo: "max",
  "menos de": "max",
  "a lo sumo": "max",
  hasta: "max",
  "no superior a": "max",
  "inferior a": "max",
  "inferiores a": "max",
  "menores a": "max",
  "menores de": "max",
  "de menos de": "max",
  "no mas larga de": "max",
  "no mas larga que": "max",
  "mas corta que": "max",
  "mas cortas que": "max",
  "mas de": "min",
  "al menos": "min",
  "por lo menos": "min",
  "como minimo": "min",
  minimo: "min",
  "no menos de": "min",
  "superior a": "min",
  "superiores a": "min",
  "mayores a": "min",
  "mayores de": "min",
  "de mas de": "min",
  "como mucho": "max",
  "a lo mucho": "max",
  "sin llegar a": "max",
  "como tope": "max",
  "mas cortas de": "max",
  "mas corta de": "max",
  "mas largas de": "min",
  "mas larga de": "min",
  "sin pasar de": "max",
  ...notGoingPast(),
  "por debajo de": "max",
  "menor a": "max",
  "menor de": "max",
  "menor que": "max",
  maxima: "max",
  "por encima de": "min",
  "mayor a": "min",
  "mayor de": "min",
  "mayor que": "min",
  minima: "min",
  "mas larga que": "min",
  "mas largas que": "min",
  "maxima de": "max",
  "maximo de": "max",
  "minima de": "min",
  "minimo de": "min",
  unos: "about",
  unas: "about",
  "alrededor de": "about",
  aproximadamente: "about",
  "cerca de": "about",
  "mas o menos": "about",
};
const RUNTIME_AFTER: Record<string, RuntimeBound> = {
  "como tope": "max",
  tope: "max",
  "de tope": "max",
  max: "max",
  maxima: "max",
  "de maxima": "max",
  "de duracion maxima": "max",
  "de duracion como maximo": "max",
  minima: "min",
  "de minima": "min",
  "de duracion minima": "min",
  "como maximo": "max",
  "como mucho": "max",
  "a lo sumo": "max",
  maximo: "max",
  "o menos": "max",
  "como minimo": "min",
  minimo: "min",
  "o mas": "min",
  "al menos": "min",
};

const RUNTIMES: Rewrite[] = [
  {
    pattern: phrase(
      String.raw`(?:que |y que )?(no )?(?:dure|duren|durar|dura|duran)(?: (?:de|unos?|unas?))?(?= (?:no |mas |menos |al |por |como |entre |alrededor |cerca |aproximadamente |hasta |\d))`,
    ),
    to: (m) => (m[1] ? "no" : ""),
  },
  { pattern: phrase(String.raw`(?:de |con una |con )?duracion(?:es)?(?: de)?(?= )`), to: "" },
  { pattern: phrase(String.raw`(?:entre|de) (\d+)(?: minutes)? (?:y|a) (\d+) minutes`), to: (m) => `between ${m[1]} and ${m[2]} minutes` },
  { pattern: phrase(String.raw`(${alternation(Object.keys(RUNTIME_BEFORE))}) (?:(?:la|las|los|el) )?(\d+) minutes`), to: (m) => `${RUNTIME_ENGLISH[lookup(RUNTIME_BEFORE, m[1])!]} ${m[2]} minutes` },
  // A time budget: "solo tengo hora y media", "tengo 90 minutos".
  { pattern: phrase(String.raw`(?:(?:solo|solamente|unicamente) )?(?:tengo|tenemos|dispongo de)(?: (?:solo|solamente|unicamente))?(?= \d+ minutes)`), to: "I only have" },
  { pattern: phrase(String.raw`(\d+) minutes (${alternation(Object.keys(RUNTIME_AFTER))})`), to: (m) => `${RUNTIME_ENGLISH[lookup(RUNTIME_AFTER, m[2])!]} ${m[1]} minutes` },
];

const YEAR_BEFORE: Record<string, string> = {
  "no anterior a": "no earlier than",
  "no anteriores a": "no earlier than",
  "no posterior a": "no later than",
  "no posteriores a": "no later than",
  "anterior a": "before",
  "anteriores a": "before",
  "posterior a": "after",
  "posteriores a": "after",
  "no antes de": "not before",
  "no despues de": "not after",
  "anterior al": "before",
  "anteriores al": "before",
  "posterior al": "after",
  "posteriores al": "after",
  "no anteriores al": "no earlier than",
  "no posteriores al": "no later than",
  "antes de": "before",
  "antes del": "before",
  "despues de": "after",
  "despues del": "after",
  desde: "since",
  "desde el": "since",
  "a partir de": "since",
  "a partir del": "since",
  "hasta el": "until",
  hasta: "until",
  "mas reciente que": "newer than",
  "mas recientes que": "newer than",
  "mas nueva que": "newer than",
  "mas nuevas que": "newer than",
  "mas antigua que": "older than",
  "mas antiguas que": "older than",
  "mas vieja que": "older than",
  "mas viejas que": "older than",
  en: "in",
  "en el": "in",
  "en el ano": "in",
  de: "from",
  del: "from",
  "del ano": "from",
  "de el": "from",
};

const DECADE_WORDS: Record<string, string> = {
  veinte: "1920s",
  treinta: "1930s",
  cuarenta: "1940s",
  cincuenta: "1950s",
  sesenta: "1960s",
  setenta: "1970s",
  ochenta: "1980s",
  noventa: "1990s",
  "dos mil": "2000s",
  "2000": "2000s",
};
const DECADE = String.raw`((?:18|19|20)\d0|\d0|${alternation(Object.keys(DECADE_WORDS))})`;
/** What stands before a decade: "de los 80", "desde los 90", "a partir de los 2000", "antes de los 90". */
const DECADE_LEAD: Record<string, string> = {
  de: "from the",
  en: "in the",
  desde: "since the",
  "a partir de": "since the",
  "antes de": "before the",
  "despues de": "after the",
  hasta: "until the",
  "no antes de": "not before the",
  "no despues de": "not after the",
  "anteriores a": "before the",
  "posteriores a": "after the",
};
const DECADE_PART: Record<string, string> = { principios: "early", inicios: "early", comienzos: "early", finales: "late", fines: "late", mediados: "mid" };

function decade(text: string): string | null {
  return lookup(DECADE_WORDS, text) ?? (/^\d+$/.test(text) ? decadePhrase(text) : null);
}

const PARTICIPLE = "(?:estrenad[oa]s?|lanzad[oa]s?|hech[oa]s?|realizad[oa]s?|filmad[oa]s?|rodad[oa]s?|producid[oa]s?|salid[oa]s?|que salieron|que se estrenaron) ";

const YEARS: Rewrite[] = [
  {
    // "de los años 80", "de la década de 1960", "de los noventa", "de principios de los 80".
    pattern: phrase(
      String.raw`(?:(${alternation(Object.keys(DECADE_LEAD))}) )?(?:(?:(principios|inicios|comienzos|finales|fines|mediados) de )|(?:la |las |los )?)(?:(?:decada|anos) (?:de (?:los )?|del )?|los )${DECADE}s?(?: (o|y) (?:(?:los )?(?:anos )?)${DECADE}s?)?(?! minutes)( en adelante)?`,
    ),
    to: (m) => {
      // "de los 90 en adelante": from the decade on.
      if (m[6] && m[5] === undefined && !m[2]) return `since the ${decade(m[3]) ?? m[3]}`;
      const found = decade(m[3]);
      const second = m[5] === undefined ? null : decade(m[5]);
      if (!found || (m[5] !== undefined && !second)) return null;
      const lead = m[1] === undefined ? "the" : lookup(DECADE_LEAD, m[1])!;
      // "de los 80 o 90": both decades, as English writes "the 80s or 90s".
      return `${lead} ${m[2] ? `${DECADE_PART[m[2]]} ` : ""}${found}${second ? ` ${m[4] === "o" ? "or" : "and"} ${second}` : ""}`;
    },
  },
  // "de 1990 en adelante", "de 2000 o posteriores": open ranges that include the year.
  { pattern: phrase(String.raw`(?:${PARTICIPLE})?(?:de|desde|del) (?:el )?(?:ano )?${YEAR} (?:en adelante|o posteriores|o posterior|o mas recientes?|o despues)`), to: (m) => `${m[1]} or later` },
  { pattern: phrase(String.raw`(?:${PARTICIPLE})?(?:de|del) (?:el )?(?:ano )?${YEAR} (?:o anteriores|o anterior|o mas antiguas?|o antes)`), to: (m) => `${m[1]} or earlier` },
  { pattern: phrase(String.raw`(?:${PARTICIPLE})?entre (?:el |los anos )?${YEAR} y (?:el )?${YEAR}`), to: (m) => `between ${m[1]} and ${m[2]}` },
  { pattern: phrase(String.raw`(?:${PARTICIPLE})?(?:desde|de) (?:el )?${YEAR} (?:hasta|a|al) (?:el )?${YEAR}`), to: (m) => `from ${m[1]} to ${m[2]}` },
  { pattern: phrase(String.raw`(?:${PARTICIPLE})?(${alternation(Object.keys(YEAR_BEFORE))}) (?:ano )?${YEAR}`), to: (m) => `${lookup(YEAR_BEFORE, m[1])} ${m[2]}` },
];

/** "terror no", "pero terror no", "ciencia ficción tampoco": the genre of the last one or two words, denied; null when they are not a genre. */
function deniedAfter(first: string, second: string | undefined): string | null {
  const genre = (words: string) => isGenreWord(words.replace(/-/g, " "));
  if (second !== undefined && genre(`${first} ${second}`)) return `no ${first} ${second}`;
  if (second !== undefined && genre(second)) return `${first} no ${second}`;
  return second === undefined && genre(first) ? `no ${first}` : null;
}

const NEGATION_AND_CUES: Rewrite[] = [
  // "comedias sí, terror no": a genre denied after it, at the end of a clause.
  { pattern: /(?<![a-z0-9])(?:(?:el|la|los|las) )?([a-z-]+)(?: ([a-z-]+))? (?:no|tampoco)(?= *(?:[,.;!?)]|por favor|gracias|$))/g, to: (m) => deniedAfter(m[1], m[2]) },
  { pattern: phrase(String.raw`si`), to: "", connective: true },
  { pattern: phrase(String.raw`(?:pero |y )?nada que (?:tenga|tengan) que ver con(?: (?:el|la|los|las))?`), to: (m) => (/^pero/.test(m[0]) ? "but nothing" : "nothing") },
  { pattern: phrase(String.raw`(?:cualquier cosa|lo que sea|todo|cualquiera) (?:menos|excepto|salvo|pero no)(?: (?:las?|los?|el))?`), to: "anything but" },
  { pattern: phrase(String.raw`que no (?:esten|este|sean|sea)(?: (?:en|de))? (?=in )`), to: "not " },
  { pattern: phrase(String.raw`que no (?:sean|sea|son|es)(?: (?:una?|unas|unos|las?|los?))?`), to: "that are not" },
  { pattern: phrase(String.raw`(?:pero |y )?(?:nada de|nada|ningun|ninguna|ningunos|ningunas|sin nada de)(?: (?:las?|los?|el))?(?= )`), to: (m) => (/^pero/.test(m[0]) ? "but no" : "no") },
  { pattern: phrase(String.raw`(?:pero |y )?sin(?: (?:nada de|ningun|ninguna|las?|los?|el|una?))?(?= )`), to: (m) => (/^pero/.test(m[0]) ? "but without" : "without") },
  { pattern: phrase(String.raw`(?:pero |y )?(?:no me gusta|no me gustan|no me van|odio|detesto)(?: (?:el|la|los|las|nada de))?(?= )`), to: (m) => (/^pero/.test(m[0]) ? "but no" : "no") },
  {
    pattern: phrase(String.raw`(?:pero |y )?que no (?:tenga|tengan|contenga|contengan|incluya|incluyan|lleve|lleven)(?: (?:nada de|el|la|los|las|una?))?(?= )`),
    to: (m) => (/^pero/.test(m[0]) ? "but without" : "without"),
  },
  { pattern: phrase(String.raw`(?:pero |y )?(?:olvidate|olvidese|olvidense|olvida|olvidemos|fuera) (?:de |del )?(?:(?:el|la|los|las) )?(?=\S)`), to: (m) => (/^pero/.test(m[0]) ? "but no " : "no ") },
  // "menos" before a genre excludes it; before anything else ("menos violentas") it is "less".
  { pattern: phrase(String.raw`(?:excepto|salvo|menos)(?: (?:las?|los?|el))?(?: de)?(?= ([a-z-]+)(?: ([a-z-]+))?)`), to: (m) => (startsWithGenre(m[1], m[2]) ? "except" : null) },
  { pattern: phrase(String.raw`(?:evitar|evita|evite|evitando) (?:las?|los?|el)?`), to: "avoid" },
  { pattern: phrase(String.raw`(?:pero |y )?cero`), to: (m) => (/^pero/.test(m[0]) ? "but no" : "no") },
  {
    pattern: phrase(String.raw`(?:pero |y )?no me (?:pongas|pongais|ponga|recomiendes|recomiendas|muestres|sugieras|des|busques)(?: (?:el|la|los|las|nada de))?`),
    to: (m) => (/^pero/.test(m[0]) ? "but no" : "no"),
  },
  // The genre words were rewritten first and took their "de" with them ("de terror" → "horror"): "de" is optional here.
  { pattern: phrase(String.raw`libres?(?: de)?(?: (?:el|la|los|las))?(?= )`), to: "free of" },
  { pattern: phrase(String.raw`(?:en vez|en lugar)(?: de| del)?(?: (?:el|la|los|las))?(?= )`), to: "instead of" },
  { pattern: phrase(String.raw`(?:excluyendo|exceptuando|(?:a|con) excepcion(?: de| del)?|quitando|descartando)(?: (?:el|la|los|las))?(?= )`), to: "excluding" },
  { pattern: phrase(String.raw`algo(?: de)?(?= )`), to: "something", connective: true },
  { pattern: phrase(String.raw`(?:parecid[oa]s? a(?:l)?|similar(?:es)? a(?:l)?|del estilo de(?:l)?|al estilo de(?:l)?|en la linea de(?:l)?|como(?! (?:maximo|minimo|mucho|tope)\b))`), to: "like" },
  { pattern: phrase("pero"), to: "but", connective: true },
  { pattern: phrase("con"), to: "with", connective: true },
  { pattern: phrase("(?:solo|solamente|unicamente)"), to: "just", connective: true },
  { pattern: phrase("y"), to: "and", connective: true },
  { pattern: phrase("o"), to: "or", connective: true },
  // "ni" only ever continues a denial: "no … ni …" → "no … or …"; an opening "ni X ni Y" → "not X or Y".
  { pattern: /(?<![a-z0-9])ni(?= (?:(?![,;.]).)*(?<![a-z0-9])ni(?![a-z0-9]))/g, to: "not" },
  { pattern: phrase("ni"), to: "or", connective: true },
];

export const SPANISH: ForeignLanguage = {
  code: "es",
  markers: (
    "el los las un una uno del al que como en ni no terror sin con para por pero nada algo quiero ver busco recomiendas recomienda recomiendame de y o anos decada " +
    "cualquier cosa menos mas solo entre desde hasta antes despues dure duren horas hora minutos sean esten favor hola gracias alguna algun unas unos"
  ).split(" "),
  strong: anyOf(
    /^(como|despues|anos|decada|quiero|busco|recomiendas|recomiendame|gustaria|quisiera|cualquier|ciencia|ficcion|esten|sean|duren|dure|minutos|horas|hasta|desde|partir|anteriores|posteriores|recientes|antiguas|antiguos|duracion|maximo|minimo|estrenadas|estrenados|salieron|menos|nada|ningun|ninguna|idioma|sin|excepto|salvo|evitando|evitar|tenga|tengan|incluya|incluyan|contenga|contengan|lleve|lleven|olvidate|olvida|gustan|gusta|cero|si|tampoco|excluyendo|exceptuando|pongas|libres|tengo|veinte|treinta|cuarenta|cincuenta|sesenta|setenta|ochenta|noventa)$/,
    SPANISH_STRONG_WORDS,
  ),
  likeCue: phrase(String.raw`(?:como(?! (?:maximo|minimo|mucho|tope)\b)|parecid[oa]s? a(?:l)?|similar(?:es)? a(?:l)?|del estilo de(?:l)?|al estilo de(?:l)?|en la linea de(?:l)?)`),
  titleStop: phrase(
    String.raw`pero|sin|excepto|salvo|menos|ni|nada|aunque|que|de los|de la|del ano|en|hablad[oa]s?|anteriores|posteriores|desde|hasta|antes|despues|entre|con|(?:${LANGUAGE_WORD})|[,;?!¿¡]`,
  ),
  rewrites: [...DURATIONS, ...RUNTIMES, ...YEARS, ...SPANISH_VOCABULARY, ...NEGATION_AND_CUES],
  fillers: new Set(
    (
      "el la los las un una unos unas de del al quiero quisiera queria ver busco buscando recomiendas recomienda recomiendame recomendarme me puedes podrias " +
      "sugerir sugiereme dame muestrame por favor hola gracias que sean sea es son este esta estos estas ese esa esos esas buena buenas buen bueno buenos " +
      "alguna algunas algun alguno algunos mi mis tu tus para estrenada estrenadas estrenado estrenados lanzada lanzadas hecha hechas mas muy tipo " +
      "mejor prefiero preferiria gustaria encantaria elementos escenas ojo"
    ).split(" "),
  ),
};
