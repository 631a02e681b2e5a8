"use client";

import { CartesianGrid, ComposedChart, Bar, Legend, Line, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import type { TimelinePoint } from "../../lib/metrics/insights/insights-view";
import { ChartFrame } from "./chart-frame";
import { clockTime, usd } from "./chart-format";

/**
 * LLM spend per bucket (bars) and over the trailing budget window (line) against the global
 * ceiling per window, and the pacing target scaled to the window when one is set.
 */
export function SpendChart({ timeline, ceilingUsd, targetUsdPerWindow }: { timeline: readonly TimelinePoint[]; ceilingUsd: number; targetUsdPerWindow: number | null }) {
  const highest = Math.max(ceilingUsd, ...timeline.map((point) => point.windowSpendUsd));
  return (
    <ChartFrame label="LLM spend over time against the global ceiling">
      <ComposedChart data={[...timeline]} margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="#71717a33" />
        <XAxis dataKey="at" tickFormatter={clockTime} fontSize={11} minTickGap={24} />
        <YAxis tickFormatter={(value: number) => usd(value)} fontSize={11} width={64} domain={[0, highest * 1.1 || 1]} />
        <Tooltip labelFormatter={(value) => clockTime(Number(value))} formatter={(value) => usd(Number(value))} />
        <Legend />
        <Bar dataKey="spendUsd" name="spent in the bucket" fill="#f97316" isAnimationActive={false} />
        <Line type="stepAfter" dataKey="windowSpendUsd" name="spent over the budget window" stroke="#dc2626" dot={false} isAnimationActive={false} />
        <ReferenceLine y={ceilingUsd} stroke="#dc2626" strokeDasharray="6 3" label={{ value: `ceiling ${usd(ceilingUsd)}`, fontSize: 11, position: "insideTopRight" }} />
        {targetUsdPerWindow !== null && (
          <ReferenceLine y={targetUsdPerWindow} stroke="#16a34a" strokeDasharray="4 4" label={{ value: `pacing target ${usd(targetUsdPerWindow)}`, fontSize: 11, position: "insideBottomRight" }} />
        )}
      </ComposedChart>
    </ChartFrame>
  );
}
