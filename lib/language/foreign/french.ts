/**
 * French request phrasing → the English phrasing lib/language reads. Closed sets only: genre
 * nouns and adjectives, language adjectives, numbers with a unit, years and decades with their
 * prepositions, negation and "comme X". Patterns run on folded text (see shared.ts).
 */
import { FRENCH_STRONG_WORDS, FRENCH_VOCABULARY, LANGUAGE_WORD } from "./french-words";
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

const UNITS: Record<string, number> = {
  un: 1,
  une: 1,
  deux: 2,
  trois: 3,
  quatre: 4,
  cinq: 5,
  six: 6,
  sept: 7,
  huit: 8,
  neuf: 9,
  dix: 10,
  onze: 11,
  douze: 12,
  treize: 13,
  quatorze: 14,
  quinze: 15,
  seize: 16,
  vingt: 20,
  vingts: 20,
  trente: 30,
  quarante: 40,
  cinquante: 50,
  soixante: 60,
  cent: 100,
  cents: 100,
};
const NUMBER_WORD = alternation(Object.keys(UNITS));
/** "90", "deux", "quatre-vingt-dix", "cent vingt". */
const NUMBER = String.raw`(?:\d+|(?:${NUMBER_WORD})(?:[- ](?:et[- ])?(?:${NUMBER_WORD}))*)`;

/** "quatre-vingt-quinze" → 95, "soixante et onze" → 71, "cent vingt" → 120; NaN when not a number. */
function frenchNumber(text: string): number {
  if (/^\d+$/.test(text)) return Number(text);
  const words = text.split(/[- ]+/).filter((word) => word && word !== "et");
  let total = 0;
  let previous = "";
  for (const word of words) {
    const value = UNITS[word];
    if (value === undefined) return Number.NaN;
    if (value === 100) total = Math.max(1, total) * 100;
    else if (value === 20 && previous === "quatre") total += 80 - 4;
    else total += value;
    previous = word;
  }
  return total;
}

const HOURS = "(?:heures?|h)";
const MINUTES = "(?:minutes?|mins?|mn|m)";

/** Durations → "N minutes" first; the comparatives then read one shape. */
const DURATIONS: Rewrite[] = [
  { pattern: phrase(String.raw`(\d+) ?h ?(\d{1,2})(?: ?${MINUTES})?`), to: (m) => minutesPhrase(Number(m[1]) * 60 + Number(m[2])) },
  { pattern: phrase(String.raw`(?:une )?demi[- ]heure`), to: () => minutesPhrase(30) },
  { pattern: phrase(String.raw`(${NUMBER}) ${HOURS} et (?:demie?|quart)`), to: (m) => hours(m[1], /quart/.test(m[0]) ? 15 : 30) },
  { pattern: phrase(String.raw`(${NUMBER}) ${HOURS} (${NUMBER})(?: ${MINUTES})?`), to: (m) => hours(m[1], frenchNumber(m[2])) },
  { pattern: phrase(String.raw`(${NUMBER}) ?${HOURS}`), to: (m) => hours(m[1], 0) },
  { pattern: phrase(String.raw`(${NUMBER}) ?${MINUTES}\.?`), to: (m) => count(frenchNumber(m[1])) },
];

function hours(text: string, extra: number): string | null {
  return count(frenchNumber(text) * 60 + extra);
}
function count(minutes: number): string | null {
  return plausibleMinutes(minutes) ? minutesPhrase(minutes) : null;
}

const RUNTIME_BEFORE: Record<string, RuntimeBound> = {
  "pas plus de": "max",
  "pas plus d'": "max",
  "au plus": "max",
  "au maximum": "max",
  maximum: "max",
  max: "max",
  "moins de": "max",
  "moins d'": "max",
  "en dessous de": "max",
  "en moins de": "max",
  "pas au dela de": "max",
  "ne depassant pas": "max",
  "ne depasse pas": "max",
  "jusqu'a": "max",
  "inferieur a": "max",
  "inferieure a": "max",
  "de moins de": "max",
  "pas plus long que": "max",
  "plus court que": "max",
  "plus courts que": "max",
  "plus de": "min",
  "plus d'": "min",
  "au moins": "min",
  minimum: "min",
  "pas moins de": "min",
  "pas moins d'": "min",
  "au dela de": "min",
  "superieur a": "min",
  "superieure a": "min",
  "de plus de": "min",
  depassant: "min",
  "plus long que": "min",
  "plus longs que": "min",
  "minimum de": "min",
  "maximale de": "max",
  "maximale d'": "max",
  maximale: "max",
  "minimale de": "min",
  "minimale d'": "min",
  minimale: "min",
  environ: "about",
  "a peu pres": "about",
  "autour de": "about",
  "dans les": "about",
  "aux alentours de": "about",
  "a peu pres de": "about",
};
const RUNTIME_AFTER: Record<string, RuntimeBound> = { maximum: "max", max: "max", "au plus": "max", "au maximum": "max", "ou moins": "max", minimum: "min", "au moins": "min", "ou plus": "min" };

