/**
 * @module measure
 * A benchmark compares candidates with a baseline measured in the same run, on the same machine, and
 * prints the ratio — never an absolute time to compare across machines.
 */
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
