/**
 * @module loket-deprecations
 * Loket announces the end of a resource version in every answer (`version.obsoleteDate`). We keep what
 * was seen per portal and activity for the health pages, and warn in the log at most once a day each.
 */
import { and, desc, eq, isNull, lt, or } from 'drizzle-orm';
import type { ObsoleteVersionSeen } from '../loket/connection.ts';
import type { Logger } from '../platform/logger.ts';
import type { Database } from '../store/database.ts';
import { loketDeprecations, portals } from '../store/schema/index.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Every answer carries the block; one write per activity per connection and quarter hour is plenty. */
const RECORD_EVERY_MS = 15 * 60 * 1000;

const GUID_IN_PATH = /[{(]?[0-9a-f]{8}-?(?:[0-9a-f]{4}-?){3}[0-9a-f]{12}[)}]?/gi;

export type LoketDeprecation = {
  portalId: string;
  portalName: string;
  activity: string;
  method: string;
  path: string;
  resourceVersion: string;
  obsoleteDate: string;
  firstSeenAt: Date;
  lastSeenAt: Date;
};

type RecorderDeps = { db: Database; logger?: Logger | undefined; now?: () => Date };

/** The `onObsoleteVersion` of one Loket connection of `portalId`; never throws, never waits. */
export function obsoleteVersionRecorder(
  deps: RecorderDeps,
  portalId: string,
): (seen: ObsoleteVersionSeen) => void {
  const recordedAt = new Map<string, number>();
  return (seen) => {
    const now = deps.now?.() ?? new Date();
    const key = `${seen.activity}|${seen.resourceVersion}|${seen.obsoleteDate}`;
    const last = recordedAt.get(key);
    if (last !== undefined && now.getTime() - last < RECORD_EVERY_MS) return;
    recordedAt.set(key, now.getTime());
    recordObsoleteVersion(deps, portalId, seen, now).catch((error: unknown) => {
      recordedAt.delete(key);
      deps.logger?.error(
        { err: error, portalId, activity: seen.activity },
        'could not record a Loket deprecation',
      );
    });
  };
}

/** Upserts what was seen; the one process that moves `last_warned_at` on writes the day's warning. */
export async function recordObsoleteVersion(
  deps: RecorderDeps,
  portalId: string,
  seen: ObsoleteVersionSeen,
  now: Date,
): Promise<void> {
  const fields = {
    method: seen.method,
    path: seen.path.replace(GUID_IN_PATH, '{id}'),
    resourceVersion: seen.resourceVersion,
    obsoleteDate: seen.obsoleteDate,
    lastSeenAt: now,
  };
  await deps.db
    .insert(loketDeprecations)
    .values({ portalId, activity: seen.activity, firstSeenAt: now, ...fields })
    .onConflictDoUpdate({ target: [loketDeprecations.portalId, loketDeprecations.activity], set: fields });
  const warned = await deps.db
    .update(loketDeprecations)
    .set({ lastWarnedAt: now })
    .where(
      and(
        eq(loketDeprecations.portalId, portalId),
        eq(loketDeprecations.activity, seen.activity),
        or(
          isNull(loketDeprecations.lastWarnedAt),
          lt(loketDeprecations.lastWarnedAt, new Date(now.getTime() - DAY_MS)),
        ),
      ),
    )
    .returning({ portalId: loketDeprecations.portalId });
  if (warned.length > 0)
    deps.logger?.warn(
      {
        portalId,
        activity: seen.activity,
        path: fields.path,
        resourceVersion: seen.resourceVersion,
        obsoleteDate: seen.obsoleteDate,
      },
      'Loket will stop serving a resource version loket-yuki uses',
    );
}

/** What was seen, for one portal or (operator) for all; soonest end first. */
export async function listLoketDeprecations(db: Database, portalId?: string): Promise<LoketDeprecation[]> {
  return db
    .select({
      portalId: loketDeprecations.portalId,
      portalName: portals.name,
      activity: loketDeprecations.activity,
      method: loketDeprecations.method,
      path: loketDeprecations.path,
      resourceVersion: loketDeprecations.resourceVersion,
      obsoleteDate: loketDeprecations.obsoleteDate,
      firstSeenAt: loketDeprecations.firstSeenAt,
      lastSeenAt: loketDeprecations.lastSeenAt,
    })
    .from(loketDeprecations)
    .innerJoin(portals, eq(portals.id, loketDeprecations.portalId))
    .where(portalId === undefined ? undefined : eq(loketDeprecations.portalId, portalId))
    .orderBy(loketDeprecations.obsoleteDate, desc(loketDeprecations.lastSeenAt), loketDeprecations.activity);
}
