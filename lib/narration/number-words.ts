/**
 * Years and decades in the words people say. espeak-ng reads "1995" as "nineteen hundred ninety
 * five" and "90s" as "ninety zee", so speech-text.ts spells them out; other numbers it reads well.
 */

const ONES = [
  "zero",
  "one",
  "two",
  "three",
  "four",
  "five",
  "six",
  "seven",
  "eight",
  "nine",
  "ten",
  "eleven",
  "twelve",
  "thirteen",
  "fourteen",
  "fifteen",
  "sixteen",
  "seventeen",
  "eighteen",
  "nineteen",
];
const TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

/** 0–99 in words: 7 → "seven", 95 → "ninety-five". */
export function twoDigitWords(value: number): string {
  if (!Number.isInteger(value) || value < 0 || value > 99) throw new RangeError(`expected 0-99, got ${value}`);
  if (value < 20) return ONES[value];
  const ones = value % 10;
  return ones === 0 ? TENS[Math.floor(value / 10)] : `${TENS[Math.floor(value / 10)]}-${ONES[ones]}`;
}

/**
 * A year as said aloud: 1995 → "nineteen ninety-five", 1905 → "nineteen oh five", 1900 →
 * "nineteen hundred", 2008 → "two thousand eight", 2019 → "twenty nineteen". Years 1100–2099.
 */
export function yearWords(year: number): string {
  if (!Number.isInteger(year) || year < 1100 || year > 2099) throw new RangeError(`expected a year 1100-2099, got ${year}`);
  const century = Math.floor(year / 100);
  const rest = year % 100;
  if (year >= 2000 && year < 2010) return rest === 0 ? "two thousand" : `two thousand ${ONES[rest]}`;
  if (rest === 0) return `${twoDigitWords(century)} hundred`;
  return `${twoDigitWords(century)} ${rest < 10 ? `oh ${ONES[rest]}` : twoDigitWords(rest)}`;
}

/** The plural of a tens word: "ninety" → "nineties", "twenty" → "twenties", "ten" → "tens". */
function decadePlural(words: string): string {
  return words.endsWith("y") ? `${words.slice(0, -1)}ies` : `${words}s`;
}

/**
 * A decade as said aloud: "1970s" → "nineteen seventies", "90s" → "nineties", "2000s" → "two
 * thousands", "2010s" → "twenty tens", "1900s" → "nineteen hundreds".
 */
export function decadeWords(decade: string): string {
  const digits = decade.replace(/\D/g, "");
  const value = Number(digits);
  if (digits.length === 2) return decadePlural(twoDigitWords(value));
  if (value >= 2000 && value < 2010) return "two thousands";
  const century = Math.floor(value / 100);
  const rest = value % 100;
  return `${twoDigitWords(century)} ${rest === 0 ? "hundreds" : decadePlural(twoDigitWords(rest))}`;
}
