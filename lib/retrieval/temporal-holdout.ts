/**
 * Leave-last-out per user: each user's most recent `fraction` of rows (at least one, ties broken
 * by row order) is held out. Returns a mask over rows, 1 = held out. Rows are expected grouped by
 * user; within a user the latest timestamps are held out whatever the row order.
 * Throws when `fraction` is outside (0, 1).
 */
export function temporalHoldoutMask(users: Int32Array, timestamps: Int32Array, fraction: number, include?: Uint8Array): Uint8Array {
  if (!(fraction > 0 && fraction < 1)) throw new Error(`temporalHoldoutMask: fraction must be in (0, 1), got ${fraction}`);
  const heldOut = new Uint8Array(users.length);
  let start = 0;
  while (start < users.length) {
    let end = start;
    while (end < users.length && users[end] === users[start]) end += 1;
    const rows: number[] = [];
    for (let row = start; row < end; row += 1) if (!include || include[row]) rows.push(row);
    rows.sort((a, b) => timestamps[a] - timestamps[b] || a - b);
    const count = Math.max(1, Math.ceil(rows.length * fraction));
    if (rows.length > 1) for (const row of rows.slice(rows.length - count)) heldOut[row] = 1;
    start = end;
  }
  return heldOut;
}
