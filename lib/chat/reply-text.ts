import type { RecommendResponse, Relaxation } from "../pipeline/contract";
import { fnv1aHash } from "../hash/fnv1a";
import { durationWords, genreMass, languageName, orList, runtimeRangeWords, yearRangeWords } from "./plain-words";

/**
 * The reply an answer opens with, written for a person: what was understood, what was loosened
 * and why, how many films matched everything, and "did you mean" for titles the catalog lacks or
 * shares. `understood` goes out before the cards, `details` with them.
 */
export interface ReplyText {
  understood: string;
  details: string[];
}

type Film = { title: string; year: number | null };
type Constraints = NonNullable<RecommendResponse["constraints"]>;

const NUMBER_WORDS = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];

/** 8 → "eight", 207 → "207". */
function countWords(count: number): string {
  return count < NUMBER_WORDS.length ? NUMBER_WORDS[count] : String(count);
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const andList = (values: readonly string[]) => (values.length <= 1 ? values.join("") : `${values.slice(0, -1).join(", ")} and ${values[values.length - 1]}`);
const label = (film: Film) => (film.year === null ? film.title : `${film.title} (${film.year})`);
const films = (count: number) => (count === 1 ? "film" : "films");

/** One of `options`, the same for the same seed and slot. */
function pick<T>(options: readonly T[], seed: string, slot: string): T {
  return options[fnv1aHash(`${seed}\u0000${slot}`) % options.length];
}

/** A genre as the noun of a request: "thrillers", "comedies", "horror films". */
const GENRE_PLURALS: Record<string, string> = {
  Action: "action films",
  Adventure: "adventure films",
  Animation: "animated films",
  Comedy: "comedies",
  Crime: "crime films",
  Documentary: "documentaries",
  Drama: "dramas",
  Family: "family films",
  Fantasy: "fantasy films",
  "Film-Noir": "films noirs",
  Foreign: "foreign films",
  History: "historical films",
  Horror: "horror films",
  IMAX: "IMAX films",
  Musical: "musicals",
  Mystery: "mysteries",
  Romance: "romances",
  "Sci-Fi": "sci-fi films",
  Thriller: "thrillers",
  "TV Movie": "TV movies",
  War: "war films",
  Western: "westerns",
};

/** A genre before another genre's noun: "romantic comedies", "sci-fi thrillers", "crime dramas". */
const GENRE_MODIFIERS: Record<string, string> = {
  Action: "action",
  Adventure: "adventure",
  Animation: "animated",
  Comedy: "comedy",
  Crime: "crime",
  Documentary: "documentary",
  Drama: "drama",
  Family: "family",
  Fantasy: "fantasy",
  "Film-Noir": "noir",
  Foreign: "foreign",
  History: "historical",
  Horror: "horror",
  IMAX: "IMAX",
  Musical: "musical",
  Mystery: "mystery",
  Romance: "romantic",
  "Sci-Fi": "sci-fi",
  Thriller: "thriller",
  "TV Movie": "TV",
  War: "war",
  Western: "western",
};

/** Which genre names the films when several are asked: "sci-fi thrillers", not "thriller sci-fi films". */
const HEAD_GENRES = ["Thriller", "Drama", "Comedy", "Western", "Musical", "Mystery", "Documentary", "Horror", "Romance"];

/** ["Romance", "Comedy"] → "romantic comedies"; [] → "films". */
export function genresPhrase(genres: readonly string[]): string {
  if (genres.length === 0) return "films";
  if (genres.length === 1) return GENRE_PLURALS[genres[0]] ?? `${genres[0].toLowerCase()} films`;
  const head = HEAD_GENRES.find((genre) => genres.includes(genre));
  const modifiers = genres.filter((genre) => genre !== head).map((genre) => GENRE_MODIFIERS[genre] ?? genre.toLowerCase());
  const noun = head ? GENRE_PLURALS[head] : "films";
  // "horror films" as a head keeps its noun: "sci-fi horror films".
  return `${modifiers.join(" ")} ${noun}`;
}

const DIRECTION_WORDS: Record<string, { less: string; more: string }> = {
  violence: { less: "less violent", more: "more violent" },
  darkness: { less: "lighter", more: "darker" },
  intensity: { less: "calmer", more: "more intense" },
};

function directionWords(direction: Constraints["directions"][number]): string {
  const words = DIRECTION_WORDS[direction.direction]?.[direction.towards] ?? `${direction.towards} ${direction.direction}`;
  if (direction.amount <= 0.6) return `a little ${words}`;
  if (direction.amount >= 1.4) return `much ${words.replace(/^(less|more) /, "$1 ")}`;
  return words;
}

const SORT_WORDS: Record<string, string | null> = {
  relevance: null,
  "best-rated": "best rated first",
  newest: "newest first",
  oldest: "oldest first",
  popular: "most popular first",
  shortest: "shortest first",
};

/** "the 2000s" → "from the 2000s", "1990 or later" → "from 1990 on". */
function yearsWords(from: number | null, to: number | null): string {
  if (from !== null && to === null) return `from ${from} on`;
  if (from === null && to !== null) return `from before ${to + 1}`;
  const range = yearRangeWords(from, to);
  return from !== null && to !== null && from !== to && !range.startsWith("the ") ? `from ${from} to ${to}` : `from ${range}`;
}

/** A mood in the person's words, as it reads inside the phrase. */
function moodParts(mood: string | null): { adjective: string | null; clause: string | null; negated: string | null } {
  const text = mood?.trim().replace(/\s+/g, " ") ?? "";
  if (!text) return { adjective: null, clause: null, negated: null };
  const negated = /^(?:not|no|nothing|without)\s+(.+)$/i.exec(text);
  if (negated) {
    // "not stupid" → "that aren't stupid"; "not violence" → "without violence".
    const adjective = /^too\b|(?:y|ous|ic|al|ful|less|ive|ing|ed|id|ish|ent|ant|ble)$|^(?:sad|dumb|slow|long|dark|bleak|grim|loud|cheap|cute|light)$/i.test(negated[1]);
    return { adjective: null, clause: adjective ? `that aren't ${negated[1]}` : `without ${negated[1]}`, negated: negated[1].toLowerCase() };
  }
  const words = text.split(" ");
  // "feel good" → "feel-good films"; longer moods read as a clause.
  if (words.length <= 2) return { adjective: words.join("-").toLowerCase(), clause: null, negated: null };
  return { adjective: null, clause: `with a ${text.toLowerCase()} feel`, negated: null };
}

/**
 * What the reasoning path understood, as a person would say it back: "thrillers from the 2000s,
 * under two hours, no horror"; "French romances from the 1990s"; "comedies that aren't stupid,
 * under 90 minutes, no romance". References take their catalog year from `references`.
 */
export function understoodPhrase(constraints: Constraints, references: readonly Film[] = []): string {
  const hard = constraints.includeGenres.filter((entry) => entry.strength === "hard").map((entry) => entry.genre);
  const soft = constraints.includeGenres.filter((entry) => entry.strength === "soft").map((entry) => entry.genre);
  const mood = moodParts(constraints.mood);
  const languages = constraints.languages;
  const includeLanguages = languages?.include ?? [];
  const adjectives: string[] = [];
  if (constraints.discovery !== null && constraints.discovery >= 0.6) adjectives.push("lesser-known");
  else if (constraints.discovery !== null && constraints.discovery <= 0.25) adjectives.push("popular");
  if (mood.adjective) adjectives.push(mood.adjective);
  if (includeLanguages.length > 0 && languages?.strength !== "soft") adjectives.push(orList(includeLanguages.map(languageName)));
  let noun = genresPhrase(hard.length > 0 ? hard : []);
  // A bare "films" that only excludes reads better as "anything but horror".
  const head = [...adjectives, noun].join(" ");

  const attached: string[] = [];
  const referenced = constraints.references.map((reference) => {
    const known = references.find((film) => film.title.toLowerCase() === reference.title.toLowerCase());
    return known ? label(known) : reference.title;
  });
  const directions = constraints.directions.map(directionWords);
  const like = referenced.length > 0 ? `like ${andList(referenced)}${directions.length > 0 ? ` but ${andList(directions)}` : ""}` : null;
  const people = constraints.people.filter((person) => !person.exclude);
  const byPeople = people.filter((person) => person.role === "director").map((person) => person.name);
  const withPeople = people.filter((person) => person.role !== "director").map((person) => person.name);
  if (byPeople.length > 0) attached.push(`by ${andList(byPeople)}`);
  if (withPeople.length > 0) attached.push(`with ${andList(withPeople)}`);
  if (constraints.years) attached.push(`${constraints.years.strength === "soft" ? "ideally " : ""}${yearsWords(constraints.years.from, constraints.years.to)}`);
  if (constraints.keywords.length > 0) attached.push(`about ${andList(constraints.keywords.slice(0, 3))}`);
  if (mood.clause) attached.push(mood.clause);

  // "sci-fi films from the 1990s, like Blade Runner (1982)": a year after the title would read as its year.
  if (like && (attached.length > 0 || head !== "films")) attached.push(`, ${like}`);
  else if (like) attached.unshift(like);
  const clauses: string[] = [];
  if (soft.length > 0) clauses.push(`ideally ${orList(soft.map((genre) => GENRE_PLURALS[genre] ?? genre.toLowerCase()))}`);
  if (includeLanguages.length > 0 && languages?.strength === "soft") clauses.push(`ideally in ${orList(includeLanguages.map(languageName))}`);
  if (constraints.runtime) {
    const { minMinutes, maxMinutes, strength } = constraints.runtime;
    const words = maxMinutes === null && minMinutes !== null ? `at least ${durationWords(minMinutes)} long` : runtimeRangeWords(minMinutes, maxMinutes);
    clauses.push(`${strength === "soft" ? "ideally " : ""}${words}`);
  }
  const excludedPeople = constraints.people.filter((person) => person.exclude).map((person) => person.name);
  if (excludedPeople.length > 0) clauses.push(`without ${orList(excludedPeople)}`);
  if ((languages?.exclude ?? []).length > 0) clauses.push(`not in ${orList(languages!.exclude.map(languageName))}`);
  const excludedGenres = constraints.excludeGenres.map((entry) => genreMass(entry.genre));
  const excludedKeywords = constraints.excludeKeywords.filter((keyword) => keyword.toLowerCase() !== mood.negated);
  const excluded = [...excludedGenres, ...excludedKeywords];
  if (referenced.length === 0 && directions.length > 0) clauses.push(andList(directions));
  const sort = SORT_WORDS[constraints.sort] ?? null;
  const excludedTitles = constraints.excludeTitles;

  if (head === "films" && attached.length === 0 && clauses.length === 0 && excluded.length > 0) {
    noun = `anything but ${orList(excluded)}`;
    return [noun, ...(excludedTitles.length > 0 ? [`not ${orList(excludedTitles)}`] : []), ...(sort ? [sort] : [])].join(", ");
  }
  if (excluded.length > 0) clauses.push(`no ${orList(excluded)}`);
  if (excludedTitles.length > 0) clauses.push(`not ${orList(excludedTitles)}`);
  if (sort) clauses.push(sort);
  // A bare "films" takes its first limit without a comma: "films without Adam Sandler, no horror".
  if (head === "films" && attached.length === 0 && clauses.length > 0) return [`films ${clauses[0]}`, ...clauses.slice(1)].join(", ");
  return [[head, ...attached].join(" ").replace(/ ,/g, ","), ...clauses].join(", ");
}

/** One relaxation step as "I …" continues it: "widened the years to 1950–1979". */
function relaxationStep(step: Relaxation, constraints: Constraints | null): string {
  switch (step.constraint) {
    case "years":
      return step.range ? `widened the years to ${yearRangeWords(step.range.from, step.range.to)}` : "widened the years";
    case "runtime": {
      const range = step.range;
      if (!range) return "stretched the running time";
      if (range.from === null && range.to !== null) return `allowed up to ${durationWords(range.to)}`;
      if (range.from !== null && range.to === null) return `allowed films as short as ${durationWords(range.from)}`;
      return `stretched the running time to ${runtimeRangeWords(range.from, range.to)}`;
    }
    case "genres": {
      const hard = constraints?.includeGenres.filter((entry) => entry.strength === "hard").map((entry) => genreMass(entry.genre)) ?? [];
      if (step.how === "any-of") return `accepted films with any one of ${hard.length > 0 ? orList(hard) : "those genres"}`;
      return hard.length > 0 ? `looked beyond ${orList(hard)}` : "set the genre aside";
    }
    case "language": {
      const languages = constraints?.languages?.include ?? [];
      return languages.length > 0 ? `looked beyond films in ${orList(languages.map(languageName))}` : "set the language aside";
    }
    case "people":
      return step.asked ? `let in films without ${step.asked.split(", ").join(" or ")}` : "set the people aside";
    case "unrecorded-data":
      return "let in films whose details the catalog doesn't record";
  }
}

/** The steps joined, "looked beyond horror and films in Japanese" said once. */
function relaxationSteps(steps: readonly Relaxation[], constraints: Constraints | null): string {
  const words = steps.map((step) => relaxationStep(step, constraints));
  const beyond = words.filter((word) => word.startsWith("looked beyond "));
  if (beyond.length < 2) return andList(words);
  const merged = `looked beyond ${andList(beyond.map((word) => word.slice("looked beyond ".length)))}`;
  return andList([...words.filter((word) => !word.startsWith("looked beyond ")), merged]);
}

/** How many matched everything, what was loosened, and the pointer to "why this?". */
function matchSentences(response: RecommendResponse, seed: string): string[] {
  const shown = response.items.length;
  const met = response.metEveryConstraint;
  const constraints = response.constraints;
  if (shown === 0) return ["Nothing in the catalog fits that, even with the limits loosened. Try fewer wishes at once, or other words."];
  if (response.relaxations.length > 0) {
    const steps = relaxationSteps(response.relaxations, constraints);
    const lead =
      met === null || met === 0
        ? `Nothing in the catalog fits all of that, so I ${steps}.`
        : `Only ${countWords(met)} ${films(met)} ${met === 1 ? "fits" : "fit"} all of that, so to fill the list I ${steps}.`;
    return [lead, pick(["Each card's “why this?” shows what it meets.", "“Why this?” on each card says what it meets and what it doesn't."], seed, "why")];
  }
  if (met === null) return [`Here ${shown === 1 ? "is one film" : `are ${countWords(shown)}`}.`];
  const asked = constraints?.count ?? null;
  if (met <= shown) return [met === 1 ? "Exactly one film fits all of that, and here it is." : `${capitalise(countWords(met))} films fit all of that, and here they are.`];
  // `met` counts the candidates gathered for the request, not the whole catalog: "I found".
  if (asked !== null && asked === shown) return [`I found ${countWords(met)} films that fit all of that; here are the ${countWords(shown)} you asked for.`];
  return [
    pick(
      [
        `I found ${countWords(met)} films that fit all of that; here are the ${countWords(shown)} I'd start with.`,
        `Of the films I found, ${countWords(met)} fit all of that; here are ${countWords(shown)} to start with.`,
        `${capitalise(countWords(met))} of the films I found fit all of that; these ${countWords(shown)} lead the way.`,
      ],
      seed,
      "count",
    ),
  ];
}

/** "Oppenheimer isn't in the catalog; did you mean …?" for each title the catalog lacks. */
function unknownTitleSentences(response: RecommendResponse, seed: string): string[] {
  return response.unknownTitles.map((unknown, index) => {
    const name = unknown.text.replace(/\s+/g, " ").trim();
    if (unknown.didYouMean.length > 0) return `I can't find ${name} in the catalog. Did you mean ${orList(unknown.didYouMean.slice(0, 4).map(label))}?`;
    return pick([`${name} isn't in the catalog, so these go by the rest of your request.`, `The catalog doesn't have ${name}, so I went by the rest of your words.`], seed, `unknown-${index}`);
  });
}

/** The server's notes on a reference film it had to guess ("Used Parasite (1982), a little-known film …"). */
function referenceNotes(response: RecommendResponse): string[] {
  return response.references.flatMap((reference) => (reference.note ? [reference.note] : []));
}

/** The words of a series as its films spell them: "harry potter" → "Harry Potter". */
function seriesName(series: string, response: RecommendResponse): string {
  const wanted = series.trim().split(/\s+/);
  for (const item of response.items) {
    const words = item.title.split(/\s+/);
    if (words.length >= wanted.length && words.slice(0, wanted.length).join(" ").toLowerCase() === wanted.join(" ").toLowerCase()) return words.slice(0, wanted.length).join(" ");
  }
  return wanted.map(capitalise).join(" ");
}

/** People named on the fast path, checked against the cards' credits. */
function peopleSentence(response: RecommendResponse): string | null {
  const named = response.people.filter((person) => !person.excluded);
  if (named.length === 0) return null;
  const credited = (item: RecommendResponse["items"][number], name: string) => [...item.cast, ...item.directors].some((credit) => credit.toLowerCase() === name.toLowerCase());
  const shown = response.items.length;
  const preposition = (person: (typeof named)[number]) => (person.role === "director" ? "by" : "with");
  if (named.length === 1) {
    const person = named[0];
    const count = response.items.filter((item) => credited(item, person.name)).length;
    if (count === shown) return `${capitalise(countWords(shown))} ${films(shown)} ${preposition(person)} ${person.name}.`;
    if (count === 0) return `Here are ${countWords(shown)} picks for ${person.name}.`;
    return `${capitalise(countWords(count))} ${films(count)} ${preposition(person)} ${person.name}, and ${countWords(shown - count)} more in the same vein.`;
  }
  const together = response.items.filter((item) => named.every((person) => credited(item, person.name))).length;
  const names = andList(named.map((person) => person.name));
  if (together === 0) return `No film here has ${names} together, so these have one or the other, or are close to them.`;
  const both = response.items.filter((item) => named.every((person) => credited(item, person.name)));
  const which = both.length <= 2 ? ` (${andList(both.map(label))})` : "";
  if (together === shown) return `${capitalise(countWords(shown))} ${films(shown)} with ${names} together.`;
  return `${capitalise(countWords(together))} of these ${together === 1 ? "has" : "have"} ${names} together${which}; the rest have one of them, or are close.`;
}

/** A title compared loosely: lower case, no leading article, no punctuation ("The Heat" ~ "Heat"). */
const titleKey = (title: string) =>
  title
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()
    .replace(/^(?:the|a|an) /, "");

/** The fast path's reply: a title, a series, "like X", people, or the words themselves. */
function fastReply(query: string, response: RecommendResponse, seed: string): ReplyText {
  const shown = response.items.length;
  const more = shown - 1;
  const lookup = response.lookup;
  if (lookup && shown > 0) {
    // Titles that continue the one asked for are its series ("The Godfather: Part II"); any
    // other film the lookup offers is a namesake ("The Heat" for "Heat"): "did you mean".
    const asked = titleKey(lookup.film.title);
    const continues = (film: Film) => titleKey(film.title).startsWith(`${asked} `);
    const namesakes = response.didYouMean
      .filter((film) => !continues(film))
      .slice(0, 4)
      .map(label);
    const sequels = response.didYouMean.filter(continues).slice(0, 2).map(label);
    const film = label(lookup.film);
    const rest = more > 0 ? pick([`, and ${countWords(more)} more in the same vein`, `, plus ${countWords(more)} ${films(more)} in the same vein`], seed, "lookup-rest") : "";
    const understood =
      lookup.askedYear !== null
        ? `There's no ${lookup.film.title} from ${lookup.askedYear} in the catalog, so here's ${film}${rest}.`
        : pick([`Here's ${film}${rest}.`, `${film} it is${rest}.`], seed, "lookup");
    const details: string[] = [];
    if (namesakes.length > 0) details.push(`${lookup.askedYear !== null ? "Or did" : "Did"} you mean ${orList(namesakes)}?`);
    if (sequels.length > 0) details.push(`Or another in the series, like ${orList(sequels)}?`);
    return { understood, details };
  }
  if (response.series && shown > 0) {
    const name = seriesName(response.series, response);
    const inSeries = response.items.filter((item) => item.title.toLowerCase().startsWith(name.toLowerCase())).length;
    const rest = shown - inSeries;
    if (rest === 0) return { understood: `${capitalise(countWords(shown))} ${name} ${films(shown)}.`, details: [] };
    return { understood: `${capitalise(countWords(inSeries))} ${name} ${films(inSeries)}, then ${countWords(rest)} more in the same vein.`, details: [] };
  }
  const unknown = unknownTitleSentences(response, seed);
  if (shown === 0) return { understood: `I couldn't find anything for “${quote(query)}”.`, details: unknown };
  if (response.references.length > 0) {
    const names = andList(response.references.map(label));
    const notes = referenceNotes(response);
    // A film the server had to guess is not one the person "liked": its note says why it was used.
    const understood =
      notes.length > 0
        ? `${capitalise(countWords(shown))} ${films(shown)} close to ${names}.`
        : pick([`${capitalise(countWords(shown))} ${films(shown)} for fans of ${names}.`, `If you liked ${names}, try these ${countWords(shown)}.`], seed, "reference");
    return { understood, details: [...notes, ...unknown] };
  }
  const people = peopleSentence(response);
  if (people) return { understood: people, details: unknown };
  const generic = pick([`${capitalise(countWords(shown))} ${shown === 1 ? "pick" : "picks"} for “${quote(query)}”.`, `Here's what I found for “${quote(query)}”.`], seed, "generic");
  return { understood: unknown.length > 0 ? unknown[0] : generic, details: unknown.length > 0 ? [...unknown.slice(1)] : [] };
}

/** The request as quoted back: one line, at most 60 characters, cut at a word. */
function quote(query: string): string {
  const clean = query
    .replace(/[\u0000-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  if (clean.length <= 60) return clean;
  const cut = clean.slice(0, 60);
  const space = cut.lastIndexOf(" ");
  return `${(space > 30 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

const UNDERSTOOD_LEADS: ReadonlyArray<(phrase: string) => string | null> = [
  (phrase) => `Looking for ${phrase}.`,
  (phrase) => `You asked for ${phrase}.`,
  (phrase) => `Got it: ${phrase}.`,
  // After a list of limits, "coming up" would read as one more of them.
  (phrase) => (phrase.includes(",") ? null : `${capitalise(phrase)}, coming up.`),
];

/**
 * The reply for one final answer, from templates: deterministic for the same `seed` (the session
 * and the request), varied across requests, and in people's words (no scores, paths or field names).
 */
export function composeReply(query: string, response: RecommendResponse, seed: string): ReplyText {
  const constraints = response.constraints;
  if (!constraints) return fastReply(query, response, seed);
  const phrase = understoodPhrase(constraints, response.references);
  const first = UNDERSTOOD_LEADS.indexOf(pick(UNDERSTOOD_LEADS, seed, "lead"));
  const understood = UNDERSTOOD_LEADS.map((_, offset) => UNDERSTOOD_LEADS[(first + offset) % UNDERSTOOD_LEADS.length](phrase)).find((line) => line !== null)!;
  return { understood, details: [...referenceNotes(response), ...unknownTitleSentences(response, seed), ...matchSentences(response, seed)] };
}

/** The reply as one paragraph. */
export function replyString(reply: ReplyText): string {
  return [reply.understood, ...reply.details].join(" ");
}

/**
 * The reply's facts in plain words, for a model that writes the reply's details: how many films
 * fit everything and were shown, what was loosened, titles the catalog lacks or shares.
 */
export function replyFacts(response: RecommendResponse) {
  return {
    metEverything: response.metEveryConstraint,
    shown: response.items.length,
    loosened: response.relaxations.length > 0 ? [`I ${relaxationSteps(response.relaxations, response.constraints)}`] : [],
    didYouMean: response.didYouMean.slice(0, 4).map(label),
    notInCatalog: response.unknownTitles.map((unknown) => ({ title: unknown.text, didYouMean: unknown.didYouMean.slice(0, 4).map(label) })),
    catalogNewestYear: response.catalogYears?.latestYear ?? null,
  };
}
