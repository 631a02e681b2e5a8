import { experimental_generateSpeech as generateSpeech, type SpeechModel } from "ai";
import { ReelcastError } from "../errors/reelcast-error";
import { audioMediaType, NotAudioError } from "./audio-signature";
import type { SpeechSynthesizer } from "./speech-synthesizer";

export interface AiSdkSynthesizerOptions {
  /** Provider voice name (default "alloy", one every OpenAI speech model has). */
  voice?: string;
  /** Deadline in milliseconds (default 15,000). */
  timeoutMs?: number;
  /** Shown as the voice name, e.g. "openai:gpt-4o-mini-tts". */
  label: string;
}

/**
 * A speech model from lib/ai's provider registry (OpenAI speech) as a server voice, WAV out,
 * through the AI SDK's `experimental_generateSpeech`. No retries: synthesizeWithFallback hands a
 * failure to the next voice instead.
 */
export function createAiSdkSynthesizer(model: SpeechModel, options: AiSdkSynthesizerOptions): SpeechSynthesizer {
  const timeoutMs = options.timeoutMs ?? 15_000;
  return {
    voice: options.label,
    async synthesize(text, signal) {
      const controller = new AbortController();
      let timer: ReturnType<typeof setTimeout> | undefined;
      const forwardAbort = () => controller.abort(signal?.reason);
      signal?.addEventListener("abort", forwardAbort, { once: true });
      // Racing the deadline also covers models that ignore the abort signal.
      const deadline = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          controller.abort();
          reject(new ReelcastError("unavailable:narration", `${options.label} did not answer within ${timeoutMs} ms.`));
        }, timeoutMs);
      });
      try {
        const result = await Promise.race([
          generateSpeech({
            model,
            text,
            voice: options.voice ?? "alloy",
            outputFormat: "wav",
            instructions: "Speak like a warm, upbeat late-night radio DJ.",
            maxRetries: 0,
            abortSignal: controller.signal,
          }),
          deadline,
        ]);
        const audio = result.audio.uint8Array;
        // The AI SDK labels any body audio/mp3 when it cannot tell; the bytes decide.
        const mediaType = audioMediaType(audio);
        if (!mediaType) throw new NotAudioError(audio.length);
        return { audio, mediaType, voice: options.label };
      } catch (error) {
        if (error instanceof ReelcastError) throw error;
        throw new ReelcastError("unavailable:narration", `${options.label} could not speak the script.`, { cause: error });
      } finally {
        clearTimeout(timer);
        signal?.removeEventListener("abort", forwardAbort);
      }
    },
  };
}
