"use client";

import type { ReactElement } from "react";
import { ResponsiveContainer } from "recharts";

/** Recharts' charts draw once measured; the initial size keeps the server render and the first paint the same shape. */
export function ChartFrame({ height = 240, children, label }: { height?: number; children: ReactElement; label: string }) {
  return (
    <div role="img" aria-label={label} className="w-full" style={{ height }}>
      <ResponsiveContainer width="100%" height={height} initialDimension={{ width: 640, height }}>
        {children}
      </ResponsiveContainer>
    </div>
  );
}
