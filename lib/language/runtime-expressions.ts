import { findDurations, type Duration } from "./durations";
import { readNumber } from "./number-words";
import { matchPhrases, type QueryText, type TokenSpan } from "./query-text";
import { claim } from "./span-cover";

/** A runtime range in minutes: "under 90 minutes", "longer than two hours", "short". */
export interface RuntimeMention extends TokenSpan {
  minMinutes: number | null;
  maxMinutes: number | null;
  kind: "max" | "min" | "about" | "range" | "word";
  strength: "hard" | "soft";
  phrase: string;
}

/**
 * "about 90 minutes" and a bare "a 90 minute movie" allow this much either side: an approximate
 * runtime is a window around the number, not a bound (docs/EVALUATION.md fixes only bounds).
 */
const ABOUT_TOLERANCE_MINUTES = 15;
/** What "short" and "long" mean when no number is given. */
const SHORT_MAX_MINUTES = 100;
const LONG_MIN_MINUTES = 140;

type Direction = "max" | "min" | "about";

/**
 * Words before a duration, by direction. Every bound includes the number stated (a runtime is a
 * budget: "under 90 minutes" fits a 90-minute film; docs/EVALUATION.md). A denial before a
 * comparative flips it ("no more than", "not under", "nothing longer than"), so the flipped
 * phrasings need no entries of their own.
 */
const BEFORE: Array<[Direction, string[]]> = [
  [
    "max",
    [
      "under",
      "below",
      "less than",
      "shorter than",
      "lower than",
      "fewer than",
      "at most",
      "at the most",
      "at max",
      "up to",
      "upto",
      "within",
      "max",
      "maximum",
      "a max of",
      "a maximum of",
      "max of",
      "maximum of",
      "tops",
      "sub",
      "in under",
      "in less than",
      "not exceeding",
      "no longer",
      "no more",
      "capped at",
      "a cap of",
      "a limit of",
      "limited to",
      "under about",
      "nothing over",
      // A time budget: "I only have 90 minutes", "I've got two hours", "fits in 90 minutes", "before bedtime in 90 minutes".
      "have",
      "has",
      "got",
      "gotten",
      "in",
      "fits in",
      "fit in",
      "fits into",
      "fit into",
      "finish in",
      "finished in",
      "done in",
      "over in",
      "watch in",
    ],
  ],
  [
    "min",
    [
      "over",
      "above",
      "more than",
      "longer than",
      "greater than",
      "at least",
      "at the least",
      "at the very least",
      "minimum",
      "a minimum of",
      "minimum of",
      "min",
      "in excess of",
      "upwards of",
      "upward of",
      "north of",
      "beyond",
      "past",
      "exceeding",
      "a good",
      "well over",
    ],
  ],
  [
    "about",
    [
      "about",
      "around",
      "roughly",
      "approximately",
      "approx",
      "circa",
      "close to",
      "something like",
      "like",
      "some",
      "near",
      "nearly",
      "almost",
      "give or take",
      "round about",
      "in the region of",
      "ballpark",
    ],
  ],
];
/** Words after a duration ("100 minutes max", "two hours or more", "90 minutes or so"). */
const AFTER: Array<[Direction, string[]]> = [
  [
    "max",
    [
      "or less",
      "or shorter",
      "or under",
      "or below",
      "or fewer",
      "or lower",
      "max",
      "maximum",
      "tops",
      "top",
      "at most",
      "at the most",
      "at max",
      "at the longest",
      "at the outside",
      "and under",
      "and below",
      "and less",
      "or so max",
      "or so tops",
      "or less please",
      "limit",
      "or thereabouts max",
    ],
  ],
  [
    "min",
    [
      "or more",
      "or longer",
      "or over",
      "or above",
      "or greater",
      "plus",
      "and up",
      "and over",
      "and above",
      "and more",
      "and longer",
      "or so min",
      "at least",
      "at the least",
      "minimum",
      "min",
      "at minimum",
      "at the shortest",
      "upwards",
      "or upwards",
      "and upwards",
    ],
  ],
  ["about", ["or so", "ish", "give or take", "roughly", "approximately", "more or less", "or thereabouts", "or around that"]],
];
/** Denials that flip a comparative before a duration. */
const DENIALS = new Set(["no", "not", "nothing", "none", "never", "isnt", "arent", "shouldnt"]);
/** Comparatives a denial can flip (budget words like "have" and approximations are never flipped). */
const FLIPPABLE = new Set(["under", "below", "less than", "shorter than", "lower than", "fewer than", "over", "above", "more than", "longer than", "greater than", "exceeding", "past", "beyond"]);
/** Words a cue may stand apart from its duration by: "under about 2 hours", "I have just 90 minutes". */
const GAP_WORDS = new Set(["a", "an", "the", "just", "only", "maybe", "like", "about", "around", "roughly", "approximately", "barely", "really", "perhaps", "probably", "um"]);
/** Words between a duration and a trailing cue: "two hours long or less", "90 minutes runtime max". */
const LENGTH_WORDS = new Set(["long", "in", "length", "runtime", "running", "time", "of", "film", "movie", "films", "movies"]);

