/**
 * @module measure
 * A benchmark compares candidates with a baseline measured in the same run, on the same machine, and
 * prints the ratio — never an absolute time to compare across machines.
 */
import { cpus, loadavg } from 'node:os';

export type Benchmark = {
  name: string;
  /** Runs once before the rounds; returns the work to time and what to close afterwards. */
  setup(): Promise<{
    baseline: () => Promise<void>;
    candidates: Record<string, () => Promise<void>>;
    close(): Promise<void>;
  }>;
  rounds?: number;
};

async function time(work: () => Promise<void>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

export async function runBenchmark(benchmark: Benchmark): Promise<void> {
  const { baseline, candidates, close } = await benchmark.setup();
  const rounds = benchmark.rounds ?? 5;
  try {
    await baseline();
    for (const candidate of Object.values(candidates)) await candidate();
    // Interleave the rounds so drift on a busy machine hits baseline and candidates alike.
    const samples = new Map<string, number[]>([
      ['baseline', []],
      ...Object.keys(candidates).map((name) => [name, []] as [string, number[]]),
    ]);
    for (let round = 0; round < rounds; round++) {
      samples.get('baseline')!.push(await time(baseline));
      for (const [name, candidate] of Object.entries(candidates))
        samples.get(name)!.push(await time(candidate));
    }
    const base = median(samples.get('baseline')!);
    console.log(`\n${benchmark.name} (median of ${rounds} rounds)`);
    console.log(`  baseline          1.00×  (${base.toFixed(1)} ms)`);
    for (const name of Object.keys(candidates)) {
      const value = median(samples.get(name)!);
      console.log(`  ${name.padEnd(16)} ${(value / base).toFixed(2)}×  (${value.toFixed(1)} ms)`);
    }
  } finally {
    await close();
  }
}

/**
 * A benchmark against a fixed goal (issue 13's page speeds): each measurement is timed `samples` times
 * after a warm-up, and its 95th percentile is printed beside the goal.
 */
export type GoalBenchmark = {
  name: string;
  setup(): Promise<{ measurements: Record<string, () => Promise<void>>; close(): Promise<void> }>;
  goalMs: number;
  samples?: number;
};

function percentile(values: number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)]!;
}

export async function runGoalBenchmark(benchmark: GoalBenchmark): Promise<void> {
  const { measurements, close } = await benchmark.setup();
  const samples = benchmark.samples ?? 40;
  try {
    console.log(`\n${benchmark.name} (p95 of ${samples} requests each)`);
    for (const [name, work] of Object.entries(measurements)) {
      await work();
      const times: number[] = [];
      const cpu: number[] = [];
      for (let sample = 0; sample < samples; sample++) {
        const before = process.cpuUsage();
        times.push(await time(work));
        const used = process.cpuUsage(before);
        cpu.push((used.user + used.system) / 1000);
      }
      const p95 = percentile(times, 0.95);
      // PGlite runs in this process, so its CPU time is the request's own work, whatever else loads the machine.
      console.log(
        `  ${name.padEnd(32)} p95 ${p95.toFixed(1)} ms (goal ≤ ${benchmark.goalMs} ms)${p95 <= benchmark.goalMs ? '' : '  MISSED'}` +
          `; CPU p95 ${percentile(cpu, 0.95).toFixed(1)} ms, median ${percentile(cpu, 0.5).toFixed(1)} ms`,
      );
    }
    console.log(
      `  (load average ${loadavg()
        .map((load) => load.toFixed(1))
        .join(' ')} on ${cpus().length} cores)`,
    );
  } finally {
    await close();
  }
}
