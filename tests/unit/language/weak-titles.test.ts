import assert from "node:assert/strict";
import { test } from "node:test";
import { FILLER_WORDS, queryText } from "../../../lib/language/query-text";
import { realCatalog } from "../../support/real-catalog";
import { failures, report } from "./generated-cases";

/**
 * Titles with one word of their own ("The Train", "The Fall", "Friday Night", "Way Back"), generated
 * from the catalog: written in lower case with no cue inside a request they are ordinary words
 * ("a comedy for the train tonight"); after a reference cue they are films ("horror like the fall").
 */
const weakTitles = (() => {
  const seen = new Set<string>();
  const titles: Array<{ phrase: string; id: string }> = [];
  for (const item of realCatalog().items) {
    if (item.ratingCount < 5) continue;
    const phrase = queryText(item.title.replace(/\s*\(\d{4}\)$/, "")).tokens.join(" ");
    const tokens = phrase.split(" ");
    const own = tokens.filter((token) => !FILLER_WORDS.has(token));
    // Two or more words, exactly one of them the title's own, letters only (numbers read as years or counts).
    if (tokens.length < 2 || own.length !== 1 || !/^[a-z ]+$/.test(phrase) || seen.has(phrase)) continue;
    seen.add(phrase);
    titles.push({ phrase, id: item.id });
  }
  return titles;
})();

test("the catalog has weak titles to test", () => assert.ok(weakTitles.length >= 30, `${weakTitles.length} weak titles`));

test("a weak title in lower case with no cue is ordinary words", () => {
  const cases = weakTitles.flatMap(({ phrase }) => [`a comedy for ${phrase} tonight`, `thrillers about ${phrase} from the 90s`].map((query) => ({ query })));
  const failed = failures(cases, (constraints) =>
    constraints.references.length === 0 && constraints.excludeTitles.length === 0
      ? null
      : `references ${constraints.references.map((reference) => reference.title)} excluded ${constraints.excludeTitles}`,
  );
  // A handful of titles are also phrases a person writes as a film ("a comedy for the holiday"): allow 5 %.
  assert.ok(failed.length <= cases.length * 0.05, report(failed, cases.length));
});

test("a weak title after a reference cue is the film", () => {
  const cases = weakTitles.flatMap(({ phrase, id }) =>
    [`horror like ${phrase}`, `movies similar to ${phrase}`, `for fans of ${phrase}`, `${phrase} but funnier`, `i want to watch ${phrase}`].map((query) => ({ query, id })),
  );
  const failed = failures(cases, (constraints, { id }) => {
    const found = [...constraints.references.map((reference) => reference.itemId)];
    return found.length > 0 ? null : `no reference (wanted ${id})`;
  });
  assert.ok(failed.length <= cases.length * 0.05, report(failed, cases.length));
});
