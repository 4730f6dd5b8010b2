/**
 * @module api
 * The Loket REST v2 endpoints loket-yuki uses, under /v2. Every operation runs the same guard, in
 * Loket's order: bearer token (401), Accept version (400), the user's rights for the activity (403),
 * then the object itself (404, empty body).
 */
import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import type { Context } from 'hono';
import { z } from 'zod';
import type { Employee } from '../data/employees.ts';
import { PERIOD_TYPE_METADATA, periodOf, periodsInYear } from '../data/periods.ts';
import type { PayrollPeriod } from '../data/periods.ts';
import { processStatusOf } from '../data/process-status.ts';
import { activitiesOf } from '../data/rights.ts';
import type { Administration, LoketWorld, User } from '../data/world.ts';
import { payslipPdf } from '../pdf/payslip.ts';
import { taxReturnOverviewPdf } from '../pdf/tax-return-overview.ts';
import {
  badRequestBody,
  detailEnvelope,
  FORBIDDEN_BODY,
  jsonContentType,
  listEnvelope,
  resolveAccept,
  UNAUTHORIZED_BODY,
} from './conventions.ts';
import type { Versions } from './conventions.ts';
import type { FaultState } from './faults.ts';
import {
  matches,
  pageBounds,
  parseFilter,
  parseOrderBy,
  parsePaging,
  QueryError,
  sortItems,
} from './query.ts';
import {
  renderAuthorizations,
  renderEmployer,
  renderEmployment,
  renderJournalLines,
  renderJournalRun,
  renderPayrollAdministration,
  renderPayrollPeriod,
  renderPayrollResult,
  renderPayrollRun,
  renderPayslipListItem,
  renderProvider,
  renderTaxReturn,
} from './resources.ts';
import type { TokenStore } from './tokens.ts';

type Operation = { activity: string; versions: Versions; servesPdf?: boolean };
type Granted = { user: User; version: string; pdf: boolean };

const V2018: Versions = ['2018-01-01'];

/** A list whose items are produced on demand: only the requested page is rendered unless filtering. */
type LazyList<T> = { total: number; at: (index: number) => T };

const patchJournalRunSchema = z.object({
  action: z.enum(['MarkAsProcessed', 'MarkAsProcessingFailed']),
  application: z.object({ key: z.number().int() }).optional(),
  message: z.string().max(255).nullable().optional(),
});

