import type { FollowUpChange } from "../language/follow-up-words";
import { DIRECTION_WORDS, type ContentDirection, type DirectionTowards } from "../catalog/content-directions";
import { parseConstraints, type Constraints, type PersonConstraint } from "./constraints";

/**
 * What a conversation remembers between turns. Plain JSON (the lead's lib/store persists it as
 * is); every field is optional on read so older stored sessions still load.
 */
export interface SessionState {
  version: 1;
  /** Turns answered so far. */
  turns: number;
  /** Constraints in force after the last turn; null before the first. */
  constraints: Constraints | null;
  /** The person's previous requests, oldest first (capped). */
  requests: string[];
  /** The last answer's item ids, in the order shown ("the second one" is index 1). */
  lastItemIds: string[];
  /** Everything shown this session, most recent last (capped), for "something else". */
  shownItemIds: string[];
  /**
   * Films the person liked or played, or said they love ("I loved Heat"), most recent first.
   * Not recommended again this session unless asked for by name.
   */
  liked: string[];
  disliked: string[];
  /** Films the person said they have seen, most recent first: not recommended again this session unless asked for by name. */
  seen: string[];
  /**
   * Films the person asked for more of ("more like this") without saying they liked them: they
   * steer the session's taste, but no reason may claim the person liked them.
   */
  interested: string[];
}

/** How many requests and shown ids a session keeps: enough for follow-ups, bounded in size. */
export const MAX_REMEMBERED_REQUESTS = 10;
export const MAX_REMEMBERED_ITEMS = 200;

/** A fresh session. */
export function emptySession(): SessionState {
  return { version: 1, turns: 0, constraints: null, requests: [], lastItemIds: [], shownItemIds: [], liked: [], disliked: [], seen: [], interested: [] };
}

/** Reads a stored session tolerantly (unknown or broken fields fall back to empty). */
export function restoreSession(stored: unknown): SessionState {
  const value = (stored ?? {}) as Partial<Record<keyof SessionState, unknown>>;
  const strings = (list: unknown) => (Array.isArray(list) ? list.filter((entry): entry is string => typeof entry === "string") : []);
  return {
    version: 1,
    turns: typeof value.turns === "number" && value.turns >= 0 ? Math.floor(value.turns) : 0,
    constraints: value.constraints ? parseConstraints(value.constraints) : null,
    requests: strings(value.requests).slice(-MAX_REMEMBERED_REQUESTS),
    lastItemIds: strings(value.lastItemIds),
    shownItemIds: strings(value.shownItemIds).slice(-MAX_REMEMBERED_ITEMS),
    liked: strings(value.liked),
    disliked: strings(value.disliked),
    seen: strings(value.seen),
    interested: strings(value.interested),
  };
}

/**
 * The session after an answer: constraints in force, the request, and the items shown.
 * Pure: returns a new object.
 */
export function recordTurn(session: SessionState, turn: { request: string; constraints: Constraints | null; itemIds: readonly string[]; statedLikes?: readonly string[] }): SessionState {
  let base = session;
  for (const itemId of [...(turn.statedLikes ?? [])].reverse()) base = recordFeedback(base, itemId, "liked");
  return {
    ...base,
    turns: session.turns + 1,
    constraints: turn.constraints ?? session.constraints,
    requests: [...session.requests, turn.request].slice(-MAX_REMEMBERED_REQUESTS),
    lastItemIds: [...turn.itemIds],
    shownItemIds: [...session.shownItemIds.filter((id) => !turn.itemIds.includes(id)), ...turn.itemIds].slice(-MAX_REMEMBERED_ITEMS),
  };
}

/**
 * Records what feedback says about an item, most recent first, without duplicates: "liked" and
 * "disliked" exclude each other; "interested" (asked for more like it) stays beside either and
 * never overrides a like or a dislike.
 */
