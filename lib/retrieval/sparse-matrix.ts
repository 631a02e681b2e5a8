/**
 * Compressed sparse rows: row r holds columns `columns[rowStarts[r] .. rowStarts[r + 1])` with
 * the matching `values`. Used for user × item feedback (and its transpose).
 */
export interface SparseMatrix {
  rowCount: number;
  columnCount: number;
  rowStarts: Int32Array;
  columns: Int32Array;
  values: Float32Array;
}

/**
 * Builds a CSR matrix from coordinate triples. Duplicate (row, column) pairs are kept as separate
 * entries (the models treat them additively), and columns stay in input order within a row.
 * Throws when a coordinate is out of range.
 */
export function sparseFromTriples(rowCount: number, columnCount: number, rows: ArrayLike<number>, columns: ArrayLike<number>, values: ArrayLike<number>): SparseMatrix {
  const rowStarts = new Int32Array(rowCount + 1);
  for (let entry = 0; entry < rows.length; entry += 1) {
    const row = rows[entry];
    const column = columns[entry];
    if (row < 0 || row >= rowCount || column < 0 || column >= columnCount) {
      throw new Error(`sparseFromTriples: entry ${entry} (${row}, ${column}) outside ${rowCount} × ${columnCount}`);
    }
    rowStarts[row + 1] += 1;
  }
  for (let row = 0; row < rowCount; row += 1) rowStarts[row + 1] += rowStarts[row];
  const cursor = rowStarts.slice(0, rowCount);
  const outColumns = new Int32Array(rows.length);
  const outValues = new Float32Array(rows.length);
  for (let entry = 0; entry < rows.length; entry += 1) {
    const position = cursor[rows[entry]]++;
    outColumns[position] = columns[entry];
    outValues[position] = values[entry];
  }
  return { rowCount, columnCount, rowStarts, columns: outColumns, values: outValues };
}

/** The transpose (item × user from user × item). */
export function transposeSparse(matrix: SparseMatrix): SparseMatrix {
  const rows = new Int32Array(matrix.columns.length);
  for (let row = 0; row < matrix.rowCount; row += 1) {
    for (let entry = matrix.rowStarts[row]; entry < matrix.rowStarts[row + 1]; entry += 1) rows[entry] = row;
  }
  return sparseFromTriples(matrix.columnCount, matrix.rowCount, matrix.columns, rows, matrix.values);
}
