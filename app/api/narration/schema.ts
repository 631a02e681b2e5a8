import { z } from "zod";
import { MAX_SPEECH_CHARACTERS } from "../../../lib/narration/speech-synthesizer";

/** Body of POST /api/narration: the script to speak. */
export const narrationRequestSchema = z.object({
  text: z
    .string({ error: "text must be a string" })
    .max(MAX_SPEECH_CHARACTERS, `text must be at most ${MAX_SPEECH_CHARACTERS} characters`)
    .transform((value) => value.trim())
    .refine((value) => value.length > 0, "text must not be empty"),
});
