/**
 * German request phrasing → the English phrasing lib/language reads. Closed sets only: genre
 * nouns (compounds with "-film" included), language adjectives, numbers with a unit, years and
 * decades with their prepositions, negation and "wie X". Patterns run on folded text (see
 * shared.ts: "ü" → "u", "ß" → "ss").
 */
import { GERMAN_STRONG_WORDS, GERMAN_VOCABULARY } from "./german-words";
import { alternation, anyOf, decadePhrase, lookup, minutesPhrase, phrase, plausibleMinutes, RUNTIME_ENGLISH, YEAR, type ForeignLanguage, type Rewrite, type RuntimeBound } from "./shared";

const UNITS: Record<string, number> = { ein: 1, eins: 1, eine: 1, einer: 1, einen: 1, zwei: 2, drei: 3, vier: 4, funf: 5, sechs: 6, sieben: 7, acht: 8, neun: 9 };
const TEENS: Record<string, number> = {
  zehn: 10,
  elf: 11,
  zwolf: 12,
  dreizehn: 13,
  vierzehn: 14,
  funfzehn: 15,
  sechzehn: 16,
  siebzehn: 17,
  achtzehn: 18,
  neunzehn: 19,
};
const TENS: Record<string, number> = { zwanzig: 20, dreissig: 30, vierzig: 40, funfzig: 50, sechzig: 60, siebzig: 70, achtzig: 80, neunzig: 90 };
const UNIT = alternation(Object.keys(UNITS));
const TEEN = alternation(Object.keys(TEENS));
const TEN = alternation(Object.keys(TENS));
const BELOW_HUNDRED = `(?:(?:${UNIT})und(?:${TEN})|${TEN}|${TEEN}|${UNIT})`;
/** "90", "zwei", "funfundneunzig", "hundertzwanzig" (folded). */
const NUMBER = String.raw`(?:\d+|(?:ein)?hundert(?:und)?${BELOW_HUNDRED}?|${BELOW_HUNDRED})`;

/** "funfundneunzig" → 95, "hundertzwanzig" → 120 (folded spelling); NaN when not a number. */
function germanNumber(text: string): number {
  if (/^\d+$/.test(text)) return Number(text);
  let rest = text;
  let total = 0;
  const hundred = rest.match(/^(?:ein)?hundert(?:und)?/);
  if (hundred) {
    total = 100;
    rest = rest.slice(hundred[0].length);
  }
  if (!rest) return total;
  const compound = rest.match(new RegExp(`^(${UNIT})und(${TEN})$`));
  if (compound) return total + UNITS[compound[1]] + TENS[compound[2]];
  const single = UNITS[rest] ?? TEENS[rest] ?? TENS[rest];
  return single === undefined ? Number.NaN : total + single;
}

const HOURS = String.raw`(?:stunden|stunde|std\.?|h)`;
const MINUTES = String.raw`(?:minuten|minute|min\.?|m)`;
const count = (minutes: number) => (plausibleMinutes(minutes) ? minutesPhrase(minutes) : null);
const HALVES: Record<string, number> = { anderthalb: 1.5, eineinhalb: 1.5, "ein einhalb": 1.5, zweieinhalb: 2.5, dreieinhalb: 3.5 };

const DURATIONS: Rewrite[] = [
  { pattern: phrase(String.raw`(\d+) ?h ?(\d{1,2})(?: ?${MINUTES})?`), to: (m) => count(Number(m[1]) * 60 + Number(m[2])) },
  { pattern: phrase(String.raw`(\d+),(\d) ?${HOURS}`), to: (m) => count(Number(`${m[1]}.${m[2]}`) * 60) },
  { pattern: phrase(String.raw`(${alternation(Object.keys(HALVES))}) ?${HOURS}`), to: (m) => count(lookup(HALVES, m[1])! * 60) },
  { pattern: phrase(String.raw`(?:eine )?halbe stunde`), to: () => minutesPhrase(30) },
  { pattern: phrase(String.raw`(${NUMBER}) ?(?:und )?(?:eine )?(?:viertel|halbe) ?${HOURS}`), to: (m) => count(germanNumber(m[1]) * 60 + (/viertel/.test(m[0]) ? 15 : 30)) },
  { pattern: phrase(String.raw`(${NUMBER}) ?${HOURS} (?:und )?(${NUMBER}) ?${MINUTES}`), to: (m) => count(germanNumber(m[1]) * 60 + germanNumber(m[2])) },
  { pattern: phrase(String.raw`(${NUMBER}) ?${HOURS}`), to: (m) => count(germanNumber(m[1]) * 60) },
  { pattern: phrase(String.raw`(${NUMBER}) ?${MINUTES}(?:\.(?= |$))?`), to: (m) => count(germanNumber(m[1])) },
];

