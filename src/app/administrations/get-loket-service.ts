/**
 * @module get-loket-service
 * The head of *Personeel → Loket service*: what the link of this administration lacks, the domain's
 * Loket connection, and how much of the domain's work waits for Yuki's daily quota.
 */
import type { Database } from '../../store/database.ts';
import { quotaWaiting, type QuotaWaiting } from '../../sync/quota-waiting.ts';
import { getLoketConnection, type LoketConnectionView } from '../domains/get-loket-connection.ts';
import type { ImportTarget } from './import-request.ts';
import { getLinkStatus, type LinkMissing } from './get-link-status.ts';

export type LoketService = {
  missing: LinkMissing[];
  connection: LoketConnectionView;
  waiting: QuotaWaiting;
};

export async function getLoketService(db: Database, target: ImportTarget): Promise<LoketService | undefined> {
  const status = await getLinkStatus(db, target.administration.id);
  if (!status) return undefined;
  return {
    missing: status.missing,
    connection: await getLoketConnection(db, target.scope.domainId),
    waiting: await quotaWaiting(db, target.scope.domainId),
  };
}
