/** Three DP rows, reused across calls: a fuzzy title lookup checks thousands of names at 1M titles. */
let rows = new Int32Array(3 * 64);

/**
 * Optimal-string-alignment distance (Damerau–Levenshtein with adjacent transpositions), bounded:
 * returns `maxDistance + 1` as soon as the distance must exceed it, which keeps fuzzy title
 * lookups cheap.
 */
export function editDistance(a: string, b: string, maxDistance = Infinity): number {
  if (Math.abs(a.length - b.length) > maxDistance) return maxDistance + 1;
  const width = b.length + 1;
  if (rows.length < 3 * width) rows = new Int32Array(3 * width * 2);
  // Rows i − 2, i − 1 and i of the table live at rotating offsets in `rows`.
  let previousPrevious = 0;
  let previous = width;
  let current = 2 * width;
  for (let j = 0; j < width; j += 1) rows[previous + j] = j;
  for (let i = 1; i <= a.length; i += 1) {
    rows[current] = i;
    let rowMinimum = i;
    const aCode = a.charCodeAt(i - 1);
    const aPrevious = i > 1 ? a.charCodeAt(i - 2) : -1;
    for (let j = 1; j < width; j += 1) {
      const bCode = b.charCodeAt(j - 1);
      const substitution = rows[previous + j - 1] + (aCode === bCode ? 0 : 1);
      let value = Math.min(rows[previous + j] + 1, rows[current + j - 1] + 1, substitution);
      if (i > 1 && j > 1 && aCode === b.charCodeAt(j - 2) && aPrevious === bCode) value = Math.min(value, rows[previousPrevious + j - 2] + 1);
      rows[current + j] = value;
      if (value < rowMinimum) rowMinimum = value;
    }
    if (rowMinimum > maxDistance) return maxDistance + 1;
    const recycled = previousPrevious;
    previousPrevious = previous;
    previous = current;
    current = recycled;
  }
  return rows[previous + b.length];
}
