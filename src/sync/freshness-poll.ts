/**
 * @module sync/freshness-poll
 * One tick of the freshness poll: per Loket provider of a portal, asks the provider-wide payroll process
 * status (GET /providers/{providerId}/payrollprocessstatus, one paged call per watched period) with one
 * domain's connection, stores each administration's status per period, and plans exactly those
 * administrations whose status moved to an approval. Domains of one portal whose users reach the same
 * provider share the call; administrations the first user cannot see are asked with the next domain's.
 */
import { and, eq, gte, inArray, isNotNull, isNull, or, sql } from 'drizzle-orm';
import { isAppError } from '../core/errors.ts';
import { normaliseGuid } from '../core/guid.ts';
import type { PeriodKind } from '../core/periods.ts';
import type { LoketConnection } from '../loket/connection.ts';
import { listPayrollProcessStatuses } from '../loket/process-status.ts';
import { listProviders } from '../loket/providers.ts';
import type { Logger } from '../platform/logger.ts';
import type { Database } from '../store/database.ts';
import {
  administrations,
  domains,
  loketConnections,
  loketPollState,
  loketProcessStatuses,
  portals,
} from '../store/schema/index.ts';
import { amsterdamDate, shouldPlan, watchedPeriodIds } from './freshness-changes.ts';

export type FreshnessPollDeps = {
  db: Database;
  /** The domain's Loket connection, shared by the process (its limits and retries apply). */
  loket(domainId: string): Promise<LoketConnection>;
  /** Queues a full plan of these administrations. */
  plan(administrationIds: string[]): Promise<void>;
  now?: () => Date;
  logger?: Logger | undefined;
};

export type FreshnessPollResult = {
  /** Loket requests this tick started (GET /providers for new connections included; further pages not). */
  calls: number;
  planned: string[];
  /** Administrations no poll answer listed: they keep the built-in schedule. */
  uncovered: string[];
};

type Candidate = {
  id: string;
  domainId: string;
  portalId: string;
  loketId: string;
  kind: PeriodKind;
};

type Observation = { administrationId: string; payrollPeriodId: number; status: number };

/** Administrations the automatic import covers: resolved in Loket, automatic import on, still in Yuki. */
async function candidates(db: Database): Promise<Candidate[]> {
  const rows = await db
    .select({
      id: administrations.id,
      domainId: administrations.domainId,
      portalId: administrations.portalId,
      loketId: administrations.loketPayrollAdministrationId,
      kind: administrations.loketPeriodType,
    })
    .from(administrations)
    .innerJoin(portals, eq(portals.id, administrations.portalId))
    .innerJoin(domains, eq(domains.id, administrations.domainId))
    .innerJoin(loketConnections, eq(loketConnections.domainId, administrations.domainId))
    .where(
      and(
        isNotNull(administrations.loketPayrollAdministrationId),
        isNotNull(administrations.loketPeriodType),
        isNull(administrations.goneFromYukiAt),
        isNull(domains.goneFromYukiAt),
        or(
          eq(administrations.autoImport, true),
          and(isNull(administrations.autoImport), eq(portals.autoImport, true)),
        ),
      ),
    );
  return rows.flatMap((row) => {
    const loketId = row.loketId && normaliseGuid(row.loketId);
    return loketId && row.kind ? [{ ...row, loketId, kind: row.kind }] : [];
  });
}

function errorCode(error: unknown): string {
  return isAppError(error) ? error.code : 'internal';
}

