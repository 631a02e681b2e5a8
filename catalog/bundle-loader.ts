import type { Environment } from "../lib/catalog/catalog";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { indexItems, type Catalog } from "../lib/catalog/catalog";
import { itemSchema } from "../lib/catalog/item";
import { BUNDLE_SCHEMA_VERSION, manifestSchema } from "../lib/catalog/manifest";
import { BUNDLE_FILES, readInteractions } from "./bundle-files";

/** Where bundles live: `REELCAST_CATALOG_DIR`, or .data/ under the project root. */
export function catalogRoot(projectRoot = process.cwd(), environment: Environment = process.env): string {
  return path.resolve(/*turbopackIgnore: true*/ projectRoot, environment.REELCAST_CATALOG_DIR ?? ".data");
}

/** The pointer file naming the bundle to serve. */
export const currentPointer = (root: string) => path.join(/*turbopackIgnore: true*/ root, "current");

/** Directory of the bundle the pointer names, or null when no bundle has been built. */
export function currentBundleDir(root: string): string | null {
  const pointer = currentPointer(root);
  if (!existsSync(pointer)) return null;
  const bundleDir = path.join(/*turbopackIgnore: true*/ root, "bundles", readFileSync(pointer, "utf8").trim());
  return existsSync(path.join(/*turbopackIgnore: true*/ bundleDir, BUNDLE_FILES.manifest)) ? bundleDir : null;
}

export class CatalogMissingError extends Error {
  constructor(root: string) {
    super(`No catalog bundle in ${root}. Run \`npm run catalog:build\` first (or \`npm start\`, which builds it when missing).`);
    this.name = "CatalogMissingError";
  }
}

/** Loads a bundle directory into memory, validating the manifest and the items. */
export function loadBundle(bundleDir: string): Catalog {
  const rawManifest = JSON.parse(readFileSync(path.join(/*turbopackIgnore: true*/ bundleDir, BUNDLE_FILES.manifest), "utf8"));
  if (rawManifest?.schemaVersion !== BUNDLE_SCHEMA_VERSION) {
    throw new Error(
      `Catalog bundle ${bundleDir} has schema version ${rawManifest?.schemaVersion}, this code reads ${BUNDLE_SCHEMA_VERSION}. Run \`npm run catalog:build\`.`,
    );
  }
  const manifest = manifestSchema.parse(rawManifest);
  const items = z.array(itemSchema).parse(JSON.parse(readFileSync(path.join(/*turbopackIgnore: true*/ bundleDir, BUNDLE_FILES.items), "utf8")));
  return { manifest, items, indexOf: indexItems(items), interactions: readInteractions(bundleDir), bundleDir };
}

/** Loads the current bundle under `root`; throws CatalogMissingError when there is none. */
export function loadCurrentCatalog(root = catalogRoot()): Catalog {
  const bundleDir = currentBundleDir(root);
  if (!bundleDir) throw new CatalogMissingError(root);
  return loadBundle(bundleDir);
}