export function recordFeedback(session: SessionState, itemId: string, feedback: "liked" | "disliked" | "interested"): SessionState {
  const prepend = (list: readonly string[]) => [itemId, ...list.filter((id) => id !== itemId)].slice(0, MAX_REMEMBERED_ITEMS);
  if (feedback === "interested") return { ...session, interested: prepend(session.interested) };
  const other = feedback === "liked" ? "disliked" : "liked";
  return {
    ...session,
    [feedback]: prepend(session[feedback]),
    [other]: session[other].filter((id) => id !== itemId),
  };
}

/** Where a person's reaction to a shown film stands (lib/bandit's slot feedback state, structurally). */
export interface ItemReaction {
  choice: "like" | "skip" | null;
  seen: boolean;
  clicked: boolean;
}

/**
 * The session after a person's reaction to an item changed (like, skip, seen it, undo): the item
 * is liked exactly when the reaction's choice is a like, disliked exactly when it is a skip, seen
 * exactly when it says so, so switching a like to a skip or undoing it leaves no like behind. The
 * newest reaction to an item wins. A click adds interest and is never taken back. Pure.
 */
export function recordReaction(session: SessionState, itemId: string, reaction: ItemReaction): SessionState {
  const prepend = (list: readonly string[]) => [itemId, ...list.filter((id) => id !== itemId)].slice(0, MAX_REMEMBERED_ITEMS);
  const without = (list: readonly string[]) => list.filter((id) => id !== itemId);
  return {
    ...session,
    liked: reaction.choice === "like" ? prepend(session.liked) : without(session.liked),
    disliked: reaction.choice === "skip" ? prepend(session.disliked) : without(session.disliked),
    seen: reaction.seen ? prepend(session.seen) : without(session.seen),
    interested: reaction.clicked ? prepend(session.interested) : session.interested,
  };
}

/**
 * `base` (the session an earlier answer was made from) with what `current` knows of the person
 * since: likes, dislikes, interest, films seen and shown. A regenerated answer or its next page
 * re-reads its request from `base` (so "older" means what it meant then) with today's taste.
 */
export function carryFeedback(base: SessionState, current: SessionState): SessionState {
  return { ...base, liked: current.liked, disliked: current.disliked, seen: current.seen, interested: current.interested, shownItemIds: current.shownItemIds };
}

/** What a follow-up asks, as data: produced by the offline reasoner from the lexicon's signals. */
export type FollowUpInstruction =
  | { kind: "change"; change: FollowUpChange }
  /** Use these previous items as references ("more like the second one", "more like these"). */
  | { kind: "more-like"; itemIds: string[] }
  /** Never show these again ("not that one", "none of these"). */
  | { kind: "reject"; itemIds: string[] }
  /** Same constraints, new items ("something else", "more"). */
  | { kind: "another" };

/** Facts about the previous answer the comparatives need ("older" than what was shown). */
export interface PreviousAnswerItem {
  id: string;
  title: string;
  year: number | null;
  runtimeMinutes: number | null;
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : Math.round((sorted[middle - 1] + sorted[middle]) / 2);
}

function union<T>(first: readonly T[], second: readonly T[], key: (value: T) => string): T[] {
  const result = new Map<string, T>();
  for (const value of [...first, ...second]) result.set(key(value), value);
  return [...result.values()];
}

/**
 * Merges a follow-up's own constraints into the previous ones: new genres, people and
 * exclusions are added; new year, runtime and language ranges, mood, count, sort and discovery
 * replace the old; new references replace the old. A genre newly wanted stops being excluded
 * and vice versa.
 */
