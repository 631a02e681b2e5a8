import type { ConstraintsInput } from "../../lib/reasoning/constraints";
import { expect, merge } from "./expected";
import { decadeBounds, type GenreForm, type RuntimeBound, type RuntimePosition, type YearBound, type YearPosition } from "./slots";
import type { Rendered } from "./suite-types";

/** Helpers the templates of every language share. */

export const rendered = (text: string, ...parts: ConstraintsInput[]): Rendered => ({ text, expected: merge(...parts) });

/** The genre a form names, or nothing for a generic head ("movies"). */
export const genreOf = (form: GenreForm): ConstraintsInput => (form.genre ? expect.genre(form.genre) : {});

/** Two forms naming two different genres (a negation needs a genre to keep and another to drop). */
export const two = (first: GenreForm, second: GenreForm): boolean => first.genre !== null && second.genre !== null && first.genre !== second.genre;

/** A year bound where it can stand, with the genre; null where the phrase does not fit. */
export function yearPhrase(bound: YearBound, year: number, position: YearPosition, genre: GenreForm | null, text: string): Rendered | null {
  return bound.positions.includes(position) ? rendered(text, genre ? genreOf(genre) : {}, expect.years(bound.bounds(year))) : null;
}

/** A closed year range (both ends included); null unless first < last. */
export function yearSpan(first: number, last: number, genre: GenreForm, text: string): Rendered | null {
  return first < last ? rendered(text, genreOf(genre), expect.years({ from: first, to: last })) : null;
}

/** A runtime bound where it can stand, with the genre; null where the phrase does not fit. */
export function runtimePhrase(bound: RuntimeBound, minutes: number, position: RuntimePosition, genre: GenreForm | null, text: string): Rendered | null {
  return bound.positions.includes(position) ? rendered(text, genre ? genreOf(genre) : {}, expect.runtime(bound.bounds(minutes))) : null;
}

/** A closed runtime range (both ends included); null unless shorter < longer. */
export function runtimeSpan(shorter: number, longer: number, genre: GenreForm, text: string): Rendered | null {
  return shorter < longer ? rendered(text, genreOf(genre), expect.runtime({ min: shorter, max: longer })) : null;
}

/** A genre kept and another dropped ("thrillers that aren't horror"); null unless they differ. */
export function excluding(kept: GenreForm, dropped: GenreForm, text: string): Rendered | null {
  return two(kept, dropped) ? rendered(text, genreOf(kept), expect.notGenre(dropped.genre!)) : null;
}

/** Every year of a decade, as a hard year constraint. */
export const decadeYears = (decade: { decade: number }): ConstraintsInput => expect.years(decadeBounds(decade.decade));
