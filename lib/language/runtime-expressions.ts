import { matchPhrases, NUMBER_WORD_PATTERN, parseNumber, type QueryText, type TokenSpan } from "./query-text";

/** A runtime range in minutes: "under 90 minutes", "longer than two hours", "short". */
export interface RuntimeMention extends TokenSpan {
  minMinutes: number | null;
  maxMinutes: number | null;
  kind: "max" | "min" | "about" | "range" | "word";
  strength: "hard" | "soft";
  phrase: string;
}

/** "about 90 minutes" allows this much either side. */
export const ABOUT_TOLERANCE_MINUTES = 15;
/** What "short" and "long" mean when no number is given. */
export const SHORT_MAX_MINUTES = 100;
export const LONG_MIN_MINUTES = 140;

const NUMBER = String.raw`(?:\d+(?:p\d+)?|(?:${NUMBER_WORD_PATTERN})(?: (?:${NUMBER_WORD_PATTERN}))?)`;
/**
 * One duration, in any of the ways people write it. Groups: 1 "N and a half hours", 2 "N hours
 * M minutes" hours, 3 its minutes, 4 "1h30" hours, 5 its minutes, 6 plain hours, 7 plain
 * minutes, plus the non-capturing "an hour and a half" / "half an hour".
 */
const DURATION = String.raw`(?:(${NUMBER}) and an? (half|quarter) hours?|(${NUMBER}) (?:hours?|hrs?|h) (?:and )?(${NUMBER}) (?:minutes?|mins?|m)|([0-9]+)h([0-9]+)m?|(?:an? |one )?hour and an? (half|quarter)|(${NUMBER}) hours? and an? (half|quarter)|half an hour|three quarters of an hour|(${NUMBER}) ?(?:hours?|hrs?|h)|(${NUMBER}) ?(?:minutes?|mins?|m))`;
const DURATION_GROUPS = 11;

/** Minutes in "a half" or "a quarter" of an hour. */
const fraction = (word: string | undefined) => (word === "quarter" ? 15 : 30);

function durationMinutes(match: RegExpExecArray, offset: number, text: string): number | null {
  const group = (index: number) => match[offset + index];
  if (group(0) !== undefined) return parseNumber(group(0)!) * 60 + fraction(group(1));
  if (group(2) !== undefined) return parseNumber(group(2)!) * 60 + parseNumber(group(3)!);
  if (group(4) !== undefined) return Number(group(4)) * 60 + Number(group(5));
  if (group(6) !== undefined) return 60 + fraction(group(6));
  if (group(7) !== undefined) return parseNumber(group(7)!) * 60 + fraction(group(8));
  if (group(9) !== undefined) return parseNumber(group(9)!) * 60;
  if (group(10) !== undefined) return parseNumber(group(10)!);
  if (/three quarters of an hour/.test(text)) return 45;
  if (/half an hour/.test(text)) return 30;
  return null;
}

const MAX_WORDS = "only have|have only|i have|we have|ive got|weve got|only got|got only|under|less than|shorter than|no longer than|not longer than|not more than|no more than|at most|max|maximum|up to|within|below|tops|fewer than|not over|no more|under the|not exceeding|lower than|not much more than";
const MIN_WORDS = "not under|no less than|not below|not shorter than|over|more than|longer than|at least|minimum|min|above|upwards of|in excess of|no less than|not less than|no shorter than|not shorter than|a good";
const ABOUT_WORDS = "about|around|roughly|approximately|approx|circa|close to|something like|like|some|near";
const AFTER_MAX = "or less|or shorter|or under|max|maximum|tops|at most|or so max";
const AFTER_MIN = "or more|or longer|plus|or over|at least|minimum";

