import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test, type TestContext } from "node:test";
import { deflateRawSync } from "node:zlib";
import { extractZip } from "../../../catalog/zip-extract";
import { downloadMovieLens } from "../../../catalog/data-dir";

/** A minimal zip writer (deflate, central directory) so the extractor meets a real layout. */
function makeZip(files: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const data = deflateRawSync(Buffer.from(text));
    const nameBytes = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(text.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(text.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** A fresh directory that is removed when the test ends. */
function temporaryTarget(context: TestContext, prefix: string): string {
  const target = mkdtempSync(path.join(tmpdir(), prefix));
  context.after(() => rmSync(target, { recursive: true, force: true }));
  return target;
}

test("extracts deflated entries into nested folders", (context) => {
  const target = temporaryTarget(context, "reelcast-zip-");
  extractZip(makeZip({ "ml-latest-small/movies.csv": "movieId,title,genres\n1,Toy Story (1995),Comedy\n" }), target);
  assert.match(readFileSync(path.join(target, "ml-latest-small", "movies.csv"), "utf8"), /Toy Story/);
});

test("refuses entries that escape the target", (context) => {
  const target = temporaryTarget(context, "reelcast-zip-");
  assert.throws(() => extractZip(makeZip({ "../evil.txt": "x" }), target), /escapes/);
});

test("a failed MovieLens download names the directory and the variable", async (context) => {
  const target = temporaryTarget(context, "reelcast-dl-");
  await assert.rejects(
    downloadMovieLens(target, () => {}, "http://127.0.0.1:9/ml-latest-small.zip"),
    (error: Error) => {
      assert.match(error.message, /Could not download MovieLens/);
      assert.ok(error.message.includes(target));
      assert.match(error.message, /REELCAST_DATA_DIR/);
      return true;
    },
  );
});
