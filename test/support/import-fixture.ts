/**
 * @module test-import-fixture
 * For the import engine's integration tests: a real database, both sandboxes on free ports, and the
 * demo firm's bakery (monthly) and installer (4-weekly) linked as a user would link them — portal
 * secrets encrypted, a password-grant Loket connection, Relatiecodes resolved. The clock is the test's.
 */
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { startLoketSandbox } from '../../sandbox/loket/index.ts';
import type { LoketSandboxOptions, RunningLoketSandbox } from '../../sandbox/loket/index.ts';
import { demoFirm } from '../../sandbox/shared/demo-firm.ts';
import { startYukiSandbox } from '../../sandbox/yuki/index.ts';
import type { YukiSandbox } from '../../sandbox/yuki/index.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { createSecretBox } from '../../src/secrets/secret-box.ts';
import type { DatabaseHandle } from '../../src/store/database.ts';
import {
  administrations,
  domainFeatures,
  domains,
  importItems,
  loketConnections,
  portals,
} from '../../src/store/schema/index.ts';
import { createImportEnvironment } from '../../src/main/import-engine.ts';
import type { ImportItemEnvironment } from '../../src/sync/import-item.ts';
import { planImportRun } from '../../src/sync/import-run.ts';
import type { BooksReserve, DatabaseCallBudget } from '../../src/sync/yuki-call-budget.ts';
import { databaseCallBudget } from '../../src/sync/yuki-call-budget.ts';
import { createYukiClient } from '../../src/yuki/yuki.client.ts';
import { openTestDatabase } from './database.ts';
import { sandboxControl, type SandboxCredentials } from './loket-fixture.ts';
import { sandboxEnv } from '../../sandbox/demo/sandboxes.ts';

export const PORTAL_YUKI_KEY = '5e1d0c3b-2a19-4f8e-8d7c-6b5a4f3e2d01';
export const LOKET_TODAY = '2026-11-18';

function demo<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('the demo firm changed shape');
  return value;
}
const bakeryDomain = demo(demoFirm.domains[0]);
const groupDomain = demo(demoFirm.domains[1]);
export const bakery = demo(bakeryDomain.administrations[0]);
export const installer = demo(groupDomain.administrations[0]);

export type ImportFixture = {
  database: DatabaseHandle;
  loket: RunningLoketSandbox;
  yuki: YukiSandbox;
  env: ImportItemEnvironment;
  /** Our Yuki call budget, on the test's clock. */
  budget: DatabaseCallBudget;
  portalId: string;
  /** Our administration ids. */
  bakeryId: string;
  installerId: string;
  clock: { now: Date };
  /** The master key the portal's secrets are sealed with, for worker processes on this database. */
  masterKey: Buffer;
  close(): Promise<void>;
};

export type ImportFixtureOptions = {
  /** Our own budget per Yuki domain and day. */
  budgetLimit?: number;
  /** What of it payslips leave to the books (default `BOOKS_RESERVE`). */
  booksReserve?: BooksReserve;
  /** The Yuki sandbox's own limit. */
  yukiDailyCallLimit?: number;
  /** "2026-10": the first period the administrations import. */
  importFromPeriod?: string;
  /** More Loket sandbox knobs (benchmarks: `employeesPerAdministration`, `faults.latencyMs`). */
  loket?: Omit<LoketSandboxOptions, 'today'>;
  /** Added to every Yuki sandbox answer. */
  yukiLatencyMs?: number;
  /** An open database to use instead of a fresh test database (benchmarks: PGlite in a data directory). */
  database?: DatabaseHandle;
  /** Sandboxes already running elsewhere (the memory benchmark: in a process of their own). */
  sandboxes?: { loket: RunningLoketSandbox; yuki: YukiSandbox };
};

