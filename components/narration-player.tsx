"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { NarrationData } from "../lib/chat/chat-message";
// A pure string function with no server imports: the browser's voice gets the same speech text
// ("4.2 out of 5", "nineteen ninety-five", no "slash") as the server voices.
import { toSpeechText } from "../lib/narration/speech-text";
import { errorMessageFromBody } from "./feedback-client";
import { FOCUS_RING } from "./focus-ring";
import { MicrophoneIcon } from "./icons";

type PlayerState = { status: "idle"; note?: string } | { status: "loading" } | { status: "playing"; voice: string } | { status: "paused"; voice: string } | { status: "error"; message: string };

const NO_VOICE = "No voice is available: the server has no text-to-speech voice and this browser has none installed. The script is below.";

/** Only one narration speaks at a time: starting one stops the other. */
let stopOtherPlayer: (() => void) | null = null;

/** The browser's voices; Chromium loads them asynchronously, so wait briefly for voiceschanged. */
function browserVoices(timeoutMs = 1500): Promise<SpeechSynthesisVoice[]> {
  const synthesis = window.speechSynthesis;
  const now = synthesis.getVoices();
  if (now.length > 0) return Promise.resolve(now);
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      synthesis.removeEventListener("voiceschanged", done);
      resolve(synthesis.getVoices());
    };
    const timer = setTimeout(done, timeoutMs);
    synthesis.addEventListener("voiceschanged", done);
  });
}

/** The server's audio for `text`, or null (with why) when there is no server voice. */
async function fetchServerAudio(text: string, signal: AbortSignal): Promise<{ url: string; voice: string } | { url: null; reason: string }> {
  try {
    const response = await fetch("/api/narration", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ text }), signal });
    const type = response.headers.get("content-type") ?? "";
    if (!response.ok || !type.startsWith("audio/")) {
      return { url: null, reason: errorMessageFromBody(await response.text().catch(() => "")) ?? `HTTP ${response.status}` };
    }
    const blob = await response.blob();
    if (blob.size === 0) return { url: null, reason: "empty audio" };
    return { url: URL.createObjectURL(blob), voice: response.headers.get("x-reelcast-voice") ?? "server voice" };
  } catch (error) {
    if (signal.aborted) throw error;
    return { url: null, reason: "the server could not be reached" };
  }
}

export interface NarrationPlayerProps {
  narration: NarrationData;
  /** Start playing once, as soon as the player appears with this narration (the auto-play toggle). */
  autoPlay: boolean;
}

/**
 * Plays an answer's DJ script: server speech (/api/narration, MP3) first, the browser's
 * speechSynthesis when the server has no voice, and a clear message when neither exists. The
 * audio element is in the page (hidden) so that tests and assistive tools can see what plays.
 */
