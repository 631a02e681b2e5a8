import type { Environment } from "../lib/catalog/catalog";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { indexItems, type Catalog } from "../lib/catalog/catalog";
import { itemSchema, type Item } from "../lib/catalog/item";
import { BUNDLE_SCHEMA_VERSION, manifestSchema } from "../lib/catalog/manifest";
import { BUNDLE_FILES, readInteractions } from "./bundle-files";
import { readJsonLines } from "./json-lines";
import { brandErrorClass, isBrandedInstance } from "../lib/errors/error-brand";

/** Where bundles live: `REELCAST_CATALOG_DIR`, or .data/ under the project root. */
export function catalogRoot(projectRoot = process.cwd(), environment: Environment = process.env): string {
  return path.resolve(/*turbopackIgnore: true*/ projectRoot, environment.REELCAST_CATALOG_DIR ?? ".data");
}

/** The pointer file naming the bundle to serve. */
export const currentPointer = (root: string) => path.join(/*turbopackIgnore: true*/ root, "current");

/** Directory of the bundle the pointer names, or null when no bundle has been built. */
function currentBundleDir(root: string): string | null {
  const pointer = currentPointer(root);
  if (!existsSync(pointer)) return null;
  const bundleDir = path.join(/*turbopackIgnore: true*/ root, "bundles", readFileSync(pointer, "utf8").trim());
  return existsSync(path.join(/*turbopackIgnore: true*/ bundleDir, BUNDLE_FILES.manifest)) ? bundleDir : null;
}

export class CatalogMissingError extends Error {
  /** Answers across bundles: the engine's loader may be another bundle's (lib/errors/error-brand.ts). */
  static [Symbol.hasInstance](value: unknown): boolean {
    return isBrandedInstance(this, value);
  }

  constructor(root: string) {
    super(`No catalog bundle in ${root}. Run \`npm run catalog:build\` first (or \`npm start\`, which builds it when missing).`);
    this.name = "CatalogMissingError";
  }
}

brandErrorClass(CatalogMissingError, "CatalogMissingError");

/** Items validated per load: every row costs ~16 µs in zod, and loading is on the cold-start path. */
const VALIDATED_SAMPLE = 200;

/**
 * The bundle's items, checked at load: the count must match the manifest, and an evenly spread
 * sample (first and last included) must match the item schema. The builder validated every row
 * before writing the bundle atomically, so this guards against a foreign or hand-edited file,
 * not against the builder; validating all 11k rows would add ~180 ms to every server start.
 */
export function parseBundleItems(raw: unknown, expectedCount: number, bundleDir: string): Item[] {
  if (!Array.isArray(raw) || raw.length !== expectedCount) {
    throw new Error(
      `Catalog bundle ${bundleDir}: ${BUNDLE_FILES.items} holds ${Array.isArray(raw) ? raw.length : "no list of"} items, the manifest says ${expectedCount}. Run \`npm run catalog:build -- --force\`.`,
    );
  }
  const step = Math.max(1, Math.floor(raw.length / VALIDATED_SAMPLE));
  const sample = new Set<number>([raw.length - 1]);
  for (let index = 0; index < raw.length; index += step) sample.add(index);
  for (const index of sample) {
    const result = itemSchema.safeParse(raw[index]);
    if (!result.success) throw new Error(`Catalog bundle ${bundleDir}: item ${index} does not match the item schema (${result.error.issues[0]?.message}). Run \`npm run catalog:build -- --force\`.`);
  }
  return raw as Item[];
}

/** Loads a bundle directory into memory, validating the manifest and (a sample of) the items. */
function loadBundle(bundleDir: string): Catalog {
  const rawManifest = JSON.parse(readFileSync(path.join(/*turbopackIgnore: true*/ bundleDir, BUNDLE_FILES.manifest), "utf8"));
  if (rawManifest?.schemaVersion !== BUNDLE_SCHEMA_VERSION) {
    throw new Error(`Catalog bundle ${bundleDir} has schema version ${rawManifest?.schemaVersion}, this code reads ${BUNDLE_SCHEMA_VERSION}. Run \`npm run catalog:build\`.`);
  }
  const manifest = manifestSchema.parse(rawManifest);
  // Line by line: the items as one string would pass V8's string limit near 1M items.
  const items = parseBundleItems(readJsonLines(path.join(/*turbopackIgnore: true*/ bundleDir, BUNDLE_FILES.items)), manifest.counts.items, bundleDir);
  return { manifest, items, indexOf: indexItems(items), interactions: readInteractions(bundleDir), bundleDir };
}

/** Loads the current bundle under `root`; throws CatalogMissingError when there is none. */
export function loadCurrentCatalog(root = catalogRoot()): Catalog {
  const bundleDir = currentBundleDir(root);
  if (!bundleDir) throw new CatalogMissingError(root);
  return loadBundle(bundleDir);
}