export async function startImportFixture(options: ImportFixtureOptions = {}): Promise<ImportFixture> {
  const database = options.database ?? (await openTestDatabase());
  const { db } = database;
  const loket =
    options.sandboxes?.loket ?? (await startLoketSandbox({ ...options.loket, today: LOKET_TODAY }));
  const yuki =
    options.sandboxes?.yuki ??
    (await startYukiSandbox({
      seed: 'import',
      dailyCallLimit: options.yukiDailyCallLimit ?? 1000,
      ...(options.yukiLatencyMs === undefined ? {} : { faults: { latencyMs: options.yukiLatencyMs } }),
    }));
  const credentials = (await sandboxControl(loket.controlUrl, '/credentials')) as SandboxCredentials;
  const user = credentials.users.find((u) => u.username === 'koppeling.yuki');
  if (!user) throw new Error('the Loket sandbox lost its koppeling.yuki user');

  const masterKey = randomBytes(32);
  const secretBox = createSecretBox(db, { current: masterKey });
  const [portal] = await db
    .insert(portals)
    // Signs in with the password grant, so the portal's client is the one Loket enabled it for.
    .values({
      name: demoFirm.name,
      loketClientId: credentials.passwordClient.clientId,
      loketPasswordFlow: true,
    })
    .returning();
  if (!portal) throw new Error('no portal');
  await db
    .update(portals)
    .set({
      loketClientSecretEnc: await secretBox.encrypt(
        { portalId: portal.id, field: 'portals.loket_client_secret', rowId: portal.id },
        credentials.passwordClient.clientSecret,
      ),
      yukiAccessKeyEnc: await secretBox.encrypt(
        { portalId: portal.id, field: 'portals.yuki_access_key', rowId: portal.id },
        PORTAL_YUKI_KEY,
      ),
    })
    .where(eq(portals.id, portal.id));

  const ids: string[] = [];
  for (const [domain, administration] of [
    [bakeryDomain, bakery],
    [groupDomain, installer],
  ] as const) {
    const [domainRow] = await db
      .insert(domains)
      .values({ portalId: portal.id, yukiDomainId: domain.yukiDomainId, name: domain.name, url: domain.url })
      .returning();
    if (!domainRow) throw new Error('no domain');
    await db.insert(domainFeatures).values({ domainId: domainRow.id, feature: 'loket_payroll_link' });
    await db.insert(loketConnections).values({
      domainId: domainRow.id,
      method: 'password',
      username: user.username,
      passwordEnc: await secretBox.encrypt(
        { portalId: portal.id, field: 'loket_connections.password', rowId: domainRow.id },
        user.password,
      ),
      status: 'ok',
    });
    const [row] = await db
      .insert(administrations)
      .values({
        portalId: portal.id,
        domainId: domainRow.id,
        yukiAdministrationId: administration.yukiAdministrationId,
        name: administration.name,
        isStandard: administration.isStandard,
        relationCode: administration.loket.clientNumber,
        loketEmployerId: administration.loket.employerId,
        loketPayrollAdministrationId: administration.loket.payrollAdministrationId,
        importFromPeriod: options.importFromPeriod ?? null,
      })
      .returning();
    if (!row) throw new Error('no administration');
    ids.push(row.id);
  }

  const clock = { now: new Date(`${LOKET_TODAY}T10:00:00Z`) };
  const now = () => clock.now;
  const budget = databaseCallBudget(db, {
    now,
    ...(options.budgetLimit === undefined ? {} : { dailyLimit: options.budgetLimit }),
    ...(options.booksReserve === undefined ? {} : { booksReserve: options.booksReserve }),
  });
  const env = createImportEnvironment({
    db,
    secrets: secretBox,
    yuki: createYukiClient({ baseUrl: yuki.url, budget }),
    config: loadConfig(
      {
        APP_MASTER_KEY: masterKey.toString('base64'),
        ...sandboxEnv(loket, yuki),
      },
      'production',
    ),
    now,
  });
  return {
    database,
    loket,
    yuki,
    env,
    portalId: portal.id,
    bakeryId: ids[0] ?? '',
    installerId: ids[1] ?? '',
    clock,
    budget,
    masterKey,
    async close() {
      await Promise.all([loket.close(), yuki.close()]);
      await database.close();
    },
  };
}

/** Calls the Loket sandbox's control surface. */
export function loketControl(fixture: ImportFixture, path: string, body?: unknown): Promise<unknown> {
  return sandboxControl(fixture.loket.controlUrl, path, body);
}

/** The item's row as stored now. */
export async function itemRow(fixture: ImportFixture, id: string) {
  const [row] = await fixture.env.db.select().from(importItems).where(eq(importItems.id, id));
  if (!row) throw new Error(`no item ${id}`);
  return row;
}

/** Plans the bakery's payslips as "Import now" would, and answers their item ids. */
export async function planBakeryPayslips(fixture: ImportFixture): Promise<string[]> {
  const planned = await planImportRun(fixture.env, {
    administrationId: fixture.bakeryId,
    trigger: 'manual',
    requestedLabel: 'test',
    kinds: ['payslip'],
  });
  return planned.itemIds;
}
