import { matchPhrases, type QueryText, type TokenSpan } from "./query-text";
import { claim } from "./span-cover";

/** A release-year range found in a query: "90s", "before 1970", "between 1990 and 2000", "recent". */
export interface YearMention extends TokenSpan {
  from: number | null;
  to: number | null;
  kind: "decade" | "year" | "range" | "before" | "after" | "relative" | "era";
  /** Vague eras ("classic", "old") are preferences; stated years and decades are requirements. */
  strength: "hard" | "soft";
  /** The words matched, for reasons and relaxation messages. */
  phrase: string;
}

export interface YearOptions {
  /**
   * The year "recent" and "last ten years" count back from. Pass the newest release year in the
   * catalog (or the current year when unknown): a 2018 catalog has no "last five years" of 2026.
   */
  referenceYear: number;
}

const DECADE_WORDS: Record<string, number> = {
  twenties: 1920,
  thirties: 1930,
  forties: 1940,
  fifties: 1950,
  sixties: 1960,
  seventies: 1970,
  fourties: 1940,
  eighties: 1980,
  nineties: 1990,
  noughties: 2000,
  naughties: 2000,
  aughts: 2000,
  oughts: 2000,
  "two thousands": 2000,
  tens: 2010,
  teens: 2010,
};

// Group 5 is a century said in words: "nineteen nineties", "twenty tens" / "two thousand tens" (the 2010s).
// "the tens" / "the teens" alone, or after another decade ("the 2000s or tens"), are the 2010s too (a
// catalog's 1910s are a handful of films), but "for the teens" is an audience.
const DECADE = String.raw`(?:(early|mid|late) )?(?:(?:(19|20)([0-9])0 ?(?:s|ies))|([0-9])0 ?(?:s|ies)|(nineteen |twenty |two thousand )?(twenties|thirties|forties|fourties|fifties|sixties|seventies|eighties|nineties|noughties|naughties|aughts|oughts|two thousands|(?<=(?:twenty|thousand) )(?:tens|teens)|(?<=(?<!(?:for|with) )the |(?:s|ties) (?:or|and|to|through|thru|until|till) )(?:tens|teens)))`;
const YEAR = String.raw`(18[7-9][0-9]|19[0-9]{2}|20[0-9]{2})`;

interface Range {
  from: number;
  to: number;
}

/** Decodes the DECADE groups at `offset` of a match into a year range. */
function decadeRange(groups: Array<string | undefined>, offset: number): Range | null {
  const [part, century, fullDigit, shortDigit, wordCentury, word] = groups.slice(offset, offset + 6);
  let start: number;
  if (fullDigit !== undefined && century !== undefined) start = Number(century) * 100 + Number(fullDigit) * 10;
  else if (shortDigit !== undefined) {
    const digit = Number(shortDigit);
    // "20s" is ambiguous; the 1920s is what film people mean more often than the 2020s.
    start = digit === 0 || digit === 1 ? 2000 + digit * 10 : 1900 + digit * 10;
  } else if (word !== undefined) start = wordCentury !== undefined && wordCentury !== "nineteen " ? 2000 + (DECADE_WORDS[word] % 100) : DECADE_WORDS[word];
  else return null;
  // A decade is whole (docs/EVALUATION.md); "early", "mid" and "late" say which part of it is
  // meant, so they narrow it to four years each (1990–93, 1993–96, 1996–99) rather than being dropped.
  if (part === "early") return { from: start, to: start + 3 };
  if (part === "mid") return { from: start + 3, to: start + 6 };
  if (part === "late") return { from: start + 6, to: start + 9 };
  return { from: start, to: start + 9 };
}

// "in or before 1990", "during or after the 90s": the year or decade named and everything one side of it.
const BEFORE_WORDS =
  "up to and including|until and including|through and including|before and including|before or during|before or in|up to and through|in or before|during or before|on or before|from or before|before|predating|predates|predate|pre dating|pre|prior to|earlier than|older than|til|till|until|up to|up until|through|thru|no later than|not after|by";
