/**
 * `npm run bench [-- --quick] [-- --employees N] [-- --only ratios,P1,…,P6]`: every benchmark, each printed
 * as a ratio or figure next to its goal, measured in this one run. `--quick` uses 500 employees instead of
 * 5,000 for the large-employer figures (P1, P2), 20 administrations instead of 200 for month-end (P3), a
 * tenth of the page-speed data (P5) and a week of approvals over 50 administrations instead of a month
 * over 200 (P6). The run sets the product's V8 memory flags as bin/loket-yuki.js does
 * (`BENCH_V8_DEFAULTS=1` leaves V8's defaults, to compare).
 */
import { importPayslips } from './import-payslips.bench.ts';
import { importServiceBench } from './import-service.bench.ts';
import { loketPaging } from './loket-paging.bench.ts';
import { runBenchmark, runGoalBenchmark } from './measure.ts';
import { pagesBenchmark } from './pages.bench.ts';
import { memoryBench } from './memory.bench.ts';
import { monthEndBench } from './month-end.bench.ts';
import { yukiCallsBench } from './yuki-calls.bench.ts';
import { tuneMemory } from '../src/platform/memory-tuning.ts';

if (!process.env.BENCH_V8_DEFAULTS) tuneMemory();

const args = process.argv.slice(2);
const valueOf = (flag: string) => {
  const at = args.indexOf(flag);
  return at >= 0 ? args[at + 1] : undefined;
};
const quick = args.includes('--quick');
const employees = Number(valueOf('--employees') ?? (quick ? 500 : 5000));
const only = valueOf('--only')?.split(',');
const wanted = (name: string) => !only || only.includes(name);

if (wanted('ratios')) for (const benchmark of [loketPaging, importPayslips]) await runBenchmark(benchmark);
if (wanted('P1')) {
  await importServiceBench('pglite', employees, employees / 5);
  if (process.env.TEST_DATABASE_URL) await importServiceBench('postgres', employees, employees / 5);
  else console.log('P1 [postgres] not measured: set TEST_DATABASE_URL to a PostgreSQL server');
}
if (wanted('P2')) await memoryBench(employees);
if (wanted('P4')) await yukiCallsBench(25);
if (wanted('P5')) await runGoalBenchmark(pagesBenchmark);
// P3 at its goal's 1,000 administrations takes ~21 min on 2 cores (`--administrations 1000`); 200 by default.
if (wanted('P3')) await monthEndBench(Number(valueOf('--administrations') ?? (quick ? 20 : 200)));
if (wanted('P6')) {
  // The month of approvals takes most of an hour on 2 cores; --quick simulates a week over 50 administrations.
  if (quick) Object.assign(process.env, { BENCH_DAYS: '7', BENCH_ADMINISTRATIONS: '50', ...process.env });
  await import('./freshness.bench.ts').then((bench) => bench.runFreshness());
}
process.exit(0);
