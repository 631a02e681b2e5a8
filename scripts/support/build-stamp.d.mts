/** Types of scripts/support/build-stamp.mjs (plain JavaScript, so that npm start needs no TypeScript loader). */

/** [size in bytes, modification time in ms], or null for a file that does not exist. */
export type FileStamp = [number, number] | null;

export interface StampInputs {
  /** Folders (or single files) whose listing and files count, with the name endings that count. */
  trees: ReadonlyArray<{ entry: string; extensions: readonly string[] }>;
  /** Further files, relative to the project root or absolute. */
  files: readonly string[];
  /** Paths that must stay absent (their appearance changes what a build reads). */
  absent: readonly string[];
  /** Names of the environment variables the builds read. */
  environment: readonly string[];
}

export interface BuildStamp {
  version: number;
  trees: Array<{ entry: string; extensions: string[]; files: string[] }>;
  files: Record<string, FileStamp>;
  absent: string[];
  environment: Record<string, string | null>;
}

export function captureStamp(projectRoot: string, inputs: StampInputs, environment?: Record<string, string | undefined>): BuildStamp;
export function withOutputs(projectRoot: string, stamp: BuildStamp, outputs: readonly string[]): BuildStamp;
export function writeStamp(projectRoot: string, stamp: BuildStamp): void;
export function checkStamp(projectRoot: string, environment?: Record<string, string | undefined>): { current: true } | { current: false; reason: string };
