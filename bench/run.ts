/**
 * `npm run bench`: every benchmark, each as ratios against its own baseline measured in the same run.
 */
import { loketPaging } from './loket-paging.bench.ts';
import { runBenchmark } from './measure.ts';

for (const benchmark of [loketPaging]) await runBenchmark(benchmark);
