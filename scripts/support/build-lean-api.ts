import { copyFileSync } from "node:fs";
import path from "node:path";
import { SERVER_EXTERNAL_PACKAGES } from "../../lib/server/server-external-packages";

/**
 * Where the lean API bundle goes: beside the Next build it serves in front of, so that whatever
 * rebuilds or removes one does the same to the other. scripts/serve.mjs loads it from here.
 */
export const LEAN_API_BUNDLE = path.join(".next", "reelcast-lean-api.mjs");

/**
 * Bundles lib/server/lean-api.ts (TypeScript, like the rest of the pipeline) into one ES module
 * that plain-JavaScript scripts/serve.mjs can import without a TypeScript loader: esbuild, which
 * tsx already brings, in well under a second. The packages Next keeps external stay external
 * here too (native addons, and the one rate-limiter-flexible module the cluster's counters need).
 * Node's `require` is provided for the CommonJS packages inside the bundle, and the MiniLM worker
 * file is copied beside it, where its `new URL("./minilm-worker.mjs", import.meta.url)` looks.
 */
export async function buildLeanApi(projectRoot = process.cwd(), outfile = path.join(projectRoot, LEAN_API_BUNDLE)): Promise<void> {
  // Loaded here, not at the top: `npm start` imports this module on every start, and builds rarely.
  const { build } = await import("esbuild");
  await build({
    absWorkingDir: projectRoot,
    entryPoints: [path.join(projectRoot, "lib", "server", "lean-api.ts")],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    external: SERVER_EXTERNAL_PACKAGES,
    banner: { js: 'import { createRequire as reelcastCreateRequire } from "node:module";\nconst require = reelcastCreateRequire(import.meta.url);' },
    logLevel: "warning",
    legalComments: "none",
  });
  copyFileSync(path.join(projectRoot, "lib", "ai", "minilm-worker.mjs"), path.join(path.dirname(outfile), "minilm-worker.mjs"));
}
