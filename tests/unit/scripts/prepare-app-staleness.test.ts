import assert from "node:assert/strict";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";
import { candidateDataDirs, findDataLocation } from "../../../catalog/data-dir";
import { LEAN_API_BUNDLE } from "../../../scripts/support/build-lean-api";
import { prepareApp } from "../../../scripts/support/prepare-app";

const source = findDataLocation(candidateDataDirs(process.cwd()));

/**
 * A tiny project (a few app and bundle-code files, 2,000 MovieLens ratings) prepared with the
 * real stamp, build-key and app-fingerprint decisions and stand-in build steps that only write
 * their outputs, so that each case shows what would be rebuilt.
 */
function tinyProject(work: string) {
  const root = path.join(work, "project");
  const files: Record<string, string> = {
    "app/page.tsx": "export default function Page() { return null; }\n",
    "components/card.tsx": "export const Card = () => null;\n",
    "lib/catalog/item.ts": "export type Item = { title: string };\n",
    "catalog/code.ts": "export const stage = 1;\n",
    "package-lock.json": "{}\n",
  };
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  const dataDir = path.join(work, "raw", "ml-latest-small");
  mkdirSync(dataDir, { recursive: true });
  for (const file of ["movies.csv", "tags.csv", "links.csv"]) copyFileSync(path.join(source!.movieLensDir, file), path.join(dataDir, file));
  const ratings = readFileSync(path.join(source!.movieLensDir, "ratings.csv"), "utf8").split("\r\n").slice(0, 2001);
  writeFileSync(path.join(dataDir, "ratings.csv"), `${ratings.join("\r\n")}\r\n`);

  const environment = { REELCAST_DATA_DIR: path.join(work, "raw"), REELCAST_CATALOG_DIR: path.join(work, "catalog") };
  const builds = { next: 0, leanApi: 0, catalog: 0 };
  const prepare = async () => {
    const lines: string[] = [];
    const before = { ...builds };
    await prepareApp(root, {
      environment,
      stages: [],
      log: (line) => lines.push(line),
      build: {
        next: async () => {
          builds.next++;
          mkdirSync(path.join(root, ".next"), { recursive: true });
          writeFileSync(path.join(root, ".next", "BUILD_ID"), `build ${builds.next}\n`);
        },
        leanApi: async () => {
          builds.leanApi++;
          writeFileSync(path.join(root, LEAN_API_BUNDLE), `// lean ${builds.leanApi}\n`);
        },
      },
    });
    if (lines.some((line) => line.startsWith("Catalog ") && !line.includes("up to date"))) builds.catalog++;
    return {
      stampHeld: lines.some((line) => line.includes("(build stamp)")),
      rebuilt: { next: builds.next - before.next, catalog: builds.catalog - before.catalog },
    };
  };
  const touch = (file: string) => {
    const time = new Date(Date.now() + 60_000);
    utimesSync(path.join(root, file), time, time);
  };
  return { root, dataDir, prepare, touch };
}

test("staleness: the stamp skips everything when nothing changed; content decides what a touched, changed, new or deleted file rebuilds", { skip: !source && "no MovieLens data" }, async (context) => {
  const work = mkdtempSync(path.join(tmpdir(), "reelcast-prepare-"));
  context.after(() => rmSync(work, { recursive: true, force: true }));
  const project = tinyProject(work);
  const nothing = { next: 0, catalog: 0 };

  assert.deepEqual(await project.prepare(), { stampHeld: false, rebuilt: { next: 1, catalog: 1 } }, "first start builds both");
  assert.deepEqual(await project.prepare(), { stampHeld: true, rebuilt: nothing }, "nothing changed: the stamp holds");

  project.touch("components/card.tsx");
  assert.deepEqual(await project.prepare(), { stampHeld: false, rebuilt: nothing }, "touched but unchanged: hashes say fresh, nothing rebuilt");
  assert.deepEqual(await project.prepare(), { stampHeld: true, rebuilt: nothing }, "… and the new stamp holds again");

  writeFileSync(path.join(project.root, "app/page.tsx"), "export default function Page() { return 'changed'; }\n");
  assert.deepEqual(await project.prepare(), { stampHeld: false, rebuilt: { next: 1, catalog: 0 } }, "a changed app file rebuilds the app only");

  writeFileSync(path.join(project.root, "components/new-card.tsx"), "export const NewCard = () => null;\n");
  assert.deepEqual(await project.prepare(), { stampHeld: false, rebuilt: { next: 1, catalog: 0 } }, "a new app file rebuilds the app");

  unlinkSync(path.join(project.root, "components/new-card.tsx"));
  assert.deepEqual(await project.prepare(), { stampHeld: false, rebuilt: { next: 1, catalog: 0 } }, "a deleted app file rebuilds the app");

  writeFileSync(path.join(project.root, "lib/catalog/item.ts"), "export type Item = { title: string; year: number };\n");
  assert.deepEqual(await project.prepare(), { stampHeld: false, rebuilt: { next: 1, catalog: 1 } }, "changed bundle code rebuilds both");

  writeFileSync(path.join(project.root, "lib/catalog/extra.ts"), "export const extra = 1;\n");
  assert.deepEqual(await project.prepare(), { stampHeld: false, rebuilt: { next: 1, catalog: 1 } }, "new bundle code rebuilds both");

  project.touch("../raw/ml-latest-small/tags.csv");
  assert.deepEqual(await project.prepare(), { stampHeld: false, rebuilt: nothing }, "a touched data file: same content, nothing rebuilt");

  const ratings = path.join(project.dataDir, "ratings.csv");
  writeFileSync(ratings, readFileSync(ratings, "utf8").split("\r\n").slice(0, 1501).join("\r\n") + "\r\n");
  assert.deepEqual(await project.prepare(), { stampHeld: false, rebuilt: { next: 0, catalog: 1 } }, "changed data rebuilds the catalog only");

  unlinkSync(path.join(project.root, LEAN_API_BUNDLE));
  assert.equal((await project.prepare()).stampHeld, false, "a missing build output breaks the stamp");
  assert.deepEqual(await project.prepare(), { stampHeld: true, rebuilt: nothing });
});