export function mergeConstraints(previous: Constraints, next: Constraints): Constraints {
  const excluded = new Set(next.excludeGenres.map((entry) => entry.genre));
  const included = new Set(next.includeGenres.map((entry) => entry.genre));
  const personKey = (person: PersonConstraint) => person.name.toLowerCase();
  const nextPeople = new Set(next.people.map(personKey));
  return parseConstraints({
    includeGenres: union(
      previous.includeGenres.filter((entry) => !excluded.has(entry.genre)),
      next.includeGenres,
      (entry) => entry.genre,
    ),
    excludeGenres: union(
      previous.excludeGenres.filter((entry) => !included.has(entry.genre)),
      next.excludeGenres,
      (entry) => entry.genre,
    ),
    years: next.years ?? previous.years,
    runtime: next.runtime ?? previous.runtime,
    languages: next.languages ?? previous.languages,
    people: [...previous.people.filter((person) => !nextPeople.has(personKey(person))), ...next.people],
    references: next.references.length > 0 ? next.references : previous.references,
    mood: next.mood ?? previous.mood,
    keywords: union(previous.keywords, next.keywords, (keyword) => keyword),
    excludeKeywords: union(previous.excludeKeywords, next.excludeKeywords, (keyword) => keyword),
    excludeTitles: union(previous.excludeTitles, next.excludeTitles, (title) => title.toLowerCase()),
    excludeItemIds: union(previous.excludeItemIds, next.excludeItemIds, (id) => id),
    count: next.count ?? previous.count,
    sort: next.sort !== "relevance" ? next.sort : previous.sort,
    discovery: next.discovery ?? previous.discovery,
    // A follow-up's move on an axis replaces the earlier one on that axis; the others stay.
    directions: [...previous.directions.filter((entry) => !next.directions.some((wish) => wish.direction === entry.direction)), ...next.directions],
  });
}

/** Moods a move along a content axis contradicts (matched against each comma-separated mood). */
const DARK_MOODS = /\b(dark|bleak|sad|gritty|melancholic|grim|depressing)\b/;
const LIGHT_MOODS = /\b(light|lighthearted|feel-good|feel good|cozy|uplifting|hopeful|cheerful|happy)\b/;
const VIOLENT_MOODS = /\b(violent|bloody|gory|gore|brutal)\b/;
const INTENSE_MOODS = /\b(tense|intense|scary|creepy)\b/;
const CALM_MOODS = /\b(relaxing|calm|gentle|cozy|slow)\b/;

/** Runtime ("shorter", "longer") and year ("older", "newer") steps when nothing better is known. */
const FOLLOW_UP_RUNTIME_STEP_MINUTES = 10;

/**
 * Applies follow-up instructions to constraints, using the previous answer for comparatives:
 * "older" means before the earliest year allowed so far, else before the previous answer's
 * median year; "shorter" means at least 10 minutes under the previous cap or the previous
 * answer's median runtime; "more like the second one" makes that item the reference and hides
 * what was shown; "not that one" hides it. Returns the constraints and a note per change.
 */
