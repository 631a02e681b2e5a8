// DJ narration: scripts that introduce each answer like a radio DJ, and the server voices that
// speak them. Server-only (voices spawn processes and read the provider registry's models).
export { chooseOpening, composeDjScript, NARRATED_PICKS, quoteRequest } from "./dj-script";
export { countPicks, describeFilm, OPENINGS, SIGN_OFFS, type OpeningTemplate } from "./dj-templates";
export { genrePhrase } from "./genre-phrase";
export { indefiniteArticle, withArticle } from "./indefinite-article";
export { findScriptProblems } from "./script-problems";
export { spokenReason, type SpokenReason } from "./spoken-reason";
export { llmOpeningId, MAX_SCRIPT_CHARACTERS, openingSentence, writeDjScript, type GatedDjScript, type WriteDjScriptOptions } from "./llm-dj-script";
export type { DjScript, NarratedItem, NarrationRequest } from "./narration-input";
export { seededChoice, stringHash } from "./seeded-choice";
export { createAiSdkSynthesizer, type AiSdkSynthesizerOptions } from "./ai-sdk-synthesizer";
export { createEspeakSynthesizer, DEFAULT_ESPEAK_TIMEOUT_MS, findExecutable, type EspeakOptions } from "./espeak-synthesizer";
export { serverVoices, type ServerVoiceOptions } from "./server-voices";
export { MAX_SPEECH_CHARACTERS, noServerVoiceError, synthesizeWithFallback, type SpeechAudio, type SpeechSynthesizer } from "./speech-synthesizer";
export { fixStreamedWavHeader } from "./wav-header";
export { compressSpeech } from "./compressed-speech";
export { encodeMp3, MP3_BITRATE_KBPS } from "./mp3-encoder";
export { speakScript } from "./speak-script";
export { toSpeechText } from "./speech-text";
export { decadeWords, twoDigitWords, yearWords } from "./number-words";
export { pcmSeconds, readWavPcm, type WavPcm } from "./wav-pcm";
export { audioMediaType, NotAudioError } from "./audio-signature";
export { gatedSynthesizer, type GatedSpeechOptions } from "./gated-speech";