const patterns = {
  // "two and a half hours" is one duration, not a range from two to a half.
  range: new RegExp(String.raw`\b(?:between )?(${NUMBER}) (?:and|to|or) (?!an? (?:half|quarter)\b)(${NUMBER}) (hours?|hrs?|minutes?|mins?)\b`, "g"),
  // "between an hour and a quarter and 150 minutes", "2h30 to 3 hours", "80-140 minutes".
  // "and" joins a range only after "between": "two hours and fifteen minutes" is one duration.
  durationRange: new RegExp(String.raw`\b(?:between ${DURATION} and ${DURATION}|(?:from )?${DURATION} (?:to|until|or) ${DURATION})\b`, "g"),
  hyphenRange: /\b(\d{2,3}) (\d{2,3}) ?(minutes?|mins?|m)\b/g,
  max: new RegExp(String.raw`\b(?:${MAX_WORDS}) (?:a |an |the )?${DURATION}(?: long)?\b`, "g"),
  min: new RegExp(String.raw`\b(?:${MIN_WORDS}) (?:a |an |the )?${DURATION}(?: long)?\b`, "g"),
  about: new RegExp(String.raw`\b(?:${ABOUT_WORDS}) (?:a |an |the )?${DURATION}(?: long)?\b`, "g"),
  trailing: new RegExp(String.raw`\b${DURATION} (${AFTER_MAX}|${AFTER_MIN})\b`, "g"),
  bare: new RegExp(String.raw`\b${DURATION}(?: (?:long|runtime|running time|movie|film|flick))?\b`, "g"),
  bareUnder: /\b(under|less than|shorter than|below|no longer than|at most) ([4-9][0-9]|1[0-9]{2}|2[0-4][0-9])\b(?! ?(?:s|hours?|hrs?|h|minutes?|mins?|m)\b)/g,
  notTooLong: /\b(?:not|nothing|isnt|shouldnt be|no) (?:too |very |overly |that |super |so )?(long|lengthy|short)\b/g,
  short: /\b(short|shortish|quick|brief|bite sized)\b/g,
  long: /\b(long|longish|lengthy)(?= (?:movies?|films?|ones?|epics?|watch)\b)|\b(something|anything) (long|lengthy)\b|\b(three hour|3 hour) epic\b/g,
};

/** A duration needs a unit; the only unit-less form is "under 90" (BARE_UNDER_HINT). */
const RUNTIME_HINT = /hour|hr|min|\dh|\dm\b| h\b| m\b|short|long|quick|brief|lengthy|bite|epic/;
const BARE_UNDER_HINT = /\b(under|less than|shorter than|below|no longer than|at most) \d/;

/** Sanity bounds: a "runtime" outside these was something else ("top 5", "2 people"). */
function plausible(minutes: number | null): minutes is number {
  return minutes !== null && Number.isFinite(minutes) && minutes >= 10 && minutes <= 600;
}

