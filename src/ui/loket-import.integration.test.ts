/**
 * The import part of *Personeel → Loket service* on the real app, with both sandboxes over HTTP and a
 * link set up as users set it up: the grid and "Import now" on a complete link, the queued job and its
 * audit, the progress while nobody has worked it yet, the history once it ran, the backfill preview
 * and confirmation, a refused user, and the English texts.
 */
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppWithSandboxes, type AppWithSandboxes } from '../../test/support/app-with-sandboxes.ts';
import { call } from '../../test/support/auth-harness.ts';
import { linkBakeryThroughApi } from '../../test/support/bakery-link.ts';
import { roleSessions, send } from '../../test/support/role-sessions.ts';
import type { RoleName, Tenants } from '../../test/support/tenants.ts';
import type { RunningLoketSandbox } from '../../sandbox/loket/index.ts';
import type { YukiSandbox } from '../../sandbox/yuki/index.ts';
import { cents, formatEuro, sum } from '../core/money.ts';
import { periodContaining, periodKey, shiftPeriod } from '../core/periods.ts';
import { formatDate, formatPeriod } from './components/format.ts';
import type { AppServices } from '../http/context.ts';
import type { JobEngine } from '../jobs/engine.ts';
import {
  importAdministrationQueue,
  importQueues,
  type ImportAdministrationPayload,
} from '../jobs/import-queues.ts';
import { queryRows, type DatabaseHandle } from '../store/database.ts';
import { glAccountMappings, importItems } from '../store/schema/index.ts';
import { createImportEnvironment } from '../main/import-engine.ts';
import { importNow } from '../sync/import-run.ts';
import { NeedsCheckError } from '../sync/errors.ts';
import { errorColumns } from '../sync/record.ts';
import { yukiDay } from '../yuki/budget.ts';

const escapeHtml = (text: string) =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

