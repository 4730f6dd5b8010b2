import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../src/store/database.ts';
import { auditEvents, glAccountMappings } from '../src/store/schema/index.ts';
import { startCli } from './support/cli-process.ts';
import { bakery, startImportFixture, type ImportFixture } from './support/import-fixture.ts';
import { sandboxEnv } from '../sandbox/demo/sandboxes.ts';

let fixture: ImportFixture;
let dataDir: string | undefined;
let cliEnv: NodeJS.ProcessEnv;

beforeAll(async () => {
  fixture = await startImportFixture({ importFromPeriod: '2026-10' });
  // A journal line mapped to a GL account Yuki lacks: the first import fails that one item.
  await fixture.env.db.insert(glAccountMappings).values({
    portalId: fixture.portalId,
    administrationId: fixture.bakeryId,
    loketCode: '40950',
    yukiCode: '40999',
  });
  const { database } = fixture;
  if (database.engine === 'pglite') {
    // The fixture's PGlite lives in memory; the CLI is another process and needs it in a data dir.
    dataDir = mkdtempSync(join(tmpdir(), 'loket-yuki-cli-'));
    mkdirSync(join(dataDir, 'pglite'));
    const copy = await PGlite.create(join(dataDir, 'pglite'), {
      loadDataDir: await database.pglite.dumpDataDir('none'),
    });
    await copy.close();
  }
  cliEnv = {
    DATABASE_URL: database.engine === 'postgres' ? database.connectionString : '',
    DATA_DIR: dataDir ?? '',
    APP_MASTER_KEY: fixture.masterKey.toString('base64'),
    ...sandboxEnv(fixture.loket, fixture.yuki),
    LOG_LEVEL: 'warn',
  };
}, 90_000);

afterAll(async () => {
  await fixture?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

/** The database the CLI uses; on PGlite opened only while no CLI process holds the data dir. */
async function inDatabase<T>(use: (db: Database) => Promise<T>): Promise<T> {
  if (!dataDir) return use(fixture.env.db);
  const handle = await openDatabase({ dataDir });
  try {
    return await use(handle.db);
  } finally {
    await handle.close();
  }
}

async function cli(...args: string[]): Promise<{ code: number | null; output: string }> {
  const process = startCli(args, cliEnv);
  const { code } = await process.exited;
  return { code, output: process.output() };
}

const bakeryDocuments = () =>
  fixture.yuki.state.documents.filter((d) => d.administrationId === bakery.yukiAdministrationId).length;

describe('loket-yuki import and status', () => {
  it('previews a month with --dry-run and posts nothing', async () => {
    const documentsBefore = bakeryDocuments();
    const { code, output } = await cli(
      'import',
      '--administration',
      fixture.bakeryId,
      '--period',
      '2026-10',
      '--dry-run',
    );
    expect(code, output).toBe(0);
    expect(output).toContain(`${bakery.name} (dry run, nothing posted):`);
    expect(output).toContain('2026-10: 12 loonstroken, 1 journaalpost, 1 loonaangifte');
    expect(bakeryDocuments()).toBe(documentsBefore);
    expect(fixture.yuki.state.journals).toEqual([]);
  }, 60_000);

  it('imports the month with progress, names the failed journal and what to do, and exits 1', async () => {
    const documentsBefore = bakeryDocuments();
    const { code, output } = await cli('import', '--administration', fixture.bakeryId, '--period', '2026-10');
    expect(code, output).toBe(1);
    expect(output).toContain('payslips 12/12');
    expect(output).toContain('tax-return 1/1');
    expect(output).toContain('journal 1/1 failed');
    expect(output).toMatch(/Failed: Loonjournaalpost oktober 2026/);
    expect(output).toContain('grootboekrekeningen die in Yuki niet bestaan of niet actief zijn: 40999');
    expect(output).toContain('loket-yuki: 13 posted, 1 failed, 0 waiting for Yuki quota');
    // Twelve payslips and the tax return; the refused journal reached Yuki not at all.
    expect(bakeryDocuments()).toBe(documentsBefore + 13);
    expect(fixture.yuki.state.journals).toEqual([]);
  }, 90_000);

  it('posts only the journal once the mapping is fixed, and nothing the time after', async () => {
    await inDatabase((db) => db.delete(glAccountMappings).where(eq(glAccountMappings.loketCode, '40950')));
    const fixed = await cli(
      'import',
      '--administration',
      fixture.bakeryId,
      '--period',
      '2026-10',
      '--kind',
      'journal',
    );
    expect(fixed.code, fixed.output).toBe(0);
    expect(fixed.output).toContain('loket-yuki: 1 posted, 0 failed');
    expect(fixture.yuki.state.journals).toHaveLength(1);

    const documentsBefore = bakeryDocuments();
    const again = await cli('import', '--administration', fixture.bakeryId, '--period', '2026-10');
    expect(again.code, again.output).toBe(0);
    expect(again.output).toContain('Niets te importeren.');
    expect(again.output).toContain('loket-yuki: 0 posted, 0 failed');
    expect(bakeryDocuments()).toBe(documentsBefore);
    expect(fixture.yuki.state.journals).toHaveLength(1);
  }, 90_000);

  it('records every run in the audit log as the cli', async () => {
    const events = await inDatabase((db) =>
      db.select().from(auditEvents).where(eq(auditEvents.action, 'import.cli')).orderBy(auditEvents.id),
    );
    expect(events.map((e) => [e.actorLabel, e.administrationId, e.outcome, e.details.dryRun])).toEqual([
      ['cli', fixture.bakeryId, 'ok', true],
      ['cli', fixture.bakeryId, 'failed', false],
      ['cli', fixture.bakeryId, 'ok', false],
      ['cli', fixture.bakeryId, 'ok', false],
    ]);
  }, 60_000);

  it('prints administrations × periods × kinds', async () => {
    const { code, output } = await cli('status', '--portal', fixture.portalId, '--from', '2026-09');
    expect(code, output).toBe(0);
    expect(output).toMatch(/^Administration\s+Period\s+Payslips\s+Journal\s+Tax return$/m);
    expect(output).toMatch(
      new RegExp(`^${bakery.name}\\s+2026-10\\s+12 posted\\s+1 posted\\s+1 posted$`, 'm'),
    );
  }, 60_000);

  it('refuses an unknown administration and a kind it does not know', async () => {
    const unknown = await cli('import', '--administration', '00000000-0000-4000-8000-000000000000');
    expect(unknown.code).toBe(1);
    expect(unknown.output).toContain('there is no administration 00000000-0000-4000-8000-000000000000');
    const badKind = await cli('import', '--administration', fixture.bakeryId, '--kind', 'payslip');
    expect(badKind.code).toBe(1);
    expect(badKind.output).toMatch(/Allowed choices are payslips, journal, tax-return/);
  }, 60_000);
});
