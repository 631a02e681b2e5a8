// The room table of docs/ARCHITECTURE.md as lint rules: which folder may import which.
// eslint.config.mjs turns it into one `@typescript-eslint/no-restricted-imports` block per source
// directory, whose patterns name every room that directory may not import, written as the
// relative paths it would use (so "../catalog" from lib/pipeline is lib/catalog, and
// "../../catalog" is the catalog build).
import { readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.dirname(fileURLToPath(import.meta.url));

/** Folders every lib/ room may import: they import nothing of the project's themselves. */
const LEAVES = ["lib/catalog", "lib/errors", "lib/hash", "lib/text"];

/** Every room, by the folder that holds it; a subfolder belongs to the room above it. */
const ROOM_FOLDERS = [
  "app",
  "components",
  "lib/ai",
  "lib/bandit",
  "lib/catalog",
  "lib/chat",
  "lib/errors",
  "lib/evaluation",
  "lib/hash",
  "lib/language",
  "lib/metrics",
  "lib/narration",
  "lib/pacing",
  "lib/pipeline",
  "lib/reasoning",
  "lib/retrieval",
  "lib/server",
  "lib/store",
  "lib/text",
  "router",
  "catalog",
  "support",
  "scripts",
  "tests",
];

const ALL_LIB = ROOM_FOLDERS.filter((room) => room.startsWith("lib/"));

/**
 * room → what it may import. `may`: anything; `types`: type-only imports (`import type`, or
 * `import { type X }` with every name a type); `files`: single files of a room otherwise closed
 * to it. A room not named is closed. Root files (proxy.ts, next.config.ts, …) are the room ".".
 */
const ROOMS = {
  ".": { may: ["lib/server", ...LEAVES] },
  app: { may: ["components", "lib/ai", "lib/chat", "lib/metrics", "lib/narration", "lib/pipeline", "lib/server", ...LEAVES] },
  components: { may: ["lib/chat"], types: ALL_LIB, files: { "lib/narration": ["speech-text"] } },
  "lib/server": { may: [...ALL_LIB, "router", "catalog"] },
  "lib/pipeline": { may: ["router", "lib/ai", "lib/bandit", "lib/language", "lib/pacing", "lib/reasoning", "lib/retrieval", ...LEAVES], types: ["lib/store", "lib/metrics", "catalog"] },
  "lib/chat": { may: ["lib/pipeline", "lib/ai", "lib/bandit", "lib/language", "lib/reasoning", "lib/store", "router", ...LEAVES] },
  router: { may: ["lib/language"], types: ["lib/catalog"] },
  "lib/language": { may: ["lib/retrieval", ...LEAVES] },
  "lib/retrieval": { may: LEAVES },
  "lib/reasoning": { may: ["lib/ai", "lib/language", "lib/retrieval", ...LEAVES] },
  "lib/bandit": { may: LEAVES },
  "lib/evaluation": { may: ["lib/bandit", ...LEAVES] },
  "lib/pacing": { may: LEAVES, types: ["lib/store"] },
  "lib/metrics": { may: ["lib/pacing", "lib/pipeline", ...LEAVES], types: ["lib/store"] },
  "lib/ai": { may: LEAVES },
  "lib/narration": { may: ["lib/ai", "router", ...LEAVES] },
  "lib/store": { may: LEAVES },
  "lib/catalog": { may: [] },
  "lib/errors": { may: [] },
  "lib/hash": { may: [] },
  "lib/text": { may: [] },
  catalog: { may: ["lib/ai", "lib/retrieval", ...LEAVES] },
  support: { may: [...ALL_LIB, "router", "catalog"] },
  scripts: { may: [...ALL_LIB, "router", "catalog", "support"] },
  tests: { may: [...ROOM_FOLDERS, "."] },
};

/**
 * Folders imported only through their index.ts from outside (the index names the public
 * surface); inside, files import their siblings directly.
 */
const INDEX_ONLY = ["lib/ai", "lib/pacing", "lib/text"];

const SKIPPED = new Set(["node_modules", ".next", ".data", "data", "test-results", ".git", "docs", "public"]);

function roomOf(directory) {
  if (directory === ".") return ".";
  return ROOM_FOLDERS.find((room) => directory === room || directory.startsWith(`${room}/`)) ?? null;
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The import path a file in `from` uses for `to`: "../ai", "../../lib/store", "./lib/server". */
function relativeImport(from, to) {
  const relative = path.posix.relative(from, to);
  return relative.startsWith(".") ? relative : `./${relative}`;
}

function sourceDirectories(directory = ".") {
  const entries = readdirSync(path.join(ROOT, directory), { withFileTypes: true });
  const here = entries.some((entry) => entry.isFile() && /\.(ts|tsx|mts|mjs)$/.test(entry.name)) ? [directory] : [];
  const below = entries.filter((entry) => entry.isDirectory() && !SKIPPED.has(entry.name) && !entry.name.startsWith(".")).flatMap((entry) => sourceDirectories(path.posix.join(directory, entry.name)));
  return [...here, ...below];
}

function patternsFor(directory) {
  const room = roomOf(directory);
  const rules = ROOMS[room];
  const patterns = [];
  for (const other of [...ROOM_FOLDERS, "."]) {
    if (other === room || other === "." || rules.may.includes(other)) continue;
    const prefix = escapeRegExp(relativeImport(directory, other));
    const allowedFiles = rules.files?.[other] ?? [];
    const except = allowedFiles.length > 0 ? `(?!/(?:${allowedFiles.map(escapeRegExp).join("|")})$)` : "";
    const typesAllowed = rules.types?.includes(other) ?? false;
    patterns.push({
      regex: `^${prefix}${except}(/.*)?$`,
      caseSensitive: true,
      allowTypeImports: typesAllowed,
      message: `${room === "." ? "Root files" : `${room}/`} may not import ${other}/${typesAllowed ? " except for types" : ""} (docs/ARCHITECTURE.md, Rooms).`,
    });
  }
  for (const folder of INDEX_ONLY) {
    if (folder === room) continue;
    patterns.push({
      regex: `^${escapeRegExp(relativeImport(directory, folder))}/.+$`,
      caseSensitive: true,
      message: `Import ${folder} through its index ("${relativeImport(directory, folder)}"), not by inner path (docs/ARCHITECTURE.md, Folder indexes).`,
    });
  }
  return patterns;
}

/** One flat-config block per source directory that holds files. */
export function roomConfigs() {
  return sourceDirectories()
    .filter((directory) => roomOf(directory) !== null)
    .map((directory) => ({
      files: [directory === "." ? "*.{ts,tsx,mts,mjs}" : `${directory}/*.{ts,tsx,mts,mjs}`],
      rules: { "@typescript-eslint/no-restricted-imports": ["error", { patterns: patternsFor(directory) }] },
    }));
}
