/** The samples of a 16-bit PCM WAV file. */
export interface WavPcm {
  sampleRate: number;
  channels: number;
  /** Interleaved 16-bit samples. */
  samples: Int16Array;
}

/**
 * Reads a 16-bit PCM WAV (what espeak-ng and the OpenAI voices return) into samples. The data
 * chunk's size is trusted only up to the bytes present, since espeak-ng streams a placeholder.
 * Returns null for anything else (not RIFF/WAVE, compressed, 8 or 24 bit), so callers can send
 * such audio on unchanged.
 */
export function readWavPcm(wav: Uint8Array): WavPcm | null {
  const text = (offset: number) => String.fromCharCode(wav[offset], wav[offset + 1], wav[offset + 2], wav[offset + 3]);
  if (wav.length < 12 || text(0) !== "RIFF" || text(8) !== "WAVE") return null;
  const view = new DataView(wav.buffer, wav.byteOffset, wav.byteLength);
  let format: { channels: number; sampleRate: number } | null = null;
  let offset = 12;
  while (offset + 8 <= wav.length) {
    const id = text(offset);
    const size = view.getUint32(offset + 4, true);
    if (id === "fmt " && offset + 24 <= wav.length) {
      const encoding = view.getUint16(offset + 8, true);
      const bitsPerSample = view.getUint16(offset + 22, true);
      // 1 = PCM; 0xfffe = WAVE_FORMAT_EXTENSIBLE, which the OpenAI voices may use for PCM.
      if ((encoding !== 1 && encoding !== 0xfffe) || bitsPerSample !== 16) return null;
      format = { channels: view.getUint16(offset + 10, true), sampleRate: view.getUint32(offset + 12, true) };
    } else if (id === "data") {
      if (!format || format.channels < 1) return null;
      const start = offset + 8;
      const end = Math.min(wav.length, start + size);
      const bytes = end - start - ((end - start) % (2 * format.channels));
      // Copied: the WAV's byte offset need not be even, and Int16Array needs alignment.
      const samples = new Int16Array(bytes / 2);
      new Uint8Array(samples.buffer).set(wav.subarray(start, start + bytes));
      return { ...format, samples };
    }
    offset += 8 + size + (size % 2);
  }
  return null;
}

/** Seconds of audio in `pcm`. */
export function pcmSeconds(pcm: WavPcm): number {
  return pcm.samples.length / pcm.channels / pcm.sampleRate;
}
