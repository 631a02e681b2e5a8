import type { GenreMention } from "../genre-words";
import type { LanguageMention } from "../language-words";
import { negatedTargets, type NegationCue } from "../negation";
import type { PersonMention } from "../people-lexicon";
import type { Negatable } from "../query-analysis";
import type { QueryText } from "../query-text";
import type { VibeMention } from "../vibe-words";
import type { KeywordSpan } from "./keywords";
import { overlaps } from "../span-cover";

export interface NegationScopes {
  genres: Array<Negatable<GenreMention>>;
  vibes: Array<Negatable<VibeMention>>;
  people: Array<Negatable<PersonMention>>;
  keywords: Array<Negatable<KeywordSpan>>;
  /** Cues that negate something (a target here, or a language they are part of), in query order. */
  used: NegationCue[];
}

interface Targets {
  genres: GenreMention[];
  vibes: VibeMention[];
  people: PersonMention[];
  keywords: KeywordSpan[];
  languages: LanguageMention[];
}

/**
 * Phase 4 — negation scopes. Each cue governs the targets right after it (a few filler tokens
 * away) and a list continued by "or"/"and" (negation.ts decides the scope); the targets are the
 * genres, moods, names and keywords left after titles. A language phrase carries its own denial
 * ("not in English"), so the cue inside it counts as used without a target.
 */
export function attachNegations(query: QueryText, cues: readonly NegationCue[], targets: Targets): NegationScopes {
  const ordered = [...targets.genres, ...targets.vibes, ...targets.people, ...targets.keywords];
  const negatedBy = negatedTargets(query, cues, ordered);
  let offset = 0;
  const mark = <T extends object>(spans: readonly T[]): Array<Negatable<T>> => {
    const marked = spans.map((span, index) => ({ ...span, negated: negatedBy[offset + index] }));
    offset += spans.length;
    return marked;
  };
  const genres = mark(targets.genres);
  const vibes = mark(targets.vibes);
  const people = mark(targets.people);
  const keywords = mark(targets.keywords);
  const used = cues.filter((cue) => negatedBy.includes(cue) || targets.languages.some((language) => language.exclude.length > 0 && overlaps(language, cue)));
  for (const language of targets.languages) {
    if (language.exclude.length > 0 && !used.some((cue) => overlaps(cue, language))) {
      const own = cues.find((cue) => overlaps(cue, language));
      if (own) used.push(own);
    }
  }
  return { genres, vibes, people, keywords, used: used.sort((a, b) => a.start - b.start) };
}
