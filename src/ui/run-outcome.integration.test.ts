/**
 * Issue 14.2/14.3 on the real app with both sandboxes over HTTP: a run whose documents Yuki refuses
 * reads "deels mislukt" (never "klaar"), its bars count posted and failed apart, the history counts
 * what was booked, the API says the outcome, and the failures show as ONE card per cause in the
 * page's language with Yuki's own words folded; a run whose items are still retried reads "bezig".
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppWithSandboxes, type AppWithSandboxes } from '../../test/support/app-with-sandboxes.ts';
import { call } from '../../test/support/auth-harness.ts';
import { linkBakeryThroughApi } from '../../test/support/bakery-link.ts';
import { roleSessions, send } from '../../test/support/role-sessions.ts';
import type { RoleName, Tenants } from '../../test/support/tenants.ts';
import type { YukiSandbox } from '../../sandbox/yuki/index.ts';
import type { AppServices } from '../http/context.ts';
import type { JobEngine } from '../jobs/engine.ts';
import { importQueues, type ImportAdministrationPayload } from '../jobs/import-queues.ts';
import { createImportEnvironment } from '../main/import-engine.ts';
import type { DatabaseHandle } from '../store/database.ts';
import { importItems, importRuns } from '../store/schema/index.ts';
import { importNow } from '../sync/import-run.ts';

describe('Loket service: what a run did, and its failures grouped by cause', () => {
  let setup: AppWithSandboxes;
  let database: DatabaseHandle;
  let jobs: JobEngine;
  let yuki: YukiSandbox;
  let services: AppServices;
  let app: AppWithSandboxes['app'];
  let tenants: Tenants;
  const { as, api } = roleSessions(() => ({ app, tenants }));

  async function page(path: string, role: RoleName, options: { lang?: 'en'; htmx?: boolean } = {}) {
    const session = await as(role);
    const response = await call(app, path, {
      cookie: [session.cookie, options.lang ? `ly_lang=${options.lang}` : ''].filter(Boolean).join('; '),
      ...(options.htmx ? { headers: { 'hx-request': 'true' } } : {}),
    });
    return await response.text();
  }
  const servicePath = () => `/administrations/${tenants.a.standardId}/loket`;
  const request = (): ImportAdministrationPayload => ({
    administrationId: tenants.a.standardId,
    trigger: 'manual',
    requestedBy: null,
    requestedLabel: tenants.emails.backoffice,
  });
  const env = () =>
    createImportEnvironment({
      db: database.db,
      secrets: services.secrets,
      yuki: services.yuki,
      config: services.config,
    });
  /** The text of the page from element `id` up to the marker `until`, tags left out. */
  const section = (html: string, id: string, until: string) => {
    const start = html.indexOf(`id="${id}"`);
    const end = html.indexOf(until, start + 1);
    expect(start).toBeGreaterThan(-1);
    return html.slice(start, end === -1 ? undefined : end).replace(/<[^>]+>/g, ' ');
  };

  beforeAll(async () => {
    setup = await startAppWithSandboxes({ instanceName: 'ui-run-outcome' });
    ({ database, jobs, yuki, services, app, tenants } = setup);
    await jobs.ensureQueues(importQueues);
    await linkBakeryThroughApi({ api, loket: setup.loket, yuki, tenants });
  }, 60_000);

  afterAll(() => setup?.close());

  it('a run whose payslips Yuki refuses reads "deels mislukt", never "klaar", with ONE card for the cause', async () => {
    // The sandbox's portal key with Accounting but without Archive: the journal posts, payslips do not.
    const noArchive = yuki.credentials().find((key) => !key.rights.includes('Archive'))!;
    await api('portal_admin', 'PUT', `/api/portals/${tenants.a.portalId}/loket-settings`, {
      yukiAccessKey: noArchive.key,
    });
    const run = await importNow(env(), request());
    const failed = run.outcomes.filter((outcome) => outcome.outcome === 'failed');
    expect(failed.length).toBeGreaterThan(1);
    expect(failed.every((outcome) => 'code' in outcome && outcome.code === 'yuki.access_denied')).toBe(true);
    expect(run.outcomes.some((outcome) => outcome.outcome === 'posted')).toBe(true);
    // Up to the 52 of the issue: more of the same refusal, as a larger payroll would have.
    const failedPayslips = await database.db
      .select()
      .from(importItems)
      .where(
        and(
          eq(importItems.lastRunId, run.runId),
          eq(importItems.state, 'failed'),
          eq(importItems.kind, 'payslip'),
        ),
      );
    const [template] = failedPayslips;
    const extra = 52 - failedPayslips.length;
    const { id: _id, ...copy } = template!;
    await database.db.insert(importItems).values(
      Array.from({ length: extra }, (_, i) => ({
        ...copy,
        key: `${copy.key}:extra-${i}`,
        marker: `${copy.marker}${i}`,
        loketObjectId: `${copy.loketObjectId}-${i}`,
        subject: `Loonstrook extra ${i + 1}`,
      })),
    );

    const dutch = await page(servicePath(), 'backoffice');
    const progress = section(dutch, 'import-progress', 'id="import-grid"');
    expect(progress).toContain('Uitkomst: deels mislukt');
    expect(progress).not.toMatch(/klaar/i);
    expect(progress).toMatch(/Loonstroken: 0 van \d+ geboekt/);
    expect(progress).toMatch(/\d+ mislukt/);
    expect(dutch).toContain('class="badge outcome outcome-partly_failed"');
    const history = section(dutch, 'import-history-card', '</section>');
    expect(history).not.toMatch(/klaar/i);
    expect(history).toContain('Uitkomst: deels mislukt');
    expect(history).toMatch(/Journaalpost: 1 van 1 geboekt/);
    expect(history).toMatch(/Loonstroken: 0 van \d+ geboekt/);

    // ONE card for the 52, in Dutch only: the cause, the fix, who, and where; the items folded.
    const cards = dutch.match(/<li class="failure-group failure-group-failed">/g) ?? [];
    const payslipCard = dutch
      .split('<li class="failure-group ')
      .find((card) => card.includes('52 documenten (Loonstroken)'));
    expect(payslipCard).toBeDefined();
    expect(payslipCard).toContain('De Yuki-sleutel heeft geen rechten voor de webservice');
    expect(payslipCard).toContain('Portaalbeheerder');
    expect(payslipCard).toContain(`href="/portals/${tenants.a.portalId}/settings/loket"`);
    expect(payslipCard!.match(/<li id="item-/g)).toHaveLength(52);
    // The one fix is said once, not 52 times, and Yuki's English words only inside a details fold.
    expect(dutch.split('Geef de sleutel de rechten in Yuki').length - 1).toBe(cards.length);
    const outsideDetails = dutch.replace(/<details class="error-detail">[\s\S]*?<\/details>/g, '');
    expect(outsideDetails).not.toContain('Access denied');
    expect(outsideDetails).not.toContain('The access key has no rights');
    expect(dutch).toContain('Access denied: this access key has no rights for the Archive web service.');

    const english = await page(servicePath(), 'backoffice', { lang: 'en' });
    expect(english).toContain('52 documents (Payslips)');
    expect(english).toContain('Outcome: partly failed');
    expect(english).not.toContain('De Yuki-sleutel');

    // The API says the same outcome, beside the counts per kind.
    const rest = await send(
      app,
      await as('backoffice'),
      'GET',
      `/api/administrations/${tenants.a.standardId}/imports/${run.runId}`,
    );
    expect(rest.status).toBe(200);
    const body = (await rest.json()) as Record<string, unknown>;
    expect(body.outcome).toBe('partly_failed');
    expect(body.journal).toMatchObject({ total: 1, posted: 1, failed: 0 });
    expect(body.payslip).toMatchObject({ posted: 0, failed: 52 });
  }, 120_000);

  it('a run whose items Yuki answered with an unknown fault is still "bezig" while they are retried', async () => {
    await api('portal_admin', 'PUT', `/api/portals/${tenants.a.portalId}/loket-settings`, {
      yukiAccessKey: yuki.credentials()[0]!.key,
    });
    yuki.setFaults({
      failCalls: { UploadDocumentWithData: Array.from({ length: 200 }, () => 'Internal error') },
    });
    try {
      const run = await importNow(env(), request());
      expect(run.outcomes.some((o) => o.outcome === 'failed' && o.retryable)).toBe(true);
      // The run itself is closed (nothing planned or posting), yet its items will be tried again.
      const [row] = await database.db.select().from(importRuns).where(eq(importRuns.id, run.runId));
      expect(row?.state).toBe('done');
      const fragment = await page(`${servicePath()}/progress`, 'backoffice', { htmx: true });
      expect(fragment).toContain('Uitkomst: bezig');
      expect(fragment).not.toMatch(/klaar/i);
      expect(fragment).toContain('hx-trigger="every 30s"');
      expect(fragment).toMatch(/\d+ bezig/);
    } finally {
      yuki.setFaults({ failCalls: {} });
    }
  }, 120_000);
});
