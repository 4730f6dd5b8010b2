/**
 * @module control
 * The sandbox's own control surface under /_sandbox/, apart from the Loket API: credentials, and the
 * levers a test pulls to play out a month (advance the period, run and approve payroll, corrections,
 * new employees, revoked rights, faults).
 */
import { Hono } from 'hono';
import type { Context } from 'hono';
import { z } from 'zod';
import { isRight, RIGHTS } from '../data/rights.ts';
import { SandboxConflict } from '../data/world.ts';
import type { LoketWorld, TaxReturnStatus } from '../data/world.ts';
import { loketFaultsSchema } from '../options.ts';
import type { FaultState } from './faults.ts';
import { renderJournalRun, renderPayrollRun, renderTaxReturn } from './resources.ts';

const administrationBody = z.object({ payrollAdministrationId: z.string() });

const TAX_RETURN_TRANSITIONS: Record<number, readonly TaxReturnStatus[]> = { 1: [3, 2], 3: [5, 4], 5: [6] };

async function body<T extends z.ZodType>(c: Context, schema: T): Promise<z.output<T>> {
  const parsed = schema.safeParse(await c.req.json().catch(() => ({})));
  if (!parsed.success)
    throw new SandboxConflict(
      `invalid body: ${parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`).join('; ')}`,
    );
  return parsed.data;
}

export function controlRoutes(world: LoketWorld, faults: FaultState): Hono {
  const app = new Hono();

  app.onError((error, c) => {
    if (error instanceof SandboxConflict) return c.json({ error: error.message }, 409);
    throw error;
  });

  const requireAdministration = (id: string) => {
    const administration = world.administration(id);
    if (!administration) throw new SandboxConflict(`no payroll administration ${id}`);
    return administration;
  };

  app.get('/credentials', (c) =>
    c.json({
      clientId: world.clientId,
      clientSecret: world.clientSecret,
      redirectUri: world.redirectUri,
      // A client with the password flow enabled by exception, for portals that use it.
      passwordClient: world.clients
        .filter((client) => client.passwordFlow)
        .map(({ clientId, clientSecret }) => ({ clientId, clientSecret }))[0],
      clients: world.clients,
      provider: { id: world.providerId, name: world.providerName.slice(0, 70) },
      users: world.users.map((user) => ({
        username: user.username,
        password: user.password,
        rights: RIGHTS.filter((right) => user.rights.has(right)),
      })),
      payrollAdministrations: world.administrations.map((a) => ({
        id: a.id,
        employerId: a.employerId,
        clientNumber: a.clientNumber,
        periodType: a.periodType,
        employees: world.totalEmployees(a),
        currentPeriodId: a.currentPeriod.id,
      })),
    }),
  );

  app.post('/periods/advance', async (c) => {
    const { payrollAdministrationId } = await body(
      c,
      z.object({ payrollAdministrationId: z.string().optional() }),
    );
    const administration =
      payrollAdministrationId === undefined ? undefined : requireAdministration(payrollAdministrationId);
    world.advancePeriod(administration);
    return c.json({
      currentPeriods: world.administrations.map((a) => ({
        payrollAdministrationId: a.id,
        payrollPeriodId: a.currentPeriod.id,
      })),
    });
  });

  app.post('/payroll-runs', async (c) => {
    const input = await body(
      c,
      administrationBody.extend({
        approve: z.boolean().default(true),
        journalRunStatus: z.union([z.literal(0), z.literal(4)]).default(4),
      }),
    );
    const administration = requireAdministration(input.payrollAdministrationId);
    const period = administration.currentPeriod;
    const run = world.createPayrollRun(administration, period, [{ period, backPayPercent: null }]);
    if (input.approve) world.approvePayrollRun(run.id, { journalRunStatus: input.journalRunStatus });
    return c.json(renderPayrollRun(world, run), 201);
  });

  app.post('/payroll-runs/:id/approve', (c) =>
    c.json(renderPayrollRun(world, world.approvePayrollRun(c.req.param('id')))),
  );
  app.post('/payroll-runs/:id/cancel', (c) =>
    c.json(renderPayrollRun(world, world.cancelPayrollRun(c.req.param('id')))),
  );

  app.post('/correction-runs', async (c) => {
    const input = await body(
      c,
      administrationBody.extend({
        payrollPeriodId: z.number().int(),
        backPayPercent: z.number().positive().max(50).default(2),
      }),
    );
    const run = world.createCorrectionRun(
      requireAdministration(input.payrollAdministrationId),
      input.payrollPeriodId,
      input.backPayPercent,
    );
    return c.json(renderPayrollRun(world, run), 201);
  });

  app.post('/corrected-tax-returns', async (c) => {
    const input = await body(c, administrationBody.extend({ payrollPeriodId: z.number().int() }));
    const taxReturn = world.createCorrectedTaxReturn(
      requireAdministration(input.payrollAdministrationId),
      input.payrollPeriodId,
    );
    return c.json(renderTaxReturn(world, taxReturn), 201);
  });

  app.post('/payroll-tax-returns/:id/status', async (c) => {
    const { status } = await body(c, z.object({ status: z.number().int() }));
    const taxReturn = world.taxReturns.find((candidate) => candidate.id === c.req.param('id'));
    if (!taxReturn) throw new SandboxConflict(`no payroll tax return ${c.req.param('id')}`);
    const allowed = TAX_RETURN_TRANSITIONS[taxReturn.status] ?? [];
    if (!allowed.includes(status as TaxReturnStatus))
      throw new SandboxConflict(`status ${taxReturn.status} → ${status} is not a tax-return transition`);
    taxReturn.status = status as TaxReturnStatus;
    return c.json(renderTaxReturn(world, taxReturn));
  });

  app.post('/journal-runs/:id/ready', (c) => {
    const journalRun = world.journalRuns.find((candidate) => candidate.id === c.req.param('id'));
    if (!journalRun) throw new SandboxConflict(`no journal run ${c.req.param('id')}`);
    if (journalRun.status !== 0)
      throw new SandboxConflict(`journal run has status ${journalRun.status}; only 0 becomes ready`);
    journalRun.status = 4;
    return c.json(renderJournalRun(world, journalRun));
  });

  // A broken journal run, to test that the import refuses it instead of "fixing" it.
  app.post('/journal-runs/:id/unbalance', async (c) => {
    const { cents } = await body(
      c,
      z.object({ cents: z.number().int().min(-100_000).max(100_000).default(1) }),
    );
    const journalRun = world.journalRuns.find((candidate) => candidate.id === c.req.param('id'));
    if (!journalRun) throw new SandboxConflict(`no journal run ${c.req.param('id')}`);
    journalRun.imbalanceCents = cents;
    return c.json({ ...renderJournalRun(world, journalRun), imbalanceCents: journalRun.imbalanceCents });
  });

  app.get('/journal-runs/:id', (c) => {
    const journalRun = world.journalRuns.find((candidate) => candidate.id === c.req.param('id'));
    if (!journalRun) throw new SandboxConflict(`no journal run ${c.req.param('id')}`);
    return c.json({
      ...renderJournalRun(world, journalRun),
      processedMessage: journalRun.patches.at(-1)?.message ?? null,
      imbalanceCents: journalRun.imbalanceCents,
      patches: journalRun.patches,
    });
  });

  // Loket's test year: switching it off is what a new client does once the test year becomes real.
  app.post('/payroll-administrations/:id/test-year', async (c) => {
    const input = await body(
      c,
      z.object({ year: z.number().int().min(2000).max(2100), testYear: z.boolean() }),
    );
    const administration = requireAdministration(c.req.param('id'));
    if (input.testYear) administration.testYears.add(input.year);
    else administration.testYears.delete(input.year);
    return c.json({
      payrollAdministrationId: administration.id,
      testYears: [...administration.testYears].sort(),
    });
  });

  // Amounts no payroll produces (12.345, 1e300), served where Loket would send the computed one.
  app.post('/odd-amounts', async (c) => {
    const input = await body(
      c,
      z.discriminatedUnion('target', [
        z.object({ target: z.literal('tax-return'), id: z.string(), value: z.number().nullable() }),
        z.object({ target: z.literal('journal-run'), id: z.string(), value: z.number().nullable() }),
        z.object({
          target: z.literal('payslip'),
          payrollRunId: z.string(),
          employmentId: z.string(),
          value: z.number().nullable(),
        }),
      ]),
    );
    const key =
      input.target === 'payslip'
        ? `payslip:${input.payrollRunId}:${input.employmentId}`
        : `${input.target}:${input.id}`;
    if (input.value === null) world.oddAmounts.delete(key);
    else world.oddAmounts.set(key, input.value);
    return c.json({ oddAmounts: Object.fromEntries(world.oddAmounts) });
  });

  app.post('/employees', async (c) => {
    const input = await body(
      c,
      administrationBody.extend({ count: z.number().int().min(1).max(1000).default(1) }),
    );
    const added = world.addEmployees(requireAdministration(input.payrollAdministrationId), input.count);
    return c.json(
      added.map((employee) => ({
        employmentId: employee.employmentId,
        employeeNumber: employee.employeeNumber,
        name: employee.formattedName,
      })),
      201,
    );
  });

  app.post('/users/:username/rights/revoke', async (c) => {
    const { right } = await body(
      c,
      z.object({ right: z.string().refine(isRight, { message: `must be one of: ${RIGHTS.join(', ')}` }) }),
    );
    const user = world.user(c.req.param('username'));
    if (!user) throw new SandboxConflict(`no user ${c.req.param('username')}`);
    if (isRight(right)) user.rights.delete(right);
    return c.json({ username: user.username, rights: RIGHTS.filter((r) => user.rights.has(r)) });
  });

  app.post('/users/:username/rights/grant', async (c) => {
    const { right } = await body(
      c,
      z.object({ right: z.string().refine(isRight, { message: `must be one of: ${RIGHTS.join(', ')}` }) }),
    );
    const user = world.user(c.req.param('username'));
    if (!user) throw new SandboxConflict(`no user ${c.req.param('username')}`);
    if (isRight(right)) user.rights.add(right);
    return c.json({ username: user.username, rights: RIGHTS.filter((r) => user.rights.has(r)) });
  });

  app.get('/faults', (c) => c.json(faults.faults));
  app.get('/faults/padding-sent', (c) => c.json({ bytes: faults.paddingSent }));
  app.put('/faults', async (c) => {
    faults.faults = await body(c, loketFaultsSchema);
    return c.json(faults.faults);
  });
  app.delete('/faults', (c) => {
    faults.faults = loketFaultsSchema.parse({});
    return c.json(faults.faults);
  });

  return app;
}
