/**
 * The "Request understanding (eval:understanding)" section of docs/EVALUATION.md: what the
 * suite holds, the meaning fixed for each kind of phrase, this run's numbers beside the
 * recorded baseline, and the commonest dev failure patterns. Names no held-out query.
 */
import { ALL_TEMPLATES, baseSlotLists, type Manifest } from "./generate";
import { percent, rate, type ClassSummary, type TargetCheck } from "./report";
import { CLASS_NAMES, type ClassName } from "./suite-types";

export interface Baseline {
  date: string;
  command: string;
  /** What was measured ("commit 872003a", …). */
  source: string;
  seed: number;
  /** `<class>|<split>` → exact-match rate and top-10 satisfaction per route. */
  perClass: Record<string, { exact: number; reasoning: number | null; auto: number | null }>;
}

/** What each class varies, with a hand-written example (not taken from the generated queries). */
export const CLASS_DESCRIPTIONS: Record<ClassName, string> = {
  genre: 'genre names, synonyms and genre pairs ("whodunits", "crime dramas")',
  "genre-negation": 'a genre kept and one dropped: "aren\'t", "isn\'t", "is not a", "nothing …", "without any", "minus the", "no", "excluding"',
  decade: 'decades in four spellings ("90s", "1990s", "nineties", "\'90s"), spans ("80s or 90s") and decade bounds ("before the 90s")',
  year: 'single years, open ranges ("no older than 2000", "post-2000", "until 1999") and closed ranges ("between 1990 and 2000")',
  runtime: 'runtime bounds with minutes and spelled-out durations ("under 90 minutes", "100 minutes max", "1h45", "two and a half hours")',
  language: 'original language, included or excluded ("Japanese movies", "in French", "not in English", "non-English")',
  people: 'cast and directors, included or excluded, with role ("with Tom Hanks", "directed by …", "without …", "a Spielberg film")',
  sort: 'orderings ("best rated", "most popular", "newest first", "shortest first") and "less popular" (the discovery knob)',
  count: 'how many films ("5 films", "five", "a dozen", "a couple of")',
  filler: "politeness and filler words around a genre (some with a decade or runtime) that constrain nothing",
  typo: 'misspelt genre words ("thrilers", "horor"), alone, negated or with a decade',
  combination: "two or three of genre, negation, decade, years, runtime, language, people, ordering and count in one request",
  soft: 'preferences stated as such ("ideally", "preferably", "if possible", "bonus points if", "would be nice"): strength soft',
  reference: 'reference titles ("movies like X", "in the vein of X"), with a constraint, an excluded title or a second reference',
  french: "French: genres, decades, years, runtimes, negation, languages, \"comme X\"",
  spanish: "Spanish: genres, decades, years, runtimes, negation, languages, \"como X\"",
  german: "German: genres, decades, years, runtimes, negation, languages, \"wie X\"",
};

