"use client";

import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import type { TimelinePoint } from "../../lib/metrics/insights/insights-view";
import { ChartFrame } from "./chart-frame";
import { clockTime, REASONER_COLOURS } from "./chart-format";

/** Answers per time bucket, stacked by the reasoner that answered. */
export function RouteMixChart({ timeline }: { timeline: readonly TimelinePoint[] }) {
  return (
    <ChartFrame label="Answers over time by reasoner: fast, offline, LLM">
      <BarChart data={[...timeline]} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="#71717a33" />
        <XAxis dataKey="at" tickFormatter={clockTime} fontSize={11} minTickGap={24} />
        <YAxis allowDecimals={false} fontSize={11} width={40} />
        <Tooltip labelFormatter={(value) => clockTime(Number(value))} />
        <Legend />
        <Bar dataKey="fast" name="fast" stackId="answers" fill={REASONER_COLOURS.fast} isAnimationActive={false} />
        <Bar dataKey="offline" name="offline reasoner" stackId="answers" fill={REASONER_COLOURS.offline} isAnimationActive={false} />
        <Bar dataKey="llm" name="LLM" stackId="answers" fill={REASONER_COLOURS.llm} isAnimationActive={false} />
      </BarChart>
    </ChartFrame>
  );
}
