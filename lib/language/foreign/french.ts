/**
 * French request phrasing → the English phrasing lib/language reads. Closed sets only: genre
 * nouns and adjectives, language adjectives, numbers with a unit, years and decades with their
 * prepositions, negation and "comme X". Patterns run on folded text (see shared.ts).
 */
import { alternation, decadePhrase, lookup, minutesPhrase, phrase, plausibleMinutes, RUNTIME_ENGLISH, YEAR, type ForeignLanguage, type Rewrite, type RuntimeBound } from "./shared";

const UNITS: Record<string, number> = {
  un: 1, une: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, six: 6, sept: 7, huit: 8, neuf: 9, dix: 10, onze: 11, douze: 12,
  treize: 13, quatorze: 14, quinze: 15, seize: 16, vingt: 20, vingts: 20, trente: 30, quarante: 40, cinquante: 50, soixante: 60,
  cent: 100, cents: 100,
};
const NUMBER_WORD = alternation(Object.keys(UNITS));
/** "90", "deux", "quatre-vingt-dix", "cent vingt". */
const NUMBER = String.raw`(?:\d+|(?:${NUMBER_WORD})(?:[- ](?:et[- ])?(?:${NUMBER_WORD}))*)`;

/** "quatre-vingt-quinze" → 95, "soixante et onze" → 71, "cent vingt" → 120; NaN when not a number. */
export function frenchNumber(text: string): number {
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
  "pas plus de": "max", "pas plus d'": "max", "au plus": "max", "au maximum": "max", maximum: "max", max: "max", "moins de": "max", "moins d'": "max",
  "en dessous de": "max", "en moins de": "max", "pas au dela de": "max", "ne depassant pas": "max", "ne depasse pas": "max", "jusqu'a": "max", "inferieur a": "max",
  "inferieure a": "max", "de moins de": "max", "pas plus long que": "max", "plus court que": "max", "plus courts que": "max",
  "plus de": "min", "plus d'": "min", "au moins": "min", minimum: "min", "pas moins de": "min", "pas moins d'": "min", "au dela de": "min", "superieur a": "min",
  "superieure a": "min", "de plus de": "min", "depassant": "min", "plus long que": "min", "plus longs que": "min", "minimum de": "min",
  environ: "about", "a peu pres": "about", "autour de": "about", "dans les": "about", "aux alentours de": "about", "a peu pres de": "about",
};
const RUNTIME_AFTER: Record<string, RuntimeBound> = { maximum: "max", max: "max", "au plus": "max", "au maximum": "max", "ou moins": "max", minimum: "min", "au moins": "min", "ou plus": "min" };

const RUNTIMES: Rewrite[] = [
  // "qui dure", "qui ne dure" carry nothing once the duration reads in English.
  { pattern: phrase(String.raw`(?:qui |qu'ils |qu'il |et qui )?(?:ne |n')?(?:dure|durent|durant|dureraient|fait|font|faisant)(?= (?:pas |plus |moins |au |entre |environ |a peu |autour |dans |en |max|min|\d))`), to: "" },
  { pattern: phrase(String.raw`(?:entre|de) (\d+)(?: minutes)? (?:et|a) (\d+) minutes`), to: (m) => `between ${m[1]} and ${m[2]} minutes` },
  { pattern: phrase(String.raw`(${alternation(Object.keys(RUNTIME_BEFORE))}) (\d+) minutes`), to: (m) => `${RUNTIME_ENGLISH[lookup(RUNTIME_BEFORE, m[1].replace(/-/g, " "))!]} ${m[2]} minutes` },
  { pattern: phrase(String.raw`(\d+) minutes (${alternation(Object.keys(RUNTIME_AFTER))})`), to: (m) => `${RUNTIME_ENGLISH[lookup(RUNTIME_AFTER, m[2])!]} ${m[1]} minutes` },
];

