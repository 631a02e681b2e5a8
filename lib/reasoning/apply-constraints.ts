import type { Item } from "../catalog/item";
import { queryText } from "../language/query-text";
import { findVibeMentions } from "../language/vibe-words";
import type { DirectionScores } from "../catalog/content-directions";
import type { Constraints, ConstraintStrength, PersonConstraint } from "./constraints";
import { directionPreference } from "./direction-preference";
import type { ConstraintSubject } from "./constraint-verdict";
import { hardConstraintFilter } from "./hard-constraint-filter";

/** A retrieved item and its relevance from retrieval (any scale; only the order and ratios matter). */
export interface Candidate {
  itemIndex: number;
  score: number;
}

export type CheckStatus = "satisfied" | "violated" | "unknown";

/** One candidate after constraints: its score and, by label, every hard constraint's verdict. */
export interface AppliedItem {
  itemIndex: number;
  /** Final score: 0.6 × normalised retrieval score + soft-constraint score. */
  score: number;
  /** Retrieval score scaled to [0, 1] by the best candidate's. */
  baseScore: number;
  softScore: number;
  /** Labels of hard constraints met, broken (only ever after a stated relaxation) or unverifiable. */
  satisfied: string[];
  violated: string[];
  unknown: string[];
  /** The same verdicts as data, one per hard constraint, in the order of `hardConstraints`. */
  verdicts: Array<{ subject: ConstraintSubject; status: CheckStatus }>;
  /** 0 when the item meets every hard constraint as stated; k after the k-th relaxation step. */
  relaxationLevel: number;
}

export interface ApplyOptions {
  /** Items wanted (the request's limit; constraints.count, when set, is the caller's to apply). */
  limit: number;
  /** Popularity per catalog item in [0, 1] (sort "popular", discovery); default from rating counts. */
  popularity?: ArrayLike<number>;
  /** Relax hard constraints when too few candidates meet them (default true). */
  relax?: boolean;
  /** Per-item content-axis percentiles, for `constraints.directions` ("less violent"); absent: directions score nothing. */
  directionScores?: DirectionScores;
}

/** One relaxation as data: which stated constraint gave way, how, and what it became. */
export interface RelaxationStep {
  constraint: "years" | "runtime" | "genres" | "language" | "people" | "unrecorded-data";
  how: "widened" | "any-of" | "dropped" | "allowed-unknown";
  /** The constraint as the person stated it ("1990–1999", "≤ 90 min", "Comedy, Romance"). */
  asked: string;
  /** What was applied instead; null when the constraint was dropped. */
  applied: string | null;
  /** A widened range as numbers (years, or minutes for the runtime); null for other steps. */
  range: { from: number | null; to: number | null } | null;
  /** The same in one sentence, for reasons and the chat. */
  text: string;
}

export interface ApplyResult {
  items: AppliedItem[];
  /** Human-readable, in the order applied; empty when nothing had to be relaxed. */
  relaxations: string[];
  /** The relaxations that admitted items, as data, in the order applied (latest step per constraint). */
  relaxed: RelaxationStep[];
  /** Labels of the hard constraints as stated. */
  hardConstraints: string[];
  /** Candidates meeting every hard constraint as stated (before any relaxation). */
  strictCount: number;
  candidateCount: number;
}

/** Weights of the score: retrieval relevance, then each kind of soft evidence. */
const BASE_WEIGHT = 0.6;
const SOFT_GENRE_WEIGHT = 0.25;
const SOFT_RANGE_WEIGHT = 0.2;
const TOPIC_WEIGHT = 0.3;
const REFERENCE_GENRE_WEIGHT = 0.15;
const SORT_WEIGHT = 0.35;
const QUALITY_LEAN_WEIGHT = 0.3;
/** Items per relaxation level that get soft scores (the rest rank below by retrieval score alone). */
const SOFT_SCORED_PER_LEVEL = 300;
/** How far each relaxation step widens year (years) and runtime (minutes) ranges. */
// A third, wide step keeps what a request is about (its genre, its language) before any of it is
// dropped: "French romance from the 90s" with two such films shows French romances of 1970–2019, not
// French films of any genre.
export const YEAR_WIDENING_STEPS = [5, 10, 20] as const;
export const RUNTIME_WIDENING_STEPS = [15, 30] as const;

/** The state of relaxation: which hard constraints are loosened and by how much. */
interface Relaxation {
  yearWidening: number;
  runtimeWidening: number;
  genreMode: "all" | "any" | "none";
  dropLanguage: boolean;
  dropPeople: boolean;
  allowUnknown: boolean;
}

const STRICT: Relaxation = { yearWidening: 0, runtimeWidening: 0, genreMode: "all", dropLanguage: false, dropPeople: false, allowUnknown: false };

