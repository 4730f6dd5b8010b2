import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportFixture } from '../../test/support/import-fixture.ts';
import { planBakeryPayslips, startImportFixture } from '../../test/support/import-fixture.ts';
import {
  administrations,
  contractLines,
  domainFeatures,
  glAccountMappings,
  importItems,
} from '../store/schema/index.ts';
import { claimAtOnce } from './claim.ts';
import { importItem } from './import-item.ts';

let fixture: ImportFixture;
let itemIds: string[] = [];

beforeAll(async () => {
  fixture = await startImportFixture({ importFromPeriod: '2026-10' });
  itemIds = await planBakeryPayslips(fixture);
});
afterAll(() => fixture.close());

/** The link version a claim reads, without keeping the claim (the item goes back to planned). */
async function versionNow(itemId: string): Promise<string | null | undefined> {
  const claimed = await claimAtOnce(fixture.env.db, itemId);
  await fixture.env.db
    .update(importItems)
    .set({ state: 'planned', attemptId: null })
    .where(eq(importItems.id, itemId));
  return claimed?.linkVersion;
}

describe('the link cached per claim version (issue 13 P1)', () => {
  it('reuses the link read at the version the claim saw, and reads it afresh once a setting changed', async () => {
    const itemId = itemIds[0]!;
    const version = await versionNow(itemId);
    expect(version).toMatch(/^\d+:\d+:\d+:/);
    const first = await fixture.env.loadLink(fixture.bakeryId, { version });
    const again = await fixture.env.loadLink(fixture.bakeryId, { version });
    // Same version: the same loaded link (its GL mapping is the very same function), no second read.
    expect(again.glAccount).toBe(first.glAccount);
    // Without a version (plans, pages) the link is always read.
    expect((await fixture.env.loadLink(fixture.bakeryId)).glAccount).not.toBe(first.glAccount);

    // A new portal-wide GL mapping changes the version, and the link read at it maps the code.
    await fixture.env.db
      .insert(glAccountMappings)
      .values({ portalId: fixture.portalId, loketCode: '4000', yukiCode: '4999' });
    const mapped = await versionNow(itemId);
    expect(mapped).not.toBe(version);
    expect((await fixture.env.loadLink(fixture.bakeryId, { version: mapped })).glAccount('4000')).toBe(
      '4999',
    );
    await fixture.env.db.delete(glAccountMappings).where(eq(glAccountMappings.portalId, fixture.portalId));
    expect(await versionNow(itemId)).not.toBe(mapped);
  });

  it('moves with every set the link reads: domain features, contract lines, mappings of one administration', async () => {
    const itemId = itemIds[3]!;
    const { db } = fixture.env;
    const [bakery] = await db.select().from(administrations).where(eq(administrations.id, fixture.bakeryId));
    const seen = new Set([await versionNow(itemId)]);
    // Each change below is in a set, not in the administration, domain or portal rows the version reads.
    const changes = [
      () =>
        db.insert(glAccountMappings).values({
          portalId: fixture.portalId,
          administrationId: fixture.bakeryId,
          loketCode: '4100',
          yukiCode: '4998',
        }),
      () =>
        db.update(glAccountMappings).set({ yukiCode: '4997' }).where(eq(glAccountMappings.loketCode, '4100')),
      () => db.delete(glAccountMappings).where(eq(glAccountMappings.loketCode, '4100')),
      () =>
        db
          .insert(contractLines)
          .values({ domainId: bakery!.domainId, administrationId: fixture.bakeryId, status: 'requested' }),
      () => db.delete(contractLines).where(eq(contractLines.administrationId, fixture.bakeryId)),
      () => db.delete(domainFeatures).where(eq(domainFeatures.domainId, bakery!.domainId)),
      () => db.insert(domainFeatures).values({ domainId: bakery!.domainId, feature: 'loket_payroll_link' }),
    ];
    for (const change of changes) {
      await change();
      const version = await versionNow(itemId);
      expect(seen.has(version), `after change ${changes.indexOf(change) + 1}`).toBe(false);
      seen.add(version);
    }
  });

  it('never posts on a cached link after the Relatiecode changed: the claim sees the change', async () => {
    const [posted, refused] = [itemIds[1]!, itemIds[2]!];
    expect(await importItem(fixture.env, posted)).toMatchObject({ outcome: 'posted' });
    const documents = fixture.yuki.state.documents.length;
    // The Relatiecode is being changed: until it is resolved again the link is incomplete.
    await fixture.env.db
      .update(administrations)
      .set({ relationCode: null })
      .where(eq(administrations.id, fixture.bakeryId));
    expect(await importItem(fixture.env, refused)).toMatchObject({
      outcome: 'failed',
      code: 'sync.link_incomplete.relation_code_unresolved',
    });
    expect(fixture.yuki.state.documents).toHaveLength(documents);
  });
});
