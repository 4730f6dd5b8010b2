/**
 * @module contract-lines
 * Only a domain's standard administration may be linked, unless an active contract line exists for
 * another one. The firm requests a line here (helper B moves this to src/app/domains/); the service
 * e-mails the operator (by default administratie@yuki.nl) who decides in src/app/operator/.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '../store/database.ts';
import { administrations, contractLines, domains, portals } from '../store/schema/index.ts';
import { AppError } from '../core/errors.ts';
import type { Actor } from '../core/roles.ts';
import type { Mailer } from '../mail/mailer.ts';
import { recordAudit } from '../audit/record-audit.ts';

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

type RequestOptions = {
  db: Database;
  mailer: Mailer;
  operatorEmail: string;
  publicUrl: string;
  actor: Actor;
  domainId: string;
  administrationId: string;
  requestId?: string;
};

export async function requestContractLine(options: RequestOptions): Promise<ContractLine> {
  const { db, actor, domainId, administrationId } = options;
  const [row] = await db
    .select({ administration: administrations, domain: domains, portal: portals })
    .from(administrations)
    .innerJoin(domains, eq(domains.id, administrations.domainId))
    .innerJoin(portals, eq(portals.id, domains.portalId))
    .where(and(eq(administrations.id, administrationId), eq(administrations.domainId, domainId)));
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
    .select()
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
  const [line] = await db
    .insert(contractLines)
    .values({ domainId, administrationId, status: 'requested', requestedBy: actor.userId })
    .returning();

  const mail = await options.mailer.send({
    kind: 'contract_line',
    to: options.operatorEmail,
    subject: `Verzoek salariskoppeling Loket: ${row.administration.name} (${row.domain.name})`,
    text: [
      `${actor.name} <${actor.email}> van ${row.portal.name} vraagt de salariskoppeling met Loket te activeren voor een extra administratie.`,
      '',
      `Portaal:       ${row.portal.name}`,
      `Domein:        ${row.domain.name}`,
      `Administratie: ${row.administration.name}${row.administration.cocNumber ? ` (KvK ${row.administration.cocNumber})` : ''}`,
      '',
      `Beoordeel het verzoek in de operatorconsole: ${options.publicUrl}/operator`,
      '',
      '--',
      `${actor.name} <${actor.email}> of ${row.portal.name} asks to activate the Loket payroll link for an additional administration (${row.administration.name}, domain ${row.domain.name}). Decide in the operator console.`,
    ].join('\n'),
  });
  await recordAudit(db, {
    actorUserId: actor.userId,
    actorLabel: actor.email,
    portalId: row.portal.id,
    domainId,
    administrationId,
    action: 'contract_line.request',
    targetType: 'contract_line',
    targetId: line!.id,
    details: { mailDelivered: mail.delivered },
    requestId: options.requestId ?? null,
  });
  return line!;
}