const RUNTIMES: Rewrite[] = [
  // "qui dure", "qui ne dure" carry nothing once the duration reads in English.
  {
    pattern: phrase(
      String.raw`(?:qui |qu'ils |qu'il |et qui )?(?:ne |n')?(?:dure|durent|durant|dureraient|fait|font|faisant)(?= (?:pas |plus |moins |au |entre |environ |a peu |autour |dans |en |max|min|\d))`,
    ),
    to: "",
  },
  { pattern: phrase(String.raw`(?:d'une |de |avec une )?duree(?= (?:maximale|minimale|max|min|de|d'|inferieure|superieure|\d))`), to: "" },
  { pattern: phrase(String.raw`(?:entre|de) (\d+)(?: minutes)? (?:et|a) (\d+) minutes`), to: (m) => `between ${m[1]} and ${m[2]} minutes` },
  { pattern: phrase(String.raw`(${alternation(Object.keys(RUNTIME_BEFORE))}) (\d+) minutes`), to: (m) => `${RUNTIME_ENGLISH[lookup(RUNTIME_BEFORE, m[1].replace(/-/g, " "))!]} ${m[2]} minutes` },
  { pattern: phrase(String.raw`(\d+) minutes (${alternation(Object.keys(RUNTIME_AFTER))})`), to: (m) => `${RUNTIME_ENGLISH[lookup(RUNTIME_AFTER, m[2])!]} ${m[1]} minutes` },
];

const YEAR_BEFORE: Record<string, string> = {
  "pas apres": "not after",
  "pas avant": "not before",
  "pas plus tard qu'en": "no later than",
  "au plus tard en": "no later than",
  "jusqu'en": "until",
  "jusqu'a": "until",
  avant: "before",
  apres: "after",
  depuis: "since",
  "a partir de": "since",
  "a compter de": "since",
  des: "since",
  "au plus tot en": "no earlier than",
  "anterieur a": "before",
  "anterieurs a": "before",
  "anterieure a": "before",
  "anterieures a": "before",
  "posterieur a": "after",
  "posterieurs a": "after",
  "posterieure a": "after",
  "posterieures a": "after",
  "plus recent que": "newer than",
  "plus recents que": "newer than",
  "plus recente que": "newer than",
  "plus recentes que": "newer than",
  "plus ancien que": "older than",
  "plus anciens que": "older than",
  "plus ancienne que": "older than",
  "plus anciennes que": "older than",
  en: "in",
  de: "from",
  "datant de": "from",
  "sorti en": "from",
  "sortis en": "from",
  "sortie en": "from",
  "sorties en": "from",
  "de l'annee": "from",
  "en l'an": "in",
};

const DECADE_WORDS: Record<string, string> = {
  vingt: "1920s",
  trente: "1930s",
  quarante: "1940s",
  cinquante: "1950s",
  soixante: "1960s",
  "soixante dix": "1970s",
  "quatre vingt": "1980s",
  "quatre vingts": "1980s",
  "quatre vingt dix": "1990s",
  "deux mille": "2000s",
  "deux mille dix": "2010s",
};
const DECADE = String.raw`(\d{2}|\d{4}|${alternation(Object.keys(DECADE_WORDS))})`;
/** What stands before "années 80": "des", "depuis les", "à partir des", "avant les". */
const DECADE_LEAD: Record<string, string> = {
  des: "from the",
  du: "from the",
  "de la": "from the",
  les: "the",
  "dans les": "in the",
  aux: "in the",
  "depuis les": "since the",
  "a partir des": "since the",
  "des les": "since the",
  "avant les": "before the",
  "apres les": "after the",
  "jusqu'aux": "until the",
  "pas avant les": "not before the",
  "pas apres les": "not after the",
};
const DECADE_PART: Record<string, string> = { "debut des": "early", "fin des": "late", "milieu des": "mid", debut: "early", fin: "late", milieu: "mid" };

function decade(text: string): string | null {
  return /^\d+$/.test(text) ? decadePhrase(text) : (lookup(DECADE_WORDS, text) ?? null);
}

