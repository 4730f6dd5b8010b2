import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportFixture } from '../../test/support/import-fixture.ts';
import { startImportFixture } from '../../test/support/import-fixture.ts';
import {
  administrations,
  contractLines,
  domainFeatures,
  importRuns,
  loketConnections,
} from '../store/schema/index.ts';
import { LinkIncompleteError } from './errors.ts';
import { importNow } from './import-run.ts';

let fixture: ImportFixture;
let domainId: string;

beforeAll(async () => {
  fixture = await startImportFixture();
  const [row] = await fixture.env.db
    .select()
    .from(administrations)
    .where(eq(administrations.id, fixture.bakeryId));
  domainId = row?.domainId ?? '';
});
afterAll(() => fixture.close());

async function gap(): Promise<string | null> {
  return fixture.env.loadLink(fixture.bakeryId).then(
    () => null,
    (error: unknown) => (error instanceof LinkIncompleteError ? error.gap : String(error)),
  );
}

describe('link context', () => {
  it('loads a complete link with decrypted secrets, and stores the Loket tokens it obtained, encrypted', async () => {
    const link = await fixture.env.loadLink(fixture.bakeryId);
    expect(link.yukiAdministrationId).toBe('3a8e6c21-1f2b-4c3d-8e4f-5a6b7c8d9e01');
    expect(await link.periodKind()).toBe('month');
    const [connection] = await fixture.env.db
      .select()
      .from(loketConnections)
      .where(eq(loketConnections.domainId, domainId));
    expect(connection?.tokensEnc).toMatch(/^v1\.1\./);
  });

  it('refuses, with the reason, when the feature is missing, the Relatiecode is not resolved, or a contract line is needed', async () => {
    await fixture.env.db.delete(domainFeatures).where(eq(domainFeatures.domainId, domainId));
    expect(await gap()).toBe('feature_missing');
    await fixture.env.db.insert(domainFeatures).values({ domainId, feature: 'loket_payroll_link' });

    await fixture.env.db
      .update(administrations)
      .set({ isStandard: false })
      .where(eq(administrations.id, fixture.bakeryId));
    expect(await gap()).toBe('no_contract_line');
    await fixture.env.db
      .insert(contractLines)
      .values({ domainId, administrationId: fixture.bakeryId, status: 'active' });
    expect(await gap()).toBeNull();

    await fixture.env.db
      .update(administrations)
      .set({ loketPayrollAdministrationId: null })
      .where(eq(administrations.id, fixture.bakeryId));
    expect(await gap()).toBe('relation_code_unresolved');
    await expect(
      importNow(fixture.env, {
        administrationId: fixture.bakeryId,
        trigger: 'manual',
        requestedLabel: 'test',
      }),
    ).rejects.toBeInstanceOf(LinkIncompleteError);
    const [run] = await fixture.env.db.select().from(importRuns);
    expect(run).toMatchObject({
      state: 'failed',
      errorCode: 'sync.link_incomplete.relation_code_unresolved',
    });
    expect(run?.errorNl).toContain('Relatiecode');
  });
});
