import { readNumber } from "./number-words";
import type { QueryText, TokenSpan } from "./query-text";

/**
 * Durations in every way people write them, read token by token (after queryText: lower case,
 * "1.5"/"1,5" → "1p5", hyphens and apostrophes gone): "90 minutes", "90 mins", "90min", "90m",
 * "1h30", "1h 30m", "1 hr 45", "2 hrs", "two hours", "1p5 hours", "an hour and a half", "one and
 * a half hours", "two and a half hours", "hour and 45 minutes", "half an hour", "three quarters
 * of an hour", "a couple of hours". The words around a duration (bounds, ranges) are read by
 * runtime-expressions.ts; this file only says how many minutes a phrase is.
 */
export interface Duration extends TokenSpan {
  minutes: number;
  /** The unit the phrase counts in: a bare number before a range's second end borrows it ("90 to 120 minutes"). */
  unit: "hours" | "minutes";
}

const HOUR = /^(?:hours?|hrs?|h)$/;
const MINUTE = /^(?:minutes?|mins?|m|mns?)$/;
/** "2h", "1h30", "1h30m", "1p5h", "2hrs", "2hours". */
const COMPACT_HOURS = /^(\d+(?:p\d+)?)(?:h|hrs?|hours?)(?:(\d{1,2})(?:m|mins?|minutes?)?)?$/;
/** "90m", "90min", "90mins", "90minutes". */
const COMPACT_MINUTES = /^(\d+)(?:m|mins?|minutes?|mns?)$/;

/** Nouns a number after hours may count instead of minutes. */
const COUNTED = /^(?:movies?|films?|flicks?|picks?|titles?|options?|recs?|recommendations?|suggestions?|years?|ones?|more)$/;

/** "a half" / "a quarter" / "three quarters" at `start` as minutes, with where it ends. */
function fraction(tokens: readonly string[], start: number): { minutes: number; end: number } | null {
  const [first, second] = [tokens[start], tokens[start + 1]];
  if ((first === "a" || first === "one") && second === "half") return { minutes: 30, end: start + 2 };
  if ((first === "a" || first === "one") && second === "quarter") return { minutes: 15, end: start + 2 };
  if (first === "three" && second === "quarters") return { minutes: 45, end: start + 2 };
  if (first === "half") return { minutes: 30, end: start + 1 };
  return null;
}

/** The minutes part after hours: "30", "30 minutes", "30m", "and 45 minutes", "and a half". */
function minutesAfterHours(tokens: readonly string[], start: number): { minutes: number; end: number } | null {
  const skip = tokens[start] === "and" ? 1 : 0;
  const position = start + skip;
  const afterAnd = skip === 1 ? fraction(tokens, position) : null;
  if (afterAnd) return afterAnd;
  const compact = COMPACT_MINUTES.exec(tokens[position] ?? "");
  if (compact && Number(compact[1]) < 60) return { minutes: Number(compact[1]), end: position + 1 };
  const number = readNumber(tokens, position);
  if (!number || number.value >= 60 || !Number.isInteger(number.value)) return null;
  if (MINUTE.test(tokens[number.end] ?? "")) return { minutes: number.value, end: number.end + 1 };
  // "1 hr 45", "1h 30": a two-digit number needs no unit; "and" needs one, and "2 hours 15 films" counts films.
  if (skip === 0 && number.digits && number.value >= 10 && !COUNTED.test(tokens[number.end] ?? "")) return { minutes: number.value, end: number.end };
  return null;
}

/** Reads a duration starting exactly at token `start`, or null. */
function readDuration(tokens: readonly string[], start: number): Duration | null {
  const token = tokens[start];
  if (token === undefined) return null;
  const at = (offset: number) => tokens[start + offset];

  // "half an hour", "half hour", "a half hour", "three quarters of an hour", "a quarter of an hour".
  const leadingFraction = fraction(tokens, start) ?? (token === "quarter" ? { minutes: 15, end: start + 1 } : null);
  if (leadingFraction) {
    let position = leadingFraction.end;
    if (tokens[position] === "of") position += 1;
    if (tokens[position] === "an" || tokens[position] === "a") position += 1;
    if (HOUR.test(tokens[position] ?? "")) {
      return { start, end: position + 1, minutes: leadingFraction.minutes, unit: "hours" };
    }
  }
  // "a couple of hours", "couple hours": two hours.
  {
    let position = start;
    if (tokens[position] === "a") position += 1;
    if (tokens[position] === "couple" || tokens[position] === "pair") {
      position += 1;
      if (tokens[position] === "of") position += 1;
      if (HOUR.test(tokens[position] ?? "") && /s$/.test(tokens[position])) return { start, end: position + 1, minutes: 120, unit: "hours" };
    }
  }

  // Compact tokens: "1h30", "2h", "90min".
  const compactHours = COMPACT_HOURS.exec(token);
  if (compactHours) {
    const hours = Number(compactHours[1].replace("p", "."));
    if (compactHours[2] !== undefined) return { start, end: start + 1, minutes: hours * 60 + Number(compactHours[2]), unit: "hours" };
    const extra = minutesAfterHours(tokens, start + 1);
    return { start, end: extra?.end ?? start + 1, minutes: hours * 60 + (extra?.minutes ?? 0), unit: "hours" };
  }
  const compactMinutes = COMPACT_MINUTES.exec(token);
  if (compactMinutes) return { start, end: start + 1, minutes: Number(compactMinutes[1]), unit: "minutes" };

  // Hours: "an hour", "hour" (in "hour and 45 minutes"), "two hours", "1p5 hours", "two and a half hours".
  let hours: number | null = null;
  let position = start;
  if ((token === "an" || token === "a" || token === "one") && HOUR.test(at(1) ?? "")) {
    hours = 1;
    position = start + 1;
  } else if (token === "hour" && (at(1) === "and" || /^\d/.test(at(1) ?? ""))) {
    hours = 1;
  } else {
    const number = readNumber(tokens, start);
    if (number) {
      let value = number.value;
      let next = number.end;
      // "two and a half hours", "one and three quarters hours".
      if (tokens[next] === "and") {
        const part = fraction(tokens, next + 1);
        if (part && HOUR.test(tokens[part.end] ?? "")) {
          value += part.minutes / 60;
          next = part.end;
        }
      }
      if (HOUR.test(tokens[next] ?? "")) {
        hours = value;
        position = next;
      } else if (MINUTE.test(tokens[next] ?? "") && next === number.end) {
        return { start, end: next + 1, minutes: value, unit: "minutes" };
      } else {
        // A number alone ("90", "top 5") is no duration.
        return null;
      }
    }
  }
  if (hours === null || !HOUR.test(tokens[position] ?? "")) return null;
  const extra = minutesAfterHours(tokens, position + 1);
  return { start, end: extra?.end ?? position + 1, minutes: Math.round(hours * 60 + (extra?.minutes ?? 0)), unit: "hours" };
}

/** Every duration in the query, left to right, never overlapping. */
export function findDurations(query: QueryText): Duration[] {
  const found: Duration[] = [];
  for (let start = 0; start < query.tokens.length; start += 1) {
    const duration = readDuration(query.tokens, start);
    if (!duration) continue;
    found.push(duration);
    start = duration.end - 1;
  }
  return found;
}