const YEARS: Rewrite[] = [
  // "de 1990 ou après", "2000 ou plus récents": open ranges that include the year.
  { pattern: phrase(String.raw`(?:(?:sortis? |sorties? )?(?:de|en|depuis) )?${YEAR} (?:ou apres|ou plus tard|ou plus recents?|ou plus recentes?|et apres|et plus)`), to: (m) => `${m[1]} or later` },
  { pattern: phrase(String.raw`(?:(?:sortis? |sorties? )?(?:de|en) )?${YEAR} (?:ou avant|ou plus tot|ou plus anciens?|ou plus anciennes?|et avant)`), to: (m) => `${m[1]} or earlier` },
  { pattern: phrase(String.raw`(?:sortis? |sorties? |realises? )?entre ${YEAR} et ${YEAR}`), to: (m) => `between ${m[1]} and ${m[2]}` },
  { pattern: phrase(String.raw`(?:sortis? |sorties? |realises? )?(?:de|d'ici) ${YEAR} (?:a|au|jusqu'a|jusqu'en) ${YEAR}`), to: (m) => `from ${m[1]} to ${m[2]}` },
  {
    pattern: phrase(String.raw`(?:sortis? |sorties? |realises? |tournes? )?(${alternation(Object.keys(YEAR_BEFORE))}) ${YEAR}`),
    to: (m) => `${YEAR_BEFORE[m[1].replace(/-/g, " ")] ?? YEAR_BEFORE[m[1]]} ${m[2]}`,
  },
  {
    // "des années 90", "les années quatre-vingt-dix", "du début des années 80", "années 2000".
    pattern: phrase(
      String.raw`(?:(${alternation(Object.keys(DECADE_LEAD))}) )?(?:(debut des|fin des|milieu des|debut|fin|milieu) )?(?:(?:annees|decennie) )${DECADE}(?: (ou|et) (?:(?:les |des )?annees )?${DECADE})?(?! minutes)`,
    ),
    to: (m) => {
      const found = decade(m[3]);
      const second = m[5] === undefined ? null : decade(m[5]);
      if (!found || (m[5] !== undefined && !second)) return null;
      const lead = m[1] === undefined ? "the" : lookup(DECADE_LEAD, m[1])!;
      const part = m[2] ? `${DECADE_PART[m[2]]} ` : "";
      // "des années 80 ou 90": both decades, as English writes "the 80s or 90s".
      return `${lead} ${part}${found}${second ? ` ${m[4] === "ou" ? "or" : "and"} ${second}` : ""}`;
    },
  },
];

const NEGATION_AND_CUES: Rewrite[] = [
  { pattern: phrase(String.raw`(?:tout|n'importe quoi|rien|quoi que ce soit) (?:sauf|excepte|hormis|mais pas)(?: des?| les?| la| l'| du| d')?`), to: "anything but" },
  {
    pattern: phrase(String.raw`(?:qui |que )?(?:ne |n')(?:sont|soient|est|soit|sera|fasse|fassent)(?: surtout| vraiment)? pas(?: des?| d'| du| en)?`),
    to: (m) => (/ en$/.test(m[0]) ? "not in" : "that are not"),
  },
  // "ni … ni" only ever continues a denial: an opening "ni X ni Y" → "not X or Y", a later "ni" → "or".
  { pattern: /(?<![a-z0-9'])ni(?= (?:(?![,;.]).)*(?<![a-z0-9'])ni(?![a-z0-9]))/g, to: "not" },
  { pattern: phrase("ni"), to: "or", connective: true },
  // "pas de", "pas du tout de"; or "pas" right before a genre the vocabulary already rewrote with its "d'" ("pas d'animation" → "pas animated").
  {
    pattern: phrase(String.raw`(?:mais |et )?(?:surtout |absolument |vraiment |certainement )?(?:pas|jamais|point)(?: (?:du tout|non plus))?(?: (?:de|des|du)(?= )| d'|(?= ([a-z-]+)(?: ([a-z-]+))?))`),
    to: (m) => (m[1] === undefined || startsWithGenre(m[1], m[2]) ? `${/^mais/.test(m[0]) ? "but no" : "no"}${/'$/.test(m[0]) ? " " : ""}` : null),
  },
  { pattern: phrase(String.raw`(?:mais |et )?(?:surtout |absolument )?rien (?:de |d')?(?=\S)`), to: (m) => (/^mais/.test(m[0]) ? "but nothing " : "nothing ") },
  { pattern: phrase(String.raw`(?:au lieu (?:de |d'|des |du )?|plutot que (?:de |d'|des |du )?)(?=\S)`), to: "instead of " },
  {
    pattern: phrase(String.raw`(?:mais |et )?(?:surtout |absolument )?(?:pas|jamais) (?:en|in|un|une)(?= )`),
    to: (m) => `${/^mais/.test(m[0]) ? "but " : ""}not ${/(en|in)$/.test(m[0]) ? "in" : ""}`.trim(),
  },
  { pattern: phrase(String.raw`sans (?:aucune? |de |d'|les? |la |l'|des )?`), to: "without " },
  { pattern: phrase(String.raw`(?:en )?(?:evitant|evitez|eviter|evite)(?: (?:les?|la|l'|des|du|de|d'))?(?=\S| )`), to: "avoiding " },
  { pattern: phrase(String.raw`(?:aucune?|zero) (?:de |d'|des? )?`), to: "no " },
  { pattern: phrase(String.raw`(?:sauf|excepte|hormis|a part) (?:les? |la |l'|des |du )?`), to: "except " },
  { pattern: phrase(String.raw`(?:ne |n')?pas`), to: "not", connective: true },
  { pattern: phrase(String.raw`non`), to: "not", connective: true },
  { pattern: phrase(String.raw`quelque chose(?: de)?`), to: "something", connective: true },
  { pattern: phrase(String.raw`(?:dans le genre|du genre|dans la veine|dans le style|du style) (?:de |d'|du |des )`), to: "like " },
  { pattern: phrase(String.raw`(?:qui ressemblent? a|similaires? a|semblables? a|proches? de|comme)`), to: "like" },
  { pattern: phrase("mais"), to: "but", connective: true },
  { pattern: phrase("avec"), to: "with", connective: true },
  { pattern: phrase("et"), to: "and", connective: true },
  { pattern: phrase("ou"), to: "or", connective: true },
];

