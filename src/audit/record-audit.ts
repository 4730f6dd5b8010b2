/**
 * @module record-audit
 * Appends one event to the audit log. Callers name the fields that changed, never their values, so a
 * secret can never reach the log.
 */
import type { Database } from '../store/database.ts';
import { auditEvents } from '../store/schema/index.ts';

export type AuditEvent = {
  actorUserId?: string | null;
  /** The actor's e-mail, or `system`/`scheduler` for work nobody clicked. */
  actorLabel: string;
  portalId?: string | null;
  domainId?: string | null;
  administrationId?: string | null;
  /** Dotted verb, e.g. `portal.loket_settings.update`, `link.refused`, `import.posted`. */
  action: string;
  targetType?: string;
  targetId?: string;
  changedFields?: string[];
  outcome?: 'ok' | 'refused' | 'failed';
  /** Non-secret context: ids, counts, reasons. */
  details?: Record<string, unknown>;
  requestId?: string | null;
};

export async function recordAudit(db: Database, event: AuditEvent): Promise<void> {
  await db.insert(auditEvents).values({
    actorUserId: event.actorUserId ?? null,
    actorLabel: event.actorLabel,
    portalId: event.portalId ?? null,
    domainId: event.domainId ?? null,
    administrationId: event.administrationId ?? null,
    action: event.action,
    targetType: event.targetType ?? null,
    targetId: event.targetId ?? null,
    changedFields: event.changedFields ?? [],
    outcome: event.outcome ?? 'ok',
    details: event.details ?? {},
    requestId: event.requestId ?? null,
  });
}

/** Names of the fields in `input` that differ from `current` — never their values. */
export function changedFields(current: Record<string, unknown>, input: Record<string, unknown>): string[] {
  return Object.keys(input)
    .filter((key) => input[key] !== undefined && JSON.stringify(input[key]) !== JSON.stringify(current[key]))
    .sort();
}
