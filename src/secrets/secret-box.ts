/**
 * @module secret-box
 * Envelope encryption of stored credentials. The master key (environment) wraps one data key per
 * portal and version (database); the data key encrypts the secret. A ciphertext reads
 * `v1.<data key version>.<iv>.<ciphertext>.<tag>` and its associated data is the field and row it
 * belongs to.
 */
import { createHash, randomBytes } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import type { Database } from '../store/database.ts';
import { dataKeys } from '../store/schema/index.ts';
import { decodeSealed, encodeSealed, open, seal } from './aead.ts';

/** Every column that holds a secret, named as it goes into the associated data. */
export type SecretField =
  | 'portals.loket_client_secret'
  | 'portals.yuki_access_key'
  | 'loket_connections.password'
  | 'loket_connections.tokens';

export type SecretRef = { portalId: string; field: SecretField; rowId: string };

export type SecretBox = {
  encrypt(ref: SecretRef, plaintext: string): Promise<string>;
  decrypt(ref: SecretRef, ciphertext: string): Promise<string>;
  /** The data key version a ciphertext was made with (for rotation). */
  versionOf(ciphertext: string): number;
};

/** Identifies a master key without revealing it, so a data key says which master key wrapped it. */
export function masterKeyId(masterKey: Buffer): string {
  return createHash('sha256').update(masterKey).digest('hex').slice(0, 12);
}

export type MasterKeys = { current: Buffer; previous?: Buffer[] };

function aadFor(ref: SecretRef): string {
  return `${ref.field}|${ref.rowId}|${ref.portalId}`;
}

function dataKeyAad(portalId: string, version: number): string {
  return `data_key|${portalId}|${version}`;
}

export function wrapDataKey(masterKey: Buffer, portalId: string, version: number, dataKey: Buffer): string {
  return encodeSealed(masterKeyId(masterKey), seal(masterKey, dataKey, dataKeyAad(portalId, version)));
}

export function unwrapDataKey(
  masterKeys: MasterKeys,
  portalId: string,
  version: number,
  wrapped: string,
): Buffer {
  const { prefix, sealed } = decodeSealed(wrapped);
  const candidates = [masterKeys.current, ...(masterKeys.previous ?? [])];
  const masterKey = candidates.find((candidate) => masterKeyId(candidate) === prefix[0]);
  if (!masterKey) {
    throw new Error(`data key ${portalId} v${version} was wrapped by a master key that is not configured`);
  }
  return open(masterKey, sealed, dataKeyAad(portalId, version));
}

export function createSecretBox(db: Database, masterKeys: MasterKeys): SecretBox {
  // Unwrapped data keys live in memory only; a failed load is not cached so the next call retries.
  const cache = new Map<string, Promise<Buffer>>();

  async function loadKey(portalId: string, version: number): Promise<Buffer> {
    const [row] = await db
      .select()
      .from(dataKeys)
      .where(and(eq(dataKeys.portalId, portalId), eq(dataKeys.version, version)));
    if (!row) throw new Error(`no data key ${version} for portal ${portalId}`);
    return unwrapDataKey(masterKeys, portalId, version, row.wrappedKey);
  }

  function key(portalId: string, version: number): Promise<Buffer> {
    const id = `${portalId}:${version}`;
    let pending = cache.get(id);
    if (!pending) {
      pending = loadKey(portalId, version);
      pending.catch(() => cache.delete(id));
      cache.set(id, pending);
    }
    return pending;
  }

  async function activeVersion(portalId: string): Promise<number> {
    const [row] = await db
      .select({ version: dataKeys.version })
      .from(dataKeys)
      .where(and(eq(dataKeys.portalId, portalId), eq(dataKeys.active, true)))
      .orderBy(desc(dataKeys.version))
      .limit(1);
    if (row) return row.version;
    await createDataKey(db, masterKeys.current, portalId, 1);
    return activeVersion(portalId);
  }

  return {
    async encrypt(ref, plaintext) {
      const version = await activeVersion(ref.portalId);
      const sealed = seal(await key(ref.portalId, version), Buffer.from(plaintext, 'utf8'), aadFor(ref));
      return encodeSealed(`v1.${version}`, sealed);
    },
    async decrypt(ref, ciphertext) {
      const { prefix, sealed } = decodeSealed(ciphertext);
      if (prefix[0] !== 'v1' || prefix.length !== 2) throw new Error('unknown ciphertext format');
      const version = Number(prefix[1]);
      return open(await key(ref.portalId, version), sealed, aadFor(ref)).toString('utf8');
    },
    versionOf(ciphertext) {
      return Number(decodeSealed(ciphertext).prefix[1]);
    },
  };
}

/** Adds data key `version` for a portal; a concurrent creator of the same version wins harmlessly. */
export async function createDataKey(db: Database, masterKey: Buffer, portalId: string, version: number) {
  const wrappedKey = wrapDataKey(masterKey, portalId, version, randomBytes(32));
  await db.insert(dataKeys).values({ portalId, version, wrappedKey, active: true }).onConflictDoNothing();
}
