import { randomBytes } from 'node:crypto';
import { and, eq, ne } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../test/support/database.ts';
import type { DatabaseHandle } from '../store/database.ts';
import { dataKeys, domains, loketConnections, portals } from '../store/schema/index.ts';
import { createDataKey, createSecretBox, type MasterKeys } from './secret-box.ts';
import { rotateKeys } from './rotate-keys.ts';

describe('secret box and key rotation', () => {
  let database: DatabaseHandle;
  let portalId: string;
  let domainId: string;
  const oldMaster = randomBytes(32);
  let currentMaster: Buffer;
  beforeAll(async () => {
    database = await openTestDatabase();
    const [portal] = await database.db.insert(portals).values({ name: 'Kantoor' }).returning();
    portalId = portal!.id;
    const [domain] = await database.db.insert(domains).values({ portalId, name: 'Bakkerij' }).returning();
    domainId = domain!.id;
  });
  afterAll(() => database.close());

  it('stores nothing readable and opens only in its own row', async () => {
    const box = createSecretBox(database.db, { current: oldMaster });
    const ref = { portalId, field: 'portals.loket_client_secret' as const, rowId: portalId };
    const ciphertext = await box.encrypt(ref, 'client-secret-123');
    expect(ciphertext).toMatch(/^v1\.1\./);
    expect(ciphertext).not.toContain('client-secret-123');
    await expect(box.decrypt(ref, ciphertext)).resolves.toBe('client-secret-123');
    await expect(box.decrypt({ ...ref, field: 'portals.yuki_access_key' }, ciphertext)).rejects.toThrow();
    await database.db
      .update(portals)
      .set({ loketClientSecretEnc: ciphertext })
      .where(eq(portals.id, portalId));
  });

  it('rotates to a new master key and data key, and a second run is harmless', async () => {
    const oldBox = createSecretBox(database.db, { current: oldMaster });
    const connectionRef = { portalId, field: 'loket_connections.password' as const, rowId: domainId };
    await database.db.insert(loketConnections).values({
      domainId,
      method: 'password',
      username: 'koppeling@bakkerij',
      passwordEnc: await oldBox.encrypt(connectionRef, 'wachtwoord-loket'),
    });

    const newMaster = randomBytes(32);
    currentMaster = newMaster;
    const keys: MasterKeys = { current: newMaster, previous: [oldMaster] };
    const report = await rotateKeys(database.db, keys);
    expect(report).toEqual({ rewrappedDataKeys: 1, newDataKeys: 1, reencryptedSecrets: 2 });

    // Only the new master key is needed from now on.
    const newBox = createSecretBox(database.db, { current: newMaster });
    const [connection] = await database.db.select().from(loketConnections);
    expect(newBox.versionOf(connection!.passwordEnc!)).toBe(2);
    await expect(newBox.decrypt(connectionRef, connection!.passwordEnc!)).resolves.toBe('wachtwoord-loket');
    const [portal] = await database.db.select().from(portals);
    await expect(
      newBox.decrypt(
        { portalId, field: 'portals.loket_client_secret', rowId: portalId },
        portal!.loketClientSecretEnc!,
      ),
    ).resolves.toBe('client-secret-123');
    const keysRows = await database.db.select().from(dataKeys);
    expect(keysRows.map((row) => [row.version, row.active]).sort()).toEqual([
      [1, false],
      [2, true],
    ]);
  });

  it('resumes an interrupted rotation instead of starting another on top of it', async () => {
    const master = currentMaster;
    // As if a run crashed right after making data key 3: both secrets are still on key 2.
    await createDataKey(database.db, master, portalId, 3);
    await database.db
      .update(dataKeys)
      .set({ active: false })
      .where(and(eq(dataKeys.portalId, portalId), ne(dataKeys.version, 3)));

    const report = await rotateKeys(database.db, { current: master });
    expect(report).toEqual({ rewrappedDataKeys: 0, newDataKeys: 0, reencryptedSecrets: 2 });
    const box = createSecretBox(database.db, { current: master });
    const [connection] = await database.db.select().from(loketConnections);
    expect(box.versionOf(connection!.passwordEnc!)).toBe(3);
  });
});
