import { genreKey } from "./genre-phrase";
import { decadeWords, yearWords } from "./number-words";
import { tidy } from "./script-text";

/**
 * The text a voice is given for a DJ script: what a listener should hear, not what a reader sees.
 * espeak-ng reads "#3" as "hash three", "4.2/5" as "four point two slash five", "Comedy/Drama" with
 * "slash", "1995" as "nineteen hundred ninety five", "90s" as "ninety zee" and "Ca$h" as "ca dollar
 * h"; the OpenAI voices do better but not always. Titles keep their words ("Face/Off" → "Face Off",
 * "M*A*S*H" → "MASH", "Romeo + Juliet" → "Romeo and Juliet"). Pure; the written script is unchanged.
 */
export function toSpeechText(script: string): string {
  let text = script.normalize("NFC");
  // Quotation marks only make a voice pause mid-sentence; apostrophes stay.
  text = text.replace(/[“”„"«»]/g, "").replace(/[‘’]/g, "'");
  text = text.replace(/(\d+(?:\.\d+)?)\s*\/\s*(5|10|100)\b/g, (_, score: string, scale: string) => `${score.replace(/\.0$/, "")} out of ${scale}`);
  text = text.replace(/(\S+) 1\/2\b/g, "$1 and a half").replace(/\b1\/2\b/g, "one half");
  text = text.replace(/#\s?(\d+)/g, "number $1").replace(/#/g, " ");
  text = text.replace(/[\p{L}'-]+(?:\/[\p{L}'-]+)+/gu, slashedWords);
  text = text.replace(/\//g, " ");
  text = text
    .replace(/\s*&\s*/g, " and ")
    .replace(/(\p{L})\s+\+\s+(\p{L})/gu, "$1 and $2")
    .replace(/(\d)\+/g, "$1 plus")
    .replace(/\+/g, " plus ");
  text = text
    .replace(/\$(\d+(?:[.,]\d+)*)/g, "$1 dollars")
    .replace(/(\p{L})\$(?=\p{L})/gu, "$1s")
    .replace(/(\p{L})¢(?=\p{L})/gu, "$1c");
  text = text
    .replace(/(\d)\s*°/g, "$1 degrees")
    .replace(/(\p{L})\*(?=\p{L})/gu, "$1")
    .replace(/[*_·•|~^]/g, " ");
  // An aside in parentheses is said between commas; other brackets ("[REC]", "(500) Days") just go.
  text = text.replace(/ \(([^()]*\s[^()]*)\)/g, ", $1,").replace(/[()[\]{}<>]/g, " ");
  text = text
    .replace(/\bvs\.?(?=\s)/gi, "versus")
    .replace(/@/g, " at ")
    .replace(/=/g, " equals ");
  text = text.replace(/(?<![\d.,])['’]?((?:1[1-9]|20)?\d0)s\b/g, (_, decade: string) => decadeWords(decade));
  text = text.replace(/(?<![\d.,$])(1[1-9]\d\d|20\d\d)(?![\d]|[.,]\d)/g, (_, year: string) => yearWords(Number(year)));
  return tidy(text);
}

/** "Comedy/Drama/Romance" → "comedy, drama and romance"; any other slashed words ("Face/Off") → "Face Off". */
function slashedWords(words: string): string {
  const parts = words.split("/");
  if (!parts.every((part) => genreKey(part) !== null)) return parts.join(" ");
  const spoken = parts.map((part) => part.toLowerCase().replace(/-/g, " "));
  return `${spoken.slice(0, -1).join(", ")} and ${spoken[spoken.length - 1]}`;
}
