/**
 * @module request-contract-line
 * Only a domain's standard administration may be linked, unless an active contract line exists for
 * another one. The firm requests a line here: the line and its audit row commit together, then the
 * operator (by default administratie@yuki.nl) is e-mailed; the operator console lists the request
 * whether or not the mail got through.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../store/database.ts';
import { administrations, contractLines, domains, portals } from '../../store/schema/index.ts';
import type { Mailer } from '../../mail/mailer.ts';
import { ContractLineError, type ContractLine } from '../../tenancy/contract-lines.ts';
import { runCommand, type ChangedBy } from '../command.ts';
import type { DomainScope } from '../scope.ts';

export type RequestContractLineOptions = {
  scope: DomainScope;
  administrationId: string;
  /** Where the request goes, and the address the mail links the operator console under. */
  operatorEmail: string;
  publicUrl: string;
};

export async function requestContractLine(
  deps: { db: Database; mailer: Mailer },
  by: ChangedBy,
  options: RequestContractLineOptions,
): Promise<{ line: ContractLine; mailDelivered: boolean }> {
  const { db } = deps;
  const { scope, administrationId } = options;
  const { actor } = by;
  const { line, context } = await runCommand(db, by, {
    audit: {
      portalId: scope.portalId,
      domainId: scope.domainId,
      administrationId,
      action: 'contract_line.request',
      targetType: 'contract_line',
    },
    check: () => requestable(db, scope, administrationId),
    change: async (tx, context) => {
      const [inserted] = await tx
        .insert(contractLines)
        .values({
          domainId: scope.domainId,
          administrationId,
          status: 'requested',
          requestedBy: actor.userId,
        })
        .returning();
      return { line: inserted!, context };
    },
    audited: (result) => ({ targetId: result.line.id }),
  });
  const { administration, domain, portal } = context;
  // After the commit: a mail never announces a request that was rolled back.
  const mail = await deps.mailer.send({
    kind: 'contract_line',
    to: options.operatorEmail,
    subject: `Verzoek salariskoppeling Loket: ${administration.name} (${domain.name})`,
    text: [
      `${actor.name} <${actor.email}> van ${portal.name} vraagt de salariskoppeling met Loket te activeren voor een extra administratie.`,
      '',
      `Portaal:       ${portal.name}`,
      `Domein:        ${domain.name}`,
      `Administratie: ${administration.name}${administration.cocNumber ? ` (KvK ${administration.cocNumber})` : ''}`,
      '',
      `Beoordeel het verzoek in de operatorconsole: ${options.publicUrl}/operator`,
      '',
      '--',
      `${actor.name} <${actor.email}> of ${portal.name} asks to activate the Loket payroll link for an additional administration (${administration.name}, domain ${domain.name}). Decide in the operator console.`,
    ].join('\n'),
  });
  return { line, mailDelivered: mail.delivered };
}

/** The administration, domain and portal, once the administration may get a line; refuses otherwise. */
async function requestable(db: Database, scope: DomainScope, administrationId: string) {
  const [row] = await db
    .select({ administration: administrations, domain: domains, portal: portals })
    .from(administrations)
    .innerJoin(domains, eq(domains.id, administrations.domainId))
    .innerJoin(portals, eq(portals.id, domains.portalId))
    .where(and(eq(administrations.id, administrationId), eq(administrations.domainId, scope.domainId)));
  if (!row) {
    throw new ContractLineError('administration_not_in_domain', {
      nl: 'Deze administratie hoort niet bij dit domein.',
      en: 'This administration does not belong to this domain.',
    });
  }
  if (row.administration.isStandard) {
    throw new ContractLineError('standard_needs_no_line', {
      nl: 'De standaardadministratie kan zonder contractregel gekoppeld worden.',
      en: 'The standard administration can be linked without a contract line.',
    });
  }
  const [open] = await db
    .select({ status: contractLines.status })
    .from(contractLines)
    .where(
      and(
        eq(contractLines.administrationId, administrationId),
        inArray(contractLines.status, ['requested', 'active']),
      ),
    );
  if (open) {
    throw new ContractLineError(open.status === 'active' ? 'line_active' : 'line_requested', {
      nl:
        open.status === 'active'
          ? 'Deze administratie heeft al een actieve contractregel.'
          : 'Er loopt al een verzoek voor deze administratie.',
      en:
        open.status === 'active'
          ? 'This administration already has an active contract line.'
          : 'A request for this administration is already pending.',
    });
  }
  return row;
}
