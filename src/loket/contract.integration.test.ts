/**
 * Every response the client reads from the sandbox, checked against the official Loket OpenAPI
 * schema (the committed subset) for its path, method, status and resource version — strictly: no field
 * the spec does not name, `required` where the spec has it (test/support/openapi-strict.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { ValidateFunction } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPayrollAdministration, startLoketSandbox } from '../../sandbox/loket/index.ts';
import type { RunningLoketSandbox } from '../../sandbox/loket/index.ts';
import {
  checkRights,
  findPayrollAdministrationByClientNumber,
  listEmployers,
  listEmployments,
  listPayrollAdministrations,
} from './employers.ts';
import {
  getJournalRun,
  listJournalLines,
  listJournalRuns,
  markJournalRunFailed,
  markJournalRunProcessed,
} from './journal-runs.ts';
import {
  getPayrollRun,
  listApprovedPayrollRuns,
  listPayrollPeriods,
  listPayrollRunResults,
  listPayrollRuns,
} from './payroll-runs.ts';
import { downloadPayslipPdf, getPayslipResult, listPayslips } from './payslips.ts';
import { listEmployerVersions } from './last-modified.ts';
import { listPayrollProcessStatuses } from './process-status.ts';
import { listProviders } from './providers.ts';
import { sandboxControl, sandboxFixture } from '../../test/support/loket-fixture.ts';
import { compileStrict, loketAjv, type Json } from '../../test/support/openapi-strict.ts';
import type { SandboxFixture } from '../../test/support/loket-fixture.ts';
import { downloadTaxReturnOverview, getPayrollTaxReturn, listPayrollTaxReturns } from './tax-returns.ts';
import { collectAll } from './paging.ts';

type Operation = {
  operationId: string;
  requestBody?: { content: Record<string, { schema?: Json }> };
  responses: Record<string, { content?: Record<string, { schema?: Json }> }>;
};
type Spec = { paths: Record<string, Record<string, Operation>> };

const spec = JSON.parse(
  readFileSync(new URL('../../sandbox/loket/spec/loket-openapi-subset.json', import.meta.url), 'utf8'),
) as Spec;

const ajv = loketAjv();

type Recorded = {
  method: string;
  path: string;
  status: number;
  contentType: string;
  body: Buffer;
  requestBody: string | null;
};

function matchTemplate(path: string): string | undefined {
  const candidates = Object.keys(spec.paths).filter((template) =>
    new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(path),
  );
  // The most literal segments wins: /payrollruns/{id} beats /{administrationId}/payrollruns.
  return candidates.sort(
    (a, b) => b.replace(/\{[^}]+\}/g, '').length - a.replace(/\{[^}]+\}/g, '').length,
  )[0];
}

const validators = new Map<string, ValidateFunction>();
function validatorFor(key: string, schema: Json): ValidateFunction {
  let validate = validators.get(key);
  if (!validate) {
    validate = compileStrict(ajv, schema);
    validators.set(key, validate);
  }
  return validate;
}

/** Checks one response; returns the operationId and status it exercised. */
function checkAgainstSpec(response: Recorded): string {
  const template = matchTemplate(response.path);
  expect(template, `no spec path for ${response.path}`).toBeDefined();
  const operation = spec.paths[template ?? '']?.[response.method.toLowerCase()];
  expect(operation, `no ${response.method} ${template} in the spec`).toBeDefined();
  const documented = operation?.responses[String(response.status)];
  expect(
    documented,
    `${response.method} ${template}: status ${response.status} is not documented`,
  ).toBeDefined();
  const label = `${operation?.operationId} ${response.status}`;
  if (response.requestBody !== null) {
    // What we send must fit the spec too (PATCH journal run: action, application, message).
    const [requestType, requestContent] = Object.entries(operation?.requestBody?.content ?? {})[0] ?? [];
    const validateRequest = validatorFor(
      `${template} ${response.method} request ${requestType}`,
      requestContent?.schema ?? {},
    );
    expect(
      validateRequest(JSON.parse(response.requestBody)),
      `${label} request: ${ajv.errorsText(validateRequest.errors)}`,
    ).toBe(true);
  }
  if (!documented?.content) {
    expect(response.body.length, `${label}: documented without a body`).toBe(0);
    return label;
  }
  const mediaType = response.contentType
    .split(';')
    .map((part) => part.trim())
    .filter((part) => !/^charset=/i.test(part))
    .join(';');
  const content = documented.content[mediaType];
  expect(
    content,
    `${label}: media type ${mediaType} not among ${Object.keys(documented.content).join(', ')}`,
  ).toBeDefined();
  if (mediaType === 'application/pdf') {
    expect(response.body.subarray(0, 5).toString()).toBe('%PDF-');
    return `${label} pdf`;
  }
  const validate = validatorFor(
    `${template} ${response.method} ${response.status} ${mediaType}`,
    content?.schema ?? {},
  );
  const valid = validate(JSON.parse(response.body.toString('utf8')));
  expect(valid, `${label} ${mediaType}: ${ajv.errorsText(validate.errors, { separator: '\n' })}`).toBe(true);
  return `${label} ${mediaType}`;
}

