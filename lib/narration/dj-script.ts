import { countPicks, EXPLAINED_PICK_LINES, FIRST_CUES, LAST_CUES, MIDDLE_CUES, OPENINGS, PLAIN_PICK_LINES, SIGN_OFFS, type OpeningTemplate } from "./dj-templates";
import type { DjScript, NarrationRequest } from "./narration-input";
import { seededChoice, stringHash } from "./seeded-choice";

/** How many picks the script introduces by name; the rest are summed up in one line. */
export const NARRATED_PICKS = 3;
/** Longest request quoted back to the listener; longer ones are cut at a word. */
const MAX_QUOTED_REQUEST = 80;

/** The request as the DJ says it: one line, no hidden characters, at most 80 characters, in quotes. */
export function quoteRequest(query: string): string {
  const clean = query.replace(/[\u0000-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g, " ").replace(/\s+/g, " ").trim();
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

/**
 * Composes a radio-DJ script from the picks and their explanations, without an LLM: an opening,
 * one line for each of the first three picks, a line for the rest, and a sign-off. Lines are
 * chosen by `request.seed` (same request, same script) and the opening never repeats
 * `request.previousOpeningId`.
 */
export function composeDjScript(request: NarrationRequest): DjScript {
  const opening = chooseOpening(request.seed, request.previousOpeningId);
  const quoted = quoteRequest(request.query);
  if (request.items.length === 0) {
    return { text: `${quoted}? I searched every shelf in the station and came back empty. Try other words and I'll spin again.`, openingId: "empty", source: "template" };
  }
  const lines = [opening.render({ request: quoted, picks: countPicks(request.items.length), routePath: request.routePath })];
  const named = request.items.slice(0, NARRATED_PICKS);
  named.forEach((item, position) => {
    const cues = position === 0 ? FIRST_CUES : position === named.length - 1 ? LAST_CUES : MIDDLE_CUES;
    const cue = seededChoice(cues, request.seed, `cue-${position}`);
    const templates = item.explanation?.text.trim() ? EXPLAINED_PICK_LINES : PLAIN_PICK_LINES;
    lines.push(seededChoice(templates, request.seed, `pick-${position}`)(cue, item));
  });
  const rest = request.items.length - named.length;
  if (rest > 0) {
    const more = countPicks(rest).replace("picks", "more");
    lines.push(rest === 1 ? "One more waits for you on the cards." : `${more.charAt(0).toUpperCase()}${more.slice(1)} wait for you on the cards.`);
  }
  lines.push(seededChoice(SIGN_OFFS, request.seed, "sign-off"));
  return { text: lines.join(" "), openingId: opening.id, source: "template" };
}