export function applyFollowUp(constraints: Constraints, instructions: readonly FollowUpInstruction[], previousAnswer: readonly PreviousAnswerItem[]): { constraints: Constraints; notes: string[] } {
  const next: Constraints = { ...constraints };
  const notes: string[] = [];
  const years = previousAnswer.map((item) => item.year).filter((year): year is number => year !== null);
  const runtimes = previousAnswer.map((item) => item.runtimeMinutes).filter((minutes): minutes is number => minutes !== null);
  const medianYear = median(years);
  const medianRuntime = median(runtimes);
  const addGenre = (genre: string) => {
    if (!next.includeGenres.some((entry) => entry.genre === genre)) next.includeGenres = [...next.includeGenres, { genre, strength: "soft" }];
    next.excludeGenres = next.excludeGenres.filter((entry) => entry.genre !== genre);
  };
  const addMood = (words: string) => {
    next.mood = next.mood ? `${next.mood}, ${words}` : words;
  };
  // A comparative is a soft move along a content axis. The query's own reading of it (which may
  // say "a little") wins; an earlier turn's move on the same axis is replaced. Moods that now
  // contradict it ("dark" after "lighter") leave, so the two never pull against each other.
  const move = (direction: ContentDirection, towards: DirectionTowards, contradictedMoods: RegExp) => {
    const stated = constraints.directions.find((entry) => entry.direction === direction && entry.towards === towards);
    next.directions = [...next.directions.filter((entry) => entry.direction !== direction), stated ?? { direction, towards, amount: 1 }];
    if (next.mood)
      next.mood =
        next.mood
          .split(/,\s*/)
          .filter((mood) => !contradictedMoods.test(mood))
          .join(", ") || null;
    notes.push(DIRECTION_WORDS[direction][towards]);
  };
  for (const instruction of instructions) {
    if (instruction.kind === "another") {
      const ids = previousAnswer.map((item) => item.id);
      next.excludeItemIds = [...new Set([...next.excludeItemIds, ...ids])];
      notes.push("new picks with the same constraints");
      continue;
    }
    if (instruction.kind === "reject") {
      next.excludeItemIds = [...new Set([...next.excludeItemIds, ...instruction.itemIds])];
      const titles = previousAnswer.filter((item) => instruction.itemIds.includes(item.id)).map((item) => item.title);
      notes.push(`won't show ${titles.length > 0 ? titles.join(", ") : "those"} again`);
      continue;
    }
    if (instruction.kind === "more-like") {
      const references = previousAnswer.filter((item) => instruction.itemIds.includes(item.id));
      if (references.length === 0) continue;
      next.references = references.map((item) => ({ title: item.title, itemId: item.id, modifier: null }));
      next.excludeItemIds = [...new Set([...next.excludeItemIds, ...previousAnswer.map((item) => item.id)])];
      notes.push(`more like ${references.map((item) => item.title).join(", ")}`);
      continue;
    }
    switch (instruction.change) {
      case "older": {
        const before = next.years?.from ?? medianYear ?? (next.years?.to !== null && next.years?.to !== undefined ? next.years.to - 10 : null);
        if (before === null) break;
        next.years = { from: null, to: before - 1, strength: "hard" };
        notes.push(`older: released before ${before}`);
        break;
      }
      case "newer": {
        const after = next.years?.to ?? medianYear ?? (next.years?.from !== null && next.years?.from !== undefined ? next.years.from + 10 : null);
        if (after === null) break;
        next.years = { from: after + 1, to: null, strength: "hard" };
        notes.push(`newer: released after ${after}`);
        break;
      }
      case "shorter": {
        const caps = [next.runtime?.maxMinutes, medianRuntime].filter((value): value is number => value !== null && value !== undefined);
        const maxMinutes = caps.length > 0 ? Math.min(...caps) - FOLLOW_UP_RUNTIME_STEP_MINUTES : 100;
        next.runtime = { minMinutes: null, maxMinutes, strength: "hard" };
        notes.push(`shorter: at most ${maxMinutes} min`);
        break;
      }
      case "longer": {
        const floors = [next.runtime?.minMinutes, medianRuntime].filter((value): value is number => value !== null && value !== undefined);
        const minMinutes = floors.length > 0 ? Math.max(...floors) + FOLLOW_UP_RUNTIME_STEP_MINUTES : 120;
        next.runtime = { minMinutes, maxMinutes: null, strength: "hard" };
        notes.push(`longer: at least ${minMinutes} min`);
        break;
      }
      case "funnier":
        addGenre("Comedy");
        addMood("funny");
        notes.push("funnier: comedy preferred");
        break;
      case "scarier":
        addGenre("Horror");
        move("intensity", "more", CALM_MOODS);
        notes.push("scarier: horror preferred");
        break;
      case "darker":
        move("darkness", "more", LIGHT_MOODS);
        break;
      case "lighter":
        move("darkness", "less", DARK_MOODS);
        break;
      case "better":
        next.sort = "best-rated";
        notes.push("best rated first");
        break;
      case "more-popular":
        next.discovery = 0.1;
        notes.push("better-known picks");
        break;
      case "less-known":
        next.discovery = 0.85;
        notes.push("less obvious picks");
        break;
      case "less-scary":
        move("intensity", "less", INTENSE_MOODS);
        break;
      case "less-violent":
        move("violence", "less", VIOLENT_MOODS);
        break;
    }
  }
  return { constraints: parseConstraints(next), notes };
}
