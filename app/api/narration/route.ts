import { createProviderRegistry, llmSettings } from "../../../lib/ai";
import { errorResponse } from "../../../lib/errors/reelcast-error";
import { createAiSdkSynthesizer, gatedSynthesizer, serverVoices, speakScript, type SpeechSynthesizer } from "../../../lib/narration";
import { spendGate } from "../../../lib/pipeline/spend-gate";
import { clientAddress } from "../../../lib/server/client-address";
import { getEngine } from "../../../lib/server/engine-singleton";
import { parseRequestBody } from "../../../lib/server/parse-request-body";
import { passDoor } from "../../../lib/server/request-door";
import { methodNotAllowed } from "../../../lib/server/request-door-methods";
import { narrationRequestSchema } from "./schema";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

let voices: { paid: { voice: SpeechSynthesizer; modelId: string } | null; free: SpeechSynthesizer[] } | undefined;
/** Found once: installed binaries and the environment do not change while the server runs. */
function availableVoices(): NonNullable<typeof voices> {
  if (!voices) {
    const speechModelId = llmSettings().settings?.speechModelId ?? null;
    const speechModel = createProviderRegistry().speechModel;
    voices = {
      paid: speechModel && speechModelId ? { voice: createAiSdkSynthesizer(speechModel, { label: `openai:${speechModelId}` }), modelId: speechModelId } : null,
      free: serverVoices({ speechModel: null }),
    };
  }
  return voices;
}

/** One request's voices: the paid one (REELCAST_TTS_MODEL) behind the spend gate, then the free ones. */
async function requestVoices(client: string, skipped: string[]): Promise<SpeechSynthesizer[]> {
  const { paid, free } = availableVoices();
  if (!paid) return free;
  const engine = await getEngine().catch(() => null);
  if (!engine) {
    skipped.push("speech skipped: the spend ledger is unavailable; free voice instead");
    return free;
  }
  return [gatedSynthesizer(paid.voice, { gate: spendGate(engine, { sessionId: null, client }), modelId: paid.modelId, onSkipped: (reason) => skipped.push(reason) }), ...free];
}

/** A reason as a header value: printable ASCII only, bounded. */
const headerText = (text: string) => text.replace(/[^\x20-\x7e]/g, "?").slice(0, 300);

/**
 * POST /api/narration { text } → the script as speech, MP3 at 24 kbit/s (audio/mpeg, ~3 KB per
 * second): OpenAI speech when REELCAST_TTS_MODEL is set and the spend gate allows it (else
 * x-reelcast-voice-reason says why not), else espeak-ng, given the script's speech text (years,
 * ratings and symbols in words). 400 for empty or too-long text; 503 with a message when no server
 * voice exists (the browser then reads the script with its own speechSynthesis).
 */
export async function POST(request: Request): Promise<Response> {
  try {
    await passDoor(request, "narration");
    const { text } = await parseRequestBody(request, narrationRequestSchema, "narration");
    const skipped: string[] = [];
    const speech = await speakScript(await requestVoices(clientAddress(request), skipped), text, request.signal);
    const headers: Record<string, string> = { "content-type": speech.mediaType, "cache-control": "no-store", "x-reelcast-voice": speech.voice };
    // Why the paid voice did not speak: the budget, an open circuit, a failure.
    if (skipped.length > 0) headers["x-reelcast-voice-reason"] = headerText(skipped.join("; "));
    if (speech.seconds !== undefined) headers["x-reelcast-speech-seconds"] = speech.seconds.toFixed(2);
    return new Response(new Blob([speech.audio as Uint8Array<ArrayBuffer>], { type: speech.mediaType }), { headers });
  } catch (error) {
    return errorResponse(error, "narration");
  }
}

const refuse = methodNotAllowed(["POST"], "narration");
export { refuse as GET, refuse as HEAD, refuse as PUT, refuse as PATCH, refuse as DELETE, refuse as OPTIONS };
