import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { codeFingerprint } from "../../catalog/file-hash";

/** What the production build is made from; a change in any of it means `next build` again. */
const APP_SOURCES = ["app", "components", "lib", "router", "catalog", "public", "next.config.ts", "postcss.config.mjs", "package-lock.json", "tsconfig.json"];
const APP_EXTENSIONS = [".ts", ".tsx", ".css", ".json", ".mjs", ".svg", ".png", ".ico"];
const STAMP = path.join(".next", "reelcast-source-fingerprint");

/** The app's sources as the start-up stamp (build-stamp.mjs) watches them, and what a build leaves. */
export const APP_SOURCE_TREES = APP_SOURCES.map((entry) => ({ entry, extensions: APP_EXTENSIONS }));
export const NEXT_BUILD_OUTPUTS = [path.join(".next", "BUILD_ID"), STAMP];

export function appFingerprint(projectRoot: string): string {
  return codeFingerprint(projectRoot, APP_SOURCES, APP_EXTENSIONS);
}

/** True when .next holds a production build of exactly the current sources. */
export function isNextBuildFresh(projectRoot: string): boolean {
  const stamp = path.join(projectRoot, STAMP);
  if (!existsSync(path.join(projectRoot, ".next", "BUILD_ID")) || !existsSync(stamp)) return false;
  return readFileSync(stamp, "utf8").trim() === appFingerprint(projectRoot);
}

export function markNextBuildFresh(projectRoot: string, fingerprint: string): void {
  writeFileSync(path.join(projectRoot, STAMP), `${fingerprint}\n`);
}
