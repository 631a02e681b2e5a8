import { closedLoopSamples } from "./closed-loop-load";
import { loadResult, type LoadResult, type LoadSamples } from "./load-result";
import { openLoopSamples } from "./open-loop-load";

/** How a row loads the server: a closed loop over `connections`, or `offeredRate` requests per second arriving over them. */
export interface LoadShape {
  connections: number;
  offeredRate: number | null;
}

/** A row measured beside the health floor (GET /api/health, a Next route handler doing no work) under the same load shape. */
export interface RowAgainstFloor {
  row: LoadResult;
  floor: LoadResult;
  rounds: number;
  ratios: FloorRatios;
}

/**
 * Row ÷ floor. Throughput below 1 is the share of the floor's requests per second the row
 * serves (meaningful for closed loops; an open loop that keeps up serves its offered rate either
 * way); latency above 1 is how many times the floor's latency the row takes.
 */
export interface FloorRatios {
  throughput: number;
  p50: number;
  p99: number;
}

const ratio = (row: number, floor: number) => (floor > 0 && Number.isFinite(row) ? Math.round((row / floor) * 1000) / 1000 : Number.NaN);

export function floorRatios(row: LoadResult, floor: LoadResult): FloorRatios {
  return {
    throughput: ratio(row.requestsPerSecond, floor.requestsPerSecond),
    p50: ratio(row.latencyMs.p50, floor.latencyMs.p50),
    p99: ratio(row.latencyMs.p99, floor.latencyMs.p99),
  };
}

/** Which runs first in each round: the floor in even rounds, the row in odd ones, so drift within a round falls on both. */
export function roundOrder(round: number): Array<"floor" | "row"> {
  return round % 2 === 0 ? ["floor", "row"] : ["row", "floor"];
}

export interface AgainstFloorOptions {
  rounds: number;
  secondsPerRound: number;
  /** The row's POST path (the floor is always GET /api/health). */
  path?: string;
}

/**
 * Runs the row's load and the same load shape against GET /api/health in alternating stretches
 * (`rounds` of each, `secondsPerRound` long), so that whatever else the machine does falls on
 * both alike and their ratio keeps what the server does. Each side's stretches add up to one row.
 */
export async function measureAgainstFloor(baseUrl: string, label: string, bodies: readonly string[], shape: LoadShape, options: AgainstFloorOptions): Promise<RowAgainstFloor> {
  const path = options.path ?? "/api/recommend";
  const stretch = (side: "floor" | "row"): Promise<LoadSamples> => {
    const sidePath = side === "floor" ? "/api/health" : path;
    if (shape.offeredRate === null) return closedLoopSamples(baseUrl, side === "floor" ? [] : bodies, shape.connections, { seconds: options.secondsPerRound, path: sidePath });
    return openLoopSamples(`${baseUrl}${sidePath}`, side === "floor" ? null : bodies, { rate: shape.offeredRate, seconds: options.secondsPerRound, connections: shape.connections });
  };
  const stretches: Record<"floor" | "row", LoadSamples[]> = { floor: [], row: [] };
  for (let round = 0; round < options.rounds; round++) {
    for (const side of roundOrder(round)) stretches[side].push(await stretch(side));
  }
  const row = loadResult(label, shape, stretches.row);
  const floor = loadResult("GET /api/health (floor)", shape, stretches.floor);
  return { row, floor, rounds: options.rounds, ratios: floorRatios(row, floor) };
}
