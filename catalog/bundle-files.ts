import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Interactions } from "../lib/catalog/interactions";

/** File names inside a bundle directory. */
export const BUNDLE_FILES = {
  manifest: "manifest.json",
  /** One item per line (JSON Lines): a single JSON document passes V8's string limit near 1M items. */
  items: "items.jsonl",
  interactionUsers: "interactions.users.i32",
  interactionItems: "interactions.items.i32",
  interactionRatings: "interactions.ratings.f32",
  interactionTimestamps: "interactions.timestamps.i32",
  userIds: "user-ids.i32",
} as const;

/** Writes a typed array as raw little-endian bytes (the machine order on every target here). */
export function writeTypedArray(filePath: string, array: ArrayBufferView): void {
  writeFileSync(filePath, Buffer.from(array.buffer, array.byteOffset, array.byteLength));
}

function readBytes(filePath: string): ArrayBuffer {
  const buffer = readFileSync(filePath);
  // Copy into an aligned ArrayBuffer: Buffer pools may start at offsets typed arrays reject.
  return buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength) as ArrayBuffer;
}

export const readInt32Array = (filePath: string) => new Int32Array(readBytes(filePath));
export const readFloat32Array = (filePath: string) => new Float32Array(readBytes(filePath));
export const readFloat64Array = (filePath: string) => new Float64Array(readBytes(filePath));

export function writeInteractions(bundleDir: string, interactions: Interactions): void {
  writeTypedArray(path.join(/*turbopackIgnore: true*/ bundleDir, BUNDLE_FILES.interactionUsers), interactions.users);
  writeTypedArray(path.join(/*turbopackIgnore: true*/ bundleDir, BUNDLE_FILES.interactionItems), interactions.items);
  writeTypedArray(path.join(/*turbopackIgnore: true*/ bundleDir, BUNDLE_FILES.interactionRatings), interactions.ratings);
  writeTypedArray(path.join(/*turbopackIgnore: true*/ bundleDir, BUNDLE_FILES.interactionTimestamps), interactions.timestamps);
  writeTypedArray(path.join(/*turbopackIgnore: true*/ bundleDir, BUNDLE_FILES.userIds), interactions.userIds);
}

export function readInteractions(bundleDir: string): Interactions {
  const userIds = readInt32Array(path.join(/*turbopackIgnore: true*/ bundleDir, BUNDLE_FILES.userIds));
  return {
    userCount: userIds.length,
    userIds,
    users: readInt32Array(path.join(/*turbopackIgnore: true*/ bundleDir, BUNDLE_FILES.interactionUsers)),
    items: readInt32Array(path.join(/*turbopackIgnore: true*/ bundleDir, BUNDLE_FILES.interactionItems)),
    ratings: readFloat32Array(path.join(/*turbopackIgnore: true*/ bundleDir, BUNDLE_FILES.interactionRatings)),
    timestamps: readInt32Array(path.join(/*turbopackIgnore: true*/ bundleDir, BUNDLE_FILES.interactionTimestamps)),
  };
}