const AFTER_WORDS =
  "in or after|during or after|on or after|from or after|in or since|after|beyond|past|postdating|post dating|post|since|later than|newer than|younger than|more recent than|following|no sooner than|not sooner than|at the earliest from|at the earliest|from|starting|starting from|starting in|starting with|beginning in|beginning with|no earlier than|not before|beginning";
const OPEN_AFTER =
  "on|onward|onwards|and onward|and onwards|forward|forwards|and later|or later|and newer|or newer|and up|plus|and beyond|or after|and after|and since|or more recent|and more recent|" +
  "at the very earliest|at the earliest|at earliest|to now|to today|to date|to present|to the present|to the present day|to present day|to this day|until now|until today|till now|til now|up to now|up to today|through today|through now|and everything since|and everything after";
const OPEN_BEFORE = "at the very latest|at the latest|at latest|or earlier|and earlier|or before|and before|or older|and older|or prior|and prior|and everything before";
const IS_BEFORE_WORD = new RegExp(`^(?:${BEFORE_WORDS})$`);
/** Longest alternatives first, so "to the present day" wins over "to the present". */
const longestFirst = (alternation: string) =>
  alternation
    .split("|")
    .sort((a, b) => b.length - a.length)
    .join("|");
/**
 * An open-ended suffix ("and before", "or later") ends the phrase: "after the 70s and before the
 * 2000s" is two bounds, not "the 70s and before".
 */
const OPEN_SUFFIX = String.raw`(?: (${longestFirst(`${OPEN_AFTER}|${OPEN_BEFORE}`)})(?! (?:the |that )?(?:\d|early |mid |late |nineteen |twenty |[a-z]+ties\b|noughties|aughts|two thousands)))?`;

const patterns = {
  range: new RegExp(String.raw`\b(?:between |from )?${YEAR} (?:and |to |until |till |through |thru |up to |up until |up through |into )?${YEAR}\b`, "g"),
  decadeRange: new RegExp(String.raw`\b(?:between |from )?(?:the )?${DECADE} (?:and |to |until |till |through |or |thru |up to |up until |up through |into )(?:the )?${DECADE}\b`, "g"),
  beforeYear: new RegExp(String.raw`\b(${BEFORE_WORDS}) (?:the year )?${YEAR}\b`, "g"),
  afterYear: new RegExp(String.raw`\b(${AFTER_WORDS}) (?:the year )?${YEAR}${OPEN_SUFFIX}\b`, "g"),
  // "until the end of the 70s" (to 1979), "before the start of the 90s" (to 1989), "since the start of the 90s" (from 1990).
  edgeDecade: new RegExp(String.raw`\b(${BEFORE_WORDS}|${AFTER_WORDS}|to) the (?:very )?(end|start|beginning) of (?:the )?${DECADE}\b`, "g"),
  beforeDecade: new RegExp(String.raw`\b(${BEFORE_WORDS}) (?:the )?${DECADE}\b`, "g"),
  afterDecade: new RegExp(String.raw`\b(${AFTER_WORDS}) (?:the )?${DECADE}${OPEN_SUFFIX}\b`, "g"),
  decade: new RegExp(String.raw`\b(?:the )?${DECADE}${OPEN_SUFFIX}\b`, "g"),
  year: new RegExp(String.raw`\b(?:in |from |of )?${YEAR}${OPEN_SUFFIX}\b`, "g"),
  lastYears: /\b(?:from |in |of |over )?the (?:last|past) (\d+|few|couple of|couple|two|three|five|ten|fifteen|twenty) years\b/g,
  // "the last decade", "the past two decades": counted back from the reference year, like "the last ten years".
  lastDecades: /\b(?:from |in |of |over )?the (?:last|past) (decade|two decades|couple of decades|three decades)\b/g,
  // "most recent first" is an order, not a release window.
  recent: /\b((?<!most )recent(?! first)|recently|latest(?! first)|contemporary|modern|newish|brand new|this decade|new releases?)\b/g,
  century: /\b(this century|21st century|twenty first century|last century|20th century|twentieth century)\b/g,
  era: /\b(classic|classics|old school|oldies|old|vintage|golden age|black and white|silent era|silent)\b/g,
};