type CheckKind = "genre-include" | "genre-exclude" | "years" | "runtime" | "language" | "person-include" | "person-exclude" | "title-exclude" | "item-exclude" | "keyword-exclude";

interface HardCheck {
  kind: CheckKind;
  label: string;
  subject: ConstraintSubject;
  /** Verdict as stated (relaxation 0). */
  status(item: Item): CheckStatus;
  /** Whether the item passes under a relaxation. */
  passes(item: Item, relaxation: Relaxation, status: CheckStatus): boolean;
}

function yearLabel(from: number | null, to: number | null): string {
  if (from !== null && to !== null) return from === to ? `year ${from}` : `years ${from}–${to}`;
  return from !== null ? `from ${from}` : `up to ${to}`;
}

function rangeText(from: number | null, to: number | null): string {
  if (from !== null && to !== null) return from === to ? `${from}` : `${from}–${to}`;
  return from !== null ? `from ${from}` : `up to ${to}`;
}

function runtimeLabel(min: number | null, max: number | null): string {
  if (min !== null && max !== null) return `runtime ${min}–${max} min`;
  return min !== null ? `runtime ≥ ${min} min` : `runtime ≤ ${max} min`;
}

function normaliseTitleText(title: string): string {
  return queryText(title).text.replace(/^(the|a|an) /, "");
}

/** Lower-cased views of an item's text fields, computed once per item and shared by requests. */
interface ItemView {
  tags: Set<string>;
  text: string;
  directors: string[];
  cast: string[];
  /** Normalised title and aliases, computed on first use (only title exclusions need them). */
  titles: string[] | null;
}

// Items are immutable and shared by every request, so their derived views are cached on them
// (a WeakMap keeps this pure: nothing observable changes, and a dropped catalog frees it).
const views = new WeakMap<Item, ItemView>();

function viewOf(item: Item): ItemView {
  let view = views.get(item);
  if (!view) {
    view = {
      tags: new Set([...item.keywords, ...item.tags].map((value) => value.toLowerCase())),
      text: `${item.overview ?? ""} ${item.tagline ?? ""}`.toLowerCase(),
      directors: item.directors.map((name) => name.toLowerCase()),
      cast: item.cast.map((name) => name.toLowerCase()),
      titles: null,
    };
    views.set(item, view);
  }
  return view;
}

function credited(item: Item, role: PersonConstraint["role"], name: string): boolean {
  const view = viewOf(item);
  if (role === "director") return view.directors.includes(name);
  if (role === "cast") return view.cast.includes(name);
  return view.directors.includes(name) || view.cast.includes(name);
}

