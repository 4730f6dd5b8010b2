/**
 * @module request-domain-import
 * "Import now" for every administration of a domain that is linked to a Loket payroll
 * administration, each queued and audited as its own `import.requested`.
 */
import { and, eq, isNotNull } from 'drizzle-orm';
import { administrations } from '../../store/schema/index.ts';
import type { ChangedBy } from '../command.ts';
import type { DomainScope } from '../scope.ts';
import { requestImport, type RequestImportDeps } from './request-import.ts';

/** Returns how many administrations were queued. */
export async function requestDomainImport(
  deps: RequestImportDeps,
  by: ChangedBy,
  scope: DomainScope,
): Promise<number> {
  const linked = await deps.db
    .select()
    .from(administrations)
    .where(
      and(
        eq(administrations.domainId, scope.domainId),
        isNotNull(administrations.loketPayrollAdministrationId),
      ),
    );
  for (const administration of linked) await requestImport(deps, by, { scope, administration });
  return linked.length;
}
