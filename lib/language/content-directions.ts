import type { ContentDirection, DirectionTowards } from "../catalog/content-directions";
import { matchPhrases, type QueryText, type TokenSpan } from "./query-text";
import { overlaps } from "./span-cover";
import { longestFirstAlternation } from "../text";

/**
 * A soft wish to move along a content axis: "less violent", "darker", "not too scary",
 * "gentler", "a bit lighter", "lighter on the gore". Read as a preference (a score), never a
 * filter. One phrase can move two axes ("gentler": less violent and less intense); each axis is
 * its own mention over the same span.
 */
export interface DirectionMention extends TokenSpan {
  direction: ContentDirection;
  towards: DirectionTowards;
  /** How strongly: 0.5 a little ("a bit darker"), 0.75 "not too violent", 1 plainly, 1.5 much ("far less violent"); split over two axes for "gentler". */
  amount: number;
  phrase: string;
}

type Pole = Array<[ContentDirection, DirectionTowards]>;

/**
 * The words that name one end of an axis (normalised tokens), with the end they name, and their
 * one-word comparatives. "more"/"less"/"too"/"not too" before an end word give the direction;
 * a comparative gives it alone. Words people use for "gentle" move violence and intensity down.
 */
const ENDS: Array<{ words: string[]; comparatives: string[]; pole: Pole }> = [
  {
    words: ["violent", "violence", "gory", "gore", "gorey", "bloody", "blood", "brutal", "brutality", "graphic", "gruesome", "bloodshed", "grisly", "savage", "killing", "killings"],
    comparatives: ["bloodier", "gorier", "grislier"],
    pole: [["violence", "more"]],
  },
  {
    words: [
      "dark",
      "bleak",
      "grim",
      "depressing",
      "gloomy",
      "heavy",
      "serious",
      "sad",
      "disturbing",
      "nihilistic",
      "somber",
      "sombre",
      "gritty",
      "harrowing",
      "tragic",
      "downbeat",
      "morbid",
      "pessimistic",
    ],
    comparatives: ["darker", "bleaker", "grimmer", "gloomier", "heavier", "sadder", "grittier"],
    pole: [["darkness", "more"]],
  },
  {
    words: [
      "light",
      "lighthearted",
      "light hearted",
      "upbeat",
      "cheerful",
      "cheery",
      "happy",
      "uplifting",
      "hopeful",
      "feel good",
      "feelgood",
      "fun",
      "sunny",
      "bright",
      "optimistic",
      "wholesome",
      "breezy",
      "fluffy",
      "playful",
      "heartwarming",
      "joyful",
      "positive",
    ],
    comparatives: ["lighter", "happier", "cheerier", "sunnier", "brighter", "fluffier", "breezier"],
    pole: [["darkness", "less"]],
  },
  {
    words: [
      "intense",
      "tense",
      "scary",
      "frightening",
      "terrifying",
      "creepy",
      "spooky",
      "suspenseful",
      "stressful",
      "nerve wracking",
      "thrilling",
      "gripping",
      "scares",
      "jump scares",
      "suspense",
      "tension",
    ],
    comparatives: ["scarier", "creepier", "spookier", "tenser"],
    pole: [["intensity", "more"]],
  },
  {
    words: ["calm", "relaxed", "relaxing", "soothing", "chill", "mellow", "laid back", "cozy", "cosy", "peaceful", "easygoing", "easy going", "quiet"],
    comparatives: ["calmer", "cozier", "cosier", "mellower", "quieter"],
    pole: [["intensity", "less"]],
  },
  {
    words: ["gentle", "soft", "mild", "tame"],
    comparatives: ["gentler", "softer", "milder", "tamer"],
    pole: [
      ["violence", "less"],
      ["intensity", "less"],
    ],
  },
  // "non-violent" is not a comparative, but it asks for the gentle end as plainly as one.
  { words: [], comparatives: ["nonviolent", "non violent"], pole: [["violence", "less"]] },
];

/** Degree words before a cue or comparative: "a bit less violent", "far darker". */
const MILD_DEGREE = ["a little bit", "a little", "a bit", "slightly", "somewhat", "a tad", "a touch", "kind of", "kinda", "a shade", "little bit"];
const STRONG_DEGREE = ["much", "far", "way", "a lot", "lots", "even", "significantly", "considerably", "a whole lot"];
/** Cues and what they do to the end word after them: keep its end, flip it, or flip it gently. */
const CUES: Array<[string[], "keep" | "flip" | "flip-mild"]> = [
  [["more", "extra"], "keep"],
  [["less", "fewer", "not as", "less of", "too", "too much", "overly", "lighter on", "light on", "easy on", "easier on", "go easy on", "toned down", "tone down", "dial down", "dial back"], "flip"],
  [["not too", "not so", "not overly", "not very", "not that", "nothing too", "without too much", "not too much"], "flip-mild"],
];

