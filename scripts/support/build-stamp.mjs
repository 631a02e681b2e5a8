/**
 * The build stamp: what `npm start` checks instead of hashing when nothing changed. After a
 * successful prepare (catalog bundle + app build), scripts/support/prepare-app.ts records every
 * file both builds depend on or produce with its size and modification time, the listing of every
 * source folder (so that a new or deleted file shows), paths that must stay absent (an earlier
 * data directory that would win if it appeared) and the environment values the builds read.
 * When all of it still holds, nothing is stale; when any of it differs, the prepare runs its full
 * check (content hashes), which rebuilds only what really changed and writes a new stamp — a
 * touched-but-unchanged file costs one hashing start, not a build.
 *
 * Plain JavaScript, node:fs only: scripts/start.mjs runs it before any TypeScript loader, which
 * is what keeps `npm start` cheap.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

const BUILD_STAMP = path.join(".next", "reelcast-build-stamp.json");
const STAMP_VERSION = 1;

/** [size, mtimeMs] of a file, or null when it does not exist. */
function fileStamp(file) {
  const stats = statSync(file, { throwIfNoEntry: false });
  return stats?.isFile() ? [stats.size, stats.mtimeMs] : null;
}

/**
 * Files under `entry` (a folder, or a single file) whose names end in one of `extensions`, as
 * sorted paths relative to `projectRoot`; [] when the entry does not exist.
 */
function listTree(projectRoot, entry, extensions) {
  const full = path.resolve(projectRoot, entry);
  const stats = statSync(full, { throwIfNoEntry: false });
  if (!stats) return [];
  if (stats.isFile()) return [path.relative(projectRoot, full)];
  const files = [];
  const walk = (directory) => {
    for (const dirent of readdirSync(directory, { withFileTypes: true })) {
      const child = path.join(directory, dirent.name);
      if (dirent.isDirectory()) walk(child);
      else if (extensions.some((extension) => dirent.name.endsWith(extension))) files.push(path.relative(projectRoot, child));
    }
  };
  walk(full);
  return files.sort();
}

/**
 * Records the current state of `inputs` ({ trees, files, absent, environment } with environment
 * a list of variable names): call it before the builds read their sources, so that a file edited
 * during a build leaves a stamp that no longer matches.
 */
export function captureStamp(projectRoot, inputs, environment = process.env) {
  const trees = inputs.trees.map(({ entry, extensions }) => ({ entry, extensions, files: listTree(projectRoot, entry, extensions) }));
  const files = {};
  for (const file of [...trees.flatMap((tree) => tree.files), ...inputs.files]) files[file] = fileStamp(path.resolve(projectRoot, file));
  return {
    version: STAMP_VERSION,
    trees,
    files,
    absent: [...inputs.absent],
    environment: Object.fromEntries(inputs.environment.map((name) => [name, environment[name] ?? null])),
  };
}

/** Adds files the builds produced (their stamps as they are now) to a captured stamp. */
export function withOutputs(projectRoot, stamp, outputs) {
  const files = { ...stamp.files };
  for (const file of outputs) files[file] = fileStamp(path.resolve(projectRoot, file));
  return { ...stamp, files };
}

export function writeStamp(projectRoot, stamp) {
  writeFileSync(path.resolve(projectRoot, BUILD_STAMP), `${JSON.stringify(stamp)}\n`);
}

/**
 * Whether the stamp written by the last prepare still describes the project: { current: true }
 * or { current: false, reason } naming the first difference found.
 */
export function checkStamp(projectRoot, environment = process.env) {
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(path.resolve(projectRoot, BUILD_STAMP), "utf8"));
  } catch {
    return { current: false, reason: "no build stamp" };
  }
  if (stamp?.version !== STAMP_VERSION) return { current: false, reason: "build stamp of another version" };
  for (const [name, value] of Object.entries(stamp.environment)) {
    if ((environment[name] ?? null) !== value) return { current: false, reason: `${name} changed` };
  }
  for (const file of stamp.absent) if (existsSync(path.resolve(projectRoot, file))) return { current: false, reason: `${file} appeared` };
  for (const tree of stamp.trees) {
    const files = listTree(projectRoot, tree.entry, tree.extensions);
    if (files.length !== tree.files.length || files.some((file, index) => file !== tree.files[index])) {
      return { current: false, reason: `files added or removed in ${tree.entry}` };
    }
  }
  for (const [file, recorded] of Object.entries(stamp.files)) {
    const now = fileStamp(path.resolve(projectRoot, file));
    const same = recorded === null || now === null ? recorded === now : now[0] === recorded[0] && now[1] === recorded[1];
    if (!same) return { current: false, reason: `${file} changed` };
  }
  return { current: true };
}
