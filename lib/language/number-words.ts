/**
 * Numbers as people type them in requests, read token by token from a QueryText: digits ("90"),
 * decimals (queryText turns "1.5" and "1,5 hours" into "1p5"), and spelled-out numbers up to the
 * hundreds ("ninety", "twenty five", "a hundred and twenty", "one hundred"). Durations and counts
 * both read numbers here, so "a hundred and twenty minutes" and "twenty-five films" agree.
 *
 * Hand-written rather than a library (compromise's number plugin reads these too): the token
 * grammar is twenty lines, runs in microseconds on the router's hot path, and must line up with
 * queryText's tokens, which a second tokeniser would not.
 */

const UNITS: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fourty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };

/** A number read from tokens [start, end). */
export interface NumberRead {
  value: number;
  end: number;
  /** True for digits ("90", "1p5"), false for words ("ninety"). */
  digits: boolean;
}

/** "twenty five" / "twenty" / "seven" at `start`: a value below 100, or null. */
function belowHundred(tokens: readonly string[], start: number): { value: number; end: number } | null {
  const word = tokens[start];
  if (word === undefined) return null;
  if (UNITS[word] !== undefined) return { value: UNITS[word], end: start + 1 };
  const tens = TENS[word];
  if (tens === undefined) return null;
  const unit = UNITS[tokens[start + 1] ?? ""];
  // "twenty five" but not "twenty twelve": only one to nine complete a ten.
  if (unit !== undefined && unit >= 1 && unit <= 9) return { value: tens + unit, end: start + 2 };
  return { value: tens, end: start + 1 };
}

/**
 * Reads one number at token `start`: digits, a decimal ("1p5"), or words up to 999 ("a hundred
 * and twenty", "one hundred twenty", "ninety five"). "a"/"an" count as one only before
 * "hundred"; callers that mean "an hour" read the article themselves.
 */
export function readNumber(tokens: readonly string[], start: number): NumberRead | null {
  const token = tokens[start];
  if (token === undefined) return null;
  if (/^\d+(?:p\d+)?$/.test(token)) return { value: Number(token.replace("p", ".")), end: start + 1, digits: true };
  let hundreds = 0;
  let position = start;
  const first = token === "a" || token === "an" ? { value: 1, end: start + 1 } : belowHundred(tokens, start);
  if (first && tokens[first.end] === "hundred" && first.value >= 1 && first.value <= 9) {
    hundreds = first.value * 100;
    position = first.end + 1;
  } else if (token === "hundred") {
    hundreds = 100;
    position = start + 1;
  } else if (first && token !== "a" && token !== "an") {
    return { value: first.value, end: first.end, digits: false };
  } else {
    return null;
  }
  // "a hundred and twenty", "one hundred twenty".
  const andSkip = tokens[position] === "and" ? 1 : 0;
  const rest = belowHundred(tokens, position + andSkip);
  if (rest && rest.value > 0) return { value: hundreds + rest.value, end: rest.end, digits: false };
  return { value: hundreds, end: position, digits: false };
}