const MILD = 0.5;
/** "Not too violent" asks to keep away from the violent end, more than "a bit less" and less than "less". */
const NOT_TOO = 0.75;
const PLAIN = 1;
const STRONG = 1.5;

const END_POLE = new Map<string, Pole>();
const COMPARATIVE_POLE = new Map<string, Pole>();
for (const end of ENDS) {
  for (const word of end.words) END_POLE.set(word, end.pole);
  for (const word of end.comparatives) COMPARATIVE_POLE.set(word, end.pole);
}
const CUE_EFFECT = new Map<string, "keep" | "flip" | "flip-mild">();
for (const [cues, effect] of CUES) for (const cue of cues) CUE_EFFECT.set(cue, effect);

const DEGREE = `(?:(${longestFirstAlternation([...MILD_DEGREE, ...STRONG_DEGREE])}) )?`;
const ENDS_ALTERNATION = longestFirstAlternation(END_POLE.keys());
/** degree? cue (of|on|with)? (the)? end ((and|or) end)? — "a bit less of the gore and blood". */
const CUE_PATTERN = new RegExp(
  String.raw`\b${DEGREE}(${longestFirstAlternation(CUE_EFFECT.keys())}) (?:(?:of|on|with|in) )?(?:the )?(${ENDS_ALTERNATION})(?: (?:and|or|nor) (${ENDS_ALTERNATION}))?\b`,
  "g",
);
const COMPARATIVE_PATTERN = new RegExp(String.raw`\b${DEGREE}(${longestFirstAlternation(COMPARATIVE_POLE.keys())})\b`, "g");
/** "no more gore" is an exclusion, which the negation reading already handles. */
const NEGATION_BEFORE = new Set(["no", "not", "nothing", "without", "never"]);

const flip = (towards: DirectionTowards): DirectionTowards => (towards === "more" ? "less" : "more");

function degreeAmount(degree: string | undefined): number {
  if (degree === undefined) return PLAIN;
  return MILD_DEGREE.includes(degree) ? MILD : STRONG;
}

/**
 * Every content direction the query asks for, in query order. Comparative phrases only: a bare
 * "dark" or "violent" is a mood (lib/language/vibe-words), and "no gore" an exclusion (negation);
 * "darker", "less violent", "not too scary" are directions.
 */
export function findContentDirections(query: QueryText): DirectionMention[] {
  const found: DirectionMention[] = [];
  const push = (span: TokenSpan, phrase: string, pole: Pole, effect: "keep" | "flip" | "flip-mild", stated: number) => {
    // One wish spread over two axes ("gentler") moves as far in all as a one-axis wish does.
    const amount = stated / Math.sqrt(pole.length);
    for (const [direction, end] of pole) {
      // "less gore and blood" names one axis twice: one mention.
      if (found.some((mention) => mention.start === span.start && mention.direction === direction)) continue;
      found.push({ ...span, direction, towards: effect === "keep" ? end : flip(end), amount: Math.round((effect === "flip-mild" ? Math.min(amount, NOT_TOO) : amount) * 100) / 100, phrase });
    }
  };
  for (const { start, end, match } of matchPhrases(query, CUE_PATTERN)) {
    const [phrase, degree, cue, first, second] = match;
    const effect = CUE_EFFECT.get(cue)!;
    if (effect === "keep" && start > 0 && NEGATION_BEFORE.has(query.tokens[start - 1])) continue;
    for (const word of second ? [first, second] : [first]) push({ start, end }, phrase, END_POLE.get(word)!, effect, degreeAmount(degree));
  }
  for (const { start, end, match } of matchPhrases(query, COMPARATIVE_PATTERN)) {
    const span = { start, end };
    if (found.some((mention) => overlaps(mention, span))) continue;
    push(span, match[0], COMPARATIVE_POLE.get(match[2])!, "keep", degreeAmount(match[1]));
  }
  return found.sort((a, b) => a.start - b.start);
}

/**
 * The content directions of an analysed request, minus any inside a title: "The Darker Side of …"
 * names a film, not a wish. What the router and the offline reasoner both read.
 */
export function requestDirections(analysis: { query: QueryText; titles: readonly TokenSpan[] }): DirectionMention[] {
  return findContentDirections(analysis.query).filter((mention) => !analysis.titles.some((title) => overlaps(title, mention)));
}
