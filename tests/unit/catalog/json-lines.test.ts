import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";
import { readJsonLines, writeJsonLines } from "../../../catalog/json-lines";

const values = [
  { id: "ml:1", title: "Amélie", overview: "line one\nline two", cast: ["Audrey Tautou"] },
  { id: "tmdb:2", title: "千と千尋の神隠し", overview: null, cast: [] },
  { id: "ml:3", title: 'Emoji 🎬 "quoted"', overview: "tab\there", cast: ["A", "B"] },
  [1, 2, 3],
  "plain string",
];

test("JSON Lines round-trip: one value per line, line breaks in strings escaped, multi-byte text split across tiny chunks", () => {
  const directory = mkdtempSync(path.join(tmpdir(), "reelcast-jsonl-"));
  try {
    const file = path.join(directory, "items.jsonl");
    const bytes = writeJsonLines(file, values, 16);
    const text = readFileSync(file, "utf8");
    assert.equal(Buffer.byteLength(text), bytes);
    assert.equal(text.split("\n").length, values.length + 1, "one line per value and a final newline");
    // Chunk sizes that cut lines and multi-byte characters anywhere.
    for (const chunkBytes of [1, 3, 7, 64, 1 << 20]) assert.deepEqual(readJsonLines(file, chunkBytes), values, `chunk ${chunkBytes}`);
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
});

test("JSON Lines reader: CRLF, blank lines and a last line without a newline are read; a broken line is named", () => {
  const directory = mkdtempSync(path.join(tmpdir(), "reelcast-jsonl-"));
  try {
    const file = path.join(directory, "items.jsonl");
    writeFileSync(file, '{"a":1}\r\n\n{"b":"é"}\n{"c":3}');
    assert.deepEqual(readJsonLines(file, 5), [{ a: 1 }, { b: "é" }, { c: 3 }]);
    writeFileSync(file, '{"a":1}\n{"b":\n');
    assert.throws(() => readJsonLines(file), /line 2/);
    assert.throws(() => writeJsonLines(file, [undefined]), /does not serialise/);
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
});
