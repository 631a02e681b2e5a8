import { createMp3Encoder, type WasmMediaEncoder } from "wasm-media-encoders";
import { ReelcastError } from "../errors/reelcast-error";
import type { WavPcm } from "./wav-pcm";

/**
 * Constant bitrate of the narration MP3s, kbit/s: 24 kbit/s is 3,000 bytes per second of speech,
 * under the 4 KB/s budget with room for the frame headers; 32 would sit exactly on it. LAME
 * encodes speech at this rate as 16 kHz MPEG-2 audio, which keeps everything up to 8 kHz — all a
 * voice needs to be understood.
 */
export const MP3_BITRATE_KBPS = 24;
/** MPEG-2 sample rate LAME resamples to (espeak-ng speaks at 22,050 Hz, OpenAI at 24,000 Hz). */
const MP3_SAMPLE_RATE = 16_000;
/** Encoders kept for reuse: compiling the WebAssembly takes ~30 ms, configuring a kept one ~0.1 ms. */
const MAX_IDLE_ENCODERS = 2;

const idle: WasmMediaEncoder<"audio/mpeg">[] = [];

async function takeEncoder(): Promise<WasmMediaEncoder<"audio/mpeg">> {
  return idle.pop() ?? (await createMp3Encoder());
}

function returnEncoder(encoder: WasmMediaEncoder<"audio/mpeg">): void {
  if (idle.length < MAX_IDLE_ENCODERS) idle.push(encoder);
}

/** Mono float samples in [-1, 1) for LAME: speech needs one channel, so stereo is averaged. */
function monoFloat(pcm: WavPcm, start: number, end: number): Float32Array {
  const mono = new Float32Array(end - start);
  for (let frame = start; frame < end; frame += 1) {
    let sum = 0;
    for (let channel = 0; channel < pcm.channels; channel += 1) sum += pcm.samples[frame * pcm.channels + channel];
    mono[frame - start] = sum / pcm.channels / 32768;
  }
  return mono;
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Encodes 16-bit PCM as a mono constant-bitrate MP3 (MP3_BITRATE_KBPS) with LAME compiled to
 * WebAssembly (wasm-media-encoders). One second of audio is encoded at a time and the event loop
 * gets a turn in between, so a long script never holds up other requests for more than a few
 * milliseconds.
 * @throws ReelcastError "unavailable:narration" when `signal` aborts, "internal:narration" when
 *   the encoder fails
 */
export async function encodeMp3(pcm: WavPcm, signal?: AbortSignal): Promise<Uint8Array> {
  const encoder = await takeEncoder().catch((error: unknown) => {
    throw new ReelcastError("internal:narration", "The MP3 encoder could not be loaded.", { cause: error });
  });
  let healthy = false;
  try {
    encoder.configure({ channels: 1, sampleRate: pcm.sampleRate, bitrate: MP3_BITRATE_KBPS, outputSampleRate: MP3_SAMPLE_RATE });
    const frames = pcm.samples.length / pcm.channels;
    const parts: Uint8Array[] = [];
    for (let start = 0; start < frames; start += pcm.sampleRate) {
      if (signal?.aborted) throw new ReelcastError("unavailable:narration", "Speech was cancelled.");
      // encode() returns a view into the encoder's memory: copy it before the next call.
      parts.push(encoder.encode([monoFloat(pcm, start, Math.min(frames, start + pcm.sampleRate))]).slice());
      await yieldToEventLoop();
    }
    parts.push(encoder.finalize().slice());
    healthy = true;
    const mp3 = new Uint8Array(parts.reduce((total, part) => total + part.length, 0));
    let offset = 0;
    for (const part of parts) {
      mp3.set(part, offset);
      offset += part.length;
    }
    return mp3;
  } catch (error) {
    if (error instanceof ReelcastError) throw error;
    throw new ReelcastError("internal:narration", "The speech could not be encoded as MP3.", { cause: error });
  } finally {
    // An encoder that failed or was abandoned mid-stream is dropped; configure() resets a good one.
    if (healthy) returnEncoder(encoder);
  }
}