const tokensOf = (entries: Array<[Direction, string[]]>) =>
  entries.flatMap(([direction, phrases]) => phrases.map((phrase) => ({ direction, phrase, words: phrase.split(" ") }))).sort((a, b) => b.words.length - a.words.length);
const BEFORE_PHRASES = tokensOf(BEFORE);
const AFTER_PHRASES = tokensOf(AFTER);

type Cue = { direction: Direction; start: number; end: number; phrase: string };

/** The longest cue whose words end right before token `end`. */
function cueEndingAt(tokens: readonly string[], end: number): Cue | null {
  for (const { direction, phrase, words } of BEFORE_PHRASES) {
    const start = end - words.length;
    if (start < 0 || words.some((word, offset) => tokens[start + offset] !== word)) continue;
    return { direction, start, end, phrase };
  }
  return null;
}

/** The cue before a duration starting at `start`, over up to two gap words, with a denial flipping it. */
function cueBefore(tokens: readonly string[], start: number): Cue | null {
  let end = start;
  for (let gaps = 0; gaps <= 2; gaps += 1) {
    const cue = cueEndingAt(tokens, end);
    // "about" is both a gap ("under about 2 hours") and a cue ("about 2 hours"): a bound further left wins.
    if (cue && !(cue.direction === "about" && gaps < 2 && cueEndingAt(tokens, cue.start) && cueEndingAt(tokens, cue.start)!.direction !== "about")) {
      const denial = tokens[cue.start - 1];
      if (denial !== undefined && DENIALS.has(denial) && FLIPPABLE.has(cue.phrase) && cue.direction !== "about") {
        return { direction: cue.direction === "max" ? "min" : "max", start: cue.start - 1, end: cue.end, phrase: `${denial} ${cue.phrase}` };
      }
      return cue;
    }
    if (!GAP_WORDS.has(tokens[end - 1] ?? "")) return null;
    end -= 1;
  }
  return null;
}

/** The cue after a duration ending at `end`, over "long" / "in length" words. */
function cueAfter(tokens: readonly string[], end: number): Cue | null {
  let start = end;
  for (let skipped = 0; skipped <= 2; skipped += 1) {
    for (const { direction, phrase, words } of AFTER_PHRASES) {
      if (words.every((word, offset) => tokens[start + offset] === word)) return { direction, start, end: start + words.length, phrase };
    }
    if (!LENGTH_WORDS.has(tokens[start] ?? "")) return null;
    start += 1;
  }
  return null;
}

/** Sanity bounds: a "runtime" outside these was something else ("2 m", "600 hours"). */
function plausible(minutes: number | null): minutes is number {
  return minutes !== null && Number.isFinite(minutes) && minutes >= 10 && minutes <= 600;
}

const RANGE_JOINERS = new Set(["to", "and", "or", "through", "thru", "until", "till", "til"]);

/**
 * A range ending in `second`: "between 90 and 120 minutes", "90 to 120 minutes", "90-120 min"
 * (the hyphen is gone from the tokens), "1 to 2 hours", "between 90 minutes and 2 hours",
 * "1h30-2h". A bare first number takes the second's unit. "and" joins a range only after
 * "between": "two hours and fifteen minutes" is already one duration.
 */
function rangeEndingWith(tokens: readonly string[], second: Duration, durations: readonly Duration[]): RuntimeMention | null {
  const joiner = RANGE_JOINERS.has(tokens[second.start - 1] ?? "") ? tokens[second.start - 1] : null;
  const firstEnd = joiner ? second.start - 1 : second.start;
  let first: { start: number; minutes: number } | null = null;
  const previous = durations.find((duration) => duration.end === firstEnd);
  if (previous) first = { start: previous.start, minutes: previous.minutes };
  else {
    for (let start = Math.max(0, firstEnd - 4); start < firstEnd && !first; start += 1) {
      const number = readNumber(tokens, start);
      if (!number || number.end !== firstEnd) continue;
      if (!joiner && !number.digits) continue;
      const minutes = second.unit === "hours" && number.value <= 10 ? number.value * 60 : number.value;
      first = { start, minutes };
    }
  }
  if (!first) return null;
  const lead = tokens[first.start - 1];
  const opened = lead === "between" || lead === "from";
  if (joiner === "and" && lead !== "between") return null;
  const low = Math.min(first.minutes, second.minutes);
  const high = Math.max(first.minutes, second.minutes);
  if (!plausible(low) || !plausible(high) || low === high) return null;
  // "90 120 min" was "90-120 min"; "top 10 90 minute films" is a count and a duration.
  if (!joiner && low < 30) return null;
  const start = opened ? first.start - 1 : first.start;
  return { start, end: second.end, minMinutes: low, maxMinutes: high, kind: "range", strength: "hard", phrase: tokens.slice(start, second.end).join(" ") };
}