/** Builds the hard checks of the constraints, in a fixed order (the order labels are listed in). */
function hardChecks(constraints: Constraints): HardCheck[] {
  const checks: HardCheck[] = [];
  const hard = (strength: ConstraintStrength) => strength === "hard";
  const includeGenres = constraints.includeGenres.filter((entry) => hard(entry.strength)).map((entry) => entry.genre);
  for (const genre of includeGenres) {
    checks.push({
      kind: "genre-include",
      label: `genre: ${genre}`,
      subject: { kind: "genre", genre },
      status: (item) => (item.genres.includes(genre) ? "satisfied" : item.genres.length === 0 ? "unknown" : "violated"),
      passes: (item, relaxation, status) =>
        status === "satisfied" ||
        relaxation.genreMode === "none" ||
        (relaxation.genreMode === "any" && includeGenres.some((wanted) => item.genres.includes(wanted))) ||
        (status === "unknown" && relaxation.allowUnknown),
    });
  }
  for (const entry of constraints.excludeGenres.filter((candidate) => hard(candidate.strength))) {
    checks.push({
      kind: "genre-exclude",
      label: `no ${entry.genre}`,
      subject: { kind: "excluded-genre", genre: entry.genre },
      status: (item) => (item.genres.includes(entry.genre) ? "violated" : item.genres.length === 0 ? "unknown" : "satisfied"),
      // Exclusions are never relaxed; an item with no recorded genres cannot break one knowingly.
      passes: (_item, _relaxation, status) => status !== "violated",
    });
  }
  const years = constraints.years;
  if (years && hard(years.strength)) {
    checks.push({
      kind: "years",
      label: yearLabel(years.from, years.to),
      subject: { kind: "years", from: years.from, to: years.to },
      status: (item) => (item.year === null ? "unknown" : (years.from === null || item.year >= years.from) && (years.to === null || item.year <= years.to) ? "satisfied" : "violated"),
      passes: (item, relaxation, status) => {
        if (status === "unknown") return relaxation.allowUnknown;
        const widening = relaxation.yearWidening;
        return (years.from === null || item.year! >= years.from - widening) && (years.to === null || item.year! <= years.to + widening);
      },
    });
  }
  const runtime = constraints.runtime;
  if (runtime && hard(runtime.strength)) {
    checks.push({
      kind: "runtime",
      label: runtimeLabel(runtime.minMinutes, runtime.maxMinutes),
      subject: { kind: "runtime", minMinutes: runtime.minMinutes, maxMinutes: runtime.maxMinutes },
      status: (item) =>
        item.runtimeMinutes === null
          ? "unknown"
          : (runtime.minMinutes === null || item.runtimeMinutes >= runtime.minMinutes) && (runtime.maxMinutes === null || item.runtimeMinutes <= runtime.maxMinutes)
            ? "satisfied"
            : "violated",
      passes: (item, relaxation, status) => {
        if (status === "unknown") return relaxation.allowUnknown;
        const widening = relaxation.runtimeWidening;
        return (runtime.minMinutes === null || item.runtimeMinutes! >= runtime.minMinutes - widening) && (runtime.maxMinutes === null || item.runtimeMinutes! <= runtime.maxMinutes + widening);
      },
    });
  }
  const languages = constraints.languages;
  if (languages && hard(languages.strength)) {
    if (languages.include.length > 0) {
      checks.push({
        kind: "language",
        label: `language: ${languages.include.join(" or ")}`,
        subject: { kind: "language", languages: languages.include },
        status: (item) => (item.language === null ? "unknown" : languages.include.includes(item.language) ? "satisfied" : "violated"),
        passes: (_item, relaxation, status) => status === "satisfied" || relaxation.dropLanguage || (status === "unknown" && relaxation.allowUnknown),
      });
    }
    if (languages.exclude.length > 0) {
      checks.push({
        kind: "language",
        label: `not in ${languages.exclude.join(", ")}`,
        subject: { kind: "excluded-language", languages: languages.exclude },
        status: (item) => (item.language === null ? "unknown" : languages.exclude.includes(item.language) ? "violated" : "satisfied"),
        passes: (_item, relaxation, status) => status === "satisfied" || relaxation.dropLanguage || (status === "unknown" && relaxation.allowUnknown),
      });
    }
  }
  for (const person of constraints.people.filter((candidate) => hard(candidate.strength))) {
    const name = person.name.toLowerCase();
    if (person.exclude) {
      checks.push({
        kind: "person-exclude",
        label: `without ${person.name}`,
        subject: { kind: "excluded-person", name: person.name, role: person.role },
        status: (item) => (credited(item, person.role, name) ? "violated" : item.directors.length + item.cast.length === 0 ? "unknown" : "satisfied"),
        passes: (_item, _relaxation, status) => status !== "violated",
      });
    } else {
      checks.push({
        kind: "person-include",
        label: `${person.role === "director" ? "directed by" : "with"} ${person.name}`,
        subject: { kind: "person", name: person.name, role: person.role },
        status: (item) => (credited(item, person.role, name) ? "satisfied" : item.directors.length + item.cast.length === 0 ? "unknown" : "violated"),
        passes: (_item, relaxation, status) => status === "satisfied" || relaxation.dropPeople || (status === "unknown" && relaxation.allowUnknown),
      });
    }
  }
  if (constraints.excludeTitles.length > 0) {
    const titles = new Set(constraints.excludeTitles.map(normaliseTitleText));
    checks.push({
      kind: "title-exclude",
      label: `not ${constraints.excludeTitles.join(", ")}`,
      subject: { kind: "excluded-titles", titles: constraints.excludeTitles },
      status: (item) => {
        const view = viewOf(item);
        view.titles ??= [item.title, ...item.aliases].map(normaliseTitleText);
        return view.titles.some((title) => titles.has(title)) ? "violated" : "satisfied";
      },
      passes: (_item, _relaxation, status) => status !== "violated",
    });
  }
  if (constraints.excludeItemIds.length > 0) {
    const ids = new Set(constraints.excludeItemIds);
    checks.push({
      kind: "item-exclude",
      label: "not shown or rejected before",
      subject: { kind: "not-shown-before" },
      status: (item) => (ids.has(item.id) ? "violated" : "satisfied"),
      passes: (_item, _relaxation, status) => status !== "violated",
    });
  }
  if (constraints.excludeKeywords.length > 0) {
    const unwanted = constraints.excludeKeywords;
    checks.push({
      kind: "keyword-exclude",
      label: `nothing about ${unwanted.join(", ")}`,
      subject: { kind: "excluded-keywords", keywords: unwanted },
      status: (item) => {
        const tags = viewOf(item).tags;
        return unwanted.some((word) => tags.has(word) || tags.has(`${word}s`)) ? "violated" : "satisfied";
      },
      passes: (_item, _relaxation, status) => status !== "violated",
    });
  }
  return checks;
}

