/** Small inline icons (no emoji: many systems, headless Chromium included, have no emoji font). */

type IconProps = { className?: string };

/** The Reelcast mark: a film reel. */
export function ReelIcon({ className = "h-6 w-6" }: IconProps) {
  return (
    <svg viewBox="0 0 24 24" className={className} aria-hidden="true" focusable="false">
      <circle cx="12" cy="12" r="10" fill="currentColor" className="text-indigo-600" />
      <g fill="white">
        <circle cx="12" cy="6.5" r="2" />
        <circle cx="12" cy="17.5" r="2" />
        <circle cx="6.5" cy="12" r="2" />
        <circle cx="17.5" cy="12" r="2" />
        <circle cx="12" cy="12" r="1" />
      </g>
    </svg>
  );
}

/** A speaker, with sound waves when `on`. */
export function SpeakerIcon({ on, className = "h-4 w-4" }: IconProps & { on: boolean }) {
  return (
    <svg viewBox="0 0 24 24" className={className} aria-hidden="true" focusable="false" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
      <path d="M4 9v6h4l5 4V5L8 9H4z" fill="currentColor" />
      {on ? <path d="M16 9a4 4 0 0 1 0 6M18.5 6.5a8 8 0 0 1 0 11" /> : <path d="M17 9l5 6M22 9l-5 6" />}
    </svg>
  );
}

/** A microphone, for the DJ. */
export function MicrophoneIcon({ className = "h-4 w-4" }: IconProps) {
  return (
    <svg viewBox="0 0 24 24" className={className} aria-hidden="true" focusable="false" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
      <rect x="9" y="3" width="6" height="11" rx="3" fill="currentColor" />
      <path d="M5 11a7 7 0 0 0 14 0M12 18v3M8 21h8" />
    </svg>
  );
}
