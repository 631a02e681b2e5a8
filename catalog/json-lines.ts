import { closeSync, openSync, readSync, writeSync } from "node:fs";

/** Bytes gathered before each write: large enough for few system calls, far below V8's string limit. */
const WRITE_CHUNK_BYTES = 4 * 1024 * 1024;
const READ_CHUNK_BYTES = 4 * 1024 * 1024;
const NEWLINE = 0x0a;

/**
 * Writes values as JSON Lines (one `JSON.stringify(value)` per line), in chunks of a few MB.
 * One JSON document for the whole list would be a single string, and V8 strings stop at
 * 2^29 − 24 characters (~512 Mi): at ~560 bytes per item that is ~0.95M catalog items.
 * JSON.stringify escapes line breaks inside strings, so every value stays on one line.
 * @param chunkBytes characters gathered per write (default 4 Mi; small values in tests)
 * @returns the number of bytes written
 * @throws when a value does not serialise (undefined, a function) or the file cannot be written
 */
export function writeJsonLines(filePath: string, values: Iterable<unknown>, chunkBytes = WRITE_CHUNK_BYTES): number {
  const descriptor = openSync(filePath, "w");
  let bytes = 0;
  try {
    let pending: string[] = [];
    let pendingLength = 0;
    const flush = () => {
      if (pending.length === 0) return;
      const buffer = Buffer.from(pending.join(""), "utf8");
      for (let offset = 0; offset < buffer.length;) offset += writeSync(descriptor, buffer, offset, buffer.length - offset);
      bytes += buffer.length;
      pending = [];
      pendingLength = 0;
    };
    let position = 0;
    for (const value of values) {
      const line = JSON.stringify(value);
      if (typeof line !== "string") throw new TypeError(`writeJsonLines: value ${position} does not serialise to JSON`);
      pending.push(line, "\n");
      // Characters, not bytes: a cheap bound that keeps each chunk a few MB either way.
      pendingLength += line.length + 1;
      if (pendingLength >= chunkBytes) flush();
      position += 1;
    }
    flush();
  } finally {
    closeSync(descriptor);
  }
  return bytes;
}

/**
 * Reads a JSON Lines file value by value, in chunks of a few MB, never holding the whole file as
 * one string (see writeJsonLines). Blank lines are skipped; a final line without a newline counts.
 * Lines are split on the newline byte, which never occurs inside a multi-byte UTF-8 sequence, so
 * only whole lines are decoded.
 * @param chunkBytes bytes read per call (default 4 Mi; small values in tests)
 * @throws SyntaxError naming the line number when a line is not valid JSON
 */
export function readJsonLines(filePath: string, chunkBytes = READ_CHUNK_BYTES): unknown[] {
  const values: unknown[] = [];
  const descriptor = openSync(filePath, "r");
  let lineNumber = 0;
  const parseLine = (buffer: Buffer, start: number, end: number) => {
    lineNumber += 1;
    if (end > start && buffer[end - 1] === 0x0d) end -= 1;
    if (end <= start) return;
    const text = buffer.toString("utf8", start, end);
    try {
      values.push(JSON.parse(text));
    } catch (error) {
      throw new SyntaxError(`${filePath} line ${lineNumber}: ${(error as Error).message}`);
    }
  };
  try {
    let carry: Buffer = Buffer.alloc(0);
    const chunk = Buffer.allocUnsafe(chunkBytes);
    for (;;) {
      const read = readSync(descriptor, chunk, 0, chunk.length, null);
      if (read === 0) break;
      const buffer: Buffer = carry.length > 0 ? Buffer.concat([carry, chunk.subarray(0, read)]) : chunk.subarray(0, read);
      let start = 0;
      for (let newline = buffer.indexOf(NEWLINE, start); newline !== -1; newline = buffer.indexOf(NEWLINE, start)) {
        parseLine(buffer, start, newline);
        start = newline + 1;
      }
      // Copy the unfinished line: `chunk` is overwritten by the next read.
      carry = Buffer.from(buffer.subarray(start));
    }
    if (carry.length > 0) parseLine(carry, 0, carry.length);
  } finally {
    closeSync(descriptor);
  }
  return values;
}