export function apiRoutes(world: LoketWorld, tokens: TokenStore, faults: FaultState): Hono {
  const app = new Hono();
  /** The operation each granted request is, so its answer can announce the operation's obsoleteDate. */
  const operationOf = new WeakMap<Request, string>();

  /** Runs the guard; returns a Response to send as is when the request may not proceed. */
  function guard(c: Context, operation: Operation): Granted | Response {
    const bearer = /^Bearer\s+([\w-]+)$/i.exec(c.req.header('Authorization') ?? '')?.[1];
    const username = bearer && tokens.authenticate(bearer, faults.faults.earlyTokenExpiry);
    const user = username ? world.user(username) : undefined;
    if (!user) return c.json(UNAUTHORIZED_BODY, 401);
    const accept = resolveAccept(c.req.header('Accept'), operation.versions, operation.servesPdf);
    if (accept.kind === 'error')
      return c.json(badRequestBody(accept.message, operation.versions.at(-1)), 400);
    if (!activitiesOf(user.rights).has(operation.activity)) return c.json(FORBIDDEN_BODY, 403);
    operationOf.set(c.req.raw, operation.activity);
    return { user, version: accept.kind === 'json' ? accept.version : '', pdf: accept.kind === 'pdf' };
  }

  const notFound = (c: Context) => c.body(null, 404);

  function sendJson(c: Context, body: unknown, version: string, headers: Record<string, string> = {}) {
    const obsoleteDate = faults.faults.obsoleteDates[operationOf.get(c.req.raw) ?? ''];
    if (obsoleteDate && typeof body === 'object' && body !== null && 'version' in body)
      body = { ...body, version: { ...(body.version as object), obsoleteDate } };
    return c.body(JSON.stringify(body), 200, {
      'Content-Type': jsonContentType(version),
      Expires: '-1',
      ...headers,
    });
  }

  function sendPdf(c: Context, bytes: Uint8Array, fileName: string) {
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="${fileName}"`,
      Expires: '-1',
    });
  }

  /** Applies filter, orderBy and paging, and sends the list envelope. */
  function sendList<T>(c: Context, granted: Granted, items: T[] | LazyList<T>) {
    try {
      const paging = parsePaging(c.req.query('pageNumber'), c.req.query('pageSize'));
      const filterText = c.req.query('filter');
      const orderText = c.req.query('orderBy') ?? c.req.query('orderby');
      let list: LazyList<T> = Array.isArray(items)
        ? { total: items.length, at: (index) => items[index] as T }
        : items;
      if (filterText || orderText) {
        let all = Array.from({ length: list.total }, (_, index) => list.at(index));
        if (filterText) {
          const filter = parseFilter(filterText);
          all = all.filter((item) => matches(filter, item));
        }
        if (orderText) all = sortItems(all, parseOrderBy(orderText));
        list = { total: all.length, at: (index) => all[index] as T };
      }
      const { start, end } = pageBounds(paging, list.total);
      const page = Array.from({ length: end - start }, (_, offset) => list.at(start + offset));
      return sendJson(
        c,
        listEnvelope({ items: page, totalSize: list.total, ...paging }, granted.version),
        granted.version,
      );
    } catch (error) {
      if (error instanceof QueryError) return c.json(badRequestBody(error.message, granted.version), 400);
      throw error;
    }
  }

  const employer = (id: string) => world.employers.find((candidate) => candidate.id === id);
  const administrationsOf = (employerId: string) =>
    world.administrations.filter((a) => a.employerId === employerId);
  const employeesOf = (administration: Administration): LazyList<Employee> => ({
    total: world.totalEmployees(administration),
    at: (index) => world.employee(administration, index),
  });

  app.get('/providers', (c) => {
    const granted = guard(c, { activity: 'GetProvidersByUser', versions: V2018 });
    if (granted instanceof Response) return granted;
    return sendList(c, granted, [renderProvider(world)]);
  });

  app.get('/providers/employers', (c) => {
    const granted = guard(c, { activity: 'GetEmployersByUserId', versions: V2018 });
    if (granted instanceof Response) return granted;
    return sendList(c, granted, world.employers.map(renderEmployer));
  });

  app.get('/providers/employers/:employerId/authorizations', (c) => {
    const granted = guard(c, {
      activity: 'GetAuthorizationsByEmployerId',
      versions: ['2018-01-01', '2019-02-11'],
    });
    if (granted instanceof Response) return granted;
    if (!employer(c.req.param('employerId'))) return notFound(c);
    return sendList(c, granted, renderAuthorizations(activitiesOf(granted.user.rights), granted.version));
  });

  app.get('/providers/employers/:employerId/payrolladministrations', (c) => {
    const granted = guard(c, { activity: 'GetPayrollAdministrationsByEmployerId', versions: V2018 });
    if (granted instanceof Response) return granted;
    const found = employer(c.req.param('employerId'));
    if (!found) return notFound(c);
    return sendList(
      c,
      granted,
      administrationsOf(found.id).map((a) => renderPayrollAdministration(a, found)),
    );
  });

  app.get('/providers/employers/:employerId/employees/employments', (c) => {
    const granted = guard(c, { activity: 'GetEmploymentsByEmployerId', versions: ['2019-12-16'] });
    if (granted instanceof Response) return granted;
    const found = employer(c.req.param('employerId'));
    if (!found) return notFound(c);
    const lists = administrationsOf(found.id).map(employeesOf);
    const total = lists.reduce((sum, list) => sum + list.total, 0);
    return sendList(c, granted, {
      total,
      at: (index) => {
        let offset = index;
        for (const [position, list] of lists.entries()) {
          if (offset < list.total)
            return renderEmployment(administrationsOf(found.id)[position] as Administration, list.at(offset));
          offset -= list.total;
        }
        throw new RangeError(`employment ${index} out of range`);
      },
    });
  });

  // GetEmployerLastModifiedVersionNumbersByUser: `id` and `lastModifiedVersionNumber` per employer the
  // user reaches; `filter=lastModifiedVersionNumber gt N` is Loket's recommended use.
  app.get('/providers/employers/lastmodifiedversionnumbers', (c) => {
    const granted = guard(c, { activity: 'GetEmployerLastModifiedVersionNumbersByUser', versions: V2018 });
    if (granted instanceof Response) return granted;
    return sendList(
      c,
      granted,
      world.employers.map((found) => ({
        id: found.id,
        lastModifiedVersionNumber: world.employerVersions.get(found.id) ?? 0,
      })),
    );
  });

  // GetPayrollProcessStatusByProviderId: every payroll administration of the provider with its process
  // status in the period `payrollPeriodId` (required, int32 YYYYPP); an administration whose period type
  // has no such period number is left out.
  app.get('/providers/:providerId/payrollprocessstatus', (c) => {
    const granted = guard(c, { activity: 'GetPayrollProcessStatusByProviderId', versions: V2018 });
    if (granted instanceof Response) return granted;
    if (c.req.param('providerId').replace(/[{}]/g, '').toLowerCase() !== world.providerId.toLowerCase())
      return notFound(c);
    const text = c.req.query('payrollPeriodId');
    const periodId = Number(text);
    if (!text || !/^\d{6}$/.test(text) || periodId % 100 === 0)
      return c.json(
        badRequestBody('The payrollPeriodId query parameter is required (YYYYPP).', granted.version),
        400,
      );
    const year = Math.floor(periodId / 100);
    const number = periodId % 100;
    const items = world.administrations.flatMap((administration) => {
      if (number > periodsInYear(administration.periodType, year)) return [];
      const owner = employer(administration.employerId);
      if (!owner) return [];
      return [
        renderProcessStatus(administration, owner.id, periodOf(administration.periodType, year, number)),
      ];
    });
    return sendList(c, granted, items);
  });

  function renderProcessStatus(administration: Administration, employerId: string, period: PayrollPeriod) {
    return {
      id: administration.id,
      employerId,
      name: administration.name,
      shortName: null,
      clientNumber: administration.clientNumber,
      administrationNumber: null,
      groupCode: 1,
      groupClassification: null,
      cao: { key: 1, value: 'Geen cao' },
      loonmodel: { key: 1, value: 'Standaard' },
      hasAutomaticPayroll: false,
      employerLogo: null,
      payrollPeriodType: PERIOD_TYPE_METADATA[administration.periodType],
      payrollPeriod: {
        payrollPeriodId: period.id,
        year: period.year,
        periodNumber: period.periodNumber,
        periodStartDate: period.startDate,
        periodEndDate: period.endDate,
        announcements: { hasUnreadAnnouncements: false },
        notifications: { hasUnreadNotifications: false },
        payrollProcess: {
          methodOfCreation: { key: 2, value: 'Individueel' },
          status: processStatusOf(world, administration, period.id),
        },
      },
    };
  }

  const ADMIN = '/providers/employers/payrolladministrations';

  app.get(`${ADMIN}/:administrationId/payrollperiods`, (c) => {
    const granted = guard(c, { activity: 'GetPayrollPeriodsByPayrollAdministrationId', versions: V2018 });
    if (granted instanceof Response) return granted;
    const administration = world.administration(c.req.param('administrationId'));
    if (!administration) return notFound(c);
    const periods = new Map(
      [
        administration.currentPeriod,
        ...world.payrollRuns.filter((r) => r.administrationId === administration.id).map((r) => r.period),
      ].map((p) => [p.id, p]),
    );
    const sorted = [...periods.values()].sort((a, b) => a.id - b.id);
    return sendList(
      c,
      granted,
      sorted.map((period) => renderPayrollPeriod(world, administration, period)),
    );
  });

  app.get(`${ADMIN}/:administrationId/payrollruns`, (c) => {
    const granted = guard(c, { activity: 'GetPayrollRunsByPayrollAdministrationId', versions: V2018 });
    if (granted instanceof Response) return granted;
    const administration = world.administration(c.req.param('administrationId'));
    if (!administration) return notFound(c);
    return sendList(
      c,
      granted,
      world.payrollRuns
        .filter((run) => run.administrationId === administration.id)
        .map((run) => renderPayrollRun(world, run)),
    );
  });

  app.get(`${ADMIN}/payrollruns/:payrollRunId`, (c) => {
    const granted = guard(c, { activity: 'GetPayrollRunByPayrollRunId', versions: V2018 });
    if (granted instanceof Response) return granted;
    const run = world.payrollRun(c.req.param('payrollRunId'));
    if (!run) return notFound(c);
    const body = detailEnvelope(renderPayrollRun(world, run), granted.version);
    const etag = `W/"${createHash('sha1').update(JSON.stringify(body.content)).digest('hex').toUpperCase()}"`;
    return sendJson(c, body, granted.version, { ETag: etag });
  });

  app.get(`${ADMIN}/payrollruns/:payrollRunId/results`, (c) => {
    const granted = guard(c, { activity: 'GetPayrollRunResultsByPayrollRunId', versions: V2018 });
    if (granted instanceof Response) return granted;
    const run = world.payrollRun(c.req.param('payrollRunId'));
    const administration = run && world.administration(run.administrationId);
    if (!run || !administration) return notFound(c);
    // Only employees with a result in one of the run's periods; added employees are appended last.
    const total = Math.max(...run.lines.map((line) => world.employeeCount(administration, line.period.id)));
    return sendList(c, granted, {
      total,
      at: (index) => renderPayrollResult(world, administration, world.employee(administration, index), run),
    });
  });

  const EMPLOYMENT = '/providers/employers/employees/employments/:employmentId';

  app.get(`${EMPLOYMENT}/payslips`, (c) => {
    const granted = guard(c, { activity: 'GetPayslipsByEmploymentId', versions: V2018 });
    if (granted instanceof Response) return granted;
    const found = world.findEmployment(c.req.param('employmentId'));
    if (!found) return notFound(c);
    const { administration, employee } = found;
    const runs = world.payrollRuns.filter(
      (run) =>
        run.administrationId === administration.id &&
        run.status === 9 &&
        world.employeeLines(administration, employee, run).length > 0,
    );
    return sendList(
      c,
      granted,
      runs.map((run) => renderPayslipListItem(world, administration, employee, run)),
    );
  });

  app.get(`${EMPLOYMENT}/payslips/:payrollRunId`, async (c) => {
    const granted = guard(c, {
      activity: 'GetPayslipsByEmploymentIdAndPayrollRunId',
      versions: V2018,
      servesPdf: true,
    });
    if (granted instanceof Response) return granted;
    const found = world.findEmployment(c.req.param('employmentId'));
    const run = world.payrollRun(c.req.param('payrollRunId'));
    if (!found || !run || run.status !== 9 || run.administrationId !== found.administration.id)
      return notFound(c);
    const { administration, employee } = found;
    if (world.employeeLines(administration, employee, run).length === 0) return notFound(c);
    if (!granted.pdf)
      return sendJson(
        c,
        detailEnvelope(renderPayrollResult(world, administration, employee, run), granted.version),
        granted.version,
      );
    const owner = employer(administration.employerId);
    if (!owner) return notFound(c);
    const bytes = await payslipPdf(world, owner, administration, employee, run);
    return sendPdf(
      c,
      bytes,
      `Loonstrook ${employee.employeeNumber} ${run.period.year}-${run.period.periodNumber}.pdf`,
    );
  });

  app.get(`${ADMIN}/:administrationId/journalruns`, (c) => {
    const granted = guard(c, { activity: 'GetJournalRunsByPayrollAdministrationId', versions: V2018 });
    if (granted instanceof Response) return granted;
    const administration = world.administration(c.req.param('administrationId'));
    if (!administration) return notFound(c);
    return sendList(
      c,
      granted,
      world.journalRuns
        .filter((run) => run.administrationId === administration.id)
        .map((run) => renderJournalRun(world, run)),
    );
  });

  const journalRun = (id: string) => world.journalRuns.find((run) => run.id === id);

  app.get(`${ADMIN}/journalruns/:journalRunId`, (c) => {
    const granted = guard(c, { activity: 'GetJournalRunByJournalRunId', versions: V2018 });
    if (granted instanceof Response) return granted;
    const run = journalRun(c.req.param('journalRunId'));
    if (!run) return notFound(c);
    return sendJson(c, detailEnvelope(renderJournalRun(world, run), granted.version), granted.version);
  });

  app.patch(`${ADMIN}/journalruns/:journalRunId`, async (c) => {
    const granted = guard(c, { activity: 'PatchJournalRunByJournalRunId', versions: V2018 });
    if (granted instanceof Response) return granted;
    const run = journalRun(c.req.param('journalRunId'));
    if (!run) return notFound(c);
    const parsed = patchJournalRunSchema.safeParse(await c.req.json().catch(() => null));
    if (!parsed.success)
      return c.json(
        badRequestBody(`Invalid body: ${parsed.error.issues[0]?.message ?? 'unreadable'}`, granted.version),
        400,
      );
    const allowedFrom = parsed.data.action === 'MarkAsProcessed' ? [4, 6, 7] : [4, 6];
    if (!allowedFrom.includes(run.status)) {
      return c.json(
        badRequestBody(
          `Journal run has status ${run.status}; ${parsed.data.action} is not possible.`,
          granted.version,
        ),
        409,
      );
    }
    run.status = parsed.data.action === 'MarkAsProcessed' ? 7 : 6;
    run.patches.push({ action: parsed.data.action, message: parsed.data.message ?? null });
    const answer = faults.faults.journalRunPatchAnswer;
    if (answer === 'journalRun')
      return sendJson(c, detailEnvelope(renderJournalRun(world, run), granted.version), granted.version);
    const { content: _content, ...withoutContent } = detailEnvelope({}, granted.version);
    return sendJson(
      c,
      answer === 'noContent' ? withoutContent : detailEnvelope({}, granted.version),
      granted.version,
    );
  });

  app.get(`${ADMIN}/journalruns/:journalRunId/results`, (c) => {
    const granted = guard(c, { activity: 'GetJournalRunResultsByJournalRunId', versions: V2018 });
    if (granted instanceof Response) return granted;
    const run = journalRun(c.req.param('journalRunId'));
    if (!run) return notFound(c);
    // Loket refuses results until the journal is ready (status 4 and later).
    if (run.status < 4)
      return c.json(
        badRequestBody(
          `Journal run has status ${run.status}; results are available from status 4.`,
          granted.version,
        ),
        400,
      );
    return sendList(c, granted, renderJournalLines(world, run));
  });

  app.get(`${ADMIN}/:administrationId/payrolltaxreturns`, (c) => {
    const granted = guard(c, { activity: 'GetPayrollTaxReturnsByPayrollAdministrationId', versions: V2018 });
    if (granted instanceof Response) return granted;
    const administration = world.administration(c.req.param('administrationId'));
    if (!administration) return notFound(c);
    return sendList(
      c,
      granted,
      world.taxReturns
        .filter((t) => t.administrationId === administration.id)
        .map((t) => renderTaxReturn(world, t)),
    );
  });

  const taxReturn = (id: string) => world.taxReturns.find((candidate) => candidate.id === id);

  app.get(`${ADMIN}/payrolltaxreturns/:taxReturnId`, (c) => {
    const granted = guard(c, { activity: 'GetPayrollTaxReturnByPayrollTaxReturnId', versions: V2018 });
    if (granted instanceof Response) return granted;
    const found = taxReturn(c.req.param('taxReturnId'));
    if (!found) return notFound(c);
    return sendJson(c, detailEnvelope(renderTaxReturn(world, found), granted.version), granted.version);
  });

  app.get(`${ADMIN}/payrolltaxreturns/:taxReturnId/overview`, async (c) => {
    const granted = guard(c, { activity: 'GetOverviewByPayrollTaxReturnId', versions: [], servesPdf: true });
    if (granted instanceof Response) return granted;
    const found = taxReturn(c.req.param('taxReturnId'));
    if (!found) return notFound(c);
    return sendPdf(
      c,
      await taxReturnOverviewPdf(world, found),
      `Loonaangifte ${found.tijdvak.year}-${found.tijdvak.code}.pdf`,
    );
  });

  app.all('*', (c) => notFound(c));
  return app;
}