const YEAR_BEFORE: Record<string, string> = {
  "pas apres": "not after", "pas avant": "not before", "pas plus tard qu'en": "no later than", "au plus tard en": "no later than", "jusqu'en": "until",
  "jusqu'a": "until", avant: "before", apres: "after", depuis: "since", "a partir de": "since", "a compter de": "since", des: "since", "au plus tot en": "no earlier than",
  "anterieur a": "before", "anterieurs a": "before", "anterieure a": "before", "anterieures a": "before", "posterieur a": "after", "posterieurs a": "after",
  "posterieure a": "after", "posterieures a": "after", "plus recent que": "newer than", "plus recents que": "newer than", "plus recente que": "newer than",
  "plus recentes que": "newer than", "plus ancien que": "older than", "plus anciens que": "older than", "plus ancienne que": "older than", "plus anciennes que": "older than",
  en: "in", de: "from", "datant de": "from", "sorti en": "from", "sortis en": "from", "sortie en": "from", "sorties en": "from", "de l'annee": "from", "en l'an": "in",
};

const DECADE_WORDS: Record<string, string> = {
  vingt: "1920s", trente: "1930s", quarante: "1940s", cinquante: "1950s", soixante: "1960s", "soixante dix": "1970s", "quatre vingt": "1980s",
  "quatre vingts": "1980s", "quatre vingt dix": "1990s", "deux mille": "2000s", "deux mille dix": "2010s",
};
const DECADE = String.raw`(\d{2}|\d{4}|${alternation(Object.keys(DECADE_WORDS))})`;
const DECADE_PART: Record<string, string> = { "debut des": "early", "fin des": "late", "milieu des": "mid", "debut": "early", "fin": "late", "milieu": "mid" };

function decade(text: string): string | null {
  return /^\d+$/.test(text) ? decadePhrase(text) : (lookup(DECADE_WORDS, text) ?? null);
}

const YEARS: Rewrite[] = [
  { pattern: phrase(String.raw`(?:sortis? |sorties? |realises? )?entre ${YEAR} et ${YEAR}`), to: (m) => `between ${m[1]} and ${m[2]}` },
  { pattern: phrase(String.raw`(?:sortis? |sorties? |realises? )?(?:de|d'ici) ${YEAR} (?:a|au|jusqu'a|jusqu'en) ${YEAR}`), to: (m) => `from ${m[1]} to ${m[2]}` },
  {
    pattern: phrase(String.raw`(?:sortis? |sorties? |realises? |tournes? )?(${alternation(Object.keys(YEAR_BEFORE))}) ${YEAR}`),
    to: (m) => `${YEAR_BEFORE[m[1].replace(/-/g, " ")] ?? YEAR_BEFORE[m[1]]} ${m[2]}`,
  },
  {
    // "des années 90", "les années quatre-vingt-dix", "du début des années 80", "années 2000".
    pattern: phrase(String.raw`(?:(des|du|dans les|les|aux|de la|depuis les|avant les|apres les) )?(?:(debut des|fin des|milieu des|debut|fin|milieu) )?(?:(?:annees|decennie) )${DECADE}`),
    to: (m) => {
      const found = decade(m[3]);
      if (!found) return null;
      const lead = m[1] === undefined ? "the" : /^(dans les|aux)$/.test(m[1]) ? "in the" : m[1] === "depuis les" ? "since the" : m[1] === "avant les" ? "before the" : m[1] === "apres les" ? "after the" : m[1] === "les" ? "the" : "from the";
      const part = m[2] ? `${DECADE_PART[m[2]]} ` : "";
      return `${lead} ${part}${found}`;
    },
  },
];

/** Genre nouns and adjectives after "film(s)", with "de"/"d'" nouns: English genre words. */
const GENRE_AFTER_FILM: Record<string, string> = {
  "d'horreur": "horror", "d'epouvante": "horror", "de guerre": "war", "d'action": "action", "d'aventure": "adventure", "d'aventures": "adventure",
  "d'animation": "animated", "d'amour": "romance", "de science fiction": "sci-fi", "de sf": "sci-fi", "de sci fi": "sci-fi", "d'anticipation": "sci-fi",
  "de gangsters": "gangster", "de gangster": "gangster", "de mafia": "mafia", "de mystere": "mystery", "de suspense": "thriller", "a suspense": "thriller",
  "a suspens": "thriller", "de fantasy": "fantasy", "de super heros": "superhero", "de cow boys": "western", "de cowboys": "western", "de famille": "family",
  "pour enfants": "kids", "pour les enfants": "kids", "pour toute la famille": "family", "jeunesse": "kids", "d'espionnage": "thriller",
  policier: "crime", policiers: "crime", fantastique: "fantasy", fantastiques: "fantasy", dramatique: "drama", dramatiques: "drama", comique: "comedy",
  comiques: "comedy", romantique: "romance", romantiques: "romance", historique: "history", historiques: "history", musical: "musical", musicaux: "musical",
  documentaire: "documentary", documentaires: "documentary", anime: "animated", animes: "animated", noir: "noir", noirs: "noir", familial: "family",
  familiaux: "family", "de noel": "christmas", catastrophe: "disaster", "d'arts martiaux": "martial arts", biographique: "biopic", biographiques: "biopic",
};
const FILM_NOUN = "(films?|longs?[- ]metrages?)";

