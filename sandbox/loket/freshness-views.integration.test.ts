/**
 * The two provider-wide views the freshness poll reads (loket-openapi.json:
 * GetPayrollProcessStatusByProviderId, GetEmployerLastModifiedVersionNumbersByUser): backed by the
 * sandbox's data, so approving a payroll run moves the process status and adding employees moves the
 * employer's version number (payroll data does not, as the spec says). Their bodies are checked against
 * the spec in src/loket/contract.integration.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { createLoketSandbox, demoPayrollAdministration } from './index.ts';
import type { LoketSandbox } from './index.ts';

const bakery = demoPayrollAdministration(10231);

async function signIn(sandbox: LoketSandbox, username = 'koppeling.yuki'): Promise<string> {
  const user = sandbox.world.user(username);
  const client = sandbox.world.clients.find((candidate) => candidate.passwordFlow)!;
  const response = await sandbox.app.request('/oauth/token', {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'password',
      client_id: client.clientId,
      client_secret: client.clientSecret,
      username,
      password: user?.password ?? '',
    }),
  });
  return ((await response.json()) as { access_token: string }).access_token;
}

const get = (sandbox: LoketSandbox, path: string, token: string) =>
  sandbox.app.request(`/v2${path}`, {
    headers: { Authorization: `Bearer ${token}`, Accept: 'application/json;version=2018-01-01' },
  });

const control = (sandbox: LoketSandbox, path: string, body: unknown = {}) =>
  sandbox.app.request(`/_sandbox${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });

type StatusItem = {
  id: string;
  clientNumber: number;
  payrollPeriod: { payrollPeriodId: number; payrollProcess: { status: { key: number } } };
};

async function statuses(sandbox: LoketSandbox, token: string, query: string) {
  const response = await get(
    sandbox,
    `/providers/${sandbox.world.providerId}/payrollprocessstatus${query}`,
    token,
  );
  return {
    status: response.status,
    body: (await response.json()) as { _embedded: StatusItem[]; totalSize: number },
  };
}

describe('payroll process status by provider', () => {
  it('lists every administration with its status in the period asked; approving a run turns 3 into 6', async () => {
    const sandbox = createLoketSandbox({ today: '2026-11-18', employers: 6 });
    const token = await signIn(sandbox);
    const bakeryStatus = async () =>
      (await statuses(sandbox, token, '?payrollPeriodId=202611')).body._embedded.find(
        (item) => item.id === bakery.payrollAdministrationId,
      )?.payrollPeriod.payrollProcess.status.key;
    const { body } = await statuses(sandbox, token, '?payrollPeriodId=202611');
    expect(body.totalSize).toBe(6);
    // Last month was approved in the seeded history; this month has no run yet.
    expect(
      (await statuses(sandbox, token, '?payrollPeriodId=202610')).body._embedded.find(
        (item) => item.id === bakery.payrollAdministrationId,
      )?.payrollPeriod.payrollProcess.status.key,
    ).toBe(6);
    expect(await bakeryStatus()).toBe(1);
    const created = (await (
      await control(sandbox, '/payroll-runs', {
        payrollAdministrationId: bakery.payrollAdministrationId,
        approve: false,
      })
    ).json()) as { id: string };
    expect(await bakeryStatus()).toBe(3);
    await control(sandbox, `/payroll-runs/${created.id}/approve`);
    expect(await bakeryStatus()).toBe(6);
  });

  it('pages like every list, and leaves out administrations without such a period (week 53 of a month)', async () => {
    const sandbox = createLoketSandbox({ today: '2026-11-18', employers: 6 });
    const token = await signIn(sandbox);
    const page = await statuses(sandbox, token, '?payrollPeriodId=202611&pageSize=4&pageNumber=2');
    expect(page.body).toMatchObject({ currentPage: 2, pageSize: 4, totalPages: 2, totalSize: 6 });
    expect(page.body._embedded).toHaveLength(2);
    // 2026 has 53 ISO weeks: only the weekly administrations have a period 53.
    const weeks = await statuses(sandbox, token, '?payrollPeriodId=202653');
    expect(weeks.body.totalSize).toBe(
      sandbox.world.administrations.filter((a) => a.periodType === 'week').length,
    );
  });

  it('requires payrollPeriodId (400), the user’s provider (404) and the right (403)', async () => {
    const sandbox = createLoketSandbox({ today: '2026-11-18' });
    const token = await signIn(sandbox);
    expect((await statuses(sandbox, token, '')).status).toBe(400);
    expect((await statuses(sandbox, token, '?payrollPeriodId=2026')).status).toBe(400);
    expect(
      (
        await get(
          sandbox,
          '/providers/00000000-0000-4000-8000-000000000000/payrollprocessstatus?payrollPeriodId=202611',
          token,
        )
      ).status,
    ).toBe(404);
    const limited = await signIn(sandbox, 'alleen.dienstverbanden');
    expect((await statuses(sandbox, limited, '?payrollPeriodId=202611')).status).toBe(403);
  });
});

describe('employer last-modified version numbers', () => {
  it('moves an employer’s number when employments change, not when payroll is approved', async () => {
    const sandbox = createLoketSandbox({ today: '2026-11-18' });
    const token = await signIn(sandbox);
    const versions = async (query = '') =>
      (
        (await (
          await get(sandbox, `/providers/employers/lastmodifiedversionnumbers${query}`, token)
        ).json()) as {
          _embedded: Array<{ id: string; lastModifiedVersionNumber: number }>;
        }
      )._embedded;
    const before = await versions();
    const highest = Math.max(...before.map((item) => item.lastModifiedVersionNumber));
    await control(sandbox, '/payroll-runs', { payrollAdministrationId: bakery.payrollAdministrationId });
    expect(await versions(`?filter=lastModifiedVersionNumber gt ${highest}`)).toEqual([]);
    await control(sandbox, '/employees', { payrollAdministrationId: bakery.payrollAdministrationId });
    const changed = await versions(`?filter=lastModifiedVersionNumber gt ${highest}`);
    expect(changed.map((item) => item.id)).toEqual([bakery.employerId]);
  });
});
