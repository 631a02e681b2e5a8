import { createProviderRegistry, llmSettings } from "../../../lib/ai/provider-registry";
import { errorResponse } from "../../../lib/errors/reelcast-error";
import { serverVoices, speakScript, type SpeechSynthesizer } from "../../../lib/narration";
import { parseRequestBody } from "../../../lib/server/parse-request-body";
import { narrationRequestSchema } from "./schema";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

let voices: SpeechSynthesizer[] | undefined;
/** Found once: installed binaries and the environment do not change while the server runs. */
function availableVoices(): SpeechSynthesizer[] {
  if (!voices) {
    const speechModelId = llmSettings().settings?.speechModelId;
    voices = serverVoices({ speechModel: createProviderRegistry().speechModel, speechModelLabel: speechModelId ? `openai:${speechModelId}` : undefined });
  }
  return voices;
}

/**
 * POST /api/narration { text } → the script as speech, MP3 at 24 kbit/s (audio/mpeg, ~3 KB per
 * second): OpenAI speech when configured, else espeak-ng, given the script's speech text (years,
 * ratings and symbols in words). 400 for empty or too-long text; 503 with a message when no server
 * voice exists (the browser then reads the script with its own speechSynthesis).
 */
export async function POST(request: Request): Promise<Response> {
  try {
    const { text } = await parseRequestBody(request, narrationRequestSchema, "narration");
    const speech = await speakScript(availableVoices(), text, request.signal);
    const headers: Record<string, string> = { "content-type": speech.mediaType, "cache-control": "no-store", "x-reelcast-voice": speech.voice };
    if (speech.seconds !== undefined) headers["x-reelcast-speech-seconds"] = speech.seconds.toFixed(2);
    return new Response(new Blob([speech.audio as Uint8Array<ArrayBuffer>], { type: speech.mediaType }), { headers });
  } catch (error) {
    return errorResponse(error, "narration");
  }
}
