/** "years 1990–1999", "year 1994", "from 1990", "up to 1999": a hard year constraint's label. */
export function yearLabel(from: number | null, to: number | null): string {
  if (from !== null && to !== null) return from === to ? `year ${from}` : `years ${from}–${to}`;
  return from !== null ? `from ${from}` : `up to ${to}`;
}

/** "1990–1999", "1994", "from 1990", "up to 1999": a year range in a relaxation message. */
export function rangeText(from: number | null, to: number | null): string {
  if (from !== null && to !== null) return from === to ? `${from}` : `${from}–${to}`;
  return from !== null ? `from ${from}` : `up to ${to}`;
}

/** "runtime 80–100 min", "runtime ≥ 80 min", "runtime ≤ 90 min": a hard runtime constraint's label. */
export function runtimeLabel(min: number | null, max: number | null): string {
  if (min !== null && max !== null) return `runtime ${min}–${max} min`;
  return min !== null ? `runtime ≥ ${min} min` : `runtime ≤ ${max} min`;
}
