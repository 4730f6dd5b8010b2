/**
 * The sandbox's test-year employer and knob (`testYear` on payroll periods, `payrollPeriod.testYear` on
 * journal runs, loket-openapi.json), and the faults that serve what is not what it claims: an HTML page
 * as `application/pdf`, a JSON answer padded far beyond any cap, produced only as it is read.
 */
import { describe, expect, it } from 'vitest';
import { TEST_YEAR_EMPLOYER } from './data/world.ts';
import { createLoketSandbox, demoPayrollAdministration } from './index.ts';
import type { LoketSandbox } from './index.ts';

const ADMIN = '/v2/providers/employers/payrolladministrations';
const bakery = demoPayrollAdministration(10231);

async function signIn(sandbox: LoketSandbox): Promise<string> {
  const user = sandbox.world.user('koppeling.yuki');
  // The client Loket enabled the password flow for, by exception.
  const client = sandbox.world.clients.find((candidate) => candidate.passwordFlow)!;
  const response = await sandbox.app.request('/oauth/token', {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'password',
      client_id: client.clientId,
      client_secret: client.clientSecret,
      username: 'koppeling.yuki',
      password: user?.password ?? '',
    }),
  });
  return ((await response.json()) as { access_token: string }).access_token;
}

const get = (
  sandbox: LoketSandbox,
  path: string,
  token: string,
  accept = 'application/json;version=2018-01-01',
) => sandbox.app.request(path, { headers: { Authorization: `Bearer ${token}`, Accept: accept } });

const control = (sandbox: LoketSandbox, path: string, body: unknown) =>
  sandbox.app.request(`/_sandbox${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('a Loket test year in the sandbox', () => {
  it('is seeded only on request, and marks every period of the current year until switched off', async () => {
    expect(
      createLoketSandbox({ today: '2026-11-18' }).world.administration(
        TEST_YEAR_EMPLOYER.payrollAdministrationId,
      ),
    ).toBeUndefined();
    const sandbox = createLoketSandbox({ today: '2026-11-18', testYearEmployer: true });
    const token = await signIn(sandbox);
    const periods = async () =>
      (
        (await (
          await get(sandbox, `${ADMIN}/${TEST_YEAR_EMPLOYER.payrollAdministrationId}/payrollperiods`, token)
        ).json()) as {
          _embedded: Array<{ year: number; testYear: boolean }>;
        }
      )._embedded;
    expect((await periods()).length).toBeGreaterThan(1);
    expect((await periods()).every((period) => period.testYear)).toBe(true);
    const journalRuns = (await (
      await get(sandbox, `${ADMIN}/${TEST_YEAR_EMPLOYER.payrollAdministrationId}/journalruns`, token)
    ).json()) as {
      _embedded: Array<{ payrollRun: { payrollPeriod: { testYear: boolean } } }>;
    };
    expect(journalRuns._embedded.map((run) => run.payrollRun.payrollPeriod.testYear)).toEqual(
      journalRuns._embedded.map(() => true),
    );

    const switched = await control(
      sandbox,
      `/payroll-administrations/${TEST_YEAR_EMPLOYER.payrollAdministrationId}/test-year`,
      {
        year: 2026,
        testYear: false,
      },
    );
    expect(await switched.json()).toEqual({
      payrollAdministrationId: TEST_YEAR_EMPLOYER.payrollAdministrationId,
      testYears: [],
    });
    expect((await periods()).some((period) => period.testYear)).toBe(false);
  });
});

describe('faults that are not what they claim', () => {
  it('serves an HTML page as application/pdf', async () => {
    const sandbox = createLoketSandbox({ today: '2026-11-18', faults: { notPdf: true } });
    const token = await signIn(sandbox);
    const taxReturn = sandbox.world.taxReturns.find(
      (t) => t.administrationId === bakery.payrollAdministrationId,
    );
    const response = await get(
      sandbox,
      `${ADMIN}/payrolltaxreturns/${taxReturn?.id}/overview`,
      token,
      'application/pdf',
    );
    expect(response.headers.get('Content-Type')).toBe('application/pdf');
    expect(await response.text()).toMatch(/^<!DOCTYPE html>/);
  });

  it('pads a JSON answer with whitespace produced only as the client reads', async () => {
    const padding = 64 * 1_048_576;
    const sandbox = createLoketSandbox({ today: '2026-11-18', faults: { oversizedJsonBytes: padding } });
    const token = await signIn(sandbox);
    const response = await get(sandbox, '/v2/providers/employers', token);
    expect(response.headers.get('Content-Length')).toBeNull();
    const reader = response.body!.getReader();
    let read = 0;
    while (read < 1_048_576) read += (await reader.read()).value?.byteLength ?? 0;
    await reader.cancel();
    const sent = (await (await sandbox.app.request('/_sandbox/faults/padding-sent')).json()) as {
      bytes: number;
    };
    expect(sent.bytes).toBeLessThan(4 * 1_048_576);
  });
});
