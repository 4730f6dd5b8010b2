/**
 * @module operator/contract-lines
 * Every contract line with its firm, domain, administration and requester, newest request first: the
 * operator console's list and the operator API's.
 */
import { desc, eq } from 'drizzle-orm';
import type { Database } from '../../store/database.ts';
import { administrations, contractLines, domains, portals, users } from '../../store/schema/index.ts';

export type ContractLineStatus = (typeof contractLines.$inferSelect)['status'];

export type ContractLineListing = {
  id: string;
  status: ContractLineStatus;
  portalName: string;
  domainName: string;
  administrationName: string;
  /** The requester's e-mail; null when that account is gone. */
  requestedBy: string | null;
  requestedAt: Date;
  note: string | null;
};

export async function listContractLines(db: Database): Promise<ContractLineListing[]> {
  const rows = await db
    .select({
      line: contractLines,
      administrationName: administrations.name,
      domainName: domains.name,
      portalName: portals.name,
      requestedBy: users.email,
    })
    .from(contractLines)
    .innerJoin(administrations, eq(administrations.id, contractLines.administrationId))
    .innerJoin(domains, eq(domains.id, contractLines.domainId))
    .innerJoin(portals, eq(portals.id, domains.portalId))
    .leftJoin(users, eq(users.id, contractLines.requestedBy))
    .orderBy(desc(contractLines.requestedAt));
  return rows.map(({ line, ...names }) => ({
    id: line.id,
    status: line.status,
    ...names,
    requestedAt: line.requestedAt,
    note: line.note,
  }));
}