/** Every year pattern needs a digit or one of these words; most queries have neither. */
const YEAR_HINT = /\d|ties|aughts|oughts|thousands|tens|teens|decade|recent|latest|contemporary|modern|new|century|classic|old|vintage|golden|black and white|silent|years/;

const LAST_YEARS: Record<string, number> = { few: 4, couple: 2, "couple of": 2, two: 2, three: 3, five: 5, ten: 10, fifteen: 15, twenty: 20 };

const beforeInclusive = (word: string) => /^(til|till|until|up to|up until|through|thru|no later than|not after|by|\w+ or before|.* including|before or \w+|up to and through)$/.test(word);
const afterInclusive = (word: string) =>
  /^(since|from|no sooner than|not sooner than|at the earliest|at the earliest from|starting|starting from|starting in|starting with|beginning in|beginning with|no earlier than|not before|beginning|\w+ or (?:after|since))$/.test(
    word,
  );

function openEnded(range: Range, suffix: string | undefined): { from: number | null; to: number | null } {
  if (!suffix) return range;
  if (new RegExp(`^(${OPEN_AFTER})$`).test(suffix)) return { from: range.from, to: null };
  return { from: null, to: range.to };
}

/**
 * Finds year constraints, longest phrases first; phrases never overlap. Years are 1870–2099;
 * two-digit decades map to the 1900s except "00s" and "10s".
 */
