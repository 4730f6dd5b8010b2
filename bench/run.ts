/**
 * `npm run bench`: every benchmark, each as ratios against its own baseline measured in the same run.
 */
import { importPayslips } from './import-payslips.bench.ts';
import { loketPaging } from './loket-paging.bench.ts';
import { runBenchmark } from './measure.ts';

for (const benchmark of [loketPaging, importPayslips]) await runBenchmark(benchmark);
await import('./freshness.bench.ts').then((bench) => bench.runFreshness());
