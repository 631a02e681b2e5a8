import { analyseQuery, type QueryAnalysis } from "../language/analyse-query";
import type { CatalogLexicon } from "../language/catalog-lexicon";
import { requestDirections } from "../language/content-directions";
import { combineRuntimeMentions } from "../language/runtime-expressions";
import { combineYearMentions } from "../language/year-expressions";
import type { TokenSpan } from "../language/query-text";
import { inSoftScope } from "../language/soft-wishes";
import { DIRECTION_WORDS } from "../catalog/content-directions";
import { parseConstraints, type Constraints, type ConstraintStrength, type ConstraintsInput, type DirectionWish } from "./constraints";
import { applyFollowUp, mergeConstraints, type FollowUpInstruction, type PreviousAnswerItem, type SessionState } from "./session-memory";
import { overlaps } from "../language/span-cover";

export interface OfflineReasonerContext {
  lexicon: CatalogLexicon;
  /** The session before this turn; null or absent for a first request. */
  session?: SessionState | null;
  /**
   * The current calendar year (the core reads no clock). "Recent" counts back from the older of
   * this and the catalog's newest year, so a catalog that ends in 2018 still has recent films.
   */
  currentYear: number;
}

export interface OfflineReasonerResult {
  reasoner: "offline";
  constraints: Constraints;
  /** True when the request was read as a follow-up and merged into the session's constraints. */
  followUp: boolean;
  /** What was understood, one human-readable line per constraint or change. */
  notes: string[];
  analysis: QueryAnalysis;
}

const strengthOf = (soft: boolean): ConstraintStrength => (soft ? "soft" : "hard");

/** Constraints stated by this query alone (no session). */
export function constraintsFromAnalysis(analysis: QueryAnalysis, lexicon: CatalogLexicon): Constraints {
  const item = (index: number) => lexicon.items[index];
  const input: ConstraintsInput = {};
  const tokens = analysis.query.tokens;
  const directions = requestDirections(analysis);
  const inDirection = (span: TokenSpan) => directions.some((mention) => overlaps(mention, span));

  // "comedy or horror": alternatives are preferences, not two requirements.
  const wanted = analysis.genres.filter((mention) => !mention.negated);
  // "less scary horror movies", "like The Shining but less scary": a genre word inside a direction
  // is a degree, not an exclusion of a genre the request asks for or a reference has (which would
  // drop Horror altogether, or push away from the film asked about). Alone ("not too scary") it
  // still softly avoids the genre, besides the direction.
  const wantedGenres = new Set(wanted.flatMap((mention) => mention.genres));
  const referenced = analysis.titles.some((title) => title.role !== "exclude");
  const negatedGenres = analysis.genres.filter((mention) => mention.negated && !(inDirection(mention) && (referenced || mention.genres.every((genre) => wantedGenres.has(genre)))));
  const alternatives = new Set<number>();
  wanted.forEach((mention, index) => {
    const next = wanted[index + 1];
    if (next && tokens.slice(mention.end, next.start).includes("or")) {
      alternatives.add(index);
      alternatives.add(index + 1);
    }
  });
  // "ideally a fantasy movie", "preferably in Dutch": what a preference cue governs is soft.
  const preferred = (span: TokenSpan) => inSoftScope(span, analysis.softScopes);
  input.includeGenres = wanted.flatMap((mention, index) => mention.genres.map((genre) => ({ genre, strength: strengthOf(alternatives.has(index) || preferred(mention)) })));
  input.excludeGenres = negatedGenres.flatMap((mention) => mention.genres.map((genre) => ({ genre, strength: strengthOf(mention.negated!.soft || preferred(mention)) })));

  const years = combineYearMentions(analysis.years.map((mention) => (preferred(mention) ? { ...mention, strength: "soft" as const } : mention)));
  if (years) input.years = years;
  const runtime = combineRuntimeMentions(analysis.runtimes.map((mention) => (preferred(mention) ? { ...mention, strength: "soft" as const } : mention)));
  if (runtime) input.runtime = runtime;
  if (analysis.languages.length > 0) {
    input.languages = {
      include: [...new Set(analysis.languages.flatMap((mention) => mention.include))],
      exclude: [...new Set(analysis.languages.flatMap((mention) => mention.exclude))],
      strength: strengthOf(analysis.languages.every(preferred)),
    };
  }
  input.people = analysis.people.map((mention) => ({
    name: mention.person.name,
    role: mention.role,
    exclude: mention.negated !== null,
    strength: strengthOf((mention.negated?.soft ?? false) || preferred(mention)),
  }));
  input.references = analysis.titles.filter((title) => title.role !== "exclude").map((title) => ({ title: item(title.itemIndex).title, itemId: item(title.itemIndex).id, modifier: title.modifier }));
  const excludedTitles = analysis.titles.filter((title) => title.role === "exclude");
  input.excludeTitles = excludedTitles.map((title) => item(title.itemIndex).title);
  input.excludeItemIds = excludedTitles.map((title) => item(title.itemIndex).id);

  const moodWords = analysis.vibes.map((vibe) => (vibe.negated ? `not ${vibe.phrase}` : vibe.phrase));
  input.mood = moodWords.length > 0 ? moodWords.join(", ") : null;
  // Direction words left over as keywords ("gentler", "bloodier") would search for the very thing.
  input.keywords = [...analysis.keywords.filter((keyword) => !keyword.negated && !inDirection(keyword)).map((keyword) => keyword.phrase), ...wanted.flatMap((mention) => mention.keywords)];
  input.excludeKeywords = [
    ...analysis.keywords.filter((keyword) => keyword.negated && !keyword.negated.soft).map((keyword) => keyword.phrase),
    ...analysis.vibes.filter((vibe) => vibe.negated && !vibe.negated.soft).map((vibe) => vibe.phrase),
  ];
  input.count = analysis.counts[0]?.count ?? null;
  input.sort = analysis.sorts[0]?.sort ?? "relevance";
  input.discovery = analysis.discovery[0]?.discovery ?? null;
  input.directions = directions.map(({ direction, towards, amount }) => ({ direction, towards, amount }));
  return parseConstraints(input);
}

