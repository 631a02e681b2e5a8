import type { NextConfig } from "next";
import { API_CONTENT_SECURITY_POLICY, STATIC_SECURITY_HEADERS } from "./lib/server/security-headers";
import { SERVER_EXTERNAL_PACKAGES } from "./lib/server/server-external-packages";

const nextConfig: NextConfig = {
  // Native addons load from node_modules at run time instead of being bundled.
  serverExternalPackages: [...SERVER_EXTERNAL_PACKAGES],
  poweredByHeader: false,
  reactStrictMode: true,
  experimental: {
    // The proxy (proxy.ts, pages only) copies a request's body into memory before the page sees
    // it, 10 MB by default; pages take no bodies (no server actions), so a POST to one may not
    // make a worker hold more than the API's own 64 KB.
    proxyClientMaxBodySize: 64 * 1024,
  },
  // Page responses get their nonce policy from proxy.ts; API responses get one that allows nothing.
  async headers() {
    return [
      { source: "/:path*", headers: [...STATIC_SECURITY_HEADERS] },
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: API_CONTENT_SECURITY_POLICY }] },
    ];
  },
};

export default nextConfig;
