/**
 * @module relation-code
 * Tab *Administratie*, field Relatiecode: the Loket client number of this administration. It is
 * checked against the standard-administration rule, must be unique in the portal, and is resolved in
 * Loket to the payroll administration whose name the person then sees.
 */
import { and, eq, ne } from 'drizzle-orm';
import { administrations } from '../store/schema/index.ts';
import { findPayrollAdministrationByClientNumber } from '../loket/employers.ts';
import { activeContractLine } from './contract-lines.ts';
import { LinkSetupError, openLoketSession, type LoketSessionDeps } from './loket-session.ts';
import type { Administration, DomainScope } from '../app/scope.ts';

export class RelationCodeError extends LinkSetupError {}

export async function setRelationCode(
  deps: LoketSessionDeps,
  target: { scope: DomainScope; administration: Administration },
  clientNumber: number | null,
): Promise<Administration> {
  const { scope, administration } = target;
  if (clientNumber === null) {
    const [cleared] = await deps.db
      .update(administrations)
      .set({
        relationCode: null,
        loketEmployerId: null,
        loketPayrollAdministrationId: null,
        loketPayrollAdministrationName: null,
        loketPeriodType: null,
        updatedAt: new Date(),
      })
      .where(eq(administrations.id, administration.id))
      .returning();
    return cleared!;
  }
  if (!administration.isStandard && !(await activeContractLine(deps.db, administration.id))) {
    throw new RelationCodeError('contract_line_required', {
      nl: 'Alleen de standaardadministratie van een domein kan met Loket gekoppeld worden. Vraag voor deze administratie een contractregel aan.',
      en: "Only a domain's standard administration can be linked with Loket. Request a contract line for this administration.",
    });
  }
  const [taken] = await deps.db
    .select({ name: administrations.name })
    .from(administrations)
    .where(
      and(
        eq(administrations.portalId, scope.portalId),
        eq(administrations.relationCode, clientNumber),
        ne(administrations.id, administration.id),
      ),
    );
  if (taken) throw duplicate(clientNumber, taken.name);

  const { connection } = await openLoketSession(deps, scope);
  const found = await findPayrollAdministrationByClientNumber(connection, clientNumber);
  if (!found) {
    throw new RelationCodeError('client_number_unknown', {
      nl: `Loket kent geen loonadministratie met cliëntnummer ${clientNumber}, of de Loket-gebruiker van dit domein heeft er geen toegang toe.`,
      en: `Loket has no payroll administration with client number ${clientNumber}, or this domain's Loket user cannot see it.`,
    });
  }
  try {
    const [updated] = await deps.db
      .update(administrations)
      .set({
        relationCode: clientNumber,
        loketEmployerId: found.employerId,
        loketPayrollAdministrationId: found.id,
        loketPayrollAdministrationName: found.name,
        loketPeriodType: found.periodType,
        updatedAt: new Date(),
      })
      .where(eq(administrations.id, administration.id))
      .returning();
    return updated!;
  } catch (error) {
    // Two people entering the same number at once: the unique index decides.
    if (
      String((error as { cause?: { code?: string } }).cause?.code ?? (error as { code?: string }).code) ===
      '23505'
    ) {
      throw duplicate(clientNumber, 'another administration');
    }
    throw error;
  }
}

function duplicate(clientNumber: number, name: string) {
  return new RelationCodeError('relation_code_taken', {
    nl: `Cliëntnummer ${clientNumber} is al gekoppeld aan ${name}. Eén Loket-cliënt hoort bij één administratie.`,
    en: `Client number ${clientNumber} is already linked to ${name}. One Loket client belongs to one administration.`,
  });
}
