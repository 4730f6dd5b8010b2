import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { demoFirm } from '../shared/demo-firm.ts';
import { isValidPaymentReference } from './data/payment-reference.ts';
import { createLoketSandbox, demoPayrollAdministration } from './index.ts';
import type { LoketSandbox } from './index.ts';

const bakery = demoPayrollAdministration(10231);
const installer = demoPayrollAdministration(20417);
const ADMIN = '/v2/providers/employers/payrolladministrations';

async function signIn(sandbox: LoketSandbox, username = 'koppeling.yuki'): Promise<string> {
  const { world } = sandbox;
  const user = world.user(username);
  // The client Loket enabled the password flow for, by exception.
  const client = world.clients.find((candidate) => candidate.passwordFlow)!;
  const response = await sandbox.app.request('/oauth/token', {
    method: 'POST',
    // Some clients send text/plain; Loket reads it anyway.
    headers: { 'Content-Type': 'text/plain' },
    body: new URLSearchParams({
      grant_type: 'password',
      client_id: client.clientId,
      client_secret: client.clientSecret,
      username,
      password: user?.password ?? '',
    }).toString(),
  });
  const body = (await response.json()) as {
    access_token: string;
    token_type: string;
    expires_in: number;
    two_factor_state: string;
  };
  expect(body).toMatchObject({ token_type: 'bearer', expires_in: 3599, two_factor_state: 'None' });
  return body.access_token;
}

function get(
  sandbox: LoketSandbox,
  path: string,
  token: string,
  accept = 'application/json;version=2018-01-01',
) {
  return sandbox.app.request(path, { headers: { Authorization: `Bearer ${token}`, Accept: accept } });
}

describe('Loket sandbox conventions', () => {
  const sandbox = createLoketSandbox({ today: '2026-11-18' });

  it('gives the password grant only to a client enabled for it; every client gets the code flow', async () => {
    const sandbox = createLoketSandbox();
    const token = (client: { clientId: string; clientSecret: string }, extra: Record<string, string>) =>
      sandbox.app.request('/oauth/token', {
        method: 'POST',
        body: new URLSearchParams({
          client_id: client.clientId,
          client_secret: client.clientSecret,
          ...extra,
        }),
      });
    const user = sandbox.world.users[0]!;
    const password = { grant_type: 'password', username: user.username, password: user.password };
    const [standard, exception] = sandbox.world.clients;
    expect(standard!.passwordFlow).toBe(false);
    const refused = await token(standard!, password);
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ error: 'unauthorized_client' });
    expect((await token(exception!, password)).status).toBe(200);
  });

  it('answers 401 with Loket’s body without a valid token', async () => {
    const response = await get(sandbox, '/v2/providers/employers', 'nope');
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ message: 'Authorization has been denied for this request.' });
  });

  it('answers 403 with Loket’s body for a user lacking the right, 404 with an empty body', async () => {
    const token = await signIn(sandbox, 'zonder.loonaangifte');
    const forbidden = await get(
      sandbox,
      `${ADMIN}/${bakery.payrollAdministrationId}/payrolltaxreturns`,
      token,
    );
    expect(forbidden.status).toBe(403);
    expect(await forbidden.json()).toEqual({
      message:
        'Insufficient rights for this request, reason "User doesn\'t have rechten to perform activity for the given Id."',
    });
    const missing = await get(sandbox, `${ADMIN}/payrollruns/00000000-0000-4000-8000-000000000000`, token);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toBe('');
  });

  it('resolves the Accept version per resource and echoes it', async () => {
    const token = await signIn(sandbox);
    const old = await get(
      sandbox,
      `/v2/providers/employers/${bakery.employerId}/authorizations`,
      token,
      'application/json;version=2019-01-01',
    );
    expect(old.headers.get('Content-Type')).toBe('application/json;version=2018-01-01');
    expect(((await old.json()) as { _embedded: unknown[] })._embedded[0]).toEqual({
      name: expect.any(String),
    });
    const newer = await get(
      sandbox,
      `/v2/providers/employers/${bakery.employerId}/authorizations`,
      token,
      'application/json;version=2026-01-01',
    );
    expect(
      ((await newer.json()) as { version: { resourceVersion: string }; _embedded: unknown[] }).version
        .resourceVersion,
    ).toBe('2019-02-11');
    const tooOld = await get(
      sandbox,
      `/v2/providers/employers/${bakery.employerId}/employees/employments`,
      token,
      'application/json;version=2018-01-01',
    );
    expect(tooOld.status).toBe(400);
    expect(((await tooOld.json()) as { messages: Array<{ type: string }> }).messages[0]?.type).toBe(
      'BrokenBusinessRule',
    );
    expect(
      (await sandbox.app.request('/v2/providers', { headers: { Authorization: `Bearer ${token}` } })).status,
    ).toBe(400);
    const providers = await get(sandbox, '/v2/providers', token);
    expect(await providers.json()).toMatchObject({ totalSize: 1, _embedded: [{ name: demoFirm.name }] });
  });

  it('filters, orders and pages collections', async () => {
    const token = await signIn(sandbox);
    const page = await get(
      sandbox,
      `/v2/providers/employers/${installer.employerId}/employees/employments?pageSize=10&pageNumber=3&orderBy=-employee.employeeNumber`,
      token,
      'application/json;version=2019-12-16',
    );
    const body = (await page.json()) as {
      totalSize: number;
      totalPages: number;
      currentPage: number;
      _embedded: Array<{ employee: { employeeNumber: number } }>;
    };
    expect(body).toMatchObject({ totalSize: 25, totalPages: 3, currentPage: 3 });
    expect(body._embedded.map((item) => item.employee.employeeNumber)).toEqual([
      1005, 1004, 1003, 1002, 1001,
    ]);
    const filtered = await get(
      sandbox,
      `${ADMIN}/${bakery.payrollAdministrationId}/payrollruns?filter=${encodeURIComponent('payrollRunStatus.key eq 6 or sequenceNumberApproved eq 1')}`,
      token,
    );
    expect(((await filtered.json()) as { totalSize: number }).totalSize).toBe(2);
    const bad = await get(
      sandbox,
      `${ADMIN}/${bakery.payrollAdministrationId}/payrollruns?filter=${encodeURIComponent('status is 9')}`,
      token,
    );
    expect(bad.status).toBe(400);
  });

  it('gives detail responses an ETag and the content envelope', async () => {
    const token = await signIn(sandbox);
    const runs = (await (
      await get(sandbox, `${ADMIN}/${bakery.payrollAdministrationId}/payrollruns`, token)
    ).json()) as { _embedded: Array<{ id: string }> };
    const detail = await get(sandbox, `${ADMIN}/payrollruns/${runs._embedded[0]?.id}`, token);
    expect(detail.headers.get('ETag')).toMatch(/^W\/"[0-9A-F]{40}"$/);
    expect(await detail.json()).toMatchObject({ messages: [], content: { id: runs._embedded[0]?.id } });
  });
});