const patterns = {
  // "under 90", "less than 100": the only unit-less runtime, after a comparative that numbers of films rarely take.
  bareUnder: /\b(under|less than|shorter than|below|no longer than|not longer than|at most) ([4-9][0-9]|1[0-9]{2}|2[0-4][0-9])\b(?! ?(?:s|hours?|hrs?|h|minutes?|mins?|m)\b)/g,
  notTooLong: /\b(?:not|nothing|isnt|shouldnt be|no) (?:too |very |overly |that |super |so )?(long|lengthy|short)\b/g,
  // "short" and "quick" describe a film only when they do ("a quick watch", "something short"), not "quick question" or "in short".
  short:
    /\b(?<!in |for |long story |too )(short|shortish|quick|brief|bite sized)\b(?! (?:question|q|one question|thing|note|request|ask|favou?r|reminder|look|notice|list|story|stories|film festival|films? program))/g,
  long: /\b(long|longish|lengthy)(?= (?:movies?|films?|ones?|epics?|watch)\b)|\b(something|anything) (long|lengthy)\b|\b(three hour|3 hour) epic\b/g,
};

/** Most queries name no duration: a cheap test skips the readers. */
const RUNTIME_HINT = /\d|hour|hr|min|short|long|quick|brief|lengthy|bite|epic/;

/** Finds runtime constraints; phrases never overlap, ranges and stated bounds before bare durations and words. */
export function findRuntimeMentions(query: QueryText): RuntimeMention[] {
  if (!RUNTIME_HINT.test(query.text)) return [];
  const tokens = query.tokens;
  const found: RuntimeMention[] = [];
  const taken = new Array<boolean>(tokens.length).fill(false);
  const offer = (mention: RuntimeMention) => {
    if (claim(taken, mention)) found.push(mention);
  };
  const durations = findDurations(query).filter((duration) => plausible(duration.minutes));
  const ranged = new Set<Duration>();
  for (const duration of durations) {
    const range = rangeEndingWith(tokens, duration, durations);
    if (!range) continue;
    offer(range);
    ranged.add(duration);
    for (const other of durations) if (other.start >= range.start && other.end <= range.end) ranged.add(other);
  }
  for (const { start, end, match } of matchPhrases(query, patterns.notTooLong)) {
    const short = match[1] === "short";
    offer({ start, end, minMinutes: short ? 80 : null, maxMinutes: short ? null : 120, kind: "word", strength: "soft", phrase: match[0] });
  }
  for (const duration of durations) {
    if (ranged.has(duration)) continue;
    const before = cueBefore(tokens, duration.start);
    const after = cueAfter(tokens, duration.end);
    // A stated bound wins over an approximation on the other side ("around 90 minutes max" is ≤ 90).
    const cue = before && before.direction !== "about" ? before : after && after.direction !== "about" ? after : (before ?? after);
    const direction = cue?.direction ?? null;
    const minutes = duration.minutes;
    const start = Math.min(duration.start, before === cue && before ? before.start : duration.start);
    const end = Math.max(duration.end, after === cue && after ? after.end : duration.end);
    const phrase = tokens.slice(start, end).join(" ");
    if (direction === "max") offer({ start, end, minMinutes: null, maxMinutes: minutes, kind: "max", strength: "hard", phrase });
    else if (direction === "min") offer({ start, end, minMinutes: minutes, maxMinutes: null, kind: "min", strength: "hard", phrase });
    // A bare duration ("a 90 minute movie") means about that long, as "about 90 minutes" does.
    else offer({ start, end, minMinutes: minutes - ABOUT_TOLERANCE_MINUTES, maxMinutes: minutes + ABOUT_TOLERANCE_MINUTES, kind: "about", strength: "hard", phrase });
  }
  for (const { start, end, match } of matchPhrases(query, patterns.bareUnder)) {
    offer({ start, end, minMinutes: null, maxMinutes: Number(match[2]), kind: "max", strength: "hard", phrase: match[0] });
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