/** Genre words standing alone ("sans romance", "une comédie", "pas de SF"). */
const GENRE_WORDS: Record<string, string> = {
  "comedies musicales": "musicals", "comedie musicale": "musical", "comedies romantiques": "romantic comedies", "comedie romantique": "romantic comedy",
  "comedies dramatiques": "comedy dramas", "comedie dramatique": "comedy drama", comedies: "comedies", comedie: "comedy", drames: "dramas", drame: "drama",
  "dessins animes": "cartoons", "dessin anime": "cartoon", polars: "crime films", polar: "crime film", policiers: "crime", policier: "crime", horreur: "horror",
  epouvante: "horror", guerre: "war", aventures: "adventure", aventure: "adventure", "science fiction": "sci-fi", fantastique: "fantasy", fantastiques: "fantasy",
  documentaires: "documentaries", documentaire: "documentary", mystere: "mystery", "films noirs": "film noir", "film noir": "film noir",
  "pour enfants": "for kids", "pour les enfants": "for kids", "pour toute la famille": "for the whole family", familial: "family", familiaux: "family",
  romantique: "romantic", romantiques: "romantic", comique: "comedy", comiques: "comedy", historique: "historical", historiques: "historical",
  "super heros": "superhero", "super heroes": "superhero", "de cape et d'epee": "swashbuckler", thrillers: "thrillers", thriller: "thriller",
};

/** Language and nationality adjectives (every gender and number) → English. */
const LANGUAGE_STEMS: Record<string, string> = {
  francais: "french", anglais: "english", americain: "english", britannique: "english", espagnol: "spanish", allemand: "german", italien: "italian",
  japonais: "japanese", coreen: "korean", "sud coreen": "korean", chinois: "chinese", mandarin: "mandarin", cantonais: "cantonese", hongkongais: "hong kong",
  russe: "russian", suedois: "swedish", danois: "danish", norvegien: "norwegian", neerlandais: "dutch", hollandais: "dutch", flamand: "dutch",
  finlandais: "finnish", polonais: "polish", turc: "turkish", grec: "greek", iranien: "iranian", persan: "persian", thai: "thai", thailandais: "thai",
  bresilien: "brazilian", portugais: "portuguese", mexicain: "mexican", argentin: "argentinian", indien: "indian", hindi: "hindi", tamoul: "tamil",
  arabe: "arabic", hebreu: "hebrew", israelien: "israeli", islandais: "icelandic", tcheque: "czech", hongrois: "hungarian", roumain: "romanian",
  vietnamien: "vietnamese", ukrainien: "ukrainian", indonesien: "indonesian", scandinave: "scandinavian", nordique: "nordic",
};
const FEMININE: Record<string, string> = { grec: "grecque", turc: "turque" };
const LANGUAGE_FORMS: Record<string, string> = {};
for (const [stem, english] of Object.entries(LANGUAGE_STEMS)) {
  const feminine = FEMININE[stem] ?? (/(ien|een)$/.test(stem) ? `${stem}ne` : /e$/.test(stem) ? stem : `${stem}e`);
  for (const form of [stem, `${stem}s`, feminine, `${feminine}s`]) LANGUAGE_FORMS[form] = english;
}
LANGUAGE_FORMS["ecossais"] = "english";
const LANGUAGE_WORD = alternation(Object.keys(LANGUAGE_FORMS));

