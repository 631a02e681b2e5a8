// DJ narration: scripts that introduce each answer like a radio DJ, and the server voices that
// speak them. Server-only (voices spawn processes and read the provider registry's models).
export { chooseOpening, composeDjScript, quoteRequest } from "./dj-script";
export { describeFilm, OPENINGS, SIGN_OFFS } from "./dj-templates";
export { genrePhrase } from "./genre-phrase";
export { indefiniteArticle } from "./indefinite-article";
export { findScriptProblems } from "./script-problems";
export { spokenReason } from "./spoken-reason";
export { llmOpeningId, openingSentence, writeDjScript } from "./llm-dj-script";
export type { NarratedItem, NarrationRequest } from "./narration-input";
export { createAiSdkSynthesizer } from "./ai-sdk-synthesizer";
export { createEspeakSynthesizer, findExecutable } from "./espeak-synthesizer";
export { serverVoices } from "./server-voices";
export { noServerVoiceError, synthesizeWithFallback, type SpeechSynthesizer } from "./speech-synthesizer";
export { fixStreamedWavHeader } from "./wav-header";
export { compressSpeech } from "./compressed-speech";
export { encodeMp3, MP3_BITRATE_KBPS } from "./mp3-encoder";
export { speakScript } from "./speak-script";
export { toSpeechText } from "./speech-text";
export { decadeWords, twoDigitWords, yearWords } from "./number-words";
export { pcmSeconds, readWavPcm } from "./wav-pcm";
export { audioMediaType } from "./audio-signature";
export { gatedSynthesizer } from "./gated-speech";
