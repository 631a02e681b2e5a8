import { encodeMp3 } from "./mp3-encoder";
import type { SpeechAudio } from "./speech-synthesizer";
import { pcmSeconds, readWavPcm } from "./wav-pcm";

/**
 * A voice's WAV as MP3 (mp3-encoder.ts): about 3 KB per second of speech instead of 44 KB, so a
 * 45-second intro is ~140 KB, not 2 MB. Audio that is not 16-bit PCM WAV is returned unchanged.
 * @throws ReelcastError from encodeMp3 (cancelled, or the encoder failed)
 */
export async function compressSpeech(speech: SpeechAudio, signal?: AbortSignal): Promise<SpeechAudio> {
  const pcm = /^audio\/(x-)?wav/.test(speech.mediaType) ? readWavPcm(speech.audio) : null;
  if (!pcm) return speech;
  return { audio: await encodeMp3(pcm, signal), mediaType: "audio/mpeg", voice: speech.voice, seconds: pcmSeconds(pcm) };
}
