/**
 * @module command
 * How every command of the application layer changes something: the change and its audit row commit in
 * one transaction, so no change exists that the audit log cannot trace. A refused or failed command is
 * audited on its own (its change rolled back) and the error is rethrown for the caller to show.
 * Calls to Loket or Yuki happen before `change`, never inside it: PGlite holds every other query while a
 * transaction is open.
 */
import { isAppError } from '../core/errors.ts';
import type { Actor } from '../core/roles.ts';
import { recordAudit, type AuditEvent } from '../audit/record-audit.ts';
import type { Database } from '../store/database.ts';

/** Who asks for a command, and in which request (null for the scheduler and the CLI). */
export type ChangedBy = { actor: Actor; requestId: string | null };

/** Someone not signed in (choosing a password on an invitation), named in the audit log by `label`. */
export type Anonymous = { label: string; requestId: string | null };

/** Who a command runs for: a signed-in actor, or someone the command itself makes known. */
export type CommandBy = ChangedBy | Anonymous;

/** The audit row of a command, without who and without the outcome: `runCommand` adds those. */
export type CommandAudit = Omit<AuditEvent, 'actorUserId' | 'actorLabel' | 'requestId' | 'outcome'>;

export type Command<T, Checked = void> = {
  audit: CommandAudit;
  /** Reads and outside calls (Loket, Yuki) before the transaction; a refusal here is audited too. */
  check?: () => Promise<Checked>;
  /** Writes the change through `tx`; throw an AppError to refuse. */
  change: (tx: Database, checked: Checked) => Promise<T>;
  /**
   * What the result adds to the audit row (changed fields, new ids, the user an anonymous caller became);
   * `failed` for a failure the command keeps (a connection test).
   */
  audited?: (result: T) => Partial<CommandAudit> & { actorUserId?: string; outcome?: 'ok' | 'failed' };
};

export async function runCommand<T, Checked = void>(
  db: Database,
  by: CommandBy,
  command: Command<T, Checked>,
): Promise<T> {
  const who = auditActor(by);
  try {
    const checked = (await command.check?.()) as Checked;
    return await db.transaction(async (tx) => {
      const result = await command.change(tx, checked);
      await recordAudit(tx, { ...who, ...command.audit, outcome: 'ok', ...command.audited?.(result) });
      return result;
    });
  } catch (error) {
    await recordAudit(db, {
      ...who,
      ...command.audit,
      changedFields: [],
      outcome: isAppError(error) ? 'refused' : 'failed',
      details: { ...command.audit.details, ...(isAppError(error) ? { reason: error.code } : {}) },
    }).catch(() => {
      // The database that failed the change may fail this row too; the original error matters more.
    });
    throw error;
  }
}

/** The audit fields that name who acted. */
export function auditActor(by: CommandBy): {
  actorUserId: string | null;
  actorLabel: string;
  requestId: string | null;
} {
  return 'actor' in by
    ? { actorUserId: by.actor.userId, actorLabel: by.actor.email, requestId: by.requestId }
    : { actorUserId: null, actorLabel: by.label, requestId: by.requestId };
}
