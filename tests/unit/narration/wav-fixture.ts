/**
 * A 16-bit PCM WAV of a speech-like test tone (a 180 Hz buzz with harmonics, rising and falling
 * like syllables) — enough signal that an encoder has real work, without needing a voice installed.
 * `byteOffset` places the file at an odd offset inside a larger buffer, as Buffer pools do.
 */
export function toneWav({
  seconds,
  sampleRate = 22_050,
  channels = 1,
  placeholderSize = false,
  byteOffset = 0,
}: {
  seconds: number;
  sampleRate?: number;
  channels?: number;
  placeholderSize?: boolean;
  byteOffset?: number;
}): Uint8Array {
  const frames = Math.round(seconds * sampleRate);
  const dataBytes = frames * channels * 2;
  const buffer = new ArrayBuffer(byteOffset + 44 + dataBytes);
  const wav = new Uint8Array(buffer, byteOffset);
  const view = new DataView(buffer, byteOffset);
  const ascii = (offset: number, text: string) => [...text].forEach((character, index) => view.setUint8(offset + index, character.charCodeAt(0)));
  ascii(0, "RIFF");
  // espeak-ng streams a placeholder size before it knows the length.
  view.setUint32(4, placeholderSize ? 0x7ffff024 : 36 + dataBytes, true);
  ascii(8, "WAVE");
  ascii(12, "fmt ");
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true);
  view.setUint16(22, channels, true);
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * channels * 2, true);
  view.setUint16(32, channels * 2, true);
  view.setUint16(34, 16, true);
  ascii(36, "data");
  view.setUint32(40, placeholderSize ? 0x7ffff000 : dataBytes, true);
  for (let frame = 0; frame < frames; frame += 1) {
    const time = frame / sampleRate;
    const envelope = Math.abs(Math.sin(Math.PI * 3 * time));
    const sample = envelope * (0.5 * Math.sin(2 * Math.PI * 180 * time) + 0.25 * Math.sin(2 * Math.PI * 360 * time) + 0.1 * Math.sin(2 * Math.PI * 1250 * time));
    for (let channel = 0; channel < channels; channel += 1) view.setInt16(44 + (frame * channels + channel) * 2, Math.round(sample * 12_000), true);
  }
  return wav;
}
