/**
 * @module contract-lines
 * Only a domain's standard administration may be linked, unless an active contract line exists for
 * another one. The firm requests a line here; the service e-mails the operator (by default
 * administratie@yuki.nl) who grants or refuses it in the operator console; the requester hears back.
 */
import { and, desc, eq } from 'drizzle-orm';
import type { Database } from '../store/database.ts';
import { administrations, contractLines, domains, portals, users } from '../store/schema/index.ts';
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

type DecideOptions = {
  db: Database;
  mailer: Mailer;
  actor: Actor;
  lineId: string;
  decision: 'grant' | 'refuse' | 'revoke';
  note?: string;
  requestId?: string;
};

const NEXT_STATUS = { grant: 'active', refuse: 'refused', revoke: 'revoked' } as const;
const ALLOWED_FROM = { grant: 'requested', refuse: 'requested', revoke: 'active' } as const;

export async function decideContractLine(options: DecideOptions): Promise<ContractLine> {
  const { db, actor, lineId, decision } = options;
  const [updated] = await db
    .update(contractLines)
    .set({
      status: NEXT_STATUS[decision],
      decidedBy: actor.userId,
      decidedAt: new Date(),
      note: options.note ?? null,
    })
    .where(and(eq(contractLines.id, lineId), eq(contractLines.status, ALLOWED_FROM[decision])))
    .returning();
  if (!updated) {
    throw new ContractLineError('line_not_open', {
      nl: 'Dit verzoek is al afgehandeld of bestaat niet.',
      en: 'This request was already decided or does not exist.',
    });
  }
  const [context] = await db
    .select({ administration: administrations, domain: domains })
    .from(administrations)
    .innerJoin(domains, eq(domains.id, administrations.domainId))
    .where(eq(administrations.id, updated.administrationId));
  const [requester] = updated.requestedBy
    ? await db.select().from(users).where(eq(users.id, updated.requestedBy))
    : [];
  if (context && requester) {
    const granted = decision === 'grant';
    await options.mailer.send({
      to: requester.email,
      subject: `Salariskoppeling Loket voor ${context.administration.name}: ${granted ? 'geactiveerd' : decision === 'refuse' ? 'geweigerd' : 'ingetrokken'}`,
      text: [
        granted
          ? `De contractregel voor ${context.administration.name} (${context.domain.name}) is actief. U kunt de administratie nu koppelen met Loket.`
          : `De contractregel voor ${context.administration.name} (${context.domain.name}) is ${decision === 'refuse' ? 'geweigerd' : 'ingetrokken'}.`,
        options.note ? `\nToelichting: ${options.note}` : '',
        '\n--',
        granted
          ? `The contract line for ${context.administration.name} is active; you can now link it with Loket.`
          : `The contract line for ${context.administration.name} was ${decision === 'refuse' ? 'refused' : 'revoked'}.`,
      ].join('\n'),
    });
  }
  await recordAudit(db, {
    actorUserId: actor.userId,
    actorLabel: actor.email,
    portalId: context?.domain.portalId ?? null,
    domainId: updated.domainId,
    administrationId: updated.administrationId,
    action: `contract_line.${decision}`,
    targetType: 'contract_line',
    targetId: updated.id,
    changedFields: ['status'],
    requestId: options.requestId ?? null,
  });
  return updated;
}

/** Every contract line with its firm, domain, administration and requester, newest request first. */
export function listContractLines(db: Database) {
  return db
    .select({
      line: contractLines,
      administration: administrations,
      domain: domains,
      portal: portals,
      user: users,
    })
    .from(contractLines)
    .innerJoin(administrations, eq(administrations.id, contractLines.administrationId))
    .innerJoin(domains, eq(domains.id, contractLines.domainId))
    .innerJoin(portals, eq(portals.id, domains.portalId))
    .leftJoin(users, eq(users.id, contractLines.requestedBy))
    .orderBy(desc(contractLines.requestedAt));
}
