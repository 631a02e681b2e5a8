/**
 * What a speech provider's bytes are, from their first bytes: a RIFF/WAVE header, or MP3 (an ID3
 * tag or an MPEG audio frame sync: eleven set bits). The provider's own media type is not enough:
 * an error page or a JSON body sent with status 200 would otherwise go out as audio.
 * @returns the media type to send, or null when the bytes are neither
 */
export function audioMediaType(bytes: Uint8Array): "audio/wav" | "audio/mpeg" | null {
  const ascii = (start: number, end: number) => String.fromCharCode(...bytes.subarray(start, end));
  if (bytes.length >= 44 && ascii(0, 4) === "RIFF" && ascii(8, 12) === "WAVE") return "audio/wav";
  if (bytes.length >= 10 && ascii(0, 3) === "ID3") return "audio/mpeg";
  // A frame sync, then a layer other than the reserved 00 and a bitrate index other than 1111 (bad).
  if (bytes.length >= 4 && bytes[0] === 0xff && (bytes[1] & 0xe0) === 0xe0 && (bytes[1] & 0x06) !== 0 && (bytes[2] & 0xf0) !== 0xf0) return "audio/mpeg";
  return null;
}

/** The provider answered, but not with audio: counted as a provider failure, and the next voice speaks. */
export class NotAudioError extends Error {
  constructor(readonly bytes: number) {
    super(`the speech provider sent ${bytes} bytes that are not WAV or MP3 audio`);
    this.name = "NotAudioError";
  }
}
