import { indefiniteArticle } from "./indefinite-article";
import { escapeRegExp } from "../text";

/** Stands in for a title or a quotation, which may say anything ("Tora! Tora! Tora!", “a 80s vibe”). */
const MASK = "⟦⟧";

/** `text` with the given titles (as whole words: the film "9" is not in "189-minute") and every “quotation” replaced by MASK. */
function masked(text: string, titles: readonly string[]): string {
  let result = text.replace(/“[^”]*”/g, MASK);
  const present = [...new Set(titles.map((title) => title.trim()))].filter((title) => title && text.includes(title));
  for (const title of present.sort((left, right) => right.length - left.length)) {
    result = result.replace(new RegExp(String.raw`(?<![\p{L}\d])${escapeRegExp(title)}(?![\p{L}\d])`, "gu"), MASK);
  }
  return result;
}

interface Rule {
  name: string;
  find: (text: string) => string[];
}

const matches = (pattern: RegExp) => (text: string) => [...text.matchAll(pattern)].map((match) => match[0]);

const RULES: readonly Rule[] = [
  { name: "doubled word", find: matches(/\b(\p{L}+)\s+\1\b/giu) },
  // "picked because picked for you": the same word again after one small word. "Back to back" and
  // "people who loved it loved this too" are English.
  { name: "doubled phrasing", find: matches(/\b(\p{L}{3,})\s+(?!(?:to|by|after|and|or|upon|it|them|him|her|you|me|us|this|that|they)\s)\p{Ll}+\s+\1\b/giu) },
  {
    name: "wrong article",
    find: (text) => [...text.matchAll(/\b(a|an)\s+([\p{L}\d][\p{L}\d,'-]*)/giu)].filter((match) => match[1].toLowerCase() !== indefiniteArticle(match[2])).map((match) => match[0]),
  },
  { name: "space before punctuation", find: matches(/\s[,.;:!?]/g) },
  { name: "stray punctuation", find: matches(/(?<!\.)\.\.(?!\.)|[,;:]\s*[,.;:]|[.!?]\s*,|\(\s*\)/g) },
  // "here's why: the film you asked for: Heat": two colons in one sentence.
  { name: "two colons in a sentence", find: matches(/:[^.!?:⟦]*:/g) },
  { name: "symbol a voice reads out", find: matches(/[#/*<>{}[\]|\\_~^=@()]/g) },
  { name: "because before a label", find: matches(/\bbecause\s+(?:matches|fits|picked|tagged|found|one of the closest)\b/gi) },
];

/**
 * What reads badly in a DJ script: doubled words or phrasing, "a" before a vowel sound ("a 88-minute"),
 * space before punctuation ("Nick Murphy ,"), doubled punctuation, two colons in one sentence,
 * symbols a voice would read out ("#3", "4.2/5", "Comedy/Drama"). `titles` (the films the script
 * names) and “quotations” are not judged: a title may legitimately say anything. Returns one
 * "rule: excerpt" line per problem; empty when the script reads cleanly.
 */
export function findScriptProblems(text: string, titles: readonly string[] = []): string[] {
  const checked = masked(text, titles);
  return RULES.flatMap((rule) => rule.find(checked).map((excerpt) => `${rule.name}: ${JSON.stringify(excerpt)}`));
}
