import { ReelcastError } from "../errors/reelcast-error";

/** Audio for one script. */
export interface SpeechAudio {
  audio: Uint8Array;
  /** e.g. "audio/wav". */
  mediaType: string;
  /** Which voice spoke it ("espeak-ng", "openai:gpt-4o-mini-tts"). */
  voice: string;
  /** Seconds of speech, when known (the compressor reads it from the PCM). */
  seconds?: number;
}

/** One server-side text-to-speech voice. */
export interface SpeechSynthesizer {
  readonly voice: string;
  /**
   * Speaks `text` into audio.
   * @throws ReelcastError "unavailable:narration" when the voice is missing or timed out,
   *   "internal:narration" when it failed; messages are safe to show.
   */
  synthesize(text: string, signal?: AbortSignal): Promise<SpeechAudio>;
}

/** The longest text the narration endpoint speaks: a DJ script is well under this. */
export const MAX_SPEECH_CHARACTERS = 1500;

/** Thrown when no server voice exists; the browser falls back to its own speechSynthesis. */
export function noServerVoiceError(): ReelcastError {
  return new ReelcastError(
    "unavailable:narration",
    "No server voice is available: install espeak-ng (apt-get install espeak-ng) or set OPENAI_API_KEY. The browser's own voice can read the script instead.",
  );
}

/**
 * Tries each voice in order and returns the first audio; a voice that fails hands over to the
 * next (an OpenAI-compatible server without a speech endpoint falls back to espeak-ng).
 * @throws the last voice's error, or noServerVoiceError() when `voices` is empty
 */
export async function synthesizeWithFallback(voices: readonly SpeechSynthesizer[], text: string, signal?: AbortSignal): Promise<SpeechAudio> {
  let lastError: unknown = noServerVoiceError();
  for (const voice of voices) {
    try {
      return await voice.synthesize(text, signal);
    } catch (error) {
      if (signal?.aborted) throw error;
      lastError = error;
    }
  }
  throw lastError;
}