/** Hard checks that hardConstraintFilter makes on flat arrays. */
const COLUMNAR_KINDS: ReadonlySet<CheckKind> = new Set(["genre-include", "genre-exclude", "years", "runtime"]);

/** Passes when every check is satisfied; an exclusion also passes when its value is unknown. */
function meetsAll(checks: readonly HardCheck[]): (item: Item) => boolean {
  return (item) => checks.every((check) => check.status(item) === "satisfied" || (check.kind.endsWith("exclude") && check.status(item) === "unknown"));
}

/**
 * A predicate for "meets every hard constraint as stated" (unknown values fail), for scanning
 * the whole catalog cheaply when retrieval found too few candidates.
 */
export function meetsHardConstraints(constraints: Constraints): (item: Item) => boolean {
  return meetsAll(hardChecks(constraints));
}

/**
 * The same predicate without the genre, year and runtime checks, which hardConstraintFilter
 * makes on flat arrays; null when no other hard constraint is set.
 */
export function meetsNonColumnarHardConstraints(constraints: Constraints): ((item: Item) => boolean) | null {
  const checks = hardChecks(constraints).filter((check) => !COLUMNAR_KINDS.has(check.kind));
  return checks.length === 0 ? null : meetsAll(checks);
}

/** The relaxation steps that apply to these checks, in the stated order, each with its message. */
function relaxationSteps(constraints: Constraints, checks: readonly HardCheck[]): Array<{ relaxation: Relaxation; message: string; kind: string; step: RelaxationStep }> {
  const steps: Array<{ relaxation: Relaxation; message: string; kind: string; step: RelaxationStep }> = [];
  let current = STRICT;
  const push = (change: Partial<Relaxation>, step: Omit<RelaxationStep, "text" | "range"> & { range?: RelaxationStep["range"] }, message: string) => {
    current = { ...current, ...change };
    steps.push({ relaxation: current, message, kind: Object.keys(change)[0], step: { ...step, range: step.range ?? null, text: message } });
  };
  const has = (kind: CheckKind) => checks.some((check) => check.kind === kind);
  if (has("years") && constraints.years) {
    const { from, to } = constraints.years;
    for (const widening of YEAR_WIDENING_STEPS) {
      const applied = rangeText(from === null ? null : from - widening, to === null ? null : to + widening);
      const range = { from: from === null ? null : from - widening, to: to === null ? null : to + widening };
      push({ yearWidening: widening }, { constraint: "years", how: "widened", asked: rangeText(from, to), applied, range }, `widened the release years to ${applied} (asked ${rangeText(from, to)})`);
    }
  }
  if (has("runtime") && constraints.runtime) {
    const { minMinutes, maxMinutes } = constraints.runtime;
    const asked = runtimeLabel(minMinutes, maxMinutes).replace("runtime ", "");
    for (const widening of RUNTIME_WIDENING_STEPS) {
      const applied = runtimeLabel(minMinutes === null ? null : minMinutes - widening, maxMinutes === null ? null : maxMinutes + widening).replace("runtime ", "");
      const range = { from: minMinutes === null ? null : minMinutes - widening, to: maxMinutes === null ? null : maxMinutes + widening };
      push({ runtimeWidening: widening }, { constraint: "runtime", how: "widened", asked, applied, range }, `widened the runtime to ${applied} (asked ${asked})`);
    }
  }
  const genres = checks.filter((check) => check.kind === "genre-include").map((check) => check.label.replace("genre: ", ""));
  if (genres.length > 1) push({ genreMode: "any" }, { constraint: "genres", how: "any-of", asked: genres.join(" and "), applied: genres.join(" or ") }, `accepted any of the genres ${genres.join(", ")} instead of all of them`);
  if (genres.length > 0) push({ genreMode: "none" }, { constraint: "genres", how: "dropped", asked: genres.join(", "), applied: null }, `dropped the genre requirement (${genres.join(", ")})`);
  if (has("language")) {
    const languages = [...(constraints.languages?.include ?? [])].join(" or ");
    push({ dropLanguage: true }, { constraint: "language", how: "dropped", asked: languages, applied: null }, "dropped the language requirement");
  }
  if (has("person-include")) {
    const people = constraints.people.filter((person) => !person.exclude && person.strength === "hard").map((person) => person.name);
    push({ dropPeople: true }, { constraint: "people", how: "dropped", asked: people.join(", "), applied: null }, `dropped the requirement for ${people.join(", ")}`);
  }
  if (checks.some((check) => ["genre-include", "years", "runtime", "language", "person-include"].includes(check.kind))) {
    push(
      { allowUnknown: true },
      { constraint: "unrecorded-data", how: "allowed-unknown", asked: "recorded year, runtime, language, genres and credits", applied: "films with some of them unrecorded" },
      "included films whose year, runtime, language, genres or credits are not recorded",
    );
  }
  return steps;
}

