import { createProviderRegistry, llmSettings } from "../../../lib/ai/provider-registry";
import { errorResponse } from "../../../lib/errors/reelcast-error";
import { serverVoices, synthesizeWithFallback, type SpeechSynthesizer } from "../../../lib/narration";
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
 * POST /api/narration { text } → the script as speech (audio/wav): OpenAI speech when configured,
 * else espeak-ng. 400 for empty or too-long text; 503 with a message when no server voice exists
 * (the browser then reads the script with its own speechSynthesis).
 */
export async function POST(request: Request): Promise<Response> {
  try {
    const { text } = await parseRequestBody(request, narrationRequestSchema, "narration");
    const speech = await synthesizeWithFallback(availableVoices(), text, request.signal);
    return new Response(new Blob([speech.audio as Uint8Array<ArrayBuffer>], { type: speech.mediaType }), {
      headers: { "content-type": speech.mediaType, "cache-control": "no-store", "x-reelcast-voice": speech.voice },
    });
  } catch (error) {
    return errorResponse(error, "narration");
  }
}
