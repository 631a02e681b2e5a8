import assert from "node:assert/strict";
import { test } from "node:test";
import { findScriptProblems } from "../../../lib/narration";

test("flags what issue 19 heard: doubled phrasing, 'a' before a vowel sound, stray punctuation, symbols", () => {
  const cases: Array<[string, RegExp]> = [
    ["Then Heat, picked because picked for you: a crime film.", /doubled phrasing: "picked because picked"/],
    ["First up, a 88-minute comedy.", /wrong article: "a 88-minute"/],
    ["Also an 101-minute drama and a 11-minute short and a epic.", /wrong article: "an 101-minute".*wrong article: "a 11-minute".*wrong article: "a epic"/s],
    ["Directed by Nick Murphy , starring Ann Example.", /space before punctuation: " ,"/],
    ["And to close the set: Crazy, Stupid, Love.. Good night.", /stray punctuation: "\.\."/],
    ["Heat from 1995, and here's why: the film you asked for: Heat.", /two colons in a sentence/],
    ["The #3 most rated film, averaging 4.2/5, a Comedy/Drama.", /symbol a voice reads out: "#".*symbol a voice reads out: "\/"/s],
    ["It is the the best.", /doubled word: "the the"/],
    ["Kicking things off, picked because matches your search.", /because before a label: "because matches"/],
  ];
  for (const [script, expected] of cases) assert.match(findScriptProblems(script).join("\n"), expected, script);
});

test("clean scripts, titles and quotations pass", () => {
  assert.deepEqual(
    findScriptProblems(
      "Back to back, eight picks for “a 80s vibe”. First up, an 88-minute drama called Heat. People who loved it loved this too. An hour well spent, a one-off, a unique film from 1995, an 1895 short, a European comedy.",
    ),
    [],
  );
  assert.deepEqual(
    findScriptProblems("First up: Tora! Tora! Tora! Then Face/Off, then Love Potion #9 and Bora Bora. A 189-minute epic.", ["Tora! Tora! Tora!", "Face/Off", "Love Potion #9", "Bora Bora", "9"]),
    [],
  );
  assert.deepEqual(findScriptProblems("Airplane! A crowd favourite. Mr. Smith Goes to Washington… what a film."), []);
});