const GENRES_AND_LANGUAGES: Rewrite[] = [
  // "un film d'horreur" → "horror film"; "des films coréens" → "korean films".
  { pattern: phrase(String.raw`${FILM_NOUN} (${alternation(Object.keys(GENRE_AFTER_FILM))})`), to: (m) => `${lookup(GENRE_AFTER_FILM, m[2]) ?? GENRE_AFTER_FILM[m[2]]} ${filmNoun(m[1])}` },
  { pattern: phrase(String.raw`${FILM_NOUN} (${LANGUAGE_WORD})`), to: (m) => `${lookup(LANGUAGE_FORMS, m[2])} ${filmNoun(m[1])}` },
  { pattern: phrase(String.raw`(?:(?:en|de) langue |en version |en )(${LANGUAGE_WORD})`), to: (m) => `in ${lookup(LANGUAGE_FORMS, m[1])}` },
  { pattern: phrase(String.raw`(?:les? |la |l'|du |des )?(?:cinema) (${LANGUAGE_WORD})`), to: (m) => `${lookup(LANGUAGE_FORMS, m[1])} films` },
  { pattern: phrase(`(${alternation(Object.keys(GENRE_WORDS))})`), to: (m) => lookup(GENRE_WORDS, m[1]) ?? GENRE_WORDS[m[1]] ?? null },
  { pattern: phrase(`(${LANGUAGE_WORD})`), to: (m) => lookup(LANGUAGE_FORMS, m[1]) ?? null },
  { pattern: phrase(String.raw`\bsf\b`), to: "sci-fi" },
];

function filmNoun(noun: string): string {
  return /s$/.test(noun) || /^longs/.test(noun) ? "films" : "film";
}

const NEGATION_AND_CUES: Rewrite[] = [
  { pattern: phrase(String.raw`(?:tout|n'importe quoi|rien|quoi que ce soit) (?:sauf|excepte|hormis|mais pas)(?: des?| les?| la| l'| du| d')?`), to: "anything but" },
  { pattern: phrase(String.raw`(?:qui |que )?(?:ne |n')(?:sont|soient|est|soit|sera|fasse|fassent)(?: surtout| vraiment)? pas(?: des?| d'| du| en)?`), to: (m) => (/ en$/.test(m[0]) ? "not in" : "that are not") },
  { pattern: phrase(String.raw`(?:mais |et )?(?:surtout |absolument |vraiment |certainement )?(?:pas|jamais) (?:de |d'|des |du )`), to: (m) => (/^mais/.test(m[0]) ? "but no" : "no") },
  { pattern: phrase(String.raw`(?:mais |et )?(?:surtout |absolument )?(?:pas|jamais) (?:en|un|une)(?= )`), to: (m) => `${/^mais/.test(m[0]) ? "but " : ""}not ${/en$/.test(m[0]) ? "in" : ""}`.trim() },
  { pattern: phrase(String.raw`sans (?:aucune? |de |d'|les? |la |l'|des )?`), to: "without " },
  { pattern: phrase(String.raw`(?:aucune?|zero|evitez?|eviter) (?:de |d'|des? )?`), to: "no " },
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
  strong: /^(annees|sans|apres|comme|depuis|horreur|epouvante|policiers?|dessins?|voudrais|cherche|plait|fantastiques?|dramatiques?|familiaux|enfants|comedies|drames?|guerre|durent|sortis|bonjour|quelque|surtout|polars?|(francais|anglais|espagnol|allemand|italien|japonais|coreen|chinois|russe|suedois|danois|norvegien|neerlandais|polonais|portugais|bresilien|mexicain|indien|iranien|tcheque|hongrois|roumain|grecque|turque|finlandais|islandais|vietnamien|ukrainien)(e|ne)?s?)$/,
  likeCue: phrase(String.raw`(?:comme|dans le genre d(?:e |')|du genre d(?:e |')|dans la veine d(?:e |')|dans le style d(?:e |')|qui ressemblent? a|similaires? a|semblables? a)`),
  titleStop: phrase(String.raw`mais|sauf|sans|avec|qui|des annees|dans les annees|de l'annee|en (?:${LANGUAGE_WORD})|pas|surtout|ou bien|[,;?!]`),
  rewrites: [...DURATIONS, ...RUNTIMES, ...YEARS, ...GENRES_AND_LANGUAGES, ...NEGATION_AND_CUES],
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
