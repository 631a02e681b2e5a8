import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { inflateRawSync } from "node:zlib";

/**
 * Extracts a zip archive held in memory into `targetDir` (stored and deflated entries, which is
 * what GroupLens ships). Reads the central directory, so data descriptors are handled. Refuses
 * entries that would escape `targetDir`.
 */
export function extractZip(archive: Buffer, targetDir: string): string[] {
  const endOfDirectory = archive.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (endOfDirectory < 0) throw new Error("not a zip archive: no end-of-central-directory record");
  const entryCount = archive.readUInt16LE(endOfDirectory + 10);
  let offset = archive.readUInt32LE(endOfDirectory + 16);
  const written: string[] = [];
  for (let entry = 0; entry < entryCount; entry += 1) {
    if (archive.readUInt32LE(offset) !== 0x02014b50) throw new Error(`corrupt zip: bad central directory entry ${entry}`);
    const method = archive.readUInt16LE(offset + 10);
    const compressedSize = archive.readUInt32LE(offset + 20);
    const nameLength = archive.readUInt16LE(offset + 28);
    const extraLength = archive.readUInt16LE(offset + 30);
    const commentLength = archive.readUInt16LE(offset + 32);
    const localHeader = archive.readUInt32LE(offset + 42);
    const name = archive.toString("utf8", offset + 46, offset + 46 + nameLength);
    offset += 46 + nameLength + extraLength + commentLength;

    const destination = path.resolve(targetDir, name);
    if (!destination.startsWith(path.resolve(targetDir) + path.sep)) throw new Error(`zip entry escapes the target directory: ${name}`);
    if (name.endsWith("/")) {
      mkdirSync(destination, { recursive: true });
      continue;
    }
    const dataStart = localHeader + 30 + archive.readUInt16LE(localHeader + 26) + archive.readUInt16LE(localHeader + 28);
    const data = archive.subarray(dataStart, dataStart + compressedSize);
    let content: Buffer;
    if (method === 0) content = Buffer.from(data);
    else if (method === 8) content = inflateRawSync(data);
    else throw new Error(`unsupported zip compression method ${method} for ${name}`);
    mkdirSync(path.dirname(destination), { recursive: true });
    writeFileSync(destination, content);
    written.push(destination);
  }
  return written;
}