/** True when a query only adjusts ("no horror", "from the 80s", "in French") rather than asks anew. */
function onlyAdjusts(analysis: QueryAnalysis): boolean {
  const asksAnew =
    analysis.genres.some((mention) => !mention.negated) ||
    analysis.titles.some((title) => title.role !== "exclude") ||
    analysis.people.some((mention) => !mention.negated) ||
    analysis.vibes.some((mention) => !mention.negated) ||
    analysis.keywords.some((keyword) => !keyword.negated);
  const adjusts =
    analysis.genres.some((mention) => mention.negated) ||
    analysis.years.length > 0 ||
    analysis.runtimes.length > 0 ||
    analysis.languages.length > 0 ||
    analysis.sorts.length > 0 ||
    analysis.counts.length > 0 ||
    analysis.discovery.length > 0 ||
    analysis.people.some((mention) => mention.negated) ||
    analysis.titles.some((title) => title.role === "exclude") ||
    // "not too violent", "a bit darker" after an answer: the same request, moved along an axis.
    requestDirections(analysis).length > 0;
  if (!adjusts || asksAnew) return false;
  // "no horror" adjusts; "french films from the 1960s" is a new request that happens to carry
  // no genre: a film noun without any exclusion reads as asking anew.
  const excludes = analysis.negations.length > 0 || analysis.titles.some((title) => title.role === "exclude");
  const filmNoun = analysis.query.tokens.some((token) => FILM_NOUNS.has(token));
  return excludes || !filmNoun;
}

const FILM_NOUNS = new Set(["movie", "movies", "film", "films", "flick", "flicks"]);

/** Turns the lexicon's follow-up signals into instructions bound to the previous answer's ids. */
export function followUpInstructions(analysis: QueryAnalysis, lastItemIds: readonly string[]): FollowUpInstruction[] {
  const instructions: FollowUpInstruction[] = [];
  const signals = analysis.followUps;
  const itemAt = (index: number) => (index < 0 ? lastItemIds[lastItemIds.length + index] : lastItemIds[index]);
  const itemSignals = signals.filter((signal) => signal.kind === "item");
  const pointed = itemSignals.map((signal) => (signal.kind === "item" ? itemAt(signal.index) : undefined)).filter((id): id is string => id !== undefined);
  const plural = itemSignals.some((signal) => signal.kind === "item" && signal.demonstrative && /^(those|these|them)/.test(signal.phrase));
  for (const signal of signals) {
    if (signal.kind === "change") instructions.push({ kind: "change", change: signal.change });
    else if (signal.kind === "another") instructions.push({ kind: "another" });
    else if (signal.kind === "reject") {
      const all = /none|those|these|them|all/.test(signal.phrase);
      const ids = all || plural ? [...lastItemIds] : pointed.length > 0 ? pointed : lastItemIds.slice(0, 1);
      instructions.push({ kind: "reject", itemIds: ids });
    } else if (signal.kind === "more-like") {
      const ids = plural || pointed.length === 0 ? lastItemIds.slice(0, 3) : pointed;
      instructions.push({ kind: "more-like", itemIds: ids });
    }
  }
  // "the second one" alone, or "like the second one": a reference to it.
  if (pointed.length > 0 && !instructions.some((instruction) => instruction.kind === "more-like" || instruction.kind === "reject")) {
    instructions.push({ kind: "more-like", itemIds: pointed });
  }
  return instructions;
}

/** "less violent than usual (preferred)", "a little darker than usual (preferred)": a direction in words. */
function describeDirection(wish: DirectionWish): string {
  const degree = wish.amount <= 0.5 ? "a little " : wish.amount > 1 ? "much " : "";
  return `${degree}${DIRECTION_WORDS[wish.direction][wish.towards]} than usual (preferred)`;
}