/** The meanings fixed for the suite (also stated beside the slot values in slots.ts). */
export const SEMANTICS = `
- **Genres** are hard constraints. Synonyms name one genre ("whodunits" Mystery, "cowboy movies" Western, "kids movies" Family, "cartoons" Animation, "love stories" Romance, "scary movies" Horror, "funny movies" Comedy); a compound names both ("crime dramas" Crime + Drama, "romantic comedies" Romance + Comedy). "Comédie musicale" is Musical only.
- **Negation** drops the negated genre only: "thrillers that aren't horror", "isn't a", "is not a", "nothing scary", "without any", "minus the", "but no", "excluding", "anything but", "ohne", "sans", "sin", "que no sean", "die keine … sind" → include the kept genre, exclude the negated one, both hard.
- **Decades** are whole: "the 90s" / "1990s" / "nineties" / "'90s" / "des années 90" / "de los 90" / "aus den 90ern" = 1990–1999; "the 80s or 90s" = 1980–1999. Decade bounds: "before the 90s" / "pre-90s" → to 1989; "after the 80s" → from 1990; "since the 90s", "from the 90s on", "nothing before the 90s", "no older than the 90s" → from 1990; "nothing after the 70s", "no later than the 70s" → to 1979.
- **Years**, one rule in every language: strict words exclude the year named — "before", "older than", "earlier than", "prior to", "pre-", "avant", "antes de", "vor", "älter als" → to year − 1; "after", "newer than", "later than", "more recent than", "post-", "après", "después de", "nach", "neuer als" → from year + 1. Inclusive words include it — "since", "from … on(wards)", "starting in", "… or later/newer", "no older than", "not older than", "no earlier than", "not before", "nothing before", "depuis", "à partir de", "desde", "seit", "ab", "nicht älter als" → from year; "until", "up to", "up until", "through", "… or earlier/older", "no later than", "no newer than", "not after", "nothing after", "jusqu'en", "hasta", "bis" → to year. So "no older than 2000" = from 2000 and "nothing before 1990" = from 1990. A bare year ("from 1994", "in 1994", "1994 thrillers", "de 1994") is that year; ranges ("between 1990 and 2000", "from 1990 to 2000", "1990-2000") include both ends.
- **Runtimes**: every bound includes the number stated, whatever the word — "under 90 minutes", "less than", "shorter than", "below", "at most", "… max", "… tops", "no longer than", "… or less", "up to", "moins de", "menos de", "unter", "kürzer als", "höchstens" → max 90; "over", "more than", "longer than", "at least", "… or more", "… minimum", "no shorter than", "not under", "plus de", "más de", "über", "länger als", "mindestens" → min. (A runtime is stated as a budget — "it has to fit in 90 minutes" — and the existing eval:reasoning set reads "under 90 minutes" as ≤ 90 too; years, by contrast, are whole calendar units, so "before 2000" excludes 2000.) "I only have 90 minutes" and "I can finish in 90 minutes" → max 90. Durations: "90 mins" = "90 min" = 90; "an hour and a half" = "1.5 hours" = "1h30" = 90; "1h45" = 105; "two hours" = "2h" = 120; "two and a half hours" = "2.5 hours" = "2h30" = 150; "anderthalb Stunden" = "hora y media" = "une heure et demie" = 90.
- **Languages** are the film's original language: "Japanese movies", "in Japanese", "Japanese-language", "spoken in", "originally in" → include ja; "not in English", "non-English", "nothing in English", "in any language but English" → exclude en; "French or Italian dramas" → include both. "Mandarin" is zh and "Cantonese" cn (the catalog's codes), each alone. The language a request is written in implies nothing.
- **People**: a role named by the words must be understood — "starring", "featuring", "not starring" → cast; "directed by", "by", "from director", "not directed by" → director. Where the words name no role — "with", "without", "nothing with", "in it", a name used as an attribute ("Tom Hanks comedies", "a Spielberg film", "no Adam Sandler", "anything but Adam Sandler movies") — the expected role is any, and any role understood matches. A surname that names one director in the catalog is that director ("Spielberg" = Steven Spielberg). Names compare without case or accents.
- **Orderings**: "best rated", "highest rated", "top-rated", "the very best", "sorted/ranked by rating" → best-rated; "most popular", "popular", "by popularity" → popular (the discovery knob may also turn towards the popular, or stay unset); "newest", "most recent first" → newest; "oldest" → oldest; "shortest" → shortest; none of them sets a year or runtime. "Less popular", "lesser-known", "little-known", "obscure", "hidden gems", "few people have seen" → sort relevance with the discovery knob at ≥ 0.5 (compared as a direction, not a value).
- **Counts**: "5" / "five" films → 5; "a dozen" 12, "half a dozen" 6, "a couple of" / "a pair of" 2, "two dozen" 24.
- **Soft**: "ideally", "preferably", "if possible", "bonus points if", "would be nice", "I'd prefer … but I don't mind" make the constraint they qualify soft; everything else stated is hard.
- **References** resolve to the catalog film ("Amelie" = Amélie (2001), "Seven" = Se7en); "but not X" adds X to excludeTitles. A reference is soft; only its id is compared.
`;

function baselineCell(baseline: Baseline | null, key: string, field: "exact" | "reasoning" | "auto"): string {
  if (!baseline) return "—";
  const entry = baseline.perClass[key];
  return entry ? percent(entry[field]) : "—";
}

