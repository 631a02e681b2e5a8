import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { loadavg } from "node:os";

/** One named step of a child's work, delimited by the log lines that announce it. */
export interface PhaseRecord {
  name: string;
  seconds: number;
  /** Highest resident memory sampled while the phase ran, MB. */
  peakRssMb: number;
  /** CPU time (user + system) the child spent in the phase: unlike `seconds`, unaffected by other jobs or pauses. */
  cpuSeconds: number;
  /** Wall time in the phase while the child or this monitor was stopped (SIGSTOP by another job on the shared machine). */
  pausedSeconds: number;
}

export interface MonitoredRun {
  finished: boolean;
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  /** Why the run did not finish: time limit, memory limit, machine memory, crash. Null when it did. */
  failure: string | null;
  seconds: number;
  /** The kernel's high-water mark of the child's resident memory (VmHWM), MB. */
  peakRssMb: number;
  phases: PhaseRecord[];
  /** The phase running when the child ended (for a failure: where it broke). */
  lastPhase: string | null;
  /** Mean 1-minute load average over the run: other jobs on the shared 2 cores. */
  meanLoadAverage: number;
  /** CPU time (user + system) of the child over the run. */
  cpuSeconds: number;
  /** Wall time during which the child or this monitor was stopped (included in `seconds`). */
  pausedSeconds: number;
  stdout: string;
  /** The last lines of stdout + stderr, for the report of a crash. */
  tail: string[];
}

export interface MonitorOptions {
  args: string[];
  environment?: Record<string, string>;
  /** Kill the child after this long. */
  timeLimitMs: number;
  /** Kill the child when its resident memory exceeds this. */
  memoryLimitMb: number;
  /** Kill the child when the machine's MemAvailable falls below this (protects other users). */
  minimumAvailableMb: number;
  /** V8 heap ceiling for the child. */
  maxOldSpaceMb: number;
  /** Maps a log line to the phase it starts, or null when it starts none. */
  phaseOf: (line: string) => string | null;
  /** Receives each output line (progress display). */
  onLine?: (line: string) => void;
  sampleIntervalMs?: number;
}

function statusKb(pid: number, field: "VmRSS" | "VmHWM"): number {
  try {
    const match = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

/** The child's scheduler state letter and CPU ticks (user + system) from /proc/<pid>/stat; null once it is gone. */
function processStat(pid: number): { state: string; cpuTicks: number } | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) may hold spaces: fields are counted after its closing parenthesis.
    const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
    return { state: fields[0], cpuTicks: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return null;
  }
}

/** Kernel clock ticks per second for /proc CPU times (USER_HZ: 100 on every Linux target here). */
const TICKS_PER_SECOND = 100;

function availableMb(): number {
  const match = /MemAvailable:\s+(\d+) kB/.exec(readFileSync("/proc/meminfo", "utf8"));
  return match ? Number(match[1]) / 1024 : Number.POSITIVE_INFINITY;
}

const running = new Set<ChildProcess>();
/** Kills every child still running (call on SIGINT/SIGTERM of the parent). */
export function killRunningChildren(): void {
  for (const child of running) child.kill("SIGKILL");
}

/**
 * Runs `node --import tsx <args>` and watches it: /proc samples of its resident memory every
 * `sampleIntervalMs` (default 200 ms), the phase it is in from its log lines, and the time,
 * memory and machine-memory limits, any of which kills it and records the run as not finished
 * instead of letting it take the machine down. Linux only (/proc).
 */