export function NarrationPlayer({ narration, autoPlay }: NarrationPlayerProps) {
  const [state, setState] = useState<PlayerState>({ status: "idle" });
  const [showScript, setShowScript] = useState(false);
  const audio = useRef<HTMLAudioElement | null>(null);
  const audioUrl = useRef<{ url: string; voice: string } | null>(null);
  const mode = useRef<"server" | "browser" | null>(null);
  const request = useRef<AbortController | null>(null);
  const autoPlayed = useRef(false);

  const stop = useCallback(() => {
    request.current?.abort();
    request.current = null;
    if (audio.current) {
      audio.current.pause();
      audio.current.currentTime = 0;
    }
    if (mode.current === "browser") window.speechSynthesis?.cancel();
    mode.current = null;
    setState((current) => (current.status === "error" ? current : { status: "idle" }));
  }, []);

  const speakInBrowser = useCallback(async () => {
    if (typeof window.speechSynthesis === "undefined" || typeof window.SpeechSynthesisUtterance === "undefined") {
      setState({ status: "error", message: NO_VOICE });
      return;
    }
    const voices = await browserVoices();
    if (voices.length === 0) {
      setState({ status: "error", message: NO_VOICE });
      return;
    }
    const utterance = new SpeechSynthesisUtterance(toSpeechText(narration.text));
    const voice = voices.find((candidate) => candidate.lang?.toLowerCase().startsWith("en")) ?? voices[0];
    utterance.voice = voice;
    utterance.lang = voice.lang || "en-US";
    utterance.onend = () => {
      if (mode.current === "browser") {
        mode.current = null;
        setState({ status: "idle" });
      }
    };
    utterance.onerror = (event) => {
      if (event.error === "canceled" || event.error === "interrupted") return;
      mode.current = null;
      setState({ status: "error", message: `The browser's voice failed (${event.error}).` });
    };
    window.speechSynthesis.cancel();
    mode.current = "browser";
    window.speechSynthesis.speak(utterance);
    setState({ status: "playing", voice: `${voice.name} (browser)` });
  }, [narration.text]);

  const play = useCallback(async () => {
    if (state.status === "paused") {
      if (mode.current === "browser") window.speechSynthesis.resume();
      else await audio.current?.play().catch(() => undefined);
      setState({ status: "playing", voice: state.voice });
      return;
    }
    if (state.status === "playing" || state.status === "loading") return;
    if (stopOtherPlayer && stopOtherPlayer !== stop) stopOtherPlayer();
    stopOtherPlayer = stop;
    setState({ status: "loading" });
    if (!audioUrl.current) {
      const controller = new AbortController();
      request.current = controller;
      const result = await fetchServerAudio(narration.text, controller.signal).catch(() => null);
      if (controller.signal.aborted || result === null) return;
      request.current = null;
      if (result.url === null) {
        await speakInBrowser();
        return;
      }
      audioUrl.current = { url: result.url, voice: result.voice };
    }
    const element = audio.current!;
    if (element.src !== audioUrl.current.url) element.src = audioUrl.current.url;
    element.onended = () => {
      mode.current = null;
      setState({ status: "idle" });
    };
    mode.current = "server";
    try {
      await element.play();
      setState({ status: "playing", voice: `${audioUrl.current.voice} (server)` });
    } catch {
      // Autoplay policies refuse play() without a gesture; a press of the button always works.
      mode.current = null;
      setState({ status: "idle", note: "Press play to listen." });
    }
  }, [narration.text, speakInBrowser, state, stop]);

  const pause = useCallback(() => {
    if (state.status !== "playing") return;
    if (mode.current === "browser") window.speechSynthesis.pause();
    else audio.current?.pause();
    setState({ status: "paused", voice: state.voice });
  }, [state]);

  useEffect(() => {
    if (autoPlay && !autoPlayed.current) {
      autoPlayed.current = true;
      void play();
    }
    // Only the first render with autoPlay counts (play is deliberately not a dependency): the
    // parent passes autoPlay only to the newest answer, so later toggles never start old ones.
  }, [autoPlay]);

  useEffect(
    () => () => {
      request.current?.abort();
      audio.current?.pause();
      if (mode.current === "browser") window.speechSynthesis?.cancel();
      if (audioUrl.current) URL.revokeObjectURL(audioUrl.current.url);
      if (stopOtherPlayer === stop) stopOtherPlayer = null;
    },
    [stop],
  );

  const active = state.status === "playing" || state.status === "paused" || state.status === "loading";
  const button = `inline-flex min-h-9 items-center gap-1 rounded-lg border border-zinc-300 bg-white px-2.5 py-1 text-sm font-medium hover:bg-zinc-100 disabled:cursor-not-allowed disabled:opacity-40 dark:border-zinc-700 dark:bg-zinc-900 dark:hover:bg-zinc-800 ${FOCUS_RING}`;
  return (
    <section aria-label="DJ narration" data-testid="narration" className="mt-4 rounded-xl border border-indigo-200 bg-indigo-50/70 p-3 dark:border-indigo-900 dark:bg-indigo-950/40">
      <div className="flex flex-wrap items-center gap-2">
        <span className="mr-1 inline-flex items-center gap-1 text-sm font-semibold text-indigo-900 dark:text-indigo-200">
          <MicrophoneIcon /> DJ intro
        </span>
        {state.status === "playing" ? (
          <button type="button" className={button} onClick={pause} data-testid="narration-pause">
            <span aria-hidden="true">❚❚</span> Pause
          </button>
        ) : (
          <button type="button" className={button} onClick={() => void play()} disabled={state.status === "loading"} data-testid="narration-play">
            <span aria-hidden="true">▶</span> {state.status === "paused" ? "Resume" : "Play"}
          </button>
        )}
        <button type="button" className={button} onClick={stop} disabled={!active} data-testid="narration-stop">
          <span aria-hidden="true">■</span> Stop
        </button>
        <button type="button" className={`${button} border-transparent bg-transparent`} aria-expanded={showScript} onClick={() => setShowScript((open) => !open)} data-testid="narration-script-toggle">
          {showScript ? "Hide script" : "Show script"}
        </button>
        <span className="text-xs text-zinc-600 dark:text-zinc-400" data-testid="narration-status" data-status={state.status} aria-live="polite">
          {state.status === "loading" && "Warming up the voice…"}
          {state.status === "playing" && `Playing · ${state.voice}`}
          {state.status === "paused" && `Paused · ${state.voice}`}
          {state.status === "idle" && state.note}
        </span>
      </div>
      {/* Controlled by the buttons above; never shown, so it has no controls of its own. */}
      <audio ref={audio} preload="auto" hidden data-testid="narration-audio" />
      {state.status === "error" && (
        <p role="alert" className="mt-2 text-sm text-amber-800 dark:text-amber-300" data-testid="narration-error">
          {state.message}
        </p>
      )}
      {(showScript || state.status === "error") && (
        <p className="mt-2 text-sm text-zinc-800 dark:text-zinc-200" data-testid="narration-text">
          {narration.text}
        </p>
      )}
    </section>
  );
}
