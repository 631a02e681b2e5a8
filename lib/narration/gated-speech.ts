import { speechUsd, type SpeechPriceTable } from "../../router";
import type { PaidCallGate } from "../ai";
import { ReelcastError } from "../errors/reelcast-error";
import { NotAudioError } from "./audio-signature";
import type { SpeechSynthesizer } from "./speech-synthesizer";

export interface GatedSpeechOptions {
  /** The spend gate (lib/pipeline/spend-gate.ts) for this request. */
  gate: PaidCallGate;
  /** The speech model id (REELCAST_TTS_MODEL), for its price per character. */
  modelId: string;
  priceTable?: SpeechPriceTable;
  /** Why the paid voice did not speak (refused, failed), for the response's x-reelcast-voice-reason. */
  onSkipped: (reason: string) => void;
}

/**
 * A paid voice behind the spend gate: each text is priced per character before the call and
 * needs the gate's permit; a refusal or a failure throws, so synthesizeWithFallback hands the
 * text to the next (free) voice. The provider reports no usage for speech: the price of the
 * characters is what is settled, and a call that got no answer costs nothing.
 */
export function gatedSynthesizer(voice: SpeechSynthesizer, options: GatedSpeechOptions): SpeechSynthesizer {
  return {
    voice: voice.voice,
    async synthesize(text, signal) {
      const usd = speechUsd(options.modelId, text.length, options.priceTable);
      const admission = await options.gate({ call: "speech", estimatedUsd: usd });
      if (!admission.allowed) {
        options.onSkipped(admission.reason);
        throw new ReelcastError("unavailable:narration", "The server voice is not available right now; the browser's own voice can read the script.");
      }
      try {
        const speech = await voice.synthesize(text, signal);
        admission.permit.report("answered");
        await admission.permit.settle(usd);
        return speech;
      } catch (error) {
        const notAudio = error instanceof ReelcastError && error.cause instanceof NotAudioError;
        admission.permit.report(signal?.aborted ? "abandoned" : "failed");
        // Bytes that were not audio were still an answer, and likely billed.
        await admission.permit.settle(notAudio ? usd : 0);
        if (!signal?.aborted) options.onSkipped(`speech failed (${notAudio ? (error.cause as Error).message : error instanceof Error ? error.message : "error"}); free voice instead`);
        throw error;
      }
    },
  };
}
