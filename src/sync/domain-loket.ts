/**
 * @module sync/domain-loket
 * The Loket connection of a domain for work that is not one administration's import (the freshness
 * poll): opened by tenancy/loket-session, kept per domain for the process, and opened again when the
 * credentials behind it change (as the import's link loader does).
 */
import { eq } from 'drizzle-orm';
import type { LoketConnection } from '../loket/connection.ts';
import { loketConnections, portals, domains } from '../store/schema/index.ts';
import type { LoketSessionDeps } from '../tenancy/loket-session.ts';
import { openLoketSession } from '../tenancy/loket-session.ts';

export type DomainLoket = (domainId: string) => Promise<LoketConnection>;

export function createDomainLoket(deps: LoketSessionDeps): DomainLoket {
  const cache = new Map<string, { version: string; connection: Promise<LoketConnection> }>();
  return async (domainId) => {
    const [row] = await deps.db
      .select({ connection: loketConnections, portal: portals })
      .from(loketConnections)
      .innerJoin(domains, eq(domains.id, loketConnections.domainId))
      .innerJoin(portals, eq(portals.id, domains.portalId))
      .where(eq(loketConnections.domainId, domainId));
    if (!row) throw new Error(`domain ${domainId} has no Loket connection`);
    const { connection: stored, portal } = row;
    const version = [
      stored.method,
      stored.username,
      stored.passwordEnc,
      stored.environmentCode,
      stored.status,
      stored.checkedAt?.toISOString(),
      portal.loketClientId,
      portal.loketClientSecretEnc,
      portal.loketEnvironment,
    ].join('|');
    const cached = cache.get(domainId);
    if (cached?.version === version) return cached.connection;
    const connection = openLoketSession(deps, { portalId: portal.id, domainId }).then(
      (session) => session.connection,
    );
    connection.catch(() => cache.delete(domainId));
    cache.set(domainId, { version, connection });
    return connection;
  };
}
