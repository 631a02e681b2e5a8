import assert from "node:assert/strict";
import { test } from "node:test";
import { vocabularyTokens, wordTokens } from "../../../lib/ai";

test("word tokens fold case and accents, keep hyphenated words, read n't as not and drop 's", () => {
  assert.deepEqual(wordTokens("Amélie's mind-bending Sci-Fi — don't miss it!"), ["amelie", "mind-bending", "sci-fi", "do", "not", "miss", "it"]);
  assert.deepEqual(wordTokens("Rock & roll in the 1990s"), ["rock", "and", "roll", "in", "the", "1990s"]);
  assert.deepEqual(wordTokens("   "), []);
});

test("vocabulary tokens split unknown hyphenated words into known parts and drop unknown words", () => {
  const vocabulary = new Set(["sci-fi", "mind", "bending", "ghost"]);
  assert.deepEqual(
    vocabularyTokens(["sci-fi", "mind-bending", "ghost", "xyzzy", "xyz-qq"], (word) => vocabulary.has(word)),
    ["sci-fi", "mind", "bending", "ghost"],
  );
});