const RUNTIME_BEFORE: Record<string, RuntimeBound> = {
  "nicht langer als": "max",
  "nicht mehr als": "max",
  "nicht uber": "max",
  hochstens: "max",
  maximal: "max",
  max: "max",
  "weniger als": "max",
  "kurzer als": "max",
  unter: "max",
  "bis zu": "max",
  bis: "max",
  "hochstens nur": "max",
  "mehr als": "min",
  "langer als": "min",
  uber: "min",
  mindestens: "min",
  minimum: "min",
  wenigstens: "min",
  "nicht weniger als": "min",
  "nicht kurzer als": "min",
  "von mindestens": "min",
  etwa: "about",
  ungefahr: "about",
  rund: "about",
  circa: "about",
  "ca.": "about",
  ca: "about",
  "um die": "about",
  "so um die": "about",
};
const RUNTIME_AFTER: Record<string, RuntimeBound> = { "oder weniger": "max", "oder kurzer": "max", maximal: "max", hochstens: "max", "oder mehr": "min", "oder langer": "min", mindestens: "min" };

const RUNTIMES: Rewrite[] = [
  {
    pattern: phrase(
      String.raw`(?:mit einer |mit )?(?:laufzeit|spieldauer|lange)(?: von)?(?= (?:\d|nicht |hochstens |maximal |max |weniger |kurzer |unter |bis |mehr |langer |uber |mindestens |etwa |ungefahr |rund |circa |ca))`,
    ),
    to: "",
  },
  { pattern: phrase(String.raw`(?:zwischen|von) (\d+)(?: minutes)? (?:und|bis) (\d+) minutes`), to: (m) => `between ${m[1]} and ${m[2]} minutes` },
  { pattern: phrase(String.raw`(${alternation(Object.keys(RUNTIME_BEFORE))}) (\d+) minutes`), to: (m) => `${RUNTIME_ENGLISH[lookup(RUNTIME_BEFORE, m[1])!]} ${m[2]} minutes` },
  { pattern: phrase(String.raw`(\d+) minutes (${alternation(Object.keys(RUNTIME_AFTER))})`), to: (m) => `${RUNTIME_ENGLISH[lookup(RUNTIME_AFTER, m[2])!]} ${m[1]} minutes` },
];

const YEAR_BEFORE: Record<string, string> = {
  "nicht nach": "not after",
  "nicht vor": "not before",
  "nicht alter als": "no older than",
  "nicht fruher als": "no earlier than",
  "nicht spater als": "no later than",
  vor: "before",
  nach: "after",
  seit: "since",
  ab: "since",
  bis: "until",
  "bis einschliesslich": "until",
  spatestens: "no later than",
  fruhestens: "no earlier than",
  "alter als": "older than",
  "neuer als": "newer than",
  "junger als": "newer than",
  "fruher als": "earlier than",
  "spater als": "later than",
  aus: "from",
  von: "from",
  im: "in",
  in: "in",
};
const YEAR_NOUN = "(?:(?:dem |das )?(?:jahre?|jahr) )?";

