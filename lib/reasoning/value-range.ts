/**
 * Whether `value` lies in [from − widening, to + widening]; a null bound is open. The one range
 * test behind hard year and runtime checks (widened by relaxation), soft range scores and the
 * facts a card states, so a film "in range" means the same everywhere.
 */
export function inRange(value: number, from: number | null, to: number | null, widening = 0): boolean {
  return (from === null || value >= from - widening) && (to === null || value <= to + widening);
}