/** Lines for the notes: what each constraint means, in words. */
export function describeConstraints(constraints: Constraints): string[] {
  const notes: string[] = [];
  const soft = (strength: ConstraintStrength) => (strength === "soft" ? " (preferred)" : "");
  for (const entry of constraints.includeGenres) notes.push(`genre: ${entry.genre}${soft(entry.strength)}`);
  for (const entry of constraints.excludeGenres) notes.push(`no ${entry.genre}${soft(entry.strength)}`);
  if (constraints.years) {
    const { from, to } = constraints.years;
    notes.push(`${from !== null && to !== null ? (from === to ? `year ${from}` : `years ${from}–${to}`) : from !== null ? `from ${from}` : `up to ${to}`}${soft(constraints.years.strength)}`);
  }
  if (constraints.runtime) {
    const { minMinutes, maxMinutes } = constraints.runtime;
    notes.push(
      `runtime ${minMinutes !== null && maxMinutes !== null ? `${minMinutes}–${maxMinutes} min` : minMinutes !== null ? `≥ ${minMinutes} min` : `≤ ${maxMinutes} min`}${soft(constraints.runtime.strength)}`,
    );
  }
  if (constraints.languages) {
    if (constraints.languages.include.length > 0) notes.push(`language: ${constraints.languages.include.join(" or ")}`);
    if (constraints.languages.exclude.length > 0) notes.push(`not in: ${constraints.languages.exclude.join(", ")}`);
  }
  for (const person of constraints.people) notes.push(`${person.exclude ? "without" : person.role === "director" ? "directed by" : "with"} ${person.name}${soft(person.strength)}`);
  for (const reference of constraints.references) notes.push(`like ${reference.title}${reference.modifier ? ` but ${reference.modifier}` : ""}`);
  if (constraints.mood) notes.push(`mood: ${constraints.mood}`);
  if (constraints.keywords.length > 0) notes.push(`about: ${constraints.keywords.join(", ")}`);
  if (constraints.excludeKeywords.length > 0) notes.push(`nothing about: ${constraints.excludeKeywords.join(", ")}`);
  if (constraints.excludeTitles.length > 0) notes.push(`not: ${constraints.excludeTitles.join(", ")}`);
  if (constraints.count !== null) notes.push(`${constraints.count} films`);
  if (constraints.sort !== "relevance") notes.push(`sorted: ${constraints.sort}`);
  if (constraints.discovery !== null) notes.push(`discovery ${constraints.discovery.toFixed(2)}`);
  for (const wish of constraints.directions) notes.push(describeDirection(wish));
  return notes;
}

/**
 * The offline reasoner: reads the request with the shared lexicon and returns constraints in
 * the same schema as the LLM reasoner. Deterministic, pure, a fraction of a millisecond. A
 * follow-up (a phrase about the previous answer, or a request that only adjusts: "no horror",
 * "older", "in French") is merged into the session's constraints; anything else starts fresh.
 */
export function reasonOffline(query: string, context: OfflineReasonerContext): OfflineReasonerResult {
  const { lexicon, session } = context;
  const referenceYear = Math.min(context.currentYear, lexicon.latestYear);
  const analysis = analyseQuery(query, lexicon, { referenceYear });
  const own = constraintsFromAnalysis(analysis, lexicon);
  const previous = session?.constraints ?? null;
  const lastItemIds = session?.lastItemIds ?? [];
  const hasHistory = previous !== null || lastItemIds.length > 0;
  const followUp = hasHistory && analysis.wholeTitle === null && (analysis.followUps.length > 0 || onlyAdjusts(analysis));
  if (!followUp) {
    // Comparatives without a session still say something ("funnier" prefers comedy).
    const changes = followUpInstructions(analysis, []).filter((instruction) => instruction.kind === "change");
    const constraints = changes.length > 0 ? applyFollowUp(own, changes, []).constraints : own;
    return { reasoner: "offline", constraints, followUp: false, notes: describeConstraints(constraints), analysis };
  }

  const merged = previous ? mergeConstraints(previous, own) : own;
  const previousAnswer: PreviousAnswerItem[] = lastItemIds.flatMap((id) => {
    const index = lexicon.indexOf.get(id);
    if (index === undefined) return [];
    const item = lexicon.items[index];
    return [{ id, title: item.title, year: item.year, runtimeMinutes: item.runtimeMinutes }];
  });
  const instructions = followUpInstructions(
    analysis,
    previousAnswer.map((item) => item.id),
  );
  const { constraints, notes } = applyFollowUp(merged, instructions, previousAnswer);
  return { reasoner: "offline", constraints, followUp: true, notes: ["follow-up to the previous request", ...notes, ...describeConstraints(constraints)], analysis };
}