/** Topic words to look for in keywords and tags: keywords, mood words and what the vibes imply. */
/**
 * Vibes that ask for films people rate well: "smart", "witty", or "not stupid". Few films are
 * tagged "stupid", so avoiding the tag alone leaves the slapstick in; the audience's ratings say
 * what "not stupid" means far more often.
 */
const QUALITY_VIBES = new Set(["thought-provoking", "witty"]);
const QUALITY_WHEN_NEGATED = new Set(["silly"]);

function topicWords(constraints: Constraints): { tagWords: Set<string>; textWords: string[]; avoidWords: Set<string>; qualityLean: boolean } {
  const tagWords = new Set<string>(constraints.keywords);
  const textWords = [...constraints.keywords];
  const avoidWords = new Set<string>();
  let qualityLean = false;
  if (constraints.mood) {
    const mood = queryText(constraints.mood);
    for (const vibe of findVibeMentions(mood)) {
      // "not stupid": the vibe's keywords count against an item (softly; excludeKeywords is the hard form).
      if (mood.tokens.slice(Math.max(0, vibe.start - 1), vibe.start).includes("not")) {
        for (const keyword of vibe.keywords) avoidWords.add(keyword);
        qualityLean ||= QUALITY_WHEN_NEGATED.has(vibe.vibe);
        continue;
      }
      qualityLean ||= QUALITY_VIBES.has(vibe.vibe);
      for (const keyword of vibe.keywords) tagWords.add(keyword);
      tagWords.add(vibe.phrase);
      textWords.push(vibe.phrase);
    }
  }
  return { tagWords, textWords: textWords.filter((word) => word.length >= 3), avoidWords, qualityLean };
}

function quality(item: Item): number {
  // Shrunk towards a neutral 3.5/5 so that a single 5-star rating does not top "best rated".
  const prior = 20;
  if (item.ratingCount > 0 && item.ratingMean !== null) return ((item.ratingMean * item.ratingCount + 3.5 * prior) / (item.ratingCount + prior)) / 5;
  if (item.tmdbVoteAverage !== null && item.tmdbVoteCount) return ((item.tmdbVoteAverage / 2) * item.tmdbVoteCount + 3.5 * prior) / (item.tmdbVoteCount + prior) / 5;
  return 0.6;
}

/** Quality on a scale where it separates films: shrunk 2.5/5 → 0, 4.5/5 → 1. */
const qualitySpread = (item: Item) => Math.min(1, Math.max(0, (quality(item) * 5 - 2.5) / 2));

/**
 * Applies constraints to retrieved candidates: hard constraints filter, soft ones score. When
 * fewer than `limit` candidates meet every hard constraint, relaxes in this order, one step at a
 * time until enough qualify: (soft constraints never filter, so there is nothing to drop first)
 * widen the years by 5, 10 then 20, widen the runtime by 15 then 30 minutes, accept any of several
 * required genres, drop the genre requirement, drop the language, drop required people, accept
 * items whose values are not recorded. Exclusions ("no romance", "not that one", titles, people,
 * keywords) are never relaxed: the answer gets shorter instead. Items that qualify as stated
 * always rank before relaxed ones, and every item lists what it satisfies, violates (only ever
 * because of a relaxation named in `relaxations`) and cannot be checked.
 */
