/**
 * @module change-relation-code
 * Tab *Administratie*, field Relatiecode: the Loket client number of this administration. It is
 * checked against the standard-administration rule, must be unique in the portal, and is resolved in
 * Loket to the payroll administration whose name the person then sees. When Loket's employer is not
 * the company Yuki knows (KvK number, then name), it is saved only with an explicit `confirm`, which the
 * audit row records. The change and its audit row commit together; a refusal changes nothing and is
 * audited as `refused`.
 */
import { and, eq, ne } from 'drizzle-orm';
import { administrations } from '../../store/schema/index.ts';
import { findPayrollAdministrationByClientNumber } from '../../loket/employers.ts';
import { LinkSetupError, openLoketSession, type LoketSessionDeps } from '../../tenancy/loket-session.ts';
import { runCommand, type ChangedBy } from '../command.ts';
import type { Administration, DomainScope } from '../scope.ts';
import { linkAllowed } from './get-administration.ts';
import { sameCompany } from './relation-code-match.ts';

export class RelationCodeError extends LinkSetupError {}

/** Both sides of a Relatiecode whose Loket employer is not the company Yuki knows. */
export type RelationCodeSides = {
  yuki: { name: string; cocNumber: string | null };
  loket: {
    clientNumber: number;
    companyName: string;
    cocNumber: string | null;
    payrollAdministrationName: string;
    payrollTaxesNumber: string | null;
  };
};

/** The Loket employer is another company than the Yuki administration: saved only with `confirm`. */
export class RelationCodeMismatchError extends RelationCodeError {
  constructor(readonly sides: RelationCodeSides) {
    super('relation_code_mismatch', {
      nl: `Cliëntnummer ${sides.loket.clientNumber} hoort in Loket bij ${sides.loket.companyName}; deze administratie in Yuki is ${sides.yuki.name}. Controleer het nummer, of koppel bewust toch.`,
      en: `In Loket, client number ${sides.loket.clientNumber} belongs to ${sides.loket.companyName}; this administration in Yuki is ${sides.yuki.name}. Check the number, or link it anyway on purpose.`,
    });
  }
}

export function isRelationCodeMismatch(error: unknown): error is RelationCodeMismatchError {
  return error instanceof RelationCodeMismatchError;
}

export type ChangeRelationCodeOptions = {
  target: { scope: DomainScope; administration: Administration };
  /** The Loket client number; null unlinks the administration. */
  relationCode: number | null;
  /** Link even though Loket's employer is another company than Yuki's administration. */
  confirm?: boolean;
};

/** What the Relatiecode resolves to in Loket, stored beside it; all null when it is cleared. */
type Resolved = {
  relationCode: number | null;
  loketEmployerId: string | null;
  loketPayrollAdministrationId: string | null;
  loketPayrollAdministrationName: string | null;
  loketPeriodType: Administration['loketPeriodType'];
};

const CLEARED: Resolved = {
  relationCode: null,
  loketEmployerId: null,
  loketPayrollAdministrationId: null,
  loketPayrollAdministrationName: null,
  loketPeriodType: null,
};

export async function changeRelationCode(
  deps: LoketSessionDeps,
  by: ChangedBy,
  { target, relationCode, confirm = false }: ChangeRelationCodeOptions,
): Promise<Administration> {
  const { scope, administration } = target;
  // Set by the check when a confirmed mismatch is saved, so the audit row names both companies.
  let confirmed: RelationCodeSides | undefined;
  return runCommand(deps.db, by, {
    audit: {
      portalId: scope.portalId,
      domainId: scope.domainId,
      administrationId: administration.id,
      action: 'administration.relation_code.update',
      targetType: 'administration',
      targetId: administration.id,
      details: { relationCode },
    },
    // The rules and Loket before the transaction: PGlite holds every other query while one is open.
    check: async () => {
      if (relationCode === null) return CLEARED;
      const { resolved, mismatch } = await resolve(deps, target, relationCode);
      if (mismatch && !confirm) throw new RelationCodeMismatchError(mismatch);
      confirmed = mismatch;
      return resolved;
    },
    change: async (tx, resolved) => {
      try {
        const [updated] = await tx
          .update(administrations)
          .set({ ...resolved, updatedAt: new Date() })
          .where(eq(administrations.id, administration.id))
          .returning();
        return updated!;
      } catch (error) {
        // Two people entering the same number at once: the unique index decides.
        if (relationCode !== null && uniqueViolation(error)) {
          throw duplicate(relationCode, 'another administration');
        }
        throw error;
      }
    },
    audited: () => ({
      changedFields: ['relationCode'],
      ...(confirmed && {
        details: {
          relationCode,
          confirmedMismatch: true,
          yukiName: confirmed.yuki.name,
          loketName: confirmed.loket.companyName,
        },
      }),
    }),
  });
}

async function resolve(
  deps: LoketSessionDeps,
  target: ChangeRelationCodeOptions['target'],
  clientNumber: number,
): Promise<{ resolved: Resolved; mismatch: RelationCodeSides | undefined }> {
  const { scope, administration } = target;
  if (!(await linkAllowed(deps.db, administration))) {
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
  const yuki = { name: administration.name, cocNumber: administration.cocNumber };
  const loket = {
    clientNumber,
    companyName: found.employer.companyName,
    cocNumber: found.employer.chamberOfCommerceNumber ?? null,
    payrollAdministrationName: found.name,
    payrollTaxesNumber: found.payrollTaxesNumber,
  };
  return {
    resolved: {
      relationCode: clientNumber,
      loketEmployerId: found.employerId,
      loketPayrollAdministrationId: found.id,
      loketPayrollAdministrationName: found.name,
      loketPeriodType: found.periodType,
    },
    mismatch: sameCompany(yuki, { name: loket.companyName, cocNumber: loket.cocNumber }) ? undefined : { yuki, loket },
  };
}

function uniqueViolation(error: unknown): boolean {
  const code = (error as { cause?: { code?: string } }).cause?.code ?? (error as { code?: string }).code;
  return String(code) === '23505';
}

function duplicate(clientNumber: number, name: string) {
  return new RelationCodeError('relation_code_taken', {
    nl: `Cliëntnummer ${clientNumber} is al gekoppeld aan ${name}. Eén Loket-cliënt hoort bij één administratie.`,
    en: `Client number ${clientNumber} is already linked to ${name}. One Loket client belongs to one administration.`,
  });
}
