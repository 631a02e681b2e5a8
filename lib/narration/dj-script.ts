import {
  countPicks,
  EXPLAINED_PICK_LINES,
  FIRST_CUES,
  LAST_CUES,
  LEAD_PICK_LINES,
  MIDDLE_CUES,
  OPENINGS,
  PLAIN_PICK_LINES,
  SIGN_OFFS,
  type OpeningTemplate,
  type PickContext,
  type PickLine,
} from "./dj-templates";
import type { DjScript, NarratedItem, NarrationRequest } from "./narration-input";
import { asSentence, lowerFirst, tidy } from "./script-text";
import { seededChoice, stringHash } from "./seeded-choice";
import { spokenReason, type SpokenReason } from "./spoken-reason";

/** How many picks the script introduces by name; the rest are summed up in one line. */
export const NARRATED_PICKS = 3;
/** Longest request quoted back to the listener; longer ones are cut at a word. */
const MAX_QUOTED_REQUEST = 80;

/** The request as the DJ says it: one line, no hidden characters, at most 80 characters, in quotes. */
export function quoteRequest(query: string): string {
  const clean = query
    .replace(/[\u0000-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  if (clean.length <= MAX_QUOTED_REQUEST) return `“${clean}”`;
  const cut = clean.slice(0, MAX_QUOTED_REQUEST);
  const lastSpace = cut.lastIndexOf(" ");
  return `“${(lastSpace > 40 ? cut.slice(0, lastSpace) : cut).trim()}…”`;
}

/**
 * The opening for this request: seeded by `seed`, but never the one with `previousOpeningId`,
 * so two answers in a row in one session never open with the same line.
 */
export function chooseOpening(seed: string, previousOpeningId: string | null): OpeningTemplate {
  const index = stringHash(`${seed}\u0000opening`) % OPENINGS.length;
  const chosen = OPENINGS[index];
  return chosen.id === previousOpeningId ? OPENINGS[(index + 1) % OPENINGS.length] : chosen;
}

/** A sentence with its numbers blanked: "averaging 4.0" and "averaging 4.1" say the same thing twice. */
const skeleton = (sentence: string) => sentence.toLowerCase().replace(/\d+(?:[.,]\d+)*/g, "#");

/**
 * What the DJ says about one pick after the earlier ones, so that three crowd favourites in a row
 * do not sound like a list being read out. When its first sentence (how the film relates to the
 * request) was said word for word before, it is dropped and the line says "for the same reason";
 * when it was said before with other numbers ("released in 1974"), it gets "Also". Any later
 * sentence said before, even with other numbers ("averaging 4.1 out of 5"), is left to the card.
 * A series lead said before becomes "another of the … films".
 */
function withoutRepeats(reason: SpokenReason | null, said: SaidSoFar): { reason: SpokenReason | null; sameReason: boolean } {
  if (!reason) return { reason, sameReason: false };
  const [first, ...rest] = reason.sentences;
  const sameReason = first !== undefined && said.exact.has(first.toLowerCase());
  const sentences: string[] = [];
  if (first !== undefined && !sameReason) sentences.push(said.skeletons.has(skeleton(first)) && !/^also\b/i.test(first) ? `Also ${lowerFirst(first)}` : first);
  sentences.push(...rest.filter((sentence) => !said.skeletons.has(skeleton(sentence))));
  const lead = reason.lead && said.exact.has(reason.lead.toLowerCase()) ? reason.lead.replace(/^one of /, "another of ") : reason.lead;
  return { reason: { lead, sentences }, sameReason };
}

/** What the script has said about earlier picks: sentences (lower-cased) and their numberless skeletons. */
interface SaidSoFar {
  exact: Set<string>;
  skeletons: Set<string>;
}

function remember(reason: SpokenReason | null, said: SaidSoFar): void {
  for (const sentence of reason?.sentences ?? []) {
    said.exact.add(sentence.toLowerCase());
    said.skeletons.add(skeleton(sentence));
  }
  if (reason?.lead) said.exact.add(reason.lead.toLowerCase());
}

/** The seeded template for a pick, skipping any that does not fit it. */
function pickSentence(templates: readonly PickLine[], context: PickContext, seed: string, slot: string): string {
  const start = templates.indexOf(seededChoice(templates, seed, slot));
  for (let offset = 0; offset < templates.length; offset += 1) {
    const line = templates[(start + offset) % templates.length](context);
    if (line !== null) return line;
  }
  throw new Error("every pick line declined; the plain lines never do");
}

function pickLine(item: NarratedItem, cue: string, seed: string, position: number, said: SaidSoFar): string {
  const fullReason = spokenReason(item);
  const { reason, sameReason } = withoutRepeats(fullReason, said);
  const templates = reason?.lead ? LEAD_PICK_LINES : reason ? EXPLAINED_PICK_LINES : PLAIN_PICK_LINES;
  const named = pickSentence(templates, { cue, item, reason }, seed, `pick-${position}`);
  remember(fullReason, said);
  return [asSentence(sameReason ? `${named}, for the same reason` : named), ...(reason?.sentences ?? [])].join(" ");
}

/**
 * Composes a radio-DJ script from the picks and their explanations, without an LLM: an opening,
 * one line for each of the first three picks, a line for the rest, and a sign-off. Lines are
 * chosen by `request.seed` (same request, same script) and the opening never repeats
 * `request.previousOpeningId`. The explanations are rewritten to be said aloud (spoken-reason.ts),
 * and a reason already given for an earlier pick is not read again.
 */
export function composeDjScript(request: NarrationRequest): DjScript {
  const opening = chooseOpening(request.seed, request.previousOpeningId);
  const quoted = quoteRequest(request.query);
  if (request.items.length === 0) {
    return { text: `I searched every shelf in the station for ${quoted} and came back empty. Try other words and I'll spin again.`, openingId: "empty", source: "template" };
  }
  const lines = [opening.render({ request: quoted, picks: countPicks(request.items.length), routePath: request.routePath })];
  const said: SaidSoFar = { exact: new Set(), skeletons: new Set() };
  const named = request.items.slice(0, NARRATED_PICKS);
  named.forEach((item, position) => {
    const cues = position === 0 ? FIRST_CUES : position === named.length - 1 ? LAST_CUES : MIDDLE_CUES;
    lines.push(pickLine(item, seededChoice(cues, request.seed, `cue-${position}`), request.seed, position, said));
  });
  const rest = request.items.length - named.length;
  if (rest > 0) {
    const more = countPicks(rest).replace("picks", "more");
    lines.push(rest === 1 ? "One more waits for you on the cards." : `${more.charAt(0).toUpperCase()}${more.slice(1)} wait for you on the cards.`);
  }
  lines.push(seededChoice(SIGN_OFFS, request.seed, "sign-off"));
  return { text: tidy(lines.join(" ")), openingId: opening.id, source: "template" };
}
