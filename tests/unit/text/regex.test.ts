import assert from "node:assert/strict";
import { test } from "node:test";
import { escapeRegExp, longestFirstAlternation } from "../../../lib/text";

test("escapeRegExp: every special character matches itself", () => {
  const text = "Se7en (1995) [cut] a.b*c+d?e^f$g{h}i|j\\k";
  assert.equal(escapeRegExp("plain words"), "plain words");
  assert.match(text, new RegExp(`^${escapeRegExp(text)}$`));
  assert.doesNotMatch("a-b", new RegExp(escapeRegExp("a.b")));
});

test("longestFirstAlternation: the longer phrase wins where both start", () => {
  const pattern = new RegExp(`\\b(${longestFirstAlternation(["action", "action packed", "c++"])})\\b`);
  assert.equal(longestFirstAlternation(["a", "abc", "ab"]), "abc|ab|a");
  assert.equal(pattern.exec("an action packed film")?.[1], "action packed");
  assert.equal(longestFirstAlternation(["c++"]), "c\\+\\+");
});