const DECADE_WORDS: Record<string, string> = {
  zwanziger: "1920s",
  dreissiger: "1930s",
  vierziger: "1940s",
  funfziger: "1950s",
  sechziger: "1960s",
  siebziger: "1970s",
  achtziger: "1980s",
  neunziger: "1990s",
  nuller: "2000s",
  zehner: "2010s",
};
const DECADE_PART: Record<string, string> = { fruhen: "early", fruhe: "early", spaten: "late", spate: "late", "mitte der": "mid", "ende der": "late", "anfang der": "early" };
const DECADE_LEAD: Record<string, string> = { "aus den": "from the", "in den": "in the", "seit den": "since the", "vor den": "before the", "nach den": "after the", "ab den": "since the" };

const YEARS: Rewrite[] = [
  { pattern: phrase(String.raw`zwischen ${YEAR_NOUN}${YEAR} und ${YEAR}`), to: (m) => `between ${m[1]} and ${m[2]}` },
  { pattern: phrase(String.raw`(?:von |aus )?${YEAR_NOUN}${YEAR} (?:bis|-) ${YEAR}`), to: (m) => `from ${m[1]} to ${m[2]}` },
  { pattern: phrase(String.raw`(${alternation(Object.keys(YEAR_BEFORE))}) ${YEAR_NOUN}${YEAR}`), to: (m) => `${lookup(YEAR_BEFORE, m[1])} ${m[2]}` },
  {
    // "aus den 80er Jahren", "aus den Achtzigern", "den 1950er Jahren", "den Nullerjahren", "der frühen 90er".
    pattern: phrase(
      String.raw`(?:(${alternation(Object.keys(DECADE_LEAD))}|den|der|die) )?(?:(${alternation(Object.keys(DECADE_PART))}) )?(?:(\d{2}|\d{4})(?:er|ern|ers)(?:[- ]?jahren?|[- ]?jahre)?|(${alternation(Object.keys(DECADE_WORDS))})(?:n|[- ]?jahren?|[- ]?jahre)?)`,
    ),
    to: (m) => {
      const found = m[3] !== undefined ? decadePhrase(m[3].length === 4 ? m[3] : m[3]) : lookup(DECADE_WORDS, m[4]);
      if (!found) return null;
      const lead = m[1] !== undefined && DECADE_LEAD[m[1]] ? DECADE_LEAD[m[1]] : "the";
      return `${lead} ${m[2] ? `${DECADE_PART[m[2]]} ` : ""}${found}`;
    },
  },
];

const FILM_NOUN = "(filme|filmen|films|film|streifen)";

const GENRES_AND_LANGUAGES: Rewrite[] = [...GERMAN_VOCABULARY, { pattern: phrase(FILM_NOUN), to: (m) => filmNoun(m[1]), connective: true }];

function filmNoun(noun: string): string {
  return noun === "film" ? "film" : "films";
}

const NEGATION_AND_CUES: Rewrite[] = [
  { pattern: phrase(String.raw`(?:alles|irgendwas|egal was|was auch immer) (?:ausser|bis auf|nur keine?n?|aber keine?n?)`), to: "anything but" },
  // "auf keinen Fall" before "keine": it holds the same word.
  { pattern: phrase(String.raw`(aber |und |doch )?(?:bitte )?auf (?:gar )?keinen fall(?: (?:eine?n?|keine?n?))?`), to: (m) => (m[1] ? "but no" : "no") },
  { pattern: phrase(String.raw`(aber |und |doch )?(?:(?:bloss|bitte|absolut|gar|uberhaupt|ganz sicher|bestimmt) )?(?:keine|kein|keinen|keiner|keinem|keines)`), to: (m) => (m[1] ? "but no" : "no") },
  { pattern: phrase(String.raw`(aber |und |doch )?(?:(?:bloss|bitte|gar|uberhaupt) )?nichts`), to: (m) => (m[1] ? "but nothing" : "nothing") },
  { pattern: phrase(String.raw`(aber |und )?ohne(?: (?:die|den|das|der|eine?n?))?`), to: (m) => (m[1] ? "but without" : "without") },
  { pattern: phrase(String.raw`(?:ausser|ausgenommen|abgesehen von)(?: (?:die|den|das|der))?`), to: "except" },
  { pattern: phrase(String.raw`weder`), to: "neither" },
  {
    pattern: phrase(String.raw`noch(?= (?:horror|war|action|adventure|animated|animation|romance|romantic|sci-fi|fantasy|mystery|thriller|crime|comed|drama|musical|western|documentar|kids|family))`),
    to: "nor",
  },
  { pattern: phrase(String.raw`nicht`), to: "not" },
  { pattern: phrase(String.raw`(?:so )?(?:etwas|was) (?:ahnliches )?wie`), to: "something like" },
  { pattern: phrase(String.raw`(?:ahnlich wie|ahnlich|im stile? von|a la|vergleichbar mit|wie)`), to: "like" },
  { pattern: phrase("etwas"), to: "something", connective: true },
  { pattern: phrase("aber"), to: "but", connective: true },
  { pattern: phrase("sondern"), to: "but", connective: true },
  { pattern: phrase("mit"), to: "with", connective: true },
  { pattern: phrase("nur"), to: "just", connective: true },
  { pattern: phrase("und"), to: "and", connective: true },
  { pattern: phrase("oder"), to: "or", connective: true },
];