export function findYearMentions(query: QueryText, options: YearOptions): YearMention[] {
  if (!YEAR_HINT.test(query.text)) return [];
  const found: YearMention[] = [];
  const taken = new Array<boolean>(query.tokens.length).fill(false);
  const offer = (mention: YearMention) => {
    if (claim(taken, mention)) found.push(mention);
  };
  for (const { start, end, match } of matchPhrases(query, patterns.range)) {
    const from = Number(match[1]);
    const to = Number(match[2]);
    offer({ start, end, from: Math.min(from, to), to: Math.max(from, to), kind: "range", strength: "hard", phrase: match[0] });
  }
  for (const { start, end, match } of matchPhrases(query, patterns.decadeRange)) {
    const first = decadeRange(match, 1);
    const second = decadeRange(match, 7);
    if (!first || !second) continue;
    offer({ start, end, from: Math.min(first.from, second.from), to: Math.max(first.to, second.to), kind: "decade", strength: "hard", phrase: match[0] });
  }
  for (const { start, end, match } of matchPhrases(query, patterns.beforeYear)) {
    const year = Number(match[2]);
    offer({ start, end, from: null, to: beforeInclusive(match[1]) ? year : year - 1, kind: "before", strength: "hard", phrase: match[0] });
  }
  for (const { start, end, match } of matchPhrases(query, patterns.afterYear)) {
    const year = Number(match[2]);
    const suffix = match[3];
    if (match[1] === "from" && !suffix) {
      offer({ start, end, from: year, to: year, kind: "year", strength: "hard", phrase: match[0] });
      continue;
    }
    if (suffix && new RegExp(`^(${OPEN_BEFORE})$`).test(suffix)) {
      offer({ start, end, from: null, to: year, kind: "before", strength: "hard", phrase: match[0] });
      continue;
    }
    offer({ start, end, from: afterInclusive(match[1]) ? year : year + 1, to: null, kind: "after", strength: "hard", phrase: match[0] });
  }
  for (const { start, end, match } of matchPhrases(query, patterns.edgeDecade)) {
    const range = decadeRange(match, 3);
    // "from the start of the 90s" stays the decade (read below); only bound words move an edge.
    if (!range || match[1] === "from") continue;
    const before = match[1] === "to" || IS_BEFORE_WORD.test(match[1]);
    const edge = match[2] === "end" ? range.to : range.from;
    if (before) offer({ start, end, from: null, to: match[2] === "end" ? edge : edge - 1, kind: "before", strength: "hard", phrase: match[0] });
    else offer({ start, end, from: match[2] === "end" ? edge + 1 : edge, to: null, kind: "after", strength: "hard", phrase: match[0] });
  }
  for (const { start, end, match } of matchPhrases(query, patterns.beforeDecade)) {
    const range = decadeRange(match, 2);
    if (!range) continue;
    offer({ start, end, from: null, to: beforeInclusive(match[1]) ? range.to : range.from - 1, kind: "before", strength: "hard", phrase: match[0] });
  }
  for (const { start, end, match } of matchPhrases(query, patterns.afterDecade)) {
    const range = decadeRange(match, 2);
    if (!range) continue;
    const suffix = match[8];
    if (match[1] === "from" && !suffix) {
      offer({ start, end, ...range, kind: "decade", strength: "hard", phrase: match[0] });
      continue;
    }
    if (suffix) {
      offer({ start, end, ...openEnded(range, suffix), kind: "after", strength: "hard", phrase: match[0] });
      continue;
    }
    offer({ start, end, from: afterInclusive(match[1]) ? range.from : range.to + 1, to: null, kind: "after", strength: "hard", phrase: match[0] });
  }
  for (const { start, end, match } of matchPhrases(query, patterns.decade)) {
    const range = decadeRange(match, 1);
    if (!range) continue;
    const suffix = match[7];
    offer({ start, end, ...openEnded(range, suffix), kind: suffix ? "after" : "decade", strength: "hard", phrase: match[0] });
  }
  for (const { start, end, match } of matchPhrases(query, patterns.year)) {
    const year = Number(match[1]);
    const range = openEnded({ from: year, to: year }, match[2]);
    offer({ start, end, ...range, kind: match[2] ? (range.to === null ? "after" : "before") : "year", strength: "hard", phrase: match[0] });
  }
  for (const { start, end, match } of matchPhrases(query, patterns.lastYears)) {
    const count = /^\d+$/.test(match[1]) ? Number(match[1]) : LAST_YEARS[match[1]];
    if (!count || count > 100) continue;
    offer({ start, end, from: options.referenceYear - count + 1, to: null, kind: "relative", strength: "hard", phrase: match[0] });
  }
  for (const { start, end, match } of matchPhrases(query, patterns.lastDecades)) {
    const decades = match[1] === "decade" ? 1 : match[1] === "three decades" ? 3 : 2;
    offer({ start, end, from: options.referenceYear - decades * 10 + 1, to: null, kind: "relative", strength: "hard", phrase: match[0] });
  }
  for (const { start, end, match } of matchPhrases(query, patterns.century)) {
    const thisCentury = /this|21st|twenty first/.test(match[1]);
    offer({ start, end, from: thisCentury ? 2000 : null, to: thisCentury ? null : 1999, kind: "era", strength: "hard", phrase: match[0] });
  }
  for (const { start, end, match } of matchPhrases(query, patterns.recent)) {
    // "modern" and "contemporary" name an era, not a release window.
    if (/modern|contemporary/.test(match[1])) offer({ start, end, from: 2000, to: null, kind: "era", strength: "soft", phrase: match[0] });
    else offer({ start, end, from: options.referenceYear - 5, to: null, kind: "relative", strength: "hard", phrase: match[0] });
  }
  for (const { start, end, match } of matchPhrases(query, patterns.era)) {
    const word = match[1];
    const to = /silent/.test(word) ? 1929 : /black and white|golden age/.test(word) ? 1965 : /classic/.test(word) ? 1989 : 1979;
    offer({ start, end, from: null, to, kind: "era", strength: "soft", phrase: word });
  }
  return found.map((mention) => negatedBound(query, mention)).sort((a, b) => a.start - b.start);
}