/** Finds runtime constraints, longest and most specific phrases first; phrases never overlap. */
export function findRuntimeMentions(query: QueryText): RuntimeMention[] {
  // Most queries name no duration; one cheap test skips a dozen heavy patterns.
  if (!RUNTIME_HINT.test(query.text)) {
    if (!BARE_UNDER_HINT.test(query.text)) return [];
    return matchPhrases(query, patterns.bareUnder).map(({ start, end, match }) => ({ start, end, minMinutes: null, maxMinutes: Number(match[2]), kind: "max" as const, strength: "hard" as const, phrase: match[0] }));
  }
  const found: RuntimeMention[] = [];
  const taken = new Array<boolean>(query.tokens.length).fill(false);
  const offer = (mention: RuntimeMention) => {
    for (let index = mention.start; index < mention.end; index += 1) if (taken[index]) return;
    for (let index = mention.start; index < mention.end; index += 1) taken[index] = true;
    found.push(mention);
  };
  for (const { start, end, match } of matchPhrases(query, patterns.range)) {
    const scale = /^h/.test(match[3]) ? 60 : 1;
    const low = parseNumber(match[1]) * scale;
    const high = parseNumber(match[2]) * scale;
    if (!plausible(low) || !plausible(high)) continue;
    offer({ start, end, minMinutes: Math.min(low, high), maxMinutes: Math.max(low, high), kind: "range", strength: "hard", phrase: match[0] });
  }
  for (const { start, end, match } of matchPhrases(query, patterns.durationRange)) {
    // Groups 1–22 are the "between … and …" form, 23–44 the "… to …" form.
    const offset = /^between /.test(match[0]) ? 1 : 1 + 2 * DURATION_GROUPS;
    const [first, second] = match[0].replace(/^(?:between|from) /, "").split(/ (?:and|to|until|or) (?=.*\b(?:hours?|hrs?|h|minutes?|mins?|m|\d+h\d*)\b)/);
    const low = durationMinutes(match, offset, first ?? match[0]);
    const high = durationMinutes(match, offset + DURATION_GROUPS, second ?? match[0]);
    if (!plausible(low) || !plausible(high) || low === high) continue;
    offer({ start, end, minMinutes: Math.min(low, high), maxMinutes: Math.max(low, high), kind: "range", strength: "hard", phrase: match[0] });
  }
  for (const { start, end, match } of matchPhrases(query, patterns.hyphenRange)) {
    const low = Number(match[1]);
    const high = Number(match[2]);
    if (!plausible(low) || !plausible(high) || low >= high) continue;
    offer({ start, end, minMinutes: low, maxMinutes: high, kind: "range", strength: "hard", phrase: match[0] });
  }
  for (const { start, end, match } of matchPhrases(query, patterns.notTooLong)) {
    const short = match[1] === "short";
    offer({ start, end, minMinutes: short ? 80 : null, maxMinutes: short ? null : 120, kind: "word", strength: "soft", phrase: match[0] });
  }
  // The phrase that starts first wins where two overlap: "not under an hour" is a minimum, though
  // "under an hour" alone is a maximum, and "no more than 90 min" a maximum, not "more than".
  const bounded: RuntimeMention[] = [];
  for (const [kind, pattern] of [["max", patterns.max], ["min", patterns.min], ["about", patterns.about]] as const) {
    for (const { start, end, match } of matchPhrases(query, pattern)) {
      const minutes = durationMinutes(match, 1, match[0]);
      if (!plausible(minutes)) continue;
      const minMinutes = kind === "min" ? minutes : kind === "about" ? minutes - ABOUT_TOLERANCE_MINUTES : null;
      const maxMinutes = kind === "max" ? minutes : kind === "about" ? minutes + ABOUT_TOLERANCE_MINUTES : null;
      bounded.push({ start, end, minMinutes, maxMinutes, kind, strength: "hard", phrase: match[0] });
    }
  }
  for (const mention of bounded.sort((a, b) => a.start - b.start || b.end - a.end)) offer(mention);
  for (const { start, end, match } of matchPhrases(query, patterns.trailing)) {
    const minutes = durationMinutes(match, 1, match[0]);
    if (!plausible(minutes)) continue;
    const isMax = new RegExp(`^(${AFTER_MAX})$`).test(match[1 + DURATION_GROUPS]);
    offer({ start, end, minMinutes: isMax ? null : minutes, maxMinutes: isMax ? minutes : null, kind: isMax ? "max" : "min", strength: "hard", phrase: match[0] });
  }
  for (const { start, end, match } of matchPhrases(query, patterns.bareUnder)) {
    const minutes = Number(match[2]);
    offer({ start, end, minMinutes: null, maxMinutes: minutes, kind: "max", strength: "hard", phrase: match[0] });
  }
  for (const { start, end, match } of matchPhrases(query, patterns.bare)) {
    const minutes = durationMinutes(match, 1, match[0]);
    if (!plausible(minutes)) continue;
    // A bare number with a unit ("a 90 minute movie") means about that long.
    offer({ start, end, minMinutes: minutes - ABOUT_TOLERANCE_MINUTES, maxMinutes: minutes + ABOUT_TOLERANCE_MINUTES, kind: "about", strength: "hard", phrase: match[0] });
  }
  for (const { start, end, match } of matchPhrases(query, patterns.short)) {
    offer({ start, end, minMinutes: null, maxMinutes: SHORT_MAX_MINUTES, kind: "word", strength: "hard", phrase: match[0] });
  }
  for (const { start, end, match } of matchPhrases(query, patterns.long)) {
    offer({ start, end, minMinutes: LONG_MIN_MINUTES, maxMinutes: null, kind: "word", strength: "hard", phrase: match[0] });
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Intersects runtime mentions (hard ones win over soft ones) into one range, or null. */
export function combineRuntimeMentions(mentions: readonly RuntimeMention[]): { minMinutes: number | null; maxMinutes: number | null; strength: "hard" | "soft" } | null {
  if (mentions.length === 0) return null;
  const hard = mentions.filter((mention) => mention.strength === "hard");
  const used = hard.length > 0 ? hard : mentions;
  let minMinutes: number | null = null;
  let maxMinutes: number | null = null;
  for (const mention of used) {
    if (mention.minMinutes !== null) minMinutes = minMinutes === null ? mention.minMinutes : Math.max(minMinutes, mention.minMinutes);
    if (mention.maxMinutes !== null) maxMinutes = maxMinutes === null ? mention.maxMinutes : Math.min(maxMinutes, mention.maxMinutes);
  }
  if (minMinutes !== null && maxMinutes !== null && minMinutes > maxMinutes) {
    const last = used[used.length - 1];
    return { minMinutes: last.minMinutes, maxMinutes: last.maxMinutes, strength: hard.length > 0 ? "hard" : "soft" };
  }
  return { minMinutes, maxMinutes, strength: hard.length > 0 ? "hard" : "soft" };
}
