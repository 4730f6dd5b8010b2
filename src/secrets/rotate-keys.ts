/**
 * @module rotate-keys
 * `loket-yuki keys rotate`: rewraps every data key under the current master key, gives each portal a
 * fresh data key, and re-encrypts every stored secret with it. Each row is re-encrypted in its own
 * short update that only applies if the row still holds what was read, so the run can be interrupted
 * and simply run again: it resumes where it stopped and never loses a secret.
 */
import { and, eq, max, ne } from 'drizzle-orm';
import type { Database } from '../store/database.ts';
import { dataKeys, domains, loketConnections, portals } from '../store/schema/index.ts';
import {
  createDataKey,
  createSecretBox,
  masterKeyId,
  unwrapDataKey,
  wrapDataKey,
  type MasterKeys,
  type SecretBox,
  type SecretField,
} from './secret-box.ts';

export type RotationReport = { rewrappedDataKeys: number; newDataKeys: number; reencryptedSecrets: number };

type StoredSecret = {
  portalId: string;
  rowId: string;
  field: SecretField;
  ciphertext: string;
  /** Replaces the ciphertext if the row still holds the one read; false when someone changed it meanwhile. */
  write(next: string): Promise<boolean>;
};

const PORTAL_SECRETS = [
  { field: 'portals.loket_client_secret', property: 'loketClientSecretEnc' },
  { field: 'portals.yuki_access_key', property: 'yukiAccessKeyEnc' },
] as const;

const CONNECTION_SECRETS = [
  { field: 'loket_connections.password', property: 'passwordEnc' },
  { field: 'loket_connections.tokens', property: 'tokensEnc' },
] as const;

async function* storedSecrets(db: Database): AsyncGenerator<StoredSecret> {
  for (const portal of await db.select().from(portals)) {
    for (const { field, property } of PORTAL_SECRETS) {
      const ciphertext = portal[property];
      if (!ciphertext) continue;
      const write = async (next: string) => {
        const updated = await db
          .update(portals)
          .set({ [property]: next })
          .where(and(eq(portals.id, portal.id), eq(portals[property], ciphertext)))
          .returning({ id: portals.id });
        return updated.length === 1;
      };
      yield { portalId: portal.id, rowId: portal.id, field, ciphertext, write };
    }
  }
  const connections = await db
    .select({ connection: loketConnections, portalId: domains.portalId })
    .from(loketConnections)
    .innerJoin(domains, eq(domains.id, loketConnections.domainId));
  for (const { connection, portalId } of connections) {
    for (const { field, property } of CONNECTION_SECRETS) {
      const ciphertext = connection[property];
      if (!ciphertext) continue;
      const write = async (next: string) => {
        const updated = await db
          .update(loketConnections)
          .set({ [property]: next })
          .where(
            and(
              eq(loketConnections.domainId, connection.domainId),
              eq(loketConnections[property], ciphertext),
            ),
          )
          .returning({ id: loketConnections.domainId });
        return updated.length === 1;
      };
      yield { portalId, rowId: connection.domainId, field, ciphertext, write };
    }
  }
}

async function rewrapDataKeys(db: Database, masterKeys: MasterKeys): Promise<number> {
  const currentId = masterKeyId(masterKeys.current);
  let count = 0;
  for (const row of await db.select().from(dataKeys)) {
    if (row.wrappedKey.startsWith(`${currentId}.`)) continue;
    const dataKey = unwrapDataKey(masterKeys, row.portalId, row.version, row.wrappedKey);
    await db
      .update(dataKeys)
      .set({ wrappedKey: wrapDataKey(masterKeys.current, row.portalId, row.version, dataKey) })
      .where(
        and(
          eq(dataKeys.portalId, row.portalId),
          eq(dataKeys.version, row.version),
          eq(dataKeys.wrappedKey, row.wrappedKey),
        ),
      );
    count++;
  }
  return count;
}

async function activeVersions(db: Database): Promise<Map<string, number>> {
  const rows = await db
    .select({ portalId: dataKeys.portalId, version: max(dataKeys.version) })
    .from(dataKeys)
    .where(eq(dataKeys.active, true))
    .groupBy(dataKeys.portalId);
  return new Map(rows.map((row) => [row.portalId, row.version ?? 0]));
}

/** A rotation is pending while some secret is still on an older data key than its portal's active one. */
async function pendingPortals(db: Database, box: SecretBox): Promise<Set<string>> {
  const active = await activeVersions(db);
  const pending = new Set<string>();
  for await (const secret of storedSecrets(db)) {
    if (box.versionOf(secret.ciphertext) !== active.get(secret.portalId)) pending.add(secret.portalId);
  }
  return pending;
}

export async function rotateKeys(db: Database, masterKeys: MasterKeys): Promise<RotationReport> {
  const rewrappedDataKeys = await rewrapDataKeys(db, masterKeys);
  const box = createSecretBox(db, masterKeys);

  // Resume an interrupted rotation instead of starting another one on top of it.
  let newDataKeys = 0;
  if ((await pendingPortals(db, box)).size === 0) {
    const versions = await activeVersions(db);
    const portalIds = (await db.select({ id: portals.id }).from(portals)).map((row) => row.id);
    for (const portalId of portalIds) {
      const next = (versions.get(portalId) ?? 0) + 1;
      await createDataKey(db, masterKeys.current, portalId, next);
      await db
        .update(dataKeys)
        .set({ active: false })
        .where(and(eq(dataKeys.portalId, portalId), ne(dataKeys.version, next)));
      newDataKeys++;
    }
  }

  const active = await activeVersions(db);
  let reencryptedSecrets = 0;
  for await (const secret of storedSecrets(db)) {
    if (box.versionOf(secret.ciphertext) === active.get(secret.portalId)) continue;
    const ref = { portalId: secret.portalId, field: secret.field, rowId: secret.rowId };
    const plaintext = await box.decrypt(ref, secret.ciphertext);
    if (await secret.write(await box.encrypt(ref, plaintext))) reencryptedSecrets++;
  }
  return { rewrappedDataKeys, newDataKeys, reencryptedSecrets };
}
