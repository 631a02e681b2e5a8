import { existsSync, readFileSync } from "node:fs";
import { MARK_LEGEND, driftTable, exampleLines, missLines, phrasingTable, targetLines } from "./report";
import type { ServedEvalResult } from "./run-served-eval";
import { TARGETS } from "./targets";

export const SECTION_HEADING = "Served answers (eval:served)";

/** Facts about the run that the numbers do not carry (where, when, how long). */
export interface RunFacts {
  date: string;
  machine: string;
  commit: string;
  catalog: string;
  seconds: number;
  reasoner: string;
}

/**
 * The `### Before…` subsections of the existing section (measured once on an older commit),
 * carried over verbatim so a new run replaces only its own numbers.
 */
export function keptSubsections(markdownFile: string): string {
  if (!existsSync(markdownFile)) return "";
  const lines = readFileSync(markdownFile, "utf8").split("\n");
  const start = lines.findIndex((line) => line.trim() === `## ${SECTION_HEADING}`);
  if (start === -1) return "";
  let end = lines.findIndex((line, index) => index > start && line.startsWith("## "));
  if (end === -1) end = lines.length;
  const kept: string[] = [];
  let keeping = false;
  for (const line of lines.slice(start + 1, end)) {
    if (line.startsWith("### ")) keeping = /^### Before\b/i.test(line);
    if (keeping) kept.push(line);
  }
  return kept.join("\n").trim();
}

/** The protocol paragraph, shared by the section and the report. */
export function protocolText(result: ServedEvalResult): string {
  return [
    `**Protocol.** ${result.films} films drawn with seed ${result.seed} (a seeded shuffle, never hand-picked) from the ${result.eligibleFilms} MovieLens films with at least 20 ratings of 4★ or more (${result.namesakesLeftOut === 0 ? "none of them shares its typed title with a more-rated film, which typing that title would rightly show first" : `${result.namesakesLeftOut} more left out because a film with more ratings has the same typed title, which typing it would rightly show first`}). Titles are written as a person types them ("Godfather, The (1972)" → "The Godfather": no year, no alternative title, and a subtitle of 6 words or more left out when no other film shares the rest: "Borat", "Dr. Strangelove"). Every request goes through the real pipeline in-process (recommend(), route "auto", a fresh session per request, ${result.limit} items) on an engine built like \`npm run ask\` with a fresh temporary SQLite store and the default bandit policy, its randomness seeded. The table judges a *frozen* bandit: every request meets the bandit as the engine had it when the run began (a fresh one here), so the numbers do not depend on the run's length. A second, *live* run lets the bandit learn from the run's own impressions (no feedback), as a busy server's would; its drift table compares the two. Requests go film by film, every phrasing of a film in turn, so live drift touches all phrasings alike. "typo" edits one letter (never the first or last) of a word of ≥ 5 letters, seeded per film; "a mix of X and Y" names the drawn film and the next one drawn.`,
    "",
    '**Relevance, from the raw ratings by the judge\'s own code** (scripts/served-judge/, nothing imported from lib/ or catalog/): each film\'s 50 nearest films by shrunk cosine between the sets of people who rated each ≥ 4★, |A∩B| / √(|A|·|B|) · |A∩B| / (|A∩B| + 10); for two films the union of both lists. *Neighbour precision*: share of the next 9 items (the first 9 that are not asked-for films: items 2–10 of a lookup answered with the film first, items 1–9 of a reference answer) among those 50 nearest; a short answer\'s missing items count as misses. *Title-word noise*: share of shown items (asked-for films aside) whose title shares a word with an asked title (stop words and single letters dropped, numbers kept; for the typo phrasing the misspelt word too) and that are not among the asked films\' 100 nearest; *filler-word noise* is the same for the words around the title ("loved", "next", "vibes", "my"…; only articles and the commonest prepositions dropped), reported without a target. *Content-related*: share of the next 9 items that share with an asked film a director, one of the five first-billed actors, a TMDB keyword about the story (production keywords such as "sequel" or "woman director" do not count), or mostly the same MovieLens genres (Jaccard ≥ 0.5, ≥ 2 shared), read from TMDB 5000 through links.csv — a second signal, independent of the ratings, reported without a target. *Popularity baseline*: the 10 most-liked films with the asked-for ones left out, judged on the same requests (its asked-for-first share is 0 and its asked-for-absent share 100 % by construction).',
    "",
    `**Targets** (each must hold for every phrasing it concerns): asked-for film first ≥ ${100 * TARGETS.askedFirst} % (bare title, typo); a referenced film never shown back ≥ ${100 * TARGETS.askedAbsent} % (every other phrasing, both films of "a mix of"); neighbour precision ≥ ${TARGETS.neighbourPrecisionFloor} and within ${TARGETS.neighbourPrecisionGap} of "movies like X"; title-word noise ≤ ${100 * TARGETS.titleWordNoise} %.`,
  ].join("\n");
}

/** The results of one run as a markdown block: the table, the targets, three example answers per phrasing. */
function runBlock(result: ServedEvalResult): string {
  return [
    phrasingTable(result),
    "",
    ...targetLines(result).map((line) => `- ${line}`),
    "",
    `Example answers (the first ${result.exampleFilms} films drawn; ${MARK_LEGEND}):`,
    "",
    "```text",
    ...exampleLines(result),
    "```",
    ...(missLines(result).length > 0
      ? [
          "",
          "First requests missing the asked-for target (lookups: rank of the film asked for; references: where the named film was shown back), with the first three titles shown:",
          "",
          "```text",
          ...missLines(result),
          "```",
        ]
      : []),
  ].join("\n");
}

/** The drift paragraph: the frozen run against the live one. */
function driftBlock(frozen: ServedEvalResult, live: ServedEvalResult): string {
  return [
    `Learning from impressions without feedback: the frozen table's numbers against the live run's (the bandit updated by each of the run's ${live.requests} impressions in turn, no feedback), over the first, middle and last third of the films (the last third meets a bandit that has seen about ${Math.round((2 * live.requests) / 3)} impressions):`,
    "",
    driftTable(frozen, live),
  ].join("\n");
}

/** The whole section body for docs/EVALUATION.md. */
export function sectionBody(result: ServedEvalResult, live: ServedEvalResult | null, facts: RunFacts, kept: string): string {
  return [
    `Command: \`npm run eval:served\` (scripts/eval-served.ts, the judge in scripts/served-judge/; \`-- --json\`, \`--films N\`, \`--seed N\`, \`--no-live\`, \`--no-write\`) · date ${facts.date} · machine ${facts.machine} · commit ${facts.commit} · catalog ${facts.catalog} · reasoner ${facts.reasoner} · seed ${result.seed} · ${result.films} films, ${result.requests} requests · ${facts.seconds.toFixed(0)} s.`,
    "",
    protocolText(result),
    "",
    `### Latest run (commit ${facts.commit})`,
    "",
    runBlock(result),
    ...(live ? ["", driftBlock(result, live)] : []),
    ...(kept ? ["", kept] : []),
  ].join("\n");
}