export function applyConstraints(candidates: readonly Candidate[], items: readonly Item[], constraints: Constraints, options: ApplyOptions): ApplyResult {
  const limit = Math.max(1, Math.floor(options.limit));
  const checks = hardChecks(constraints);
  const pool = [...candidatePool(candidates, items, constraints)];
  const topScore = Math.max(0, ...pool.map(([, score]) => score));

  // Soft evidence.
  const softGenres = constraints.includeGenres.filter((entry) => entry.strength === "soft").map((entry) => entry.genre);
  const softExcluded = constraints.excludeGenres.filter((entry) => entry.strength === "soft").map((entry) => entry.genre);
  const referenceGenres = new Set(
    constraints.references.flatMap((reference) => {
      const item = reference.itemId ? items.find((candidate) => candidate.id === reference.itemId) : undefined;
      return item?.genres ?? [];
    }),
  );
  const { tagWords, textWords, avoidWords, qualityLean } = topicWords(constraints);
  let maxRatingCount = 1;
  let minYear = Number.POSITIVE_INFINITY;
  let maxYear = Number.NEGATIVE_INFINITY;
  for (const [itemIndex] of pool) {
    const item = items[itemIndex];
    maxRatingCount = Math.max(maxRatingCount, item.ratingCount);
    if (item.year !== null) {
      minYear = Math.min(minYear, item.year);
      maxYear = Math.max(maxYear, item.year);
    }
  }
  const popularityOf = (itemIndex: number) => options.popularity?.[itemIndex] ?? Math.log1p(items[itemIndex].ratingCount) / Math.log1p(maxRatingCount);

  const softScore = (itemIndex: number): number => {
    const item = items[itemIndex];
    let score = 0;
    for (const genre of softGenres) if (item.genres.includes(genre)) score += SOFT_GENRE_WEIGHT / softGenres.length;
    for (const genre of softExcluded) if (item.genres.includes(genre)) score -= SOFT_GENRE_WEIGHT;
    const { years, runtime, languages } = constraints;
    if (years?.strength === "soft" && item.year !== null) {
      const inside = (years.from === null || item.year >= years.from) && (years.to === null || item.year <= years.to);
      score += inside ? SOFT_RANGE_WEIGHT : -SOFT_RANGE_WEIGHT / 2;
    }
    if (runtime?.strength === "soft" && item.runtimeMinutes !== null) {
      const inside = (runtime.minMinutes === null || item.runtimeMinutes >= runtime.minMinutes) && (runtime.maxMinutes === null || item.runtimeMinutes <= runtime.maxMinutes);
      score += inside ? SOFT_RANGE_WEIGHT : -SOFT_RANGE_WEIGHT / 2;
    }
    if (languages?.strength === "soft" && item.language !== null) {
      if (languages.include.length > 0) score += languages.include.includes(item.language) ? SOFT_RANGE_WEIGHT : 0;
      if (languages.exclude.includes(item.language)) score -= SOFT_RANGE_WEIGHT;
    }
    for (const person of constraints.people) {
      if (person.strength !== "soft") continue;
      if (credited(item, person.role, person.name.toLowerCase())) score += person.exclude ? -SOFT_RANGE_WEIGHT : SOFT_RANGE_WEIGHT;
    }
    if (tagWords.size > 0) {
      let hits = 0;
      const view = viewOf(item);
      for (const word of tagWords) if (view.tags.has(word)) hits += 1;
      for (const word of textWords) if (view.text.includes(word)) hits += 0.5;
      score += TOPIC_WEIGHT * Math.min(1, hits / 2);
    }
    if (avoidWords.size > 0) {
      const view = viewOf(item);
      let hits = 0;
      for (const word of avoidWords) if (view.tags.has(word)) hits += 1;
      score -= TOPIC_WEIGHT * Math.min(1, hits / 2);
    }
    if (referenceGenres.size > 0 && item.genres.length > 0) {
      const shared = item.genres.filter((genre) => referenceGenres.has(genre)).length;
      score += (REFERENCE_GENRE_WEIGHT * shared) / (referenceGenres.size + item.genres.length - shared);
    }
    // Unless the sort already is by rating.
    if (qualityLean && constraints.sort !== "best-rated") score += QUALITY_LEAN_WEIGHT * qualitySpread(item);
    switch (constraints.sort) {
      case "best-rated":
        score += SORT_WEIGHT * quality(item);
        break;
      case "newest":
      case "oldest": {
        if (item.year === null || maxYear <= minYear) break;
        const recency = (item.year - minYear) / (maxYear - minYear);
        score += SORT_WEIGHT * (constraints.sort === "newest" ? recency : 1 - recency);
        break;
      }
      case "popular":
        score += SORT_WEIGHT * popularityOf(itemIndex);
        break;
      case "shortest":
        score += item.runtimeMinutes === null ? 0 : SORT_WEIGHT * (1 - Math.min(240, item.runtimeMinutes) / 240);
        break;
      case "relevance":
        break;
    }
    return score;
  };

  // Which candidates meet every hard constraint as stated, on flat arrays first. When enough do
  // (the usual case) nothing is relaxed, so only they need statuses and soft scores.
  const meetsAsStated = hardConstraintFilter(constraints, items);
  const strictPool = pool.filter(([itemIndex]) => meetsAsStated(itemIndex));
  const evaluatedPool = strictPool.length >= limit || options.relax === false ? strictPool : pool;

  // Statuses first (cheap); soft scores only for items that end up eligible.
  const neverRelaxed = checks.map((check) => check.kind.endsWith("exclude"));
  const evaluated: Array<{ itemIndex: number; item: Item; statuses: CheckStatus[]; baseScore: number; soft: number; score: number; level: number; hopeless: boolean }> = [];
  for (const [itemIndex, rawScore] of evaluatedPool) {
    const item = items[itemIndex];
    const statuses: CheckStatus[] = new Array(checks.length);
    let hopeless = false;
    for (let index = 0; index < checks.length; index += 1) {
      statuses[index] = checks[index].status(item);
      // A broken exclusion can never be relaxed: skip the item in every later pass.
      if (neverRelaxed[index] && statuses[index] === "violated") hopeless = true;
    }
    const baseScore = topScore > 0 ? Math.max(0, rawScore) / topScore : 0;
    evaluated.push({ itemIndex, item, statuses, baseScore, soft: 0, score: 0, level: -1, hopeless });
  }

  const passesAt = (entry: (typeof evaluated)[number], relaxation: Relaxation) => {
    for (let index = 0; index < checks.length; index += 1) if (!checks[index].passes(entry.item, relaxation, entry.statuses[index])) return false;
    return true;
  };
  const levels = new Map<number, number>();
  let eligible = 0;
  for (const entry of evaluated) {
    if (!entry.hopeless && passesAt(entry, STRICT)) {
      levels.set(entry.itemIndex, 0);
      entry.level = 0;
      eligible += 1;
    }
  }
  const strictCount = eligible;
  const relaxations: string[] = [];
  const relaxed: RelaxationStep[] = [];
  if (eligible < limit && options.relax !== false) {
    const steps = relaxationSteps(constraints, checks);
    // Steps are cumulative: a step that admitted nothing still applies to later ones, so its
    // message is reported with the first later step that admits items (latest per kind).
    const pending = new Map<string, { message: string; step: RelaxationStep }>();
    for (let stepIndex = 0; stepIndex < steps.length && eligible < limit; stepIndex += 1) {
      const { relaxation, message, kind, step } = steps[stepIndex];
      pending.delete(kind);
      pending.set(kind, { message, step });
      let added = 0;
      for (const entry of evaluated) {
        if (entry.level >= 0 || entry.hopeless || !passesAt(entry, relaxation)) continue;
        levels.set(entry.itemIndex, stepIndex + 1);
        entry.level = stepIndex + 1;
        added += 1;
      }
      eligible += added;
      if (added > 0) {
        for (const entry of pending.values()) {
          relaxations.push(entry.message);
          // A later step on the same constraint replaces the earlier one: the data says where it ended.
          const previous = relaxed.findIndex((existing) => existing.constraint === entry.step.constraint);
          if (previous >= 0) relaxed.splice(previous, 1);
          relaxed.push(entry.step);
        }
        pending.clear();
      }
    }
    if (relaxations.length > 0) {
      relaxations.unshift(`only ${strictCount} of ${pool.length} candidates met every requirement as stated, so:`);
    }
  }
  if (eligible < limit) {
    relaxations.push(`${eligible} film${eligible === 1 ? "" : "s"} met the requirements${checks.some((check) => check.kind.endsWith("exclude")) ? "; exclusions are never relaxed" : ""}`);
  }

  // Soft scoring is the costly part; a relaxation step can admit thousands of catalog items, so
  // each level keeps only its best by retrieval score before soft scores are computed.
  const keepPerLevel = Math.max(SOFT_SCORED_PER_LEVEL, limit * 20);
  const byLevel = new Map<number, typeof evaluated>();
  for (const entry of evaluated) {
    const level = levels.get(entry.itemIndex);
    if (level === undefined) continue;
    const bucket = byLevel.get(level) ?? [];
    bucket.push(entry);
    byLevel.set(level, bucket);
  }
  const eligibleEntries = [...byLevel.values()].flatMap((bucket) =>
    bucket.length <= keepPerLevel ? bucket : bucket.sort((a, b) => b.baseScore - a.baseScore || a.itemIndex - b.itemIndex).slice(0, keepPerLevel),
  );
  // Directions and discovery are measured against the films still in play, so they are scored once these are known.
  const direction = directionPreference(constraints, options.directionScores, eligibleEntries, { popularity: popularityOf, quality: (itemIndex) => qualitySpread(items[itemIndex]) });
  for (const entry of eligibleEntries) {
    entry.soft = softScore(entry.itemIndex) + (direction?.(entry) ?? 0);
    entry.score = BASE_WEIGHT * entry.baseScore + entry.soft;
  }
  const selected = eligibleEntries
    .sort((a, b) => levels.get(a.itemIndex)! - levels.get(b.itemIndex)! || b.score - a.score || a.itemIndex - b.itemIndex)
    .slice(0, limit)
    .map((entry): AppliedItem => {
      const byStatus = (status: CheckStatus) => checks.filter((_, index) => entry.statuses[index] === status).map((check) => check.label);
      return {
        itemIndex: entry.itemIndex,
        score: entry.score,
        baseScore: entry.baseScore,
        softScore: entry.soft,
        satisfied: byStatus("satisfied"),
        violated: byStatus("violated"),
        unknown: byStatus("unknown"),
        verdicts: checks.map((check, index) => ({ subject: check.subject, status: entry.statuses[index] })),
        relaxationLevel: levels.get(entry.itemIndex)!,
      };
    });
  return { items: selected, relaxations, relaxed, hardConstraints: checks.map((check) => check.label), strictCount, candidateCount: pool.length };
}

