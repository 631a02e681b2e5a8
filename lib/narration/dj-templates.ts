import { genrePhrase } from "./genre-phrase";
import { withArticle } from "./indefinite-article";
import type { NarratedItem } from "./narration-input";
import { tidy } from "./script-text";
import type { SpokenReason } from "./spoken-reason";

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
  {
    id: "crates",
    render: ({ request, routePath }) => (routePath === "reasoning" ? `That's a tall order, ${request}, so I went digging through the crates.` : `I went through the crates for ${request}.`),
  },
  { id: "pull-up-a-chair", render: ({ request, picks }) => `Pull up a chair. For ${request}, the booth has ${picks} ready.` },
  { id: "top-of-the-hour", render: ({ request }) => `Top of the hour, and tonight's headline is ${request}.` },
  { id: "forecast", render: ({ request, picks }) => `Tonight's forecast: ${picks}, with a strong chance of ${request}.` },
  { id: "mixtape", render: ({ request }) => `I made you a mixtape of films for ${request}.` },
];

/** How the first, middle and last of the introduced picks are announced. */
export const FIRST_CUES: readonly string[] = ["First up", "Kicking things off", "Leading the set", "Opening the show"];
export const MIDDLE_CUES: readonly string[] = ["Then", "After that", "Next on the turntable", "Right behind it"];
export const LAST_CUES: readonly string[] = ["And to close the set", "Rounding it out", "Last but not least", "And for the encore"];

/** What a pick line knows: its cue ("First up"), the film, and what the DJ says about it. */
export interface PickContext {
  cue: string;
  item: NarratedItem;
  /** The explanation as spoken sentences; null when the pick has none. */
  reason: SpokenReason | null;
}

/**
 * The sentence that names a pick, without its final period (the script adds it, or ", for the
 * same reason"); the reason's sentences follow it. Null when the template does not fit, e.g. a
 * description that would repeat what the reason says.
 */
export type PickLine = (context: PickContext) => string | null;

const title = (item: NarratedItem) => tidy(item.title);

/** The reason's words, lower-cased, to check which facts it already states. */
function reasonText(reason: SpokenReason | null): string {
  return reason ? [reason.lead ?? "", ...reason.sentences].join(" ").toLowerCase() : "";
}

/** " from 1995", unless the year is unknown or the reason says it already. */
function yearPhrase(item: NarratedItem, reason: SpokenReason | null = null): string {
  if (item.year === null || reasonText(reason).includes(String(item.year))) return "";
  return ` from ${item.year}`;
}

/**
 * "a 94-minute crime comedy", "an 88-minute drama", "a film" — spoken, so no parentheses or
 * symbols. `withRuntime: false` leaves the runtime out (when the reason already gives it).
 */
export function describeFilm(item: NarratedItem, { withRuntime = true }: { withRuntime?: boolean } = {}): string {
  const kind = genrePhrase(item.genres) ?? "film";
  const runtime = withRuntime && item.runtimeMinutes ? `${Math.round(item.runtimeMinutes)}-minute ` : "";
  return withArticle(`${runtime}${kind}`);
}

/** Whether the reason already names the film's genres or runtime, so a description would repeat it. */
function reasonDescribes(item: NarratedItem, reason: SpokenReason | null): boolean {
  const text = reasonText(reason);
  const phrase = genrePhrase(item.genres);
  const genreWords = [...item.genres.map((genre) => genre.toLowerCase()), ...(phrase ? [phrase] : [])];
  return genreWords.some((word) => text.includes(word)) || (item.runtimeMinutes !== null && text.includes(`${Math.round(item.runtimeMinutes)} minutes`));
}

/** Lines for picks with an explanation whose first words describe the film ("the film you asked for"). */
export const LEAD_PICK_LINES: readonly PickLine[] = [({ cue, item, reason }) => `${cue}, ${reason!.lead}: ${title(item)}`, ({ cue, item, reason }) => `${cue}: ${title(item)}, ${reason!.lead}`];

/** Lines for picks with an explanation; the explanation (what the bandit chose to show) follows. */
export const EXPLAINED_PICK_LINES: readonly PickLine[] = [
  ({ cue, item, reason }) => `${cue}, ${title(item)}${yearPhrase(item, reason)}`,
  ({ cue, item }) => `${cue}: ${title(item)}`,
  ({ cue, item, reason }) => (reasonDescribes(item, reason) ? null : `${cue}, ${describeFilm(item)} called ${title(item)}`),
];

/** Lines for picks without an explanation, built from the facts. */
export const PLAIN_PICK_LINES: readonly PickLine[] = [
  ({ cue, item }) => `${cue}, ${title(item)}${yearPhrase(item)}, ${describeFilm(item)}`,
  ({ cue, item }) => `${cue}: ${title(item)}${item.directors[0]?.trim() ? `, directed by ${tidy(item.directors[0])}` : yearPhrase(item)}`,
  ({ cue, item }) => `${cue}, ${describeFilm(item)}${yearPhrase(item)}: ${title(item)}`,
];

export const SIGN_OFFS: readonly string[] = [
  "Those are your picks. Hit like on anything that lands.",
  "That's the set. Tell me what to change and I'll spin again.",
  "Dim the lights, grab the popcorn, and enjoy the show.",
  "Plenty more where that came from. Just ask.",
  "That's all from the booth for now. Happy watching.",
];

const NUMBER_WORDS = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];

/** "one pick", "eight picks", "20 picks". */
export function countPicks(count: number): string {
  const word = NUMBER_WORDS[count] ?? String(count);
  return `${word} ${count === 1 ? "pick" : "picks"}`;
}
