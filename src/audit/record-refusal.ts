/**
 * @module record-refusal
 * Refused requests (a wrong password, no access, a throttled log-in) are counted, not logged one by one:
 * one row per actor, action, route and hour, bumped by a single upsert. A flood of refusals thus stays a
 * handful of rows the operator can read, instead of burying the audit log under rows nobody sees.
 */
import { and, desc, eq, gte, sql } from 'drizzle-orm';
import type { Database } from '../store/database.ts';
import { refusalCounts } from '../store/schema/index.ts';

export type Refusal = {
  /** The signed-in actor's e-mail, the address typed at log-in, or `anonymous`. */
  actorLabel: string;
  actorUserId?: string | null;
  /** Dotted verb, as in the audit log: `auth.login`, `access.refused`, … */
  action: string;
  /** The route pattern, so ids in the path do not split the count. */
  route: string;
  portalId?: string | null;
  reason?: string;
};

const HOUR_MS = 60 * 60 * 1000;

export async function recordRefusal(db: Database, refusal: Refusal, now = new Date()): Promise<void> {
  const hour = new Date(Math.floor(now.getTime() / HOUR_MS) * HOUR_MS);
  await db
    .insert(refusalCounts)
    .values({
      hour,
      actorLabel: refusal.actorLabel.slice(0, 320),
      actorUserId: refusal.actorUserId ?? null,
      action: refusal.action,
      route: refusal.route.slice(0, 500),
      portalId: refusal.portalId ?? null,
      lastReason: refusal.reason ?? null,
      count: 1,
      firstAt: now,
      lastAt: now,
    })
    .onConflictDoUpdate({
      target: [refusalCounts.actorLabel, refusalCounts.action, refusalCounts.route, refusalCounts.hour],
      set: {
        count: sql`${refusalCounts.count} + 1`,
        lastAt: sql`greatest(${refusalCounts.lastAt}, excluded.last_at)`,
        lastReason: sql`excluded.last_reason`,
        actorUserId: sql`coalesce(excluded.actor_user_id, ${refusalCounts.actorUserId})`,
        portalId: sql`coalesce(excluded.portal_id, ${refusalCounts.portalId})`,
      },
    });
}

export type RefusalCount = typeof refusalCounts.$inferSelect;

/** The counts of the last `hours` hours (of one portal, or all), newest hour first, busiest first. */
export async function listRefusalCounts(
  db: Database,
  options: { portalId?: string; now?: Date; hours?: number } = {},
): Promise<RefusalCount[]> {
  const since = new Date((options.now ?? new Date()).getTime() - (options.hours ?? 24 * 7) * HOUR_MS);
  return db
    .select()
    .from(refusalCounts)
    .where(
      and(
        gte(refusalCounts.hour, since),
        options.portalId ? eq(refusalCounts.portalId, options.portalId) : undefined,
      ),
    )
    .orderBy(desc(refusalCounts.hour), desc(refusalCounts.count))
    .limit(500);
}