export const FRENCH: ForeignLanguage = {
  code: "fr",
  markers: (
    "le la les l des du au aux une un je j qui que qu pas sans avec pour dans comme mais sauf tout quelque chose voudrais veux voir cherche est sont " +
    "surtout bonjour salut merci plait vous svp stp moins entre apres avant depuis partir dure durent sortis sorti sortie sorties heures heure ou et " +
    "en de d ne n aucun aucune annees"
  ).split(" "),
  strong: anyOf(
    /^(annees|sans|apres|comme|depuis|voudrais|cherche|plait|durent|dure|sortis|sortie|sorties|bonjour|quelque|surtout|anterieurs?|anterieures?|posterieurs?|posterieures?|recents|anciens|jusqu'en|heures?|quatre|vingt|dix|aucun|aucune|rien|sauf|hormis|excepte|plutot|truc|peur|juste|seulement|uniquement|evitant|eviter|evitez|conseiller|conseille|regarder|aimerais|duree|maximale|minimale|environ|moins|zero)$/,
    FRENCH_STRONG_WORDS,
    // Elisions: "d'action", "l'horreur", "qu'il", "c'est".
    /^(?:d|l|j|qu|n|s|m|t|c)'[a-z]{2,}$/,
  ),
  phrases:
    /\b(?:films? de|films? d'[a-z]+|a part|en evitant|au lieu|plutot que|pas de|pas d|pas du tout|qui ne|ne sont pas|des annees|les annees|de moins|de plus|ou plus|ou moins|ou apres|ou avant)\b/g,
  likeCue: phrase(String.raw`(?:comme|dans le genre d(?:e |')|du genre d(?:e |')|dans la veine d(?:e |')|dans le style d(?:e |')|qui ressemblent? a|similaires? a|semblables? a)`),
  titleStop: phrase(String.raw`mais|sauf|sans|avec|qui|des annees|dans les annees|de l'annee|en (?:${LANGUAGE_WORD})|pas|surtout|ou bien|[,;?!]`),
  rewrites: [...DURATIONS, ...RUNTIMES, ...YEARS, ...FRENCH_VOCABULARY, ...NEGATION_AND_CUES],
  fillers: new Set(
    (
      "le la les l un une des du de d au aux je j me m moi voudrais voudrait veux veut voir aimerais aimerait cherche cherchons recherche propose proposer proposes " +
      "proposez recommande recommandes recommander recommandez conseille conseilles conseiller conseillez donne donner montre montrer montrez trouve trouver " +
      "bonjour salut merci s il vous te plait svp stp qui qu est sont soit soient sortis sorti sortie sorties realise realises tourne tournes bon bons bonne bonnes " +
      "bien tres un peu quelques regarder peux pouvez pourrais pourriez tu ce cet cette ces ceux celles mon ma mes ton ta tes votre vos nous on uniquement seulement " +
      "juste svp ayant genre style type etc alors plutot"
    ).split(" "),
  ),
};
