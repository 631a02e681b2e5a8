import type { DirectionWish } from "../reasoning/constraints";
import type { CandidateResources } from "../reasoning/gather-candidates";
import type { Engine } from "./engine";

/**
 * How far a reference's text vector moves per unit of a wish's amount along an axis (the axis
 * is unit(more-end seeds) − unit(less-end seeds), the item vectors unit length). At 0.5 the
 * nearest films to "Toy Story, darker" are The Iron Giant and Child's Play rather than Toy Story 2;
 * beyond ~1 the axis outweighs the film and the neighbours stop resembling it.
 */
const MOVE_STEP = 0.5;

/**
 * "Like X but darker": besides X's neighbours (fans, text), the films nearest to X's text vector
 * moved along the asked axes, so candidates exist that resemble X and already lean the asked way
 * (a darker animated film for Toy Story); the soft direction score then orders them with the
 * rest. Undefined without text vectors; an empty list for a film without text.
 */
export function movedNeighbours(engine: Pick<Engine, "textSearch" | "contentDirections">, exclude?: ReadonlySet<number>): CandidateResources["movedNeighbours"] {
  const search = engine.textSearch;
  const axes = engine.contentDirections.textAxes;
  if (!search || !axes) return undefined;
  return (itemIndex: number, directions: readonly DirectionWish[], limit: number) => {
    const query = Float32Array.from(search.itemVector(itemIndex));
    if (query.every((value) => value === 0)) return [];
    for (const { direction, towards, amount } of directions) {
      const step = (towards === "more" ? 1 : -1) * MOVE_STEP * amount;
      const axis = axes[direction];
      for (let column = 0; column < query.length; column += 1) query[column] += step * axis[column];
    }
    return search
      .searchVector(query, limit + 1, exclude)
      .map((hit) => hit.itemIndex)
      .filter((index) => index !== itemIndex)
      .slice(0, limit);
  };
}