export function renderSection(input: {
  run: { date: string; seed: number; machine: string; loadAverage: number; command: string; queries: number; reasonerLatency: { p50Ms: number; p99Ms: number }; pipelineLatency: Record<string, { p50Ms: number; p99Ms: number }> };
  summaries: readonly ClassSummary[];
  manifest: Manifest;
  baseline: Baseline | null;
  patterns: readonly { pattern: string; count: number; example: string }[];
  targets: readonly TargetCheck[];
  catalogProblems: readonly string[];
}): string {
  const { run, summaries, manifest, baseline } = input;
  const find = (className: string, split: string) => summaries.find((summary) => summary.className === className && summary.split === split)!;
  const lists = baseSlotLists();
  const slotValueCount = [...lists.values()].reduce((sum, list) => sum + list.values.length, 0);
  const heldOutValueCount = Object.values(manifest.heldOutSlotValues).reduce((sum, ids) => sum + ids.length, 0);
  const heldOutTemplateCount = Object.values(manifest.heldOutTemplates).reduce((sum, ids) => sum + ids.length, 0);
  const rows = [...CLASS_NAMES, "all" as const].map((className) => {
    const dev = find(className, "dev");
    const held = find(className, "held-out");
    const templates = className === "all" ? ALL_TEMPLATES.length : ALL_TEMPLATES.filter((entry) => entry.className === className).length;
    const heldTemplates = className === "all" ? heldOutTemplateCount : manifest.heldOutTemplates[className].length;
    const label = className === "all" ? "**all**" : className;
    return `| ${label} | ${templates} (${heldTemplates}) | ${dev.total} / ${held.total} | ${percent(rate(dev))} | **${percent(rate(held))}** | ${baselineCell(baseline, `${className}|dev`, "exact")} / ${baselineCell(baseline, `${className}|held-out`, "exact")} | ${percent(dev.satisfaction.reasoning?.mean)} | **${percent(held.satisfaction.reasoning?.mean)}** | ${percent(held.satisfaction.auto?.mean)} (${Math.round((held.satisfaction.auto?.reasoningPathShare ?? 0) * 100)}%) | ${baselineCell(baseline, `${className}|held-out`, "reasoning")} |`;
  });
  const descriptions = CLASS_NAMES.map((className) => `- **${className}** — ${CLASS_DESCRIPTIONS[className]}.`).join("\n");
  return `
Command: \`npm run eval:understanding\` (scripts/eval-understanding.ts; \`-- --split dev\` prints the dev failures, \`-- --no-pipeline\` exact match only in seconds, \`-- --json\`). Run ${run.date}, ${run.machine}, 1-minute load average ${run.loadAverage.toFixed(2)}; seed **${run.seed}**; ${run.queries} queries.

**The suite** (scripts/understanding-suite/, issue 17): ${ALL_TEMPLATES.length} templates × ${slotValueCount} slot values in ${lists.size} lists generate ${run.queries} requests, each with its exact expected constraints in lib/reasoning's Constraints shape; written from the constraint schema and the catalog's genres, languages and credits, separately from the parser. A seeded quarter of each class's templates (${heldOutTemplateCount}) and of each slot list's values (${heldOutValueCount}) is held out: a **dev** query uses neither, a **held-out** query uses at least one. The choice is pinned in scripts/understanding-suite/held-out-manifest.json with a fingerprint of both splits (held-out ${manifest.fingerprints.heldOut.slice(0, 12)}…); the eval refuses to run when the generated suite no longer matches it, and the unit tests (tests/unit/eval/understanding-suite.test.ts) check the same. The eval prints dev failures; for held-out it prints counts only, so the parser's authors never see a held-out query or failure. Parser authors: do not read scripts/understanding-suite/.

Classes:
${descriptions}

**Metrics.** (a) *Exact match*: lib/reasoning's reasonOffline on the request (as eval:reasoning calls it), compared with the expected constraints on every structured field — genres in and out with strength, years, runtime, languages, people (name, role, in/out, strength), references (catalog ids), excluded titles, count, sort, discovery direction; a field the request never stated must be empty. Not compared: mood, keywords, excludeKeywords, excludeItemIds. (b) *Top-10 satisfaction*: lib/pipeline recommend() in-process (engine as scripts/ask.ts builds it, no LLM, in-memory store), route forced to **reasoning** and **auto**; each shown film is checked against the expected hard constraints by the suite's own checker (item genres, year, runtimeMinutes, language, cast, directors, title; an unrecorded value fails), per query met / min(10, count asked, catalog films meeting every expected hard constraint), capped at 1; queries with no hard constraint or no film meeting them are not judged. **Targets** (held-out): exact match ≥ 97 % on every class; top-10 satisfaction ≥ 98 % overall on the reasoning route.

Semantics fixed for the expected answers:
${SEMANTICS}

Results (exact match; top-10 satisfaction; counts are dev / held-out queries; templates in brackets are held out; "before" is the baseline recorded ${baseline ? `${baseline.date} on ${baseline.source} with \`${baseline.command}\`, seed ${baseline.seed}` : "— not recorded yet"}):

| class | templates (held out) | queries dev / held-out | exact dev | exact held-out | exact before (dev / held-out) | top-10 dev, reasoning | top-10 held-out, reasoning | top-10 held-out, auto (reasoning path share) | top-10 held-out before, reasoning |
|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|
${rows.join("\n")}

Targets (held-out): ${input.targets.map((check) => `**${check.pass ? "PASS" : "FAIL"}** ${check.name}: ${check.value}`).join("; ")}.

Latency: offline reasoner p50 ${run.reasonerLatency.p50Ms.toFixed(2)} ms / p99 ${run.reasonerLatency.p99Ms.toFixed(2)} ms per request${Object.entries(run.pipelineLatency)
    .map(([route, latency]) => `; pipeline (${route}) p50 ${latency.p50Ms.toFixed(1)} ms / p99 ${latency.p99Ms.toFixed(1)} ms`)
    .join("")}.${input.catalogProblems.length ? `\n\nCatalog warnings: ${input.catalogProblems.join("; ")}.` : ""}

Commonest dev failure patterns (field: expected, got; years as YYYY, numbers as N):
${input.patterns.map((pattern) => `- ${pattern.count}× ${pattern.pattern} — e.g. "${pattern.example}"`).join("\n") || "- none"}
`;
}
