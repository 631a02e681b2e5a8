import { buildCatalog } from "../catalog/build";

const force = process.argv.includes("--force");
try {
  await buildCatalog({ force, log: (line) => process.stdout.write(`${line}\n`) });
} catch (error) {
  process.stderr.write(`catalog:build failed: ${(error as Error).message}\n`);
  process.exit(1);
}
