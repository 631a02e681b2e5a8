/**
 * "a" or "an" for the phrase that follows, by how it is said, not how it is spelt: "an 88-minute
 * drama", "an 11-minute short", "an 18th", "a 101-minute comedy", "a one-off", "an hour".
 */
export function indefiniteArticle(phrase: string): "a" | "an" {
  const word = phrase.trim().toLowerCase();
  const number = /^\d[\d,]*/.exec(word)?.[0];
  if (number !== undefined) return numberTakesAn(number) ? "an" : "a";
  if (/^(one|once|uni|use|usu|uti|eu|ewe|ur[aeiou])/.test(word)) return "a";
  if (/^(hour|honest|honou?r|heir)/.test(word)) return "an";
  return /^[aeiou]/.test(word) ? "an" : "a";
}

/**
 * Whether a number as spoken starts with a vowel sound: eight…, eighty…, eleven, eighteen, and
 * the thousands and millions of those (11,000 is "eleven thousand", 110 is "one hundred ten").
 * Four digits without a comma are a year: 1895 is "eighteen ninety-five", 1995 "nineteen…".
 */
function numberTakesAn(number: string): boolean {
  if (number.startsWith("8")) return true;
  if (/^\d{4}$/.test(number)) return number.startsWith("11") || number.startsWith("18");
  const digits = number.replace(/,/g, "");
  const leadingGroup = digits.length % 3 === 0 ? 3 : digits.length % 3;
  const lead = digits.slice(0, leadingGroup);
  return lead === "11" || lead === "18";
}

/** The phrase with its article: "an 88-minute drama". */
export function withArticle(phrase: string): string {
  return `${indefiniteArticle(phrase)} ${phrase}`;
}
