import { compressSpeech } from "./compressed-speech";
import { synthesizeWithFallback, type SpeechAudio, type SpeechSynthesizer } from "./speech-synthesizer";
import { toSpeechText } from "./speech-text";

/**
 * A DJ script as compressed speech: the words a voice should say (speech-text.ts), the first
 * server voice that speaks them, then MP3 (compressed-speech.ts).
 * @throws ReelcastError as synthesizeWithFallback and compressSpeech do
 */
export async function speakScript(voices: readonly SpeechSynthesizer[], script: string, signal?: AbortSignal): Promise<SpeechAudio> {
  const speech = await synthesizeWithFallback(voices, toSpeechText(script), signal);
  return compressSpeech(speech, signal);
}
