/**
 * @module import-request
 * What every import command of an administration shares: its target, its options, the check that
 * the periods exist for it and come in order, and the audit fields naming it.
 */
import type { ImportKind } from '../../store/schema/index.ts';
import type { ChangedBy, Command } from '../command.ts';
import type { Administration, DomainScope } from '../scope.ts';
import { assertPeriodsFit, assertWindowOrder } from './period-check.ts';

export type ImportTarget = { scope: DomainScope; administration: Administration };
/** What to import: a backfill window (YYYYPP) makes it a backfill; kinds and exported runs narrow or widen it. */
export type ImportOptions = {
  fromPeriodId?: number;
  toPeriodId?: number;
  kinds?: ImportKind[];
  includeExported?: boolean;
};

/** Checked before anything is queued or planned: periods that exist for this administration, in order. */
export function importRequest(by: ChangedBy, target: ImportTarget, options: ImportOptions) {
  assertWindowOrder(options.fromPeriodId, options.toPeriodId);
  assertPeriodsFit(target.administration.loketPeriodType, [options.fromPeriodId, options.toPeriodId]);
  return {
    administrationId: target.administration.id,
    trigger: options.fromPeriodId ? ('backfill' as const) : ('manual' as const),
    requestedBy: by.actor.userId,
    requestedLabel: by.actor.email,
    ...options,
  };
}

/**
 * An import command: `outside` queues or plans (pg-boss, Loket, Yuki) before the transaction, which then
 * holds only the audit row naming the administration.
 */
export function importCommand<T>(
  target: ImportTarget,
  audit: { action: string; details: Record<string, unknown> },
  outside: () => Promise<T>,
): Command<T, T> {
  return {
    audit: {
      portalId: target.scope.portalId,
      domainId: target.scope.domainId,
      administrationId: target.administration.id,
      targetType: 'administration',
      targetId: target.administration.id,
      ...audit,
    },
    check: outside,
    change: async (_tx, result) => result,
  };
}
