"use client";

import { Bar, BarChart, CartesianGrid, ErrorBar, Tooltip, XAxis, YAxis } from "recharts";
import type { ArmRow } from "../../lib/metrics/insights/insights-view";
import { ChartFrame } from "./chart-frame";
import { percent } from "./chart-format";

/** Reward per shown slot for each explanation arm, with its 95 % interval as error bars. */
export function ArmsChart({ arms }: { arms: readonly ArmRow[] }) {
  const data = arms.filter((arm) => arm.rate !== null).map((arm) => ({ arm: arm.arm, rate: arm.rate, interval: [arm.rate! - arm.low!, arm.high! - arm.rate!] }));
  return (
    <ChartFrame label="Reward rate per explanation arm with 95 % intervals" height={260}>
      <BarChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="#71717a33" />
        <XAxis dataKey="arm" fontSize={11} interval={0} angle={-25} textAnchor="end" height={64} />
        <YAxis domain={[0, 1]} tickFormatter={(value: number) => percent(value)} fontSize={11} width={56} />
        <Tooltip formatter={(value) => percent(Number(value))} />
        <Bar dataKey="rate" name="reward per shown slot" fill="#14b8a6" isAnimationActive={false}>
          <ErrorBar dataKey="interval" width={6} stroke="#0f766e" />
        </Bar>
      </BarChart>
    </ChartFrame>
  );
}
