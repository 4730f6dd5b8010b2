/**
 * `npm run bench`: every benchmark, each as ratios against its own baseline measured in the same run,
 * then the page speeds against their goal (`-- --quick` for a tenth of the data).
 */
import { importPayslips } from './import-payslips.bench.ts';
import { loketPaging } from './loket-paging.bench.ts';
import { pagesBenchmark } from './pages.bench.ts';
import { runBenchmark, runGoalBenchmark } from './measure.ts';

for (const benchmark of [loketPaging, importPayslips]) await runBenchmark(benchmark);
await runGoalBenchmark(pagesBenchmark);
