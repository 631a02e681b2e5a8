import assert from "node:assert/strict";
import { test } from "node:test";
import { decadeWords, toSpeechText, twoDigitWords, yearWords } from "../../../lib/narration";

test("ratings, ranks, slashes and symbols are said as words", () => {
  assert.equal(toSpeechText("averaging 4.2/5, and 7.9/10 on TMDB, 4.0/5 here"), "averaging 4.2 out of 5, and 7.9 out of 10 on TMDB, 4 out of 5 here");
  assert.equal(toSpeechText("the #3 most rated film"), "the number 3 most rated film");
  assert.equal(toSpeechText("a Comedy/Drama/Romance film, and Sci-Fi/Film-Noir"), "a comedy, drama and romance film, and sci fi and film noir");
  assert.equal(toSpeechText("12,345 ratings (the #1 most rated film here), averaging 3.9/5."), "12,345 ratings, the number 1 most rated film here, averaging 3.9 out of 5.");
  assert.equal(toSpeechText("Close in spirit to the mood you described (“dark and rainy”)."), "Close in spirit to the mood you described, dark and rainy.");
});

test("titles keep their words", () => {
  assert.equal(toSpeechText("Face/Off, 8 1/2, Nine 1/2 Weeks, Love Potion #9, #Horror"), "Face Off, 8 and a half, Nine and a half Weeks, Love Potion number 9, Horror");
  assert.equal(
    toSpeechText("M*A*S*H, Ri¢hie Ri¢h, Ca$h, $5, Romeo + Juliet, Love & Basketball, Survive Style 5+"),
    "MASH, Richie Rich, Cash, 5 dollars, Romeo and Juliet, Love and Basketball, Survive Style 5 plus",
  );
  assert.equal(
    toSpeechText("[REC], (500) Days of Summer, WALL·E, Cry_Wolf, 70° South, Tucker and Dale vs Evil"),
    "REC, 500 Days of Summer, WALL E, Cry Wolf, 70 degrees South, Tucker and Dale versus Evil",
  );
});

test("years and decades as people say them; other numbers are left to the voice", () => {
  assert.equal(
    toSpeechText("Heat from 1995, 1905, 1900, 2001: A Space Odyssey, Blade Runner 2049, 2008, 2019."),
    "Heat from nineteen ninety-five, nineteen oh five, nineteen hundred, two thousand one: A Space Odyssey, Blade Runner twenty forty-nine, two thousand eight, twenty nineteen.",
  );
  assert.equal(toSpeechText("the 90s, the ’80s, the 1970s, the 2000s and the 2010s"), "the nineties, the eighties, the nineteen seventies, the two thousands and the twenty tens");
  assert.equal(toSpeechText("an 88-minute drama, 12,345 ratings, 3.9 out of 5, 101 minutes"), "an 88-minute drama, 12,345 ratings, 3.9 out of 5, 101 minutes");
  assert.equal(twoDigitWords(95), "ninety-five");
  assert.equal(yearWords(1100), "eleven hundred");
  assert.equal(decadeWords("1900s"), "nineteen hundreds");
  assert.throws(() => yearWords(999), RangeError);
});

test("quotation marks go (a voice only pauses at them); apostrophes stay", () => {
  assert.equal(toSpeechText('You asked for “tom hanks”, tagged "dog" — it\'s “Schindler’s List”.'), "You asked for tom hanks, tagged dog — it's Schindler's List.");
});