const recorded: Recorded[] = [];
const recordingFetch: typeof fetch = async (input, init) => {
  const response = await fetch(input, init);
  const url = new URL(String(input));
  if (url.pathname.startsWith('/v2/')) {
    recorded.push({
      method: init?.method ?? 'GET',
      path: url.pathname.slice('/v2'.length),
      status: response.status,
      contentType: response.headers.get('Content-Type') ?? '',
      body: Buffer.from(await response.clone().arrayBuffer()),
      requestBody: typeof init?.body === 'string' ? init.body : null,
    });
  }
  return response;
};

const bakery = demoPayrollAdministration(10231);
let sandbox: RunningLoketSandbox;
let fixture: SandboxFixture;

beforeAll(async () => {
  sandbox = await startLoketSandbox({ today: '2026-11-18', employers: 4 });
  fixture = await sandboxFixture(sandbox);
});
afterAll(() => sandbox.close());

describe('contract with the official Loket spec', () => {
  it('validates every response the client uses, success and error alike', async () => {
    const { connection } = await fixture.connect({ connection: { fetch: recordingFetch } });
    const administration = await findPayrollAdministrationByClientNumber(connection, bakery.clientNumber);
    if (!administration) throw new Error('demo administration missing');
    const [provider] = await listProviders(connection);
    await collectAll(listEmployers(connection));
    // The freshness poll's views: a month id (weekly and 4-weekly administrations have a period 11 too).
    const statuses = await collectAll(listPayrollProcessStatuses(connection, provider?.id ?? '', 202611));
    expect(statuses.length).toBeGreaterThan(1);
    const versions = await collectAll(listEmployerVersions(connection));
    expect(
      await collectAll(
        listEmployerVersions(connection, { after: versions[0]?.lastModifiedVersionNumber ?? 0 }),
      ),
    ).not.toContainEqual(versions[0]);
    await collectAll(listPayrollAdministrations(connection, bakery.employerId));
    await checkRights(connection, bakery.employerId);
    const employments = await collectAll(listEmployments(connection, bakery.employerId, { pageSize: 5 }));
    await collectAll(listPayrollPeriods(connection, administration.id));
    await collectAll(listPayrollRuns(connection, administration.id));
    const [run] = await collectAll(listApprovedPayrollRuns(connection, administration.id));
    await getPayrollRun(connection, run?.id ?? '');
    await collectAll(listPayrollRunResults(connection, run?.id ?? '', { pageSize: 5 }));
    const employmentId = employments[0]?.id ?? '';
    await collectAll(listPayslips(connection, employmentId));
    await getPayslipResult(connection, employmentId, run?.id ?? '');
    await collectAll((await downloadPayslipPdf(connection, employmentId, run?.id ?? '')).stream);
    const journalRuns = await collectAll(listJournalRuns(connection, administration.id));
    const ready = journalRuns.filter((journalRun) => journalRun.status === 4);
    await getJournalRun(connection, ready[0]?.id ?? '');
    await listJournalLines(connection, ready[0]?.id ?? '');
    await markJournalRunProcessed(connection, ready[0]?.id ?? '', { applicationKey: 2 });
    await markJournalRunFailed(connection, ready[1]?.id ?? '', 'Periode is afgesloten in Yuki');
    const taxReturns = await collectAll(listPayrollTaxReturns(connection, administration.id));
    await getPayrollTaxReturn(connection, taxReturns[0]?.id ?? '');
    await collectAll((await downloadTaxReturnOverview(connection, taxReturns[0]?.id ?? '')).stream);

    // The spellings and answers the spec allows and the sandbox can play: braced upper-case GUIDs, an
    // announced obsoleteDate, a PATCH answer without content.
    await sandboxControl(
      sandbox.controlUrl,
      '/faults',
      {
        bracedGuids: true,
        obsoleteDates: { GetEmployersByUserId: '2027-06-30' },
        journalRunPatchAnswer: 'noContent',
      },
      'PUT',
    );
    await collectAll(listEmployers(connection));
    await markJournalRunProcessed(connection, ready[0]?.id ?? '');
    await sandboxControl(sandbox.controlUrl, '/faults', {}, 'DELETE');

    // Error responses: 400 (bad filter, results too early), 401, 403, 404, 409.
    await expect(
      collectAll(listPayrollRuns(connection, administration.id, { filter: 'status is 9' })),
    ).rejects.toThrow();
    await fixture.control('/periods/advance', { payrollAdministrationId: administration.id });
    await fixture.control('/payroll-runs', {
      payrollAdministrationId: administration.id,
      journalRunStatus: 0,
    });
    const pending = (await collectAll(listJournalRuns(connection, administration.id))).find(
      (journalRun) => journalRun.status === 0,
    );
    await expect(listJournalLines(connection, pending?.id ?? '')).rejects.toThrow();
    await expect(markJournalRunProcessed(connection, pending?.id ?? '')).rejects.toThrow();
    await expect(getPayrollRun(connection, '00000000-0000-4000-8000-000000000000')).rejects.toThrow();
    const { connection: limited } = await fixture.connect({
      username: 'zonder.loonaangifte',
      connection: { fetch: recordingFetch },
    });
    await expect(collectAll(listPayrollTaxReturns(limited, administration.id))).rejects.toThrow();
    const { connection: expired } = await fixture.connect({
      connection: {
        fetch: recordingFetch,
        tokens: { accessToken: 'verlopen', refreshToken: 'ingetrokken', expiresAt: Date.now() + 3_600_000 },
      },
    });
    await expect(collectAll(listEmployers(expired))).rejects.toThrow();

    const exercised = new Set(recorded.map(checkAgainstSpec));
    const operations = Object.values(spec.paths).flatMap((methods) =>
      Object.values(methods).map((operation) => operation.operationId),
    );
    for (const operationId of operations) {
      expect(
        [...exercised].some((label) => label.startsWith(`${operationId} 200`)),
        `${operationId} 200 not exercised`,
      ).toBe(true);
    }
    // Every activity the client's modules name is in the subset and was exercised (src/loket/*.ts).
    const clientActivities = readdirSync(new URL('.', import.meta.url))
      .filter((file) => file.endsWith('.ts') && !file.includes('.test.'))
      .flatMap((file) => [
        ...readFileSync(new URL(file, import.meta.url), 'utf8').matchAll(/activity: '(\w+)'/g),
      ])
      .map((match) => match[1] ?? '');
    expect(new Set(clientActivities).size).toBe(operations.length);
    for (const activity of clientActivities) {
      expect(operations, `${activity} missing from the spec subset`).toContain(activity);
      expect(
        [...exercised].some((label) => label.startsWith(`${activity} 200`)),
        `${activity} 200 not exercised`,
      ).toBe(true);
    }
    for (const status of [400, 401, 403, 404, 409]) {
      expect(
        [...exercised].some((label) => label.split(' ')[1] === String(status)),
        `no ${status} exercised`,
      ).toBe(true);
    }
  });

  it('would reject a response that breaks the schema', () => {
    const operation =
      spec.paths['/providers/employers/payrolladministrations/journalruns/{journalrunId}/results']?.get;
    const schema =
      operation?.responses['200']?.content?.['application/json;version=2018-01-01']?.schema ?? {};
    const validate = compileStrict(ajv, schema);
    const line = {
      generalLedgerAccount: { key: 1, code: '40000', description: 'Brutolonen' },
      costCenter: null,
      debetAmount: 1,
      creditAmount: 0,
    };
    expect(validate({ _embedded: [line] })).toBe(true);
    expect(validate({ _embedded: [{ ...line, debetAmount: '1.00' }] })).toBe(false);
    expect(validate({ _embedded: [{ ...line, generalLedgerAccount: null }] })).toBe(false);
  });
});
