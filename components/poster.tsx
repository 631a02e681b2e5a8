import { useId } from "react";
import { posterArt } from "../lib/chat/poster-art";

/** A generated 2:3 poster: gradient, motif and initials from the title and genres. Decorative. */
export function Poster({ title, genres, className = "" }: { title: string; genres: readonly string[]; className?: string }) {
  const art = posterArt(title, genres);
  const gradientId = `poster-${useId().replace(/:/g, "")}`;
  const radians = (art.angle * Math.PI) / 180;
  const dx = Math.cos(radians) / 2;
  const dy = Math.sin(radians) / 2;
  const { x, y } = art.focus;
  return (
    <svg viewBox="0 0 120 180" className={className} aria-hidden="true" focusable="false" data-testid="poster" data-motif={art.motif}>
      <defs>
        <linearGradient id={gradientId} x1={0.5 - dx} y1={0.5 - dy} x2={0.5 + dx} y2={0.5 + dy}>
          <stop offset="0%" stopColor={art.colors[0]} />
          <stop offset="55%" stopColor={art.colors[1]} />
          <stop offset="100%" stopColor={art.colors[2]} />
        </linearGradient>
      </defs>
      <rect width="120" height="180" fill={`url(#${gradientId})`} />
      <g fill="none" stroke={art.ink} strokeOpacity="0.45" strokeWidth="2">
        {art.motif === "sun" && <circle cx={x} cy={y} r="26" fill={art.ink} fillOpacity="0.25" stroke="none" />}
        {art.motif === "rings" && [10, 20, 30, 40].map((radius) => <circle key={radius} cx={x} cy={y} r={radius} />)}
        {art.motif === "stripes" && [0, 1, 2, 3, 4, 5].map((index) => <line key={index} x1={-20 + index * 22} y1={180} x2={40 + index * 22} y2={0} />)}
        {art.motif === "peaks" && <path d={`M0 ${y + 60} L${x - 25} ${y + 10} L${x} ${y + 40} L${x + 30} ${y - 5} L120 ${y + 55} L120 180 L0 180 Z`} fill={art.ink} fillOpacity="0.18" stroke="none" />}
        {art.motif === "grid" && [20, 40, 60, 80, 100].map((offset) => <path key={offset} d={`M${offset} 0 V180 M0 ${offset * 1.5} H120`} strokeOpacity="0.18" />)}
      </g>
      <text x="10" y="168" fill={art.ink} fontSize="34" fontWeight="700" fontFamily="ui-sans-serif, system-ui, sans-serif" letterSpacing="1">
        {art.initials}
      </text>
    </svg>
  );
}
