"use client";

import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import type { PacingPoint } from "../../lib/metrics/insights/operator-series";
import { ChartFrame } from "./chart-frame";
import { clockTime, usd } from "./chart-format";

/** The pacing loop's bar on the complexity score over time, and the spend rates that moved it. */
export function PacingChart({ points }: { points: readonly PacingPoint[] }) {
  const data = points.map((point) => ({ at: point.at, bar: point.bar ?? 0, target: point.targetUsdPerHour, observed: point.observedUsdPerHour }));
  return (
    <ChartFrame label="Pacing bar over time, with the target and observed spend rates">
      <LineChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="#71717a33" />
        <XAxis dataKey="at" tickFormatter={clockTime} fontSize={11} minTickGap={24} />
        <YAxis yAxisId="bar" domain={[0, 1]} fontSize={11} width={40} />
        <YAxis yAxisId="usd" orientation="right" tickFormatter={(value: number) => usd(value)} fontSize={11} width={64} />
        <Tooltip labelFormatter={(value) => clockTime(Number(value))} />
        <Legend />
        <Line yAxisId="bar" type="stepAfter" dataKey="bar" name="bar (complexity score)" stroke="#7c3aed" dot={false} isAnimationActive={false} />
        <Line yAxisId="usd" type="monotone" dataKey="observed" name="observed $/h" stroke="#f97316" dot={false} isAnimationActive={false} />
        <Line yAxisId="usd" type="stepAfter" dataKey="target" name="target $/h" stroke="#16a34a" strokeDasharray="4 4" dot={false} isAnimationActive={false} />
      </LineChart>
    </ChartFrame>
  );
}