describe('Loket sandbox data', () => {
  it('is deterministic per seed and differs between seeds', async () => {
    const first = createLoketSandbox({ today: '2026-11-18', seed: 7 });
    const again = createLoketSandbox({ today: '2026-11-18', seed: 7 });
    const other = createLoketSandbox({ today: '2026-11-18', seed: 8 });
    const employments = async (sandbox: LoketSandbox) =>
      (await (
        await get(
          sandbox,
          `/v2/providers/employers/${bakery.employerId}/employees/employments`,
          await signIn(sandbox),
          'application/json;version=2019-12-16',
        )
      ).json()) as {
        _embedded: Array<{ id: string; employee: { formattedName: string } }>;
      };
    const [a, b, c] = await Promise.all([employments(first), employments(again), employments(other)]);
    expect(a).toEqual(b);
    expect(a._embedded.map((item) => item.id)).not.toEqual(c._embedded.map((item) => item.id));
    expect(first.world.payrollRuns.map((run) => run.id)).toEqual(
      again.world.payrollRuns.map((run) => run.id),
    );
  });

  it('generates Dutch names with diacritics and tussenvoegsels', () => {
    const { world } = createLoketSandbox({
      today: '2026-11-18',
      employeesPerAdministration: 300,
      employers: 1,
    });
    const administration = world.administrations[0];
    if (!administration) throw new Error('no administration');
    const employees = Array.from({ length: 300 }, (_, index) => world.employee(administration, index));
    expect(
      employees.some((employee) => /[^\u0020-\u007e]/.test(`${employee.firstName}${employee.lastName}`)),
    ).toBe(true);
    expect(employees.some((employee) => employee.prefix === 'van der')).toBe(true);
    expect(employees.some((employee) => employee.partTimeFactor < 1)).toBe(true);
  });

  it('numbers 4-weekly periods up to 13 and weekly ones by ISO week', async () => {
    const sandbox = createLoketSandbox({ today: '2026-12-30', employers: 4, months: 2 });
    const token = await signIn(sandbox);
    const periods = (await (
      await get(sandbox, `${ADMIN}/${installer.payrollAdministrationId}/payrollperiods`, token)
    ).json()) as { _embedded: Array<{ id: number; endDate: string }> };
    expect(periods._embedded.at(-1)).toEqual(expect.objectContaining({ id: 202613, endDate: '2027-01-03' }));
    const weekly = sandbox.world.administrations.find(
      (administration) => administration.periodType === 'week',
    );
    expect(weekly?.currentPeriod.id).toBe(202653);
  });

  it('serves a payslip PDF and a tax-return overview that real PDF readers open', async () => {
    const sandbox = createLoketSandbox({ today: '2026-11-18' });
    const token = await signIn(sandbox);
    const { world } = sandbox;
    const administration = world.administration(bakery.payrollAdministrationId);
    const run = world.payrollRuns.find(
      (candidate) => candidate.status === 9 && candidate.administrationId === bakery.payrollAdministrationId,
    );
    if (!administration || !run) throw new Error('no run');
    const employee = world.employee(administration, 0);
    const pdf = await get(
      sandbox,
      `/v2/providers/employers/employees/employments/${employee.employmentId}/payslips/${run.id}`,
      token,
      'application/pdf',
    );
    expect(pdf.headers.get('Content-Type')).toBe('application/pdf');
    expect(pdf.headers.get('Content-Disposition')).toMatch(/^attachment; filename="Loonstrook 1001 /);
    expect((await PDFDocument.load(await pdf.arrayBuffer())).getTitle()).toBe('Loonstrook');
    const taxReturn = world.taxReturns[0];
    const overview = await get(
      sandbox,
      `${ADMIN}/payrolltaxreturns/${taxReturn?.id}/overview`,
      token,
      'application/pdf',
    );
    expect((await PDFDocument.load(await overview.arrayBuffer())).getPageCount()).toBe(1);
    expect((await get(sandbox, `${ADMIN}/payrolltaxreturns/${taxReturn?.id}/overview`, token)).status).toBe(
      400,
    );
    expect(
      world.taxReturns.every((candidate) => isValidPaymentReference(world.paymentReferenceOf(candidate))),
    ).toBe(true);
  });
});

describe('Loket sandbox status machines and controls', () => {
  it('allows only Loket’s transitions', async () => {
    const sandbox = createLoketSandbox({ today: '2026-11-18' });
    const control = (path: string, body: unknown = {}) =>
      sandbox.app.request(`/_sandbox${path}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
    const created = await control('/payroll-runs', {
      payrollAdministrationId: bakery.payrollAdministrationId,
      approve: false,
    });
    const run = (await created.json()) as { id: string; payrollRunStatus: { key: number } };
    expect(run.payrollRunStatus.key).toBe(1);
    expect(
      (await control('/payroll-runs', { payrollAdministrationId: bakery.payrollAdministrationId })).status,
    ).toBe(409);
    expect((await control(`/payroll-runs/${run.id}/approve`)).status).toBe(200);
    expect((await control(`/payroll-runs/${run.id}/cancel`)).status).toBe(409);
    const taxReturn = sandbox.world.taxReturns.at(-1);
    expect(taxReturn?.status).toBe(3);
    expect((await control(`/payroll-tax-returns/${taxReturn?.id}/status`, { status: 6 })).status).toBe(409);
    expect((await control(`/payroll-tax-returns/${taxReturn?.id}/status`, { status: 5 })).status).toBe(200);
    expect((await control(`/payroll-tax-returns/${taxReturn?.id}/status`, { status: 6 })).status).toBe(200);
    expect(
      (
        await control('/correction-runs', {
          payrollAdministrationId: bakery.payrollAdministrationId,
          payrollPeriodId: 202612,
        })
      ).status,
    ).toBe(409);
    expect((await control('/users/koppeling.yuki/rights/revoke', { right: 'Bestaat niet' })).status).toBe(
      409,
    );
  });

  it('lists the credentials with a first user holding every right', async () => {
    const sandbox = createLoketSandbox({ redirectUri: 'http://127.0.0.1:8080/cb' });
    const credentials = (await (await sandbox.app.request('/_sandbox/credentials')).json()) as {
      redirectUri: string;
      users: Array<{ rights: string[] }>;
    };
    expect(credentials.redirectUri).toBe('http://127.0.0.1:8080/cb');
    expect(credentials.users[0]?.rights).toHaveLength(5);
  });
});