/**
 * Each distinct catalog candidate with its best retrieval score, leaving out invalid indexes and
 * the reference titles themselves ("like Heat" is not answered with Heat).
 */
function candidatePool(candidates: readonly Candidate[], items: readonly Item[], constraints: Constraints): Map<number, number> {
  const referenceIds = new Set(constraints.references.map((reference) => reference.itemId).filter((id): id is string => id !== null));
  const unique = new Map<number, number>();
  for (const candidate of candidates) {
    if (candidate.itemIndex < 0 || candidate.itemIndex >= items.length) continue;
    if (referenceIds.has(items[candidate.itemIndex].id)) continue;
    unique.set(candidate.itemIndex, Math.max(unique.get(candidate.itemIndex) ?? Number.NEGATIVE_INFINITY, candidate.score));
  }
  return unique;
}

/** applyConstraints' strictCount, from the flat-array filter alone. */
function strictlyMeeting(candidates: readonly Candidate[], items: readonly Item[], constraints: Constraints): number {
  const meets = hardConstraintFilter(constraints, items);
  let count = 0;
  for (const itemIndex of candidatePool(candidates, items, constraints).keys()) if (meets(itemIndex)) count += 1;
  return count;
}

/** How many of the most popular catalog items the fallback adds: bounds its cost to a few ms. */
export const CATALOG_FALLBACK_POOL = 3000;