export const GERMAN: ForeignLanguage = {
  code: "de",
  markers: (
    "der die das den dem des ein eine einen einem einer und oder aber ohne mit fur auf aus von vor nach seit ab bis zwischen uber unter nicht kein keine " +
    "keinen etwas wie ich du mir mich bitte danke alles ausser suche empfehlen kannst gute paar jahre jahren stunden stunde minuten dauern dauert sind ist " +
    "erschienen mehr als weniger langer kurzer maximal mindestens hochstens filme"
  ).split(" "),
  strong: anyOf(
    /^(filme|wie|nach|seit|filmen|jahren|stunden|minuten|dauern|dauert|suche|empfehlen|empfiehl|ausser|ohne|kein|keine|keinen|keiner|nichts|lieber|bloss|jedoch|sondern|etwas|bitte|danke|erschienen|gedreht|anderthalb|alter|alteren|neuer|neueren|junger|fruher|spater|spatestens|fruhestens|hochstens|mindestens|wenigstens|maximal|langer|kurzer|zwischen|unter|uber|bis|vor|nicht|und|oder|aber|mit|ich|gern|gerne|hatte|mochte|zeig|zeige|gib|lieber|eineinhalb|nullerjahren?|[a-z]+(?:filme|filmen)|[0-9]+er|[0-9]+ern|(zwanzig|dreissig|vierzig|funfzig|sechzig|siebzig|achtzig|neunzig)ern?)$/,
    GERMAN_STRONG_WORDS,
  ),
  likeCue: phrase(String.raw`(?:(?:so )?(?:etwas|was) (?:ahnliches )?wie|ahnlich wie|im stile? von|vergleichbar mit|wie)`),
  titleStop: phrase(
    String.raw`aber|ohne|ausser|doch|jedoch|nur|nicht|kein|keine|nichts|aus|auf|in (?:den|der|einer|keiner|originalsprache)|vor|nach|seit|ab|bis|zwischen|unter|uber|mit|von|die|der|[,;?!]`,
  ),
  rewrites: [...DURATIONS, ...RUNTIMES, ...YEARS, ...GENRES_AND_LANGUAGES, ...NEGATION_AND_CUES],
  fillers: new Set(
    (
      "der die das den dem des ein eine einen einem einer eines ich mich mir du dir wir uns suche suchen such bitte danke empfehlen empfiehl empfehle kannst " +
      "konntest kannst zeig zeige zeigen gib geben gute guten gutes guter gut paar einige irgendwelche welche sind ist erschienen erschienene " +
      "erschienenen gedreht gedrehte veroffentlicht rausgekommen herausgekommen dauern dauert dauernd lang lange laufen lauft laufzeit hallo gerne gern mal " +
      "sehr richtig schone schonen neue neuen am heute abend jahr jahre jahren"
    ).split(" "),
  ),
};
