/**
 * `npm start`'s slow path (scripts/start.mjs runs it when the build stamp no longer holds):
 * builds the catalog bundle and the app if their sources really changed (content hashes), and
 * writes a new stamp either way.
 */
import { prepareApp } from "./support/prepare-app";

try {
  await prepareApp();
} catch (error) {
  process.stderr.write(`start failed: ${(error as Error).message}\n`);
  process.exit(1);
}
