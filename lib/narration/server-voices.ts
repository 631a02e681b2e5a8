import type { SpeechModel } from "ai";
import { createAiSdkSynthesizer } from "./ai-sdk-synthesizer";
import { createEspeakSynthesizer, findExecutable } from "./espeak-synthesizer";
import type { SpeechSynthesizer } from "./speech-synthesizer";

export interface ServerVoiceOptions {
  /** The provider registry's speech model (OpenAI speech), or null when none is configured. */
  speechModel: SpeechModel | null;
  /** Label for it, e.g. "openai:gpt-4o-mini-tts". */
  speechModelLabel?: string;
  /** PATH to look for espeak-ng on (default process.env.PATH). */
  searchPath?: string;
}

/**
 * The server voices in order of preference: the configured speech model first (a natural
 * voice), then espeak-ng when it is installed. Empty when neither exists.
 */
export function serverVoices(options: ServerVoiceOptions): SpeechSynthesizer[] {
  const voices: SpeechSynthesizer[] = [];
  if (options.speechModel) voices.push(createAiSdkSynthesizer(options.speechModel, { label: options.speechModelLabel ?? "openai-speech" }));
  const espeak = findExecutable("espeak-ng", options.searchPath ?? process.env.PATH);
  if (espeak) voices.push(createEspeakSynthesizer({ binary: espeak }));
  return voices;
}
