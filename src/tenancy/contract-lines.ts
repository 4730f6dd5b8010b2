/**
 * @module contract-lines
 * Only a domain's standard administration may be linked, unless an active contract line exists for
 * another one. The firm requests a line (src/app/domains/request-contract-line.ts); the operator decides
 * (src/app/operator/decide-contract-line.ts); this is the one read both sides and the link rules share.
 */
import { and, eq } from 'drizzle-orm';
import type { Database } from '../store/database.ts';
import { contractLines } from '../store/schema/index.ts';
import { AppError } from '../core/errors.ts';

export type ContractLine = typeof contractLines.$inferSelect;

export class ContractLineError extends AppError {}

export async function activeContractLine(
  db: Database,
  administrationId: string,
): Promise<ContractLine | undefined> {
  const [line] = await db
    .select()
    .from(contractLines)
    .where(and(eq(contractLines.administrationId, administrationId), eq(contractLines.status, 'active')));
  return line;
}
