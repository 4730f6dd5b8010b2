/**
 * A backup of the embedded database restores with every import record and every encrypted credential
 * intact, and a running service's data directory is never copied mid-flight.
 */
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { openDatabase } from './database.ts';
import { backupEmbedded, restoreEmbedded } from './embedded-backup.ts';
import { DataDirLockedError } from './data-dir-lock.ts';
import { auditEvents, importItems, importRuns, portals } from './schema/index.ts';
import { createSecretBox } from '../secrets/secret-box.ts';
import { createTenants } from '../../test/support/tenants.ts';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'loket-yuki-backup-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('embedded backup and restore', () => {
  it('restores every import record and encrypted credential, readable with the same master key', async () => {
    const source = tempDir();
    const keys = { current: randomBytes(32) };
    const original = await openDatabase({ dataDir: source });
    const tenants = await createTenants(original.db);
    const portalId = tenants.a.portalId;
    const secrets = createSecretBox(original.db, keys);
    const ref = { portalId, field: 'portals.yuki_access_key' as const, rowId: portalId };
    await original.db
      .update(portals)
      .set({ yukiAccessKeyEnc: await secrets.encrypt(ref, 'yuki-access-key-of-kantoor-a') })
      .where(eq(portals.id, portalId));
    const [run] = await original.db
      .insert(importRuns)
      .values({
        administrationId: tenants.a.standardId,
        trigger: 'manual',
        requestedLabel: 'backup test',
        kinds: ['payslip'],
        fromPeriodId: 202610,
        toPeriodId: 202610,
      })
      .returning();
    await original.db.insert(importItems).values(
      Array.from({ length: 25 }, (_, index) => ({
        key: `backup-${index}`,
        marker: `m${index}`,
        administrationId: tenants.a.standardId,
        kind: 'payslip' as const,
        loketObjectId: `obj-${index}`,
        version: '1',
        periodId: 202610,
        periodEndDate: '2026-10-31',
        subject: `Loonstrook ${index}`,
        state: 'posted' as const,
        yukiDocumentId: `yuki-doc-${index}`,
        amountCents: 123_456 + index,
      })),
    );
    const items = await original.db.select().from(importItems).orderBy(importItems.key);
    const audit = await original.db.select().from(auditEvents);

    // While the "service" holds the data directory, backup refuses instead of copying files in motion.
    const file = join(tempDir(), 'loket-yuki.backup.tar.gz');
    await expect(backupEmbedded(source, file)).rejects.toBeInstanceOf(DataDirLockedError);
    await original.close();

    expect(await backupEmbedded(source, file)).toBeGreaterThan(0);

    const target = tempDir();
    await restoreEmbedded(target, file, { replace: false });
    const restored = await openDatabase({ dataDir: target });
    try {
      expect(await restored.db.select().from(importItems).orderBy(importItems.key)).toEqual(items);
      expect((await restored.db.select().from(importRuns)).map((row) => row.id)).toEqual([run!.id]);
      expect(await restored.db.select().from(auditEvents)).toEqual(audit);
      const [portal] = await restored.db.select().from(portals).where(eq(portals.id, portalId));
      const readBack = createSecretBox(restored.db, keys);
      expect(await readBack.decrypt(ref, portal!.yukiAccessKeyEnc!)).toBe('yuki-access-key-of-kantoor-a');
    } finally {
      await restored.close();
    }

    // A second restore over it needs --replace, and keeps what was there.
    await expect(restoreEmbedded(target, file, { replace: false })).rejects.toThrow(/--replace/);
    const { keptAside } = await restoreEmbedded(target, file, { replace: true });
    expect(keptAside && existsSync(keptAside)).toBe(true);
  }, 120_000);
});
