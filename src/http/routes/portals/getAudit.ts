/**
 * @module routes/audit
 * GET /api/portals/{portalId}/audit — the portal's audit log, newest first, paged with `before` and
 * `limit`. Authorized as `portal.audit.read`.
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { readAudit } from '../../../audit/read-audit.ts';
import type { AppEnv } from '../../context.ts';
import { errorResponses } from '../../errors.ts';
import { refusal } from '../../authorize.ts';

const AuditEvent = z
  .object({
    id: z.number().int(),
    at: z.string(),
    actorLabel: z.string(),
    actorName: z.string().nullable(),
    domainId: z.string().nullable(),
    administrationId: z.string().nullable(),
    domainName: z.string().nullable(),
    administrationName: z.string().nullable(),
    action: z.string(),
    targetType: z.string().nullable(),
    targetId: z.string().nullable(),
    changedFields: z.array(z.string()),
    outcome: z.enum(['ok', 'refused', 'failed']),
    details: z.record(z.string(), z.unknown()),
  })
  .openapi('AuditEvent');

const route = createRoute({
  method: 'get',
  path: '/api/portals/{portalId}/audit',
  tags: ['portals'],
  summary: "The portal's audit log, newest first",
  request: {
    params: z.object({ portalId: z.uuid() }),
    query: z.object({
      before: z.coerce.number().int().positive().optional(),
      limit: z.coerce.number().int().min(1).max(500).optional(),
    }),
  },
  responses: {
    200: { description: 'Events', content: { 'application/json': { schema: z.array(AuditEvent) } } },
    401: errorResponses[401],
    403: errorResponses[403],
    404: errorResponses[404],
  },
});

export function getAudit(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    const { portalId } = c.req.valid('param');
    const refused = await refusal(c, 'portal.audit.read', { kind: 'portal', portalId });
    if (refused) return refused;
    const events = await readAudit(c.var.services.db, { portalId, ...c.req.valid('query') });
    return c.json(
      events.map((event) => ({
        id: event.id,
        at: event.at.toISOString(),
        actorLabel: event.actorLabel,
        actorName: event.actorName,
        domainId: event.domainId,
        administrationId: event.administrationId,
        domainName: event.domainName,
        administrationName: event.administrationName,
        action: event.action,
        targetType: event.targetType,
        targetId: event.targetId,
        changedFields: event.changedFields,
        outcome: event.outcome,
        details: event.details,
      })),
      200,
    );
  });
}
