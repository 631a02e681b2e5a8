import type { RejectedRows } from "../lib/catalog/manifest";

/**
 * Counts malformed source rows by file and reason so the build can skip them and still report
 * exactly what it dropped. Keeps a few examples per reason for the manifest.
 */
export class RejectedRowCounter {
  private readonly byKey = new Map<string, RejectedRows>();

  reject(file: string, reason: string, example: string): void {
    const key = `${file}\u0000${reason}`;
    const entry = this.byKey.get(key) ?? { file, reason, count: 0, examples: [] };
    entry.count += 1;
    if (entry.examples.length < 3) entry.examples.push(example.slice(0, 200));
    this.byKey.set(key, entry);
  }

  total(): number {
    let sum = 0;
    for (const entry of this.byKey.values()) sum += entry.count;
    return sum;
  }

  list(): RejectedRows[] {
    return [...this.byKey.values()].sort((a, b) => b.count - a.count);
  }
}
