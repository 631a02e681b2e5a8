import { createHash } from "node:crypto";
import { createReadStream, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

/** sha256 of a file, streamed so large sources do not sit in memory. */
export async function sha256File(filePath: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(filePath)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

/** Every source file below `directories` (relative to `root`), sorted, for a code fingerprint. */
function sourceFiles(root: string, directories: readonly string[], extensions: readonly string[]): string[] {
  const files: string[] = [];
  const walk = (directory: string) => {
    let entries: string[];
    try {
      entries = readdirSync(directory);
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = path.join(directory, entry);
      const stats = statSync(full);
      if (stats.isDirectory()) walk(full);
      else if (extensions.some((extension) => entry.endsWith(extension))) files.push(full);
    }
  };
  for (const directory of directories) {
    const full = path.join(root, directory);
    if (statSync(full, { throwIfNoEntry: false })?.isFile()) files.push(full);
    else walk(full);
  }
  return files.sort();
}

/** Fingerprint of the code that shapes a bundle: a change in it invalidates reuse. */
export function codeFingerprint(root: string, directories: readonly string[], extensions: readonly string[] = [".ts"]): string {
  const hash = createHash("sha256");
  for (const file of sourceFiles(root, directories, extensions)) {
    hash.update(path.relative(root, file));
    hash.update(readFileSync(file));
  }
  return hash.digest("hex");
}
