import { existsSync, readFileSync, writeFileSync } from "node:fs";

/**
 * Replaces the `## heading` section of a markdown file (up to the next `## ` heading) with
 * `body`, or appends it when absent, leaving every other section as it was. Several scripts
 * write their own sections of docs/EVALUATION.md and docs/BENCHMARKS.md this way.
 */
export function replaceMarkdownSection(file: string, heading: string, body: string): void {
  const title = `## ${heading}`;
  const section = `${title}\n\n${body.trim()}\n`;
  const text = existsSync(file) ? readFileSync(file, "utf8") : "";
  const lines = text.split("\n");
  const start = lines.findIndex((line) => line.trim() === title);
  if (start === -1) {
    writeFileSync(file, `${text.replace(/\s*$/, "")}\n\n${section}`);
    return;
  }
  let end = lines.findIndex((line, index) => index > start && line.startsWith("## "));
  if (end === -1) end = lines.length;
  const before = lines.slice(0, start).join("\n").replace(/\s*$/, "");
  const after = lines.slice(end).join("\n");
  writeFileSync(file, `${before}\n\n${section}${after ? `\n${after}` : ""}`);
}
