/**
 * @module operator-outbox
 * `GET /api/operator/outbox` lists the mails the service sent or could not send (operator only);
 * `POST /api/operator/outbox/{mailId}/resend` sends a failed one again.
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../context.ts';
import { appErrorJson, errorResponses } from '../../errors.ts';
import { changedBy, refusal } from '../../authorize.ts';
import { listOutbox, type OutboxEntry } from '../../../mail/outbox.ts';
import { resendMail } from '../../../app/operator/resend-mail.ts';

const OutboxMail = z
  .object({
    id: z.uuid(),
    kind: z.string(),
    recipients: z.string(),
    subject: z.string(),
    status: z.enum(['sent', 'failed', 'not_configured']),
    error: z.string().nullable(),
    attempts: z.number().int(),
    createdAt: z.string(),
    sentAt: z.string().nullable(),
  })
  .openapi('OutboxMail');

const listRoute = createRoute({
  method: 'get',
  path: '/api/operator/outbox',
  tags: ['operator'],
  summary: 'The newest 200 mails with their outcome: sent, failed or not_configured (operator only)',
  responses: {
    200: { description: 'Mails', content: { 'application/json': { schema: z.array(OutboxMail) } } },
    401: errorResponses[401],
    403: errorResponses[403],
  },
});

const resendRoute = createRoute({
  method: 'post',
  path: '/api/operator/outbox/{mailId}/resend',
  tags: ['operator'],
  summary: 'Send a failed mail again (operator only)',
  request: { params: z.object({ mailId: z.uuid() }) },
  responses: {
    200: { description: 'Tried again; see status', content: { 'application/json': { schema: OutboxMail } } },
    400: errorResponses[400],
    401: errorResponses[401],
    403: errorResponses[403],
    422: errorResponses[422],
    503: errorResponses[503],
  },
});

function shown(entry: OutboxEntry) {
  return { ...entry, createdAt: entry.createdAt.toISOString(), sentAt: entry.sentAt?.toISOString() ?? null };
}

export function operatorOutbox(app: OpenAPIHono<AppEnv>): void {
  app.openapi(listRoute, async (c) => {
    const refused = await refusal(c, 'operator', { kind: 'service' });
    if (refused) return refused;
    return c.json((await listOutbox(c.var.services.db)).map(shown), 200);
  });

  app.openapi(resendRoute, async (c) => {
    const refused = await refusal(c, 'operator', { kind: 'service' });
    if (refused) return refused;
    try {
      const entry = await resendMail(c.var.services, changedBy(c), c.req.valid('param').mailId);
      return c.json(shown(entry), 200);
    } catch (error) {
      return appErrorJson(c, error);
    }
  });
}
