import { matchPhrases, type QueryText, type TokenSpan } from "./query-text";
import { overlaps } from "./span-cover";

/** How a follow-up changes the previous request. */
export type FollowUpChange = "older" | "newer" | "shorter" | "longer" | "funnier" | "scarier" | "darker" | "lighter" | "better" | "more-popular" | "less-known" | "less-scary" | "less-violent";

/** A phrase that only makes sense against the previous answer. */
export type FollowUpSignal = TokenSpan & { phrase: string } & (
    | { kind: "change"; change: FollowUpChange }
    /** "the second one" (index 1), "the last one" (index -1), "that one" (index 0). */
    | { kind: "item"; index: number; demonstrative: boolean }
    /** "more like …": the following item or the whole previous answer is a reference. */
    | { kind: "more-like" }
    /** "not that one", "seen it": exclude the referenced item(s). */
    | { kind: "reject" }
    /** "something else", "others", "more": new items with the same constraints. */
    | { kind: "another" }
    /** "and", "what about", "same but": a sentence that leans on the previous one. */
    | { kind: "continuation" }
  );

const ORDINALS: Record<string, number> = {
  first: 0,
  "1st": 0,
  second: 1,
  "2nd": 1,
  third: 2,
  "3rd": 2,
  fourth: 3,
  "4th": 3,
  fifth: 4,
  "5th": 4,
  sixth: 5,
  "6th": 5,
  seventh: 6,
  "7th": 6,
  eighth: 7,
  "8th": 7,
  ninth: 8,
  "9th": 8,
  tenth: 9,
  "10th": 9,
  last: -1,
  final: -1,
  top: 0,
  one: 0,
  two: 1,
  three: 2,
  four: 3,
  five: 4,
  six: 5,
  seven: 6,
  eight: 7,
  nine: 8,
  ten: 9,
};
const ITEM_NOUN = "one|film|movie|pick|option|result|suggestion|title|recommendation";

const CHANGES: Array<[FollowUpChange, RegExp]> = [
  ["older", /\b(older|earlier|older ones|too new|too recent|too modern|less recent|something older|go older|go back further)\b/g],
  ["newer", /\b(newer|more recent|more modern|later ones|too old|too dated|less old|something newer|something more recent|recenter)\b/g],
  ["shorter", /\b(shorter|too long|less long|quicker|not as long|something shorter)\b/g],
  ["longer", /\b(longer|too short|not as short|something longer)\b/g],
  ["funnier", /\b(funnier|more funny|more comedy|more humou?r|more laughs|less serious|too serious)\b/g],
  ["scarier", /\b(scarier|more scary|more horror|creepier|more frightening)\b/g],
  ["darker", /\b(darker|more dark|grittier|more serious|bleaker|too light|too fluffy)\b/g],
  ["lighter", /\b(lighter|less dark|happier|more upbeat|more cheerful|too dark|too sad|too heavy|too depressing|too bleak|less heavy|less depressing)\b/g],
  ["better", /\b(better rated|higher rated|better ones|better reviewed|more acclaimed|something better)\b/g],
  ["more-popular", /\b(more popular|more mainstream|better known|more famous|too obscure)\b/g],
  ["less-known", /\b(less known|lesser known ones|more obscure|less popular|less mainstream|too mainstream|too obvious|too popular)\b/g],
  ["less-scary", /\b(less scary|too scary|not as scary|less creepy|too creepy|too frightening)\b/g],
  ["less-violent", /\b(less violent|too violent|too gory|less gory|less bloody|too bloody)\b/g],
];

