/**
 * `npm run test:abuse [-- --write-docs]`: the abuse suite (tests/abuse/: bounded, loopback only,
 * ceilings lowered), then the figures its tests recorded as one table. `--write-docs` puts the
 * table into docs/RELIABILITY.md with the run's date, commit and machine; `npm test` runs the suite
 * without touching the docs.
 */
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { FIGURES_DIRECTORY, type AbuseFigure } from "../support/abuse-figures";
import { replaceMarkdownSection } from "./support/markdown-section";
import { nodeTestArguments } from "./support/node-test-arguments";
import { runCommand } from "./support/run-command";
import { describeRun, runContext } from "./support/run-context";

const files = readdirSync("tests/abuse")
  .filter((file) => file.endsWith(".test.ts"))
  .sort()
  .map((file) => path.join("tests/abuse", file));
rmSync(FIGURES_DIRECTORY, { recursive: true, force: true });
// Date, commit and machine of this run, read as it starts.
const run = runContext();
const code = await runCommand(process.execPath, nodeTestArguments(files));

const figures: AbuseFigure[] = existsSync(FIGURES_DIRECTORY)
  ? readdirSync(FIGURES_DIRECTORY)
      .filter((file) => file.endsWith(".json"))
      .sort()
      .map((file) => JSON.parse(readFileSync(path.join(FIGURES_DIRECTORY, file), "utf8")) as AbuseFigure)
  : [];
const cell = (text: string) => text.replace(/\|/g, "\\|");
const rows = figures.map((figure) => {
  const outcomes = Object.entries(figure.outcomes)
    .map(([outcome, count]) => `${outcome} × ${count}`)
    .join(", ");
  const durability = figure.acked === undefined ? "" : `${figure.acked} / ${figure.found ?? "?"}`;
  const measured = Object.entries(figure.measured ?? {})
    .map(([label, value]) => `${label}: ${value}`)
    .join("; ");
  return `| ${cell(figure.fault)} | ${figure.tried} | ${cell(outcomes)} | ${durability} | ${cell(measured)} |`;
});
const table = ["| Fault or abuse | Tried | Outcomes | Acked / found | Measured |", "|---|---:|---|---|---|", ...rows].join("\n");
process.stdout.write(`\n${table}\n`);

if (process.argv.includes("--write-docs")) {
  replaceMarkdownSection(
    "docs/RELIABILITY.md",
    "The abuse suite",
    [`\`npm run test:abuse -- --write-docs\` on ${describeRun(run)}; ${code === 0 ? "every assertion passed" : `the suite FAILED (exit ${code})`}.`, "", table].join("\n"),
  );
}
process.exit(code);
