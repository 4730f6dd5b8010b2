/**
 * The Loket client's cost over the wire itself: listing a 5,000-employee payroll run's results through
 * the client (zod parsing, token handling, retries, concurrency limit) against raw fetches of the same
 * pages with JSON.parse only.
 */
import { startLoketSandbox, demoPayrollAdministration } from '../sandbox/loket/index.ts';
import { listApprovedPayrollRuns, listPayrollRunResults } from '../src/loket/payroll-runs.ts';
import { sandboxFixture } from '../test/support/loket-fixture.ts';
import type { Benchmark } from './measure.ts';

const EMPLOYEES = 5000;
const PAGE_SIZE = 250;

export const loketPaging: Benchmark = {
  name: `Loket: list ${EMPLOYEES} payroll results (client vs raw fetch)`,
  rounds: 5,
  async setup() {
    const sandbox = await startLoketSandbox({
      employers: 1,
      employeesPerAdministration: EMPLOYEES,
      months: 1,
    });
    const fixture = await sandboxFixture(sandbox);
    const { connection, tokens } = await fixture.connect();
    const bakery = demoPayrollAdministration(10231);
    let runId = '';
    for await (const run of listApprovedPayrollRuns(connection, bakery.payrollAdministrationId))
      runId = run.id;

    const raw = async () => {
      for (let page = 1; page <= EMPLOYEES / PAGE_SIZE; page++) {
        const response = await fetch(
          `${sandbox.url}/providers/employers/payrolladministrations/payrollruns/${runId}/results?pageNumber=${page}&pageSize=${PAGE_SIZE}`,
          {
            headers: {
              authorization: `Bearer ${tokens.accessToken}`,
              accept: 'application/json;version=2019-12-16',
            },
          },
        );
        JSON.parse(await response.text());
      }
    };
    const client = async () => {
      let count = 0;
      for await (const _result of listPayrollRunResults(connection, runId, { pageSize: PAGE_SIZE })) count++;
      if (count !== EMPLOYEES) throw new Error(`listed ${count} results`);
    };
    return { baseline: raw, candidates: { 'loket client': client }, close: () => sandbox.close() };
  },
};