/** Words that, before an open bound, deny it: "no older than 2000", "nothing before 1990", "aren't older than". */
const BOUND_NEGATIONS = new Set(["no", "not", "nothing", "none", "never", "isnt", "arent", "wasnt", "werent", "shouldnt", "dont", "doesnt"]);
/** Words a denial reaches a bound over: "nothing from before 1990", "not made before the 90s", "none released after 2010". */
const DENIAL_BRIDGES = new Set([
  "from",
  "made",
  "released",
  "filmed",
  "shot",
  "produced",
  "dated",
  "dating",
  "come",
  "came",
  "comes",
  "out",
  "be",
  "any",
  "anything",
  "films",
  "movies",
  "ones",
  "one",
  "of",
  "them",
  "too",
  "much",
  "that",
  "which",
  "is",
  "are",
  "was",
  "were",
  "it",
  "please",
]);

/**
 * A denied open bound is the complementary bound, both ends inclusive of what the denial leaves:
 * "nothing before 1990" (not ≤ 1989) is from 1990, "no older than 2000" is from 2000, "nothing
 * after the 80s" is up to 1989. The cue joins the span, so it negates nothing else.
 */
function negatedBound(query: QueryText, mention: YearMention): YearMention {
  if ((mention.kind !== "before" && mention.kind !== "after") || mention.start === 0) return mention;
  let cueAt = mention.start - 1;
  while (cueAt > 0 && mention.start - cueAt <= 4 && DENIAL_BRIDGES.has(query.tokens[cueAt])) cueAt -= 1;
  if (!BOUND_NEGATIONS.has(query.tokens[cueAt])) return mention;
  const phrase = `${query.tokens.slice(cueAt, mention.start).join(" ")} ${mention.phrase}`;
  if (mention.kind === "before" && mention.from === null && mention.to !== null) {
    return { ...mention, start: cueAt, from: mention.to + 1, to: null, kind: "after", phrase };
  }
  if (mention.kind === "after" && mention.to === null && mention.from !== null) {
    return { ...mention, start: cueAt, from: null, to: mention.from - 1, kind: "before", phrase };
  }
  return mention;
}

/**
 * Combines several mentions into one range: bounds from hard mentions win over soft ones, and
 * two decades or years ("80s and 90s", "in 1994 or 1995") take their union.
 */
export function combineYearMentions(mentions: readonly YearMention[]): { from: number | null; to: number | null; strength: "hard" | "soft" } | null {
  if (mentions.length === 0) return null;
  const hard = mentions.filter((mention) => mention.strength === "hard");
  const used = hard.length > 0 ? hard : mentions;
  const points = used.filter((mention) => mention.kind === "decade" || mention.kind === "year" || mention.kind === "range");
  const bounds = used.filter((mention) => !points.includes(mention));
  let from: number | null = null;
  let to: number | null = null;
  if (points.length > 0) {
    from = Math.min(...points.map((mention) => mention.from ?? Number.POSITIVE_INFINITY));
    to = Math.max(...points.map((mention) => mention.to ?? Number.NEGATIVE_INFINITY));
  }
  // Open bounds ("after 2000", "before 1970") narrow whatever the points allow.
  for (const bound of bounds) {
    if (bound.from !== null) from = from === null ? bound.from : Math.max(from, bound.from);
    if (bound.to !== null) to = to === null ? bound.to : Math.min(to, bound.to);
  }
  if (from !== null && to !== null && from > to) {
    // Contradictory ("90s after 2005"): keep the most recent mention's reading.
    const last = used[used.length - 1];
    return { from: last.from, to: last.to, strength: hard.length > 0 ? "hard" : "soft" };
  }
  return { from, to, strength: hard.length > 0 ? "hard" : "soft" };
}
