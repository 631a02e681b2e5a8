"use client";

import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import type { LatencyRow } from "../../lib/metrics/insights/insights-view";
import { ChartFrame } from "./chart-frame";
import { milliseconds } from "./chart-format";

/** p50 / p95 / p99 per path or reasoner, from the summed histograms. */
export function LatencyChart({ rows, label }: { rows: readonly LatencyRow[]; label: string }) {
  return (
    <ChartFrame label={label} height={220}>
      <BarChart data={rows.map((row) => ({ label: row.label, p50: row.p50Ms, p95: row.p95Ms, p99: row.p99Ms }))} margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="#71717a33" />
        <XAxis dataKey="label" fontSize={11} interval={0} />
        <YAxis scale="log" domain={["auto", "auto"]} allowDataOverflow tickFormatter={(value: number) => milliseconds(value)} fontSize={11} width={64} />
        <Tooltip formatter={(value) => milliseconds(Number(value))} />
        <Legend />
        <Bar dataKey="p50" fill="#38bdf8" isAnimationActive={false} />
        <Bar dataKey="p95" fill="#6366f1" isAnimationActive={false} />
        <Bar dataKey="p99" fill="#be185d" isAnimationActive={false} />
      </BarChart>
    </ChartFrame>
  );
}
