import type { NarratedItem } from "./narration-input";

/** What an opening line may mention. */
export interface OpeningContext {
  /** The request, cleaned and shortened, in typographic quotes. */
  request: string;
  /** "eight picks", "one pick". */
  picks: string;
  routePath: "fast" | "reasoning";
}

export interface OpeningTemplate {
  id: string;
  render: (context: OpeningContext) => string;
}

/**
 * Radio-DJ openings. Ids are stable: the client sends the last one back so the next answer in the
 * session opens differently.
 */
export const OPENINGS: readonly OpeningTemplate[] = [
  { id: "night-owls", render: ({ request, picks }) => `Good evening, night owls. You asked for ${request}, and I have ${picks} cued up.` },
  { id: "request-line", render: ({ request }) => `The request line is lit up tonight: ${request}. Let's get into it.` },
  { id: "station-id", render: ({ request }) => `This is Reelcast radio, and the next request reads ${request}. Here's what's spinning.` },
  { id: "back-to-back", render: ({ request, picks }) => `Back to back, ${picks} for ${request}, starting right now.` },
  { id: "frequency", render: ({ request }) => `Stay on this frequency, because ${request} is exactly what we're playing next.` },
  { id: "crates", render: ({ request, routePath }) => (routePath === "reasoning" ? `That's a tall order, ${request}, so I went digging through the crates.` : `I went through the crates for ${request}.`) },
  { id: "pull-up-a-chair", render: ({ request, picks }) => `Pull up a chair. For ${request}, the booth has ${picks} ready.` },
  { id: "top-of-the-hour", render: ({ request }) => `Top of the hour, and tonight's headline is ${request}.` },
  { id: "forecast", render: ({ request, picks }) => `Tonight's forecast: ${picks}, with a strong chance of ${request}.` },
  { id: "mixtape", render: ({ request }) => `I made you a mixtape of films for ${request}.` },
];

/** How the first, middle and last of the introduced picks are announced. */
export const FIRST_CUES: readonly string[] = ["First up", "Kicking things off", "Leading the set", "Opening the show"];
export const MIDDLE_CUES: readonly string[] = ["Then", "After that", "Next on the turntable", "Right behind it"];
export const LAST_CUES: readonly string[] = ["And to close the set", "Rounding it out", "Last but not least", "And for the encore"];

/** A sentence about one pick, with its cue ("First up") in front. */
export type PickLine = (cue: string, item: NarratedItem) => string;

function yearPhrase(item: NarratedItem): string {
  return item.year === null ? "" : ` from ${item.year}`;
}

/** "a 94-minute comedy", "a sci-fi thriller", "a film" — spoken, so no parentheses or symbols. */
export function describeFilm(item: NarratedItem): string {
  const genres = item.genres.slice(0, 2).map((genre) => genre.toLowerCase());
  const kind = genres.length ? genres.join(" ") : "film";
  const runtime = item.runtimeMinutes ? `${item.runtimeMinutes}-minute ` : "";
  const phrase = `${runtime}${kind}`;
  return `${/^[aeiou]/.test(phrase) ? "an" : "a"} ${phrase}`;
}

/** The explanation as a spoken clause: trailing punctuation dropped, first letter lower-cased. */
function explanationClause(text: string): string {
  const trimmed = text.trim().replace(/[.!?…]+$/u, "");
  return trimmed.charAt(0).toLowerCase() + trimmed.slice(1);
}

/** Lines for picks with an explanation; the explanation is what the bandit chose to show. */
export const EXPLAINED_PICK_LINES: readonly PickLine[] = [
  (cue, item) => `${cue}, ${item.title}${yearPhrase(item)}, and here's why: ${explanationClause(item.explanation!.text)}.`,
  (cue, item) => `${cue}: ${item.title}. ${capitalise(explanationClause(item.explanation!.text))}.`,
  (cue, item) => `${cue}, ${describeFilm(item)} called ${item.title}, picked because ${explanationClause(item.explanation!.text)}.`,
];

/** Lines for picks without an explanation, built from the facts. */
export const PLAIN_PICK_LINES: readonly PickLine[] = [
  (cue, item) => `${cue}, ${item.title}${yearPhrase(item)}, ${describeFilm(item)}.`,
  (cue, item) => `${cue}: ${item.title}${item.directors[0] ? `, directed by ${item.directors[0]}` : yearPhrase(item)}.`,
  (cue, item) => `${cue}, ${describeFilm(item)}${yearPhrase(item)}: ${item.title}.`,
];

export const SIGN_OFFS: readonly string[] = [
  "Those are your picks. Hit like on anything that lands.",
  "That's the set. Tell me what to change and I'll spin again.",
  "Dim the lights, grab the popcorn, and enjoy the show.",
  "Plenty more where that came from. Just ask.",
  "That's all from the booth for now. Happy watching.",
];

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const NUMBER_WORDS = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];

/** "one pick", "eight picks", "20 picks". */
export function countPicks(count: number): string {
  const word = NUMBER_WORDS[count] ?? String(count);
  return `${word} ${count === 1 ? "pick" : "picks"}`;
}