export async function pollFreshness(deps: FreshnessPollDeps): Promise<FreshnessPollResult> {
  const { db } = deps;
  const at = (deps.now ?? (() => new Date()))();
  const today = amsterdamDate(at);
  const result: FreshnessPollResult = { calls: 0, planned: [], uncovered: [] };
  const all = await candidates(db);
  if (all.length === 0) return result;

  const domainIds = [...new Set(all.map((candidate) => candidate.domainId))];
  const states = new Map(
    (await db.select().from(loketPollState).where(inArray(loketPollState.domainId, domainIds))).map(
      (state) => [state.domainId, state],
    ),
  );

  const recordState = async (domainId: string, values: Partial<typeof loketPollState.$inferInsert>) => {
    const previous = states.get(domainId);
    if (values.errorCode && values.errorCode !== previous?.errorCode)
      deps.logger?.warn({ domainId, code: values.errorCode }, 'Loket freshness poll failed for a connection');
    await db
      .insert(loketPollState)
      .values({ domainId, ...values })
      .onConflictDoUpdate({ target: loketPollState.domainId, set: values });
  };

  // The provider each connection reaches, asked once per connection (Loket: always one provider).
  const providerOf = new Map<string, string>();
  for (const domainId of domainIds) {
    const known = states.get(domainId)?.providerId;
    if (known) {
      providerOf.set(domainId, known);
      continue;
    }
    try {
      result.calls += 1;
      const [provider] = await listProviders(await deps.loket(domainId));
      if (!provider) throw new Error('no provider');
      providerOf.set(domainId, provider.id);
      await recordState(domainId, { providerId: provider.id });
    } catch (error) {
      await recordState(domainId, { polledAt: at, errorCode: errorCode(error) });
    }
  }

  // One group per portal and provider; a domain without a known provider is not polled.
  const groups = new Map<string, Candidate[]>();
  for (const candidate of all) {
    const provider = providerOf.get(candidate.domainId);
    if (!provider) {
      result.uncovered.push(candidate.id);
      continue;
    }
    const key = `${candidate.portalId}|${provider}`;
    groups.set(key, [...(groups.get(key) ?? []), candidate]);
  }

  const observations: Observation[] = [];
  for (const [key, members] of groups) {
    const providerId = key.split('|')[1] ?? '';
    const remaining = new Map<string, Candidate[]>();
    for (const member of members)
      remaining.set(member.loketId, [...(remaining.get(member.loketId) ?? []), member]);
    // A connection that worked last time goes first; usually it sees every administration of the provider.
    const order = [...new Set(members.map((member) => member.domainId))].sort(
      (a, b) =>
        (states.get(b)?.okAt?.getTime() ?? 0) - (states.get(a)?.okAt?.getTime() ?? 0) || a.localeCompare(b),
    );
    for (const domainId of order) {
      if (![...remaining.values()].flat().some((member) => member.domainId === domainId)) continue;
      const watched = new Map<number, Set<PeriodKind>>();
      for (const member of [...remaining.values()].flat())
        for (const id of watchedPeriodIds(member.kind, today))
          watched.set(id, (watched.get(id) ?? new Set()).add(member.kind));
      const seen = new Set<string>();
      try {
        const connection = await deps.loket(domainId);
        for (const [periodId, kinds] of watched) {
          result.calls += 1;
          for await (const item of listPayrollProcessStatuses(connection, providerId, periodId)) {
            const matched = remaining.get(item.payrollAdministrationId);
            if (!matched) continue;
            seen.add(item.payrollAdministrationId);
            // An id like 202611 is also week 11 of a weekly administration: only its own periods count.
            for (const member of matched)
              if (
                kinds.has(member.kind) &&
                watchedPeriodIds(member.kind, today).includes(item.payrollPeriodId)
              )
                observations.push({
                  administrationId: member.id,
                  payrollPeriodId: item.payrollPeriodId,
                  status: item.status,
                });
          }
        }
        await recordState(domainId, { polledAt: at, okAt: at, errorCode: null });
      } catch (error) {
        const code = errorCode(error);
        // 404: the user now reaches another provider (reconnected); ask GET /providers again next time.
        await recordState(domainId, {
          polledAt: at,
          errorCode: code,
          ...(code === 'loket.not_found' ? { providerId: null } : {}),
        });
        continue;
      }
      for (const loketId of seen) remaining.delete(loketId);
      if (remaining.size === 0) break;
    }
    for (const left of remaining.values()) result.uncovered.push(...left.map((member) => member.id));
  }

  result.planned = await applyObservations(db, observations, at);
  if (result.planned.length > 0) await deps.plan(result.planned);
  return result;
}

/**
 * Stores what was seen and returns the administrations to plan. A change is written only if the row still
 * holds the status this tick read, so of two overlapping ticks only one plans it.
 */
async function applyObservations(db: Database, observations: Observation[], at: Date): Promise<string[]> {
  if (observations.length === 0) return [];
  const ids = [...new Set(observations.map((observation) => observation.administrationId))];
  // A year back is enough to know an administration; older rows are never read.
  const oldest = Math.min(...observations.map((observation) => observation.payrollPeriodId)) - 100;
  const existing = await db
    .select()
    .from(loketProcessStatuses)
    .where(
      and(
        inArray(loketProcessStatuses.administrationId, ids),
        gte(loketProcessStatuses.payrollPeriodId, oldest),
      ),
    );
  const known = new Set(existing.map((row) => row.administrationId));
  const previous = new Map(
    existing.map((row) => [`${row.administrationId}|${row.payrollPeriodId}`, row.status]),
  );
  const toPlan = new Set<string>();
  const unchanged = new Map<number, string[]>();
  for (const observation of observations) {
    const { administrationId, payrollPeriodId, status } = observation;
    const before = previous.get(`${administrationId}|${payrollPeriodId}`);
    if (before === status) {
      unchanged.set(payrollPeriodId, [...(unchanged.get(payrollPeriodId) ?? []), administrationId]);
      continue;
    }
    const written =
      before === undefined
        ? await db
            .insert(loketProcessStatuses)
            .values({ administrationId, payrollPeriodId, status, seenAt: at, changedAt: at })
            .onConflictDoNothing()
            .returning({ status: loketProcessStatuses.status })
        : await db
            .update(loketProcessStatuses)
            .set({ status, seenAt: at, changedAt: at })
            .where(
              and(
                eq(loketProcessStatuses.administrationId, administrationId),
                eq(loketProcessStatuses.payrollPeriodId, payrollPeriodId),
                eq(loketProcessStatuses.status, before),
              ),
            )
            .returning({ status: loketProcessStatuses.status });
    if (written.length > 0 && shouldPlan(before, status, known.has(administrationId)))
      toPlan.add(administrationId);
  }
  for (const [payrollPeriodId, administrationIds] of unchanged)
    await db
      .update(loketProcessStatuses)
      .set({ seenAt: at })
      .where(
        and(
          inArray(loketProcessStatuses.administrationId, administrationIds),
          eq(loketProcessStatuses.payrollPeriodId, payrollPeriodId),
        ),
      );
  return [...toPlan];
}

/** Administrations a poll answer listed since `since`: the poll keeps them fresh. */
export async function administrationsCoveredSince(db: Database, since: Date): Promise<Set<string>> {
  const rows = await db
    .selectDistinct({ id: loketProcessStatuses.administrationId })
    .from(loketProcessStatuses)
    .where(sql`${loketProcessStatuses.seenAt} >= ${since.toISOString()}`);
  return new Set(rows.map((row) => row.id));
}