const patterns = {
  ordinal: new RegExp(
    String.raw`\b(?:the |that |this )(first|1st|second|2nd|third|3rd|fourth|4th|fifth|5th|sixth|6th|seventh|7th|eighth|8th|ninth|9th|tenth|10th|last|final|top)(?: (?:${ITEM_NOUN}))?(?= (?:but|and|or|please|though|with|without|except|no|not|instead)\b|$| (?:you|u) (?:showed|suggested|gave|recommended|mentioned|listed)\b)|\b(?:number|no|option|pick|result) (one|two|three|four|five|six|seven|eight|nine|ten|[1-9]|10)\b`,
    "g",
  ),
  demonstrative: /\b(that one|this one|those ones|these ones|that movie|this movie|that film|this film|those|these|them|it)\b/g,
  moreLike: /\b(more like|more of|something like|similar to|same as|like)(?= (?:the |that |this |those |these |them|it\b|number |option ))/g,
  reject:
    /\b(not that one|not this one|not those|not these|not them|not it|none of these|none of those|none of them|seen it|seen that|seen that one|seen them|seen those|already seen|already watched|watched it|watched that|seen all of those|not the (?:first|second|third|fourth|fifth|last)(?: one)?|skip (?:that|this|the first|the second|the third|the last)(?: one)?|drop (?:that|the first|the second|the third|the last)(?: one)?|not interested in (?:that|those|the first|the second)(?: one)?|(?:i )?(?:didnt|did not|dont|do not) like (?:that|this|those|these|it|them|the first|the second|the third|the last)(?: one| ones)?)\b/g,
  another:
    /\b(something else|anything else|another one|another|others|other ones|different ones|more please|show me more|give me more|more of those|more of these|more of them|any more|anymore|any others|next|more options|more suggestions|try again|again)\b/g,
  continuation:
    /^(?:and|but|also|ok|okay|hmm+|now|then|what about|how about|actually|nah|yes but|cool|great|thanks|perfect|alright|same but|same thing but|like that but|like those but|similar but|what if|make it|make them|and also)\b|\b(same but|same thing but|like that but|like those but|like these but|similar but|but make it|make it|instead)\b/g,
};

/**
 * Finds phrases that refer to the previous answer. They are signals only: whether a session
 * exists to apply them to is the caller's business (the router and session memory decide).
 */
export function findFollowUpSignals(query: QueryText): FollowUpSignal[] {
  const found: FollowUpSignal[] = [];
  const taken = (span: TokenSpan) => found.some((signal) => overlaps(signal, span));
  for (const { start, end, match } of matchPhrases(query, patterns.reject)) {
    found.push({ start, end, phrase: match[0], kind: "reject" });
  }
  for (const { start, end, match } of matchPhrases(query, patterns.ordinal)) {
    const word = match[1] ?? match[2];
    const index = /^\d+$/.test(word) ? Number(word) - 1 : ORDINALS[word];
    if (index === undefined) continue;
    // Inside a rejection phrase the ordinal still tells which item; keep both.
    found.push({ start, end, phrase: match[0], kind: "item", index, demonstrative: false });
  }
  for (const { start, end, match } of matchPhrases(query, patterns.demonstrative)) {
    if (found.some((signal) => signal.kind === "item" && overlaps(signal, { start, end }))) continue;
    // A bare "it" is only a reference inside a rejection or "more like it".
    if (match[1] === "it" && !found.some((signal) => signal.kind === "reject" && signal.start <= start && end <= signal.end) && !/\blike it\b/.test(query.text)) continue;
    found.push({ start, end, phrase: match[1], kind: "item", index: 0, demonstrative: true });
  }
  for (const { start, end, match } of matchPhrases(query, patterns.moreLike)) {
    if (taken({ start, end })) continue;
    found.push({ start, end, phrase: match[1], kind: "more-like" });
  }
  for (const [change, pattern] of CHANGES) {
    for (const { start, end, match } of matchPhrases(query, pattern)) {
      if (taken({ start, end })) continue;
      found.push({ start, end, phrase: match[1], kind: "change", change });
    }
  }
  for (const { start, end, match } of matchPhrases(query, patterns.another)) {
    if (taken({ start, end })) continue;
    found.push({ start, end, phrase: match[1], kind: "another" });
  }
  for (const { start, end, match } of matchPhrases(query, patterns.continuation)) {
    if (taken({ start, end })) continue;
    found.push({ start, end, phrase: match[0], kind: "continuation" });
  }
  return found.sort((a, b) => a.start - b.start);
}
