/**
 * espeak-ng writes WAV to stdout before it knows the length, so its RIFF and data chunk sizes
 * are placeholders (0x7ffff024). Some players refuse such files or report a huge duration; this
 * rewrites both sizes from the bytes actually received. Returns the input unchanged when it is not
 * a RIFF/WAVE file or has no data chunk.
 */
export function fixStreamedWavHeader(wav: Uint8Array): Uint8Array {
  const text = (offset: number) => String.fromCharCode(wav[offset], wav[offset + 1], wav[offset + 2], wav[offset + 3]);
  if (wav.length < 12 || text(0) !== "RIFF" || text(8) !== "WAVE") return wav;
  const view = new DataView(wav.buffer, wav.byteOffset, wav.byteLength);
  let offset = 12;
  while (offset + 8 <= wav.length) {
    const id = text(offset);
    if (id === "data") {
      const fixed = new Uint8Array(wav);
      const fixedView = new DataView(fixed.buffer);
      fixedView.setUint32(4, fixed.length - 8, true);
      fixedView.setUint32(offset + 4, fixed.length - offset - 8, true);
      return fixed;
    }
    const size = view.getUint32(offset + 4, true);
    // Chunks are padded to an even length.
    offset += 8 + size + (size % 2);
  }
  return wav;
}