// The popularity order of a catalog, computed once per (items, popularity) pair.
const popularityOrders = new WeakMap<readonly Item[], { popularity: ArrayLike<number> | undefined; order: Int32Array }>();

/** Catalog indexes, most popular first (ties by index); cached per catalog and popularity array. */
export function popularityOrder(items: readonly Item[], popularity: ArrayLike<number> | undefined): Int32Array {
  const cached = popularityOrders.get(items);
  if (cached && cached.popularity === popularity) return cached.order;
  const score = (index: number) => popularity?.[index] ?? items[index].ratingCount;
  const order = Int32Array.from(items.keys()).sort((a, b) => score(b) - score(a) || a - b);
  popularityOrders.set(items, { popularity, order });
  return order;
}

/**
 * applyConstraints, then, when fewer than `limit` candidates meet every hard constraint, again
 * over the candidates plus the catalog's most popular items (`CATALOG_FALLBACK_POOL`), so that
 * relaxation chooses from the catalog rather than only from what retrieval found. (Every item
 * meeting the constraints as stated is already among the candidates when they come from
 * gatherCandidates, whose catalog scan finds them.) Added items rank below retrieved ones.
 */
export function applyConstraintsWithCatalogFallback(
  candidates: readonly Candidate[],
  items: readonly Item[],
  constraints: Constraints,
  options: ApplyOptions & { fallbackPoolSize?: number; fallbackBelow?: number },
): ApplyResult & { usedCatalogFallback: boolean } {
  // `fallbackBelow`: widen only when fewer than this many meet the constraints (default `limit`),
  // so a caller asking for extra candidates does not pay for the catalog pass to fill them. The
  // count comes from the flat-array filter, so a request that must widen skips a full
  // constraint pass (with its relaxation steps) over the retrieved candidates alone.
  if (options.relax === false || strictlyMeeting(candidates, items, constraints) >= (options.fallbackBelow ?? options.limit)) {
    return { ...applyConstraints(candidates, items, constraints, options), usedCatalogFallback: false };
  }
  const retrieved = new Set(candidates.map((candidate) => candidate.itemIndex));
  let floor = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) if (candidate.score > 0 && candidate.score < floor) floor = candidate.score;
  if (!Number.isFinite(floor)) floor = 1;
  const order = popularityOrder(items, options.popularity);
  const poolSize = options.fallbackPoolSize ?? CATALOG_FALLBACK_POOL;
  const widened: Candidate[] = [...candidates];
  let added = 0;
  for (let rank = 0; rank < order.length && added < poolSize; rank += 1) {
    const index = order[rank];
    if (retrieved.has(index)) continue;
    // Below every retrieved candidate, in popularity order.
    widened.push({ itemIndex: index, score: floor * 0.5 * (1 - rank / order.length) });
    added += 1;
  }
  const second = applyConstraints(widened, items, constraints, options);
  return { ...second, relaxations: second.relaxations.length > 0 ? [...second.relaxations, `relaxed over the ${added} most popular catalog films as well as the retrieved ones`] : second.relaxations, usedCatalogFallback: true };
}