export function runMonitored(options: MonitorOptions): Promise<MonitoredRun> {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(process.execPath, [`--max-old-space-size=${options.maxOldSpaceMb}`, "--import", "tsx", ...options.args], {
      env: { ...process.env, ...options.environment },
    });
    running.add(child);
    const pid = child.pid!;
    const phases: PhaseRecord[] = [];
    let phase: { name: string; started: number; peakRssMb: number; startTicks: number; pausedMs: number } | null = null;
    const sampleIntervalMs = options.sampleIntervalMs ?? 200;
    let lastTicks = 0;
    let lastSample = performance.now();
    let pausedMs = 0;
    let killedFor: string | null = null;
    let peakKb = 0;
    const loads: number[] = [];
    let stdout = "";
    const tail: string[] = [];
    const closePhase = () => {
      if (phase) {
        const ticks = processStat(pid)?.cpuTicks ?? lastTicks;
        phases.push({
          name: phase.name,
          seconds: Math.round((performance.now() - phase.started) / 100) / 10,
          peakRssMb: phase.peakRssMb,
          cpuSeconds: Math.round((10 * (ticks - phase.startTicks)) / TICKS_PER_SECOND) / 10,
          pausedSeconds: Math.round(phase.pausedMs / 100) / 10,
        });
      }
    };
    const onLine = (line: string) => {
      tail.push(line);
      if (tail.length > 12) tail.shift();
      options.onLine?.(line);
      const next = options.phaseOf(line.trim());
      if (next) {
        closePhase();
        phase = { name: next, started: performance.now(), peakRssMb: Math.round(statusKb(pid, "VmRSS") / 1024), startTicks: processStat(pid)?.cpuTicks ?? lastTicks, pausedMs: 0 };
      }
    };
    const splitter = (keep: boolean) => {
      let pending = "";
      return (chunk: Buffer) => {
        const text = chunk.toString();
        if (keep) stdout += text;
        pending += text;
        const lines = pending.split("\n");
        pending = lines.pop()!;
        lines.filter((line) => line.trim()).forEach(onLine);
      };
    };
    child.stdout.on("data", splitter(true));
    child.stderr.on("data", splitter(false));
    const kill = (reason: string) => {
      if (killedFor) return;
      killedFor = reason;
      child.kill("SIGKILL");
    };
    const sampler = setInterval(() => {
      // Paused time: the child seen stopped (state T), or this monitor itself stopped (a sampling gap).
      const now = performance.now();
      const stat = processStat(pid);
      const gap = now - lastSample;
      const paused = stat?.state === "T" ? gap : gap > 5 * sampleIntervalMs ? gap - sampleIntervalMs : 0;
      lastSample = now;
      if (stat) lastTicks = stat.cpuTicks;
      pausedMs += paused;
      if (phase) phase.pausedMs += paused;
      const rssMb = statusKb(pid, "VmRSS") / 1024;
      peakKb = Math.max(peakKb, statusKb(pid, "VmHWM"));
      if (phase) phase.peakRssMb = Math.max(phase.peakRssMb, Math.round(rssMb));
      loads.push(loadavg()[0]);
      if (rssMb > options.memoryLimitMb) kill(`resident memory passed the ${options.memoryLimitMb} MB limit`);
      else if (availableMb() < options.minimumAvailableMb) kill(`machine MemAvailable fell below ${options.minimumAvailableMb} MB (child at ${Math.round(rssMb)} MB)`);
    }, sampleIntervalMs);
    const timer = setTimeout(() => kill(`exceeded the ${Math.round(options.timeLimitMs / 60_000)} min time limit`), options.timeLimitMs);
    child.on("close", (exitCode, signal) => {
      clearInterval(sampler);
      clearTimeout(timer);
      running.delete(child);
      const lastPhase = (phase as { name: string } | null)?.name ?? null;
      closePhase();
      const finished = exitCode === 0 && !killedFor;
      const crash = signal ? `killed by ${signal}${signal === "SIGKILL" ? " (the kernel's OOM killer?)" : ""}` : `exit code ${exitCode}: ${tail.slice(-3).join(" | ")}`;
      resolve({
        finished,
        exitCode,
        signal,
        failure: finished ? null : (killedFor ?? crash),
        seconds: Math.round((performance.now() - started) / 100) / 10,
        peakRssMb: Math.round(peakKb / 1024),
        phases,
        lastPhase,
        meanLoadAverage: loads.length ? Math.round((10 * loads.reduce((sum, value) => sum + value, 0)) / loads.length) / 10 : loadavg()[0],
        cpuSeconds: Math.round((10 * lastTicks) / TICKS_PER_SECOND) / 10,
        pausedSeconds: Math.round(pausedMs / 100) / 10,
        stdout,
        tail,
      });
    });
  });
}
