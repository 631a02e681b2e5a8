import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import type { Catalog } from "../lib/catalog/catalog";
import { Bm25Index } from "../lib/retrieval/bm25";
import type { BuildStage } from "./build-stage";
import { readFloat32Array, readInt32Array, writeTypedArray } from "./bundle-files";

/** Files the keyword-index stage writes into the bundle. */
const KEYWORD_INDEX_FILES = {
  vocabulary: "bm25-vocabulary.json",
  offsets: "bm25-offsets.i32",
  items: "bm25-items.i32",
  frequencies: "bm25-frequencies.f32",
} as const;

const KEYWORD_INDEX_STAGE = "keyword-index";

const vocabularySchema = z.object({ documentCount: z.number().int().nonnegative(), k1: z.number().positive(), tokens: z.array(z.string()), idf: z.array(z.number()) });

/**
 * Builds the BM25F keyword index over the catalog once, offline, and writes it as flat arrays:
 * the server loads it in milliseconds instead of tokenising every item at start-up.
 */
export const keywordIndexStage: BuildStage = {
  name: KEYWORD_INDEX_STAGE,
  async run({ catalog, bundleDir, log }) {
    const started = performance.now();
    const snapshot = new Bm25Index(catalog.items).snapshot();
    writeFileSync(path.join(bundleDir, KEYWORD_INDEX_FILES.vocabulary), JSON.stringify({ documentCount: snapshot.documentCount, k1: snapshot.k1, tokens: snapshot.tokens, idf: [...snapshot.idf] }));
    writeTypedArray(path.join(bundleDir, KEYWORD_INDEX_FILES.offsets), snapshot.offsets);
    writeTypedArray(path.join(bundleDir, KEYWORD_INDEX_FILES.items), snapshot.items);
    writeTypedArray(path.join(bundleDir, KEYWORD_INDEX_FILES.frequencies), snapshot.frequencies);
    const seconds = Math.round((performance.now() - started) / 10) / 100;
    log(`BM25F index: ${snapshot.tokens.length} terms, ${snapshot.items.length} postings in ${seconds} s`);
    return { files: KEYWORD_INDEX_FILES, terms: snapshot.tokens.length, postings: snapshot.items.length, seconds };
  },
};

/**
 * The bundle's prebuilt BM25 index, or null when the bundle has none (built before the stage
 * existed): the caller then builds it from the items.
 * @throws when the files exist but do not fit the catalog
 */
export function loadKeywordIndex(catalog: Pick<Catalog, "manifest" | "bundleDir" | "items">): Bm25Index | null {
  if (catalog.manifest.artifacts[KEYWORD_INDEX_STAGE] === undefined) return null;
  const file = (name: string) => path.join(catalog.bundleDir, name);
  const vocabulary = vocabularySchema.parse(JSON.parse(readFileSync(file(KEYWORD_INDEX_FILES.vocabulary), "utf8")));
  if (vocabulary.documentCount !== catalog.items.length) throw new Error(`The BM25 index in ${catalog.bundleDir} covers ${vocabulary.documentCount} items, the catalog ${catalog.items.length}`);
  return Bm25Index.fromSnapshot({
    documentCount: vocabulary.documentCount,
    k1: vocabulary.k1,
    tokens: vocabulary.tokens,
    idf: Float64Array.from(vocabulary.idf),
    offsets: readInt32Array(file(KEYWORD_INDEX_FILES.offsets)),
    items: readInt32Array(file(KEYWORD_INDEX_FILES.items)),
    frequencies: readFloat32Array(file(KEYWORD_INDEX_FILES.frequencies)),
  });
}
