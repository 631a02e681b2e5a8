import { spawn as nodeSpawn } from "node:child_process";
import { accessSync, constants } from "node:fs";
import path from "node:path";
import { ReelcastError } from "../errors/reelcast-error";
import type { SpeechSynthesizer } from "./speech-synthesizer";
import { fixStreamedWavHeader } from "./wav-header";

const DEFAULT_ESPEAK_TIMEOUT_MS = 10_000;
/** Ten minutes of 22 kHz 16-bit mono; a runaway process is stopped well before memory matters. */
const MAX_AUDIO_BYTES = 32 * 1024 * 1024;

export interface EspeakOptions {
  /** Executable name or path (default "espeak-ng", found on PATH). */
  binary?: string;
  /** Kill the process after this many milliseconds (default 10,000). */
  timeoutMs?: number;
  /** espeak-ng voice (default "en-us"). */
  voice?: string;
  /** Words per minute (default 165, a little slower than espeak's 175 for a radio feel). */
  wordsPerMinute?: number;
  /** Injected for tests. */
  spawn?: typeof nodeSpawn;
}

/** The full path of an executable on `searchPath` (default PATH), or null when there is none. */
export function findExecutable(name: string, searchPath: string | undefined = process.env.PATH): string | null {
  if (name.includes("/")) return isExecutable(name) ? name : null;
  for (const directory of (searchPath ?? "").split(path.delimiter)) {
    if (!directory) continue;
    const candidate = path.join(directory, name);
    if (isExecutable(candidate)) return candidate;
  }
  return null;
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * espeak-ng as a server voice: spawns `espeak-ng --stdout --stdin` without a shell and writes the
 * text to its stdin, so no character of the text can act as an option or shell syntax. SSML is
 * off (no -m), so markup is read as text.
 */
export function createEspeakSynthesizer(options: EspeakOptions = {}): SpeechSynthesizer {
  const binary = options.binary ?? "espeak-ng";
  const timeoutMs = options.timeoutMs ?? DEFAULT_ESPEAK_TIMEOUT_MS;
  const spawn = options.spawn ?? nodeSpawn;
  const args = ["--stdout", "--stdin", "-b", "1", "-v", options.voice ?? "en-us", "-s", String(options.wordsPerMinute ?? 165)];
  return {
    voice: "espeak-ng",
    synthesize(text, signal) {
      return new Promise((resolve, reject) => {
        let settled = false;
        const chunks: Buffer[] = [];
        let bytes = 0;
        let errorOutput = "";
        // The binary is a system program, not a project file: keep Turbopack from tracing it.
        const child = spawn(/*turbopackIgnore: true*/ binary, args, { stdio: ["pipe", "pipe", "pipe"], shell: false, windowsHide: true });
        const finish = (error: ReelcastError | null, audio?: Uint8Array) => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          signal?.removeEventListener("abort", onAbort);
          if (error) {
            if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
            reject(error);
          } else resolve({ audio: audio!, mediaType: "audio/wav", voice: "espeak-ng" });
        };
        const onAbort = () => finish(new ReelcastError("unavailable:narration", "Speech was cancelled."));
        const timer = setTimeout(() => finish(new ReelcastError("unavailable:narration", `espeak-ng did not finish within ${timeoutMs} ms.`)), timeoutMs);
        if (signal?.aborted) return onAbort();
        signal?.addEventListener("abort", onAbort, { once: true });
        child.on("error", (error: NodeJS.ErrnoException) => {
          finish(
            error.code === "ENOENT"
              ? new ReelcastError("unavailable:narration", `espeak-ng is not installed (no "${binary}" on PATH): install it with apt-get install espeak-ng.`, { cause: error })
              : new ReelcastError("internal:narration", "espeak-ng could not be started.", { cause: error }),
          );
        });
        child.stdout!.on("data", (chunk: Buffer) => {
          bytes += chunk.length;
          if (bytes > MAX_AUDIO_BYTES) return finish(new ReelcastError("internal:narration", "espeak-ng produced more audio than allowed."));
          chunks.push(chunk);
        });
        child.stderr!.on("data", (chunk: Buffer) => {
          errorOutput = (errorOutput + chunk.toString("utf8")).slice(-500);
        });
        child.on("close", (code) => {
          if (code !== 0) {
            return finish(new ReelcastError("internal:narration", `espeak-ng failed (exit code ${code}).`, { cause: new Error(errorOutput.trim()) }));
          }
          const audio = Buffer.concat(chunks);
          // A WAV header alone is 44 bytes: anything that short carries no speech.
          if (audio.length <= 44) return finish(new ReelcastError("internal:narration", "espeak-ng produced no audio."));
          finish(null, fixStreamedWavHeader(new Uint8Array(audio.buffer, audio.byteOffset, audio.byteLength)));
        });
        // EPIPE when the process died early is reported by "close"/"error" above.
        child.stdin!.on("error", () => {});
        child.stdin!.end(text, "utf8");
      });
    },
  };
}
