/**
 * @module decide-contract-line
 * The operator grants or refuses a requested contract line, or revokes an active one; audited as
 * `contract_line.<decision>`. The requester is e-mailed once the decision is committed. One command for
 * the three: they differ only in the status they move from and to.
 */
import { and, eq } from 'drizzle-orm';
import type { Database } from '../../store/database.ts';
import { administrations, contractLines, domains, users } from '../../store/schema/index.ts';
import { AppError } from '../../core/errors.ts';
import type { Mailer } from '../../mail/mailer.ts';
import { runCommand, type ChangedBy } from '../command.ts';

export type ContractLine = typeof contractLines.$inferSelect;
export type ContractLineDecision = 'grant' | 'refuse' | 'revoke';

export type DecideContractLineOptions = { lineId: string; decision: ContractLineDecision; note?: string };

const NEXT_STATUS = { grant: 'active', refuse: 'refused', revoke: 'revoked' } as const;
const ALLOWED_FROM = { grant: 'requested', refuse: 'requested', revoke: 'active' } as const;

export const LINE_NOT_OPEN = new AppError('line_not_open', {
  nl: 'Dit verzoek is al afgehandeld of bestaat niet.',
  en: 'This request was already decided or does not exist.',
});

type Decided = {
  line: ContractLine;
  context: { administrationName: string; domainName: string; portalId: string } | undefined;
  requesterEmail: string | undefined;
};

export async function decideContractLine(
  deps: { db: Database; mailer: Mailer },
  by: ChangedBy,
  { lineId, decision, note }: DecideContractLineOptions,
): Promise<ContractLine> {
  const decided = await runCommand(deps.db, by, {
    audit: { action: `contract_line.${decision}`, targetType: 'contract_line', targetId: lineId },
    change: async (tx): Promise<Decided> => {
      const [line] = await tx
        .update(contractLines)
        .set({
          status: NEXT_STATUS[decision],
          decidedBy: by.actor.userId,
          decidedAt: new Date(),
          note: note ?? null,
        })
        .where(and(eq(contractLines.id, lineId), eq(contractLines.status, ALLOWED_FROM[decision])))
        .returning();
      if (!line) throw LINE_NOT_OPEN;
      const [context] = await tx
        .select({
          administrationName: administrations.name,
          domainName: domains.name,
          portalId: domains.portalId,
        })
        .from(administrations)
        .innerJoin(domains, eq(domains.id, administrations.domainId))
        .where(eq(administrations.id, line.administrationId));
      const [requester] = line.requestedBy
        ? await tx.select({ email: users.email }).from(users).where(eq(users.id, line.requestedBy))
        : [];
      return { line, context, requesterEmail: requester?.email };
    },
    audited: ({ line, context }) => ({
      portalId: context?.portalId ?? null,
      domainId: line.domainId,
      administrationId: line.administrationId,
      changedFields: ['status'],
    }),
  });
  if (decided.context && decided.requesterEmail) {
    await deps.mailer.send({
      kind: 'contract_line',
      to: decided.requesterEmail,
      ...decisionMail(decision, decided.context, note),
    });
  }
  return decided.line;
}

function decisionMail(
  decision: ContractLineDecision,
  context: { administrationName: string; domainName: string },
  note: string | undefined,
): { subject: string; text: string } {
  const granted = decision === 'grant';
  const { administrationName: administration, domainName: domain } = context;
  return {
    subject: `Salariskoppeling Loket voor ${administration}: ${granted ? 'geactiveerd' : decision === 'refuse' ? 'geweigerd' : 'ingetrokken'}`,
    text: [
      granted
        ? `De contractregel voor ${administration} (${domain}) is actief. U kunt de administratie nu koppelen met Loket.`
        : `De contractregel voor ${administration} (${domain}) is ${decision === 'refuse' ? 'geweigerd' : 'ingetrokken'}.`,
      note ? `\nToelichting: ${note}` : '',
      '\n--',
      granted
        ? `The contract line for ${administration} is active; you can now link it with Loket.`
        : `The contract line for ${administration} was ${decision === 'refuse' ? 'refused' : 'revoked'}.`,
    ].join('\n'),
  };
}
