import { NEXT_ITEMS, type AnswerJudgement } from "./judge-answer";

/** One side's numbers for a phrasing: the served answers, or the popularity baseline. */
export interface SideMetrics {
  answers: number;
  /** Share of answers whose first item is an asked film (meaningful for lookups). */
  askedFirst: number;
  /** Share of answers showing no asked film anywhere (meaningful for references). */
  askedAbsent: number;
  /** Mean share of the next 9 items among the asked films' 50 nearest (missing items are misses). */
  neighbourPrecision: number;
  /** Share of shown non-asked items that share a title word and are not among the 100 nearest. */
  titleWordNoise: number;
  /** Likewise for the words of the phrasing around the titles ("loved", "next", "vibes"). */
  fillerWordNoise: number;
  /** Mean share of the next 9 items related to an asked film by content (director, cast, keywords, genres). */
  contentRelevance: number;
  /** Mean number of items per answer. */
  meanItems: number;
}

/** Sums judgements into SideMetrics (noise is pooled over items, the rest averaged over answers). */
export class SideAccumulator {
  private answers = 0;
  private first = 0;
  private absent = 0;
  private relevant = 0;
  private related = 0;
  private others = 0;
  private titleNoise = 0;
  private fillerNoise = 0;
  private items = 0;

  add(judgement: AnswerJudgement): void {
    this.answers++;
    if (judgement.askedFirst) this.first++;
    if (!judgement.askedShown) this.absent++;
    this.relevant += judgement.relevantNext;
    this.related += judgement.contentNext;
    this.others += judgement.others;
    this.titleNoise += judgement.titleWordNoise;
    this.fillerNoise += judgement.fillerWordNoise;
    this.items += judgement.marks.length;
  }

  metrics(): SideMetrics {
    const share = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);
    return {
      answers: this.answers,
      askedFirst: share(this.first, this.answers),
      askedAbsent: share(this.absent, this.answers),
      neighbourPrecision: share(this.relevant, this.answers * NEXT_ITEMS),
      titleWordNoise: share(this.titleNoise, this.others),
      fillerWordNoise: share(this.fillerNoise, this.others),
      contentRelevance: share(this.related, this.answers * NEXT_ITEMS),
      meanItems: share(this.items, this.answers),
    };
  }
}