describe('Personeel → Loket service: importing', () => {
  let setup: AppWithSandboxes;
  let database: DatabaseHandle;
  let jobs: JobEngine;
  let loket: RunningLoketSandbox;
  let yuki: YukiSandbox;
  let services: AppServices;
  let app: AppWithSandboxes['app'];
  let tenants: Tenants;
  const current = periodContaining('month', yukiDay(new Date()));
  const previous = periodKey(shiftPeriod(current, -1));

  const { as, api } = roleSessions(() => ({ app, tenants }));

  async function page(path: string, role: RoleName, options: { lang?: 'en'; htmx?: boolean } = {}) {
    const session = await as(role);
    const response = await call(app, path, {
      cookie: [session.cookie, options.lang ? `ly_lang=${options.lang}` : ''].filter(Boolean).join('; '),
      ...(options.htmx ? { headers: { 'hx-request': 'true' } } : {}),
    });
    return {
      status: response.status,
      html: await response.text(),
      location: response.headers.get('location'),
    };
  }

  async function post(path: string, role: RoleName, form: Record<string, string> = {}, htmx = false) {
    const session = await as(role);
    return call(app, path, {
      cookie: session.cookie,
      form: { ...form, _csrf: session.csrf },
      ...(htmx ? { headers: { 'hx-request': 'true' } } : {}),
    });
  }

  const queued = () =>
    queryRows<{ data: ImportAdministrationPayload }>(
      database.db,
      sql`select data from pgboss.job where name = ${importAdministrationQueue.name} order by created_on`,
    );
  const audited = (action: string) =>
    queryRows<{ actor_label: string; administration_id: string; portal_id: string; details: unknown }>(
      database.db,
      sql`select actor_label, administration_id, portal_id, details from audit_events where action = ${action}`,
    );
  const itemJobs = () =>
    queryRows<{ data: unknown }>(database.db, sql`select data from pgboss.job where name = 'import.item'`);
  const servicePath = () => `/administrations/${tenants.a.standardId}/loket`;

  beforeAll(async () => {
    setup = await startAppWithSandboxes({ instanceName: 'ui-import' });
    ({ database, jobs, loket, yuki, services, app, tenants } = setup);
    await jobs.ensureQueues(importQueues);
    await linkBakeryThroughApi({ api, loket, yuki, tenants });
  }, 60_000);

  afterAll(() => setup?.close());

  it('shows the look-back grid, Import now and the backfill once the link is complete', async () => {
    const { status, html } = await page(servicePath(), 'backoffice');
    expect(status).toBe(200);
    expect(html).toContain('Koppeling compleet');
    expect(html).toContain('<th scope="col">Loonstroken</th>');
    // Periods in words as the accountant says them (issue 14): "oktober 2026", not "2026-10".
    expect(html).toContain(`<th scope="row">${formatPeriod('nl', current)}</th>`);
    expect(html).toContain(`<th scope="row">${formatPeriod('nl', shiftPeriod(current, -1))}</th>`);
    expect(html).toContain('Nog niet opgehaald');
    expect(html).not.toContain('Nog niet in Loket');
    expect(html).toContain('Nu importeren</button>');
    expect(html).toContain('Er is nog niet geïmporteerd.');
    expect(html).toContain('Voorbeeld bekijken</button>');
    expect(html).not.toContain('every 2s');
  });

  it('Import now queues the job and audits it; the progress waits for it; once run, the history shows it', async () => {
    const response = await post(`${servicePath()}/import`, 'backoffice');
    expect(response.status).toBe(303);
    const location = response.headers.get('location')!;
    expect(location).toBe(`${servicePath()}?requested=none`);
    const [job, ...others] = await queued();
    expect(others).toEqual([]);
    expect(job!.data).toMatchObject({
      administrationId: tenants.a.standardId,
      trigger: 'manual',
      requestedLabel: tenants.emails.backoffice,
    });
    expect(await audited('import.requested')).toEqual([
      {
        actor_label: tenants.emails.backoffice,
        administration_id: tenants.a.standardId,
        portal_id: tenants.a.portalId,
        details: { trigger: 'manual' },
      },
    ]);

    const waiting = await page(location, 'backoffice');
    expect(waiting.html).toContain('De import is aangevraagd.');
    expect(waiting.html).toContain('Wacht op de verwerking…');
    expect(waiting.html).toContain('hx-trigger="every 2s"');

    // The worker's part, with the job's own payload.
    const env = createImportEnvironment({
      db: database.db,
      secrets: services.secrets,
      yuki: services.yuki,
      config: services.config,
    });
    const run = await importNow(env, job!.data);
    expect(run.outcomes.length).toBeGreaterThan(0);
    expect(run.outcomes.every((outcome) => outcome.outcome === 'posted')).toBe(true);

    const fragment = await page(`${servicePath()}/progress?after=none`, 'backoffice', {
      htmx: true,
    });
    expect(fragment.html).toMatch(/^<div id="import-progress"/);
    expect(fragment.html).not.toContain('every 2s');
    expect(fragment.html).toMatch(/Loonstroken: (\d+) van \1/);
    expect(fragment.html).toContain('De tabel per periode en de geschiedenis hieronder zijn bijgewerkt.');
    // The answer that ends the polling swaps the grid and the history in too (htmx out-of-band swaps).
    const grid = /<div id="import-grid" hx-swap-oob="true">.*?<\/table><\/div>/s.exec(fragment.html)?.[0];
    expect(grid).toMatch(/\d+ geïmporteerd/);
    expect(grid).not.toContain('Nog niet opgehaald');
    expect(fragment.html).toMatch(/<section [^>]*id="import-history-card" hx-swap-oob="true">/);
    expect(fragment.html).toContain(tenants.emails.backoffice);

    const done = await page(servicePath(), 'backoffice');
    expect(done.html).toMatch(/\d+ geïmporteerd/);
    // The current period is asked about, and Loket has no approved payroll in it yet.
    expect(done.html).toContain('Nog niet in Loket');
    expect(done.html).not.toContain('Nog niet opgehaald');
    expect(done.html).toMatch(/€ \d{1,3}(\.\d{3})*,\d{2}/);
    expect(done.html).toContain(tenants.emails.backoffice);
    expect(done.html).toContain(`Loonjournaalpost`);
    expect(done.html).toMatch(/Loonstrook [^<]+, [a-z]+ \d{4}/);
    expect(done.html).not.toContain('[lky:');
    const yukiIds = yuki.state.documents.map((document) => document.id);
    expect(yukiIds.some((id) => done.html.includes(id))).toBe(true);

    // Every posted item links to its own document in the Yuki sandbox's viewer, which shows it.
    const posted = await database.db
      .select()
      .from(importItems)
      .where(and(eq(importItems.administrationId, tenants.a.standardId), eq(importItems.state, 'posted')))
      .orderBy(importItems.periodId, importItems.kind, importItems.subject);
    expect(new Set(posted.map((item) => item.kind))).toEqual(new Set(['payslip', 'journal', 'tax_return']));
    for (const item of posted) {
      expect(done.html).toContain(`href="${yuki.url}/_sandbox/viewer/documents/${item.yukiDocumentId}"`);
    }
    const journalItem = posted.find((item) => item.kind === 'journal')!;
    const shown = await fetch(`${yuki.url}/_sandbox/viewer/documents/${journalItem.yukiDocumentId}`);
    expect(shown.status).toBe(200);
    expect(await shown.text()).toContain(`Document ${journalItem.yukiDocumentId}`);

    // Our records keep the journal's lines exactly as Yuki booked them, and the page shows them.
    const booked = yuki.state.journals.find((journal) => journal.id === journalItem.yukiDocumentId)!;
    const recorded = journalItem.details.journal!.lines;
    expect(recorded.map(({ costCenter: _, ...line }) => line)).toEqual(
      booked.lines.map((line) => ({
        entryDate: journalItem.periodEndDate,
        glAccount: line.glAccount,
        description: line.description,
        debitCents: Math.max(line.amountCents, 0),
        creditCents: Math.max(-line.amountCents, 0),
      })),
    );
    for (const line of recorded) {
      if (line.costCenter) expect(line.description).toContain(`(kostenplaats ${line.costCenter})`);
    }
    expect(done.html).toContain('<h3>Geboekte journaalposten</h3>');
    const table = /<table class="journal-lines">.*?<\/table>/s.exec(done.html)?.[0] ?? '';
    for (const line of booked.lines) {
      expect(table).toContain(
        `<td class="nowrap">${formatDate('nl', line.entryDate)}</td><td>${line.glAccount}</td><td>${escapeHtml(line.description)}</td>`,
      );
    }
    const debit = sum(booked.lines.map((line) => cents(Math.max(line.amountCents, 0))));
    expect(debit).toBeGreaterThan(0);
    expect(table).toContain(
      `<th scope="row" colspan="4">Totaal</th><td class="amount">${formatEuro(debit)}</td><td class="amount">${formatEuro(debit)}</td>`,
    );
  }, 120_000);

  it('with htmx, Import now answers the polling progress fragment instead of a redirect', async () => {
    const response = await post(`${servicePath()}/import`, 'backoffice', {}, true);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toMatch(/^<div id="import-progress"/);
    expect(html).toContain('hx-trigger="every 2s"');
    // It waits for a run after the one that ran before, whatever the clocks say.
    expect(html).toMatch(/hx-get="[^"]+\/loket\/progress\?after=[0-9a-f-]{36}"/);
    expect(html).toContain('Wacht op de verwerking…');
    expect(html).not.toContain('hx-swap-oob');
    expect(await queued()).toHaveLength(2);
  });

  it('previews a backfill with what it would import, then queues exactly that window', async () => {
    const from = periodKey(shiftPeriod(current, -3));
    const to = periodKey(shiftPeriod(current, -2));
    const invalid = await post(`${servicePath()}/backfill/preview`, 'backoffice', { from: '2026-8x', to });
    expect(invalid.status).toBe(400);
    expect(await invalid.text()).toContain('Vul een periode in als 2026-08.');
    const reversed = await post(`${servicePath()}/backfill/preview`, 'backoffice', { from: to, to: from });
    expect(await reversed.text()).toContain('De eerste periode moet vóór of gelijk aan de laatste liggen.');

    const preview = await post(`${servicePath()}/backfill/preview`, 'backoffice', { from, to });
    expect(preview.status).toBe(200);
    const html = await preview.text();
    expect(html).toMatch(new RegExp(`${from}: \\d+ loonstroken, 1 loonaangifte`));
    expect(html).toMatch(new RegExp(`${to}: \\d+ loonstroken, 1 journaalpost, 1 loonaangifte`));
    expect(html).toContain('Importeren bevestigen</button>');
    expect(await audited('import.backfill_previewed')).toHaveLength(1);
    expect((await queued()).length).toBe(2);

    const confirmed = await post(`${servicePath()}/backfill`, 'backoffice', { from, to });
    expect(confirmed.status).toBe(303);
    const jobsNow = await queued();
    expect(jobsNow.at(-1)!.data).toMatchObject({
      trigger: 'backfill',
      fromPeriodId: Number(from.replace('-', '')),
      toPeriodId: Number(to.replace('-', '')),
    });
    // The preview is no run of its own in the history.
    const after = await page(servicePath(), 'backoffice');
    expect(after.html.match(/<td>Oudere perioden<\/td>/g)).toBeNull();
  }, 60_000);

  it('explains a failed item in the language of the page, also before the look-back window', async () => {
    // The backfill's journal cannot be posted: its GL account is mapped to one Yuki does not have.
    await database.db.insert(glAccountMappings).values({
      portalId: tenants.a.portalId,
      administrationId: tenants.a.standardId,
      loketCode: '40950',
      yukiCode: '40999',
    });
    const backfill = (await queued()).at(-1)!.data;
    const env = createImportEnvironment({
      db: database.db,
      secrets: services.secrets,
      yuki: services.yuki,
      config: services.config,
    });
    const run = await importNow(env, { ...backfill, kinds: ['journal'] });
    expect(run.outcomes).toContainEqual({
      outcome: 'failed',
      retryable: false,
      code: 'sync.gl_accounts_unusable',
      maybePosted: false,
    });

    const dutch = await page(servicePath(), 'backoffice');
    expect(dutch.html).toContain('<h3 id="import-failures">Mislukt</h3>');
    expect(dutch.html).toContain(
      'gebruikt grootboekrekeningen die in Yuki niet bestaan of niet actief zijn: 40999 (Loket 40950).',
    );
    expect(dutch.html).toContain('koppel ze aan een andere rekening of activeer ze in Yuki.');
    // The error's own details, folded, as the texts that send people to the log promise (issue 10.9).
    expect(dutch.html).toContain('<details class="error-detail"><summary>Details</summary>');
    const english = await page(servicePath(), 'backoffice', { lang: 'en' });
    expect(english.html).toContain('<h3 id="import-failures">Failed</h3>');
    expect(english.html).toContain(
      'uses GL accounts that do not exist or are disabled in Yuki: 40999 (Loket 40950).',
    );
    expect(english.html).toContain('map them to another account or enable them in Yuki.');
    expect(english.html).toContain('Earlier periods');
  }, 60_000);

  it('shows a "check in Yuki" item with its explanation and settles it with an audited answer (issue 10.5)', async () => {
    const [journal] = await database.db
      .select()
      .from(importItems)
      .where(and(eq(importItems.administrationId, tenants.a.standardId), eq(importItems.kind, 'journal')));
    if (!journal) throw new Error('no journal item');
    // As an attempt leaves it when the search could not settle whether Yuki holds the journal.
    await database.db
      .update(importItems)
      .set({ state: 'needs_check', maybePostedSince: new Date(), ...errorColumns(new NeedsCheckError()) })
      .where(eq(importItems.id, journal.id));
    const action = `${servicePath()}/items/${journal.id}/check`;

    const dutch = await page(servicePath(), 'backoffice');
    expect(dutch.html).toContain('<h3 id="import-checks">Controleren in Yuki</h3>');
    expect(dutch.html).toContain(escapeHtml('Staat in Yuki — markeer als geboekt'));
    expect(dutch.html).toContain(escapeHtml('Staat niet in Yuki — boek het'));
    expect(dutch.html).toContain(`action="${action}"`);
    const english = await page(servicePath(), 'backoffice', { lang: 'en' });
    expect(english.html).toContain(escapeHtml('It is in Yuki — mark as posted'));

    // Only whom the policy lets use the link may answer.
    expect((await post(action, 'hrm', { decision: 'in_yuki' })).status).toBe(403);
    const jobsBefore = (await itemJobs()).length;
    const answered = await post(action, 'backoffice', {
      decision: 'in_yuki',
      yukiDocumentId: 'memoriaal-42',
    });
    expect(answered.status).toBe(200);
    expect(await answered.text()).toContain('Vastgelegd.');
    const [settled] = await database.db.select().from(importItems).where(eq(importItems.id, journal.id));
    expect(settled).toMatchObject({
      state: 'posted',
      yukiDocumentId: 'memoriaal-42',
      maybePostedSince: null,
      checkedBy: tenants.emails.backoffice,
    });
    // A journal's run in Loket is told it was processed by the job this answer queued.
    expect((await itemJobs()).length).toBe(jobsBefore + 1);
    expect(await audited('import.checked_in_yuki')).toContainEqual(
      expect.objectContaining({
        actor_label: tenants.emails.backoffice,
        administration_id: tenants.a.standardId,
        details: expect.objectContaining({ decision: 'in_yuki', kind: 'journal' }),
      }),
    );
    // Answered once: a second answer is refused, on the page and through the API.
    expect((await post(action, 'backoffice', { decision: 'not_in_yuki' })).status).toBe(409);
    const rest = await send(
      app,
      await as('portal_admin'),
      'POST',
      `/api/administrations/${tenants.a.standardId}/imports/items/${journal.id}/check`,
      { decision: 'not_in_yuki' },
    );
    expect(rest.status).toBe(409);
  }, 60_000);

  it('refuses whom the policy refuses: no page, no import, no job', async () => {
    const before = (await queued()).length;
    for (const role of ['hrm', 'guest'] as const) {
      const response = await post(`${servicePath()}/import`, role);
      expect(response.status, role).toBe(403);
      const preview = await post(`${servicePath()}/backfill/preview`, role, { from: previous, to: previous });
      expect(preview.status, role).toBe(403);
      expect((await page(`${servicePath()}/progress`, role, { htmx: true })).status, role).toBe(403);
    }
    const other = await post(`/administrations/${tenants.b.administrationId}/loket/import`, 'backoffice');
    expect(other.status).toBe(404);
    expect((await queued()).length).toBe(before);
  });

  it('reads in English with the language switch', async () => {
    const { html } = await page(servicePath(), 'backoffice', { lang: 'en' });
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('Import now</button>');
    expect(html).toContain('<th scope="col">Payslips</th>');
    expect(html).toContain('<th scope="col">Tax return</th>');
    expect(html).toMatch(/\d+ imported/);
    expect(html).toContain('Not yet in Loket');
    expect(html).toContain('Posted in Yuki');
    expect(html).toContain('<h3>Posted journal entries</h3>');
    expect(html).toMatch(
      /<th scope="col" class="amount">Debit<\/th><th scope="col" class="amount">Credit<\/th>/,
    );
    expect(html).toContain('Import earlier periods');
    expect(html).not.toContain('Nu importeren');
  });

  it('says so when a posted journal has no lines in our records, as one posted before they were kept', async () => {
    const journals = and(
      eq(importItems.administrationId, tenants.a.standardId),
      eq(importItems.kind, 'journal'),
      eq(importItems.state, 'posted'),
    );
    await database.db.update(importItems).set({ details: {} }).where(journals);
    const { html } = await page(servicePath(), 'backoffice');
    expect(html).toContain('<h3>Geboekte journaalposten</h3>');
    expect(html).toContain('De regels van deze journaalpost zijn niet bewaard');
    expect(html).not.toContain('<table class="journal-lines">');
  });
});
