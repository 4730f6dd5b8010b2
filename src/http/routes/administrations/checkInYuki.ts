/**
 * @module routes/check-in-yuki
 * POST /api/administrations/{administrationId}/imports/items/{itemId}/check — a Backoffice user of the
 * domain (or the portal_admin) answers an item waiting in "check in Yuki": `in_yuki` (mark as posted)
 * or `not_in_yuki` (post it). Authorized like the other import routes (`link.use`).
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { changeCheckInYuki } from '../../../app/administrations/change-check-in-yuki.ts';
import { changedBy, guardAdministration } from '../../authorize.ts';
import type { AppEnv } from '../../context.ts';
import { errorJson, errorResponses } from '../../errors.ts';

const CheckAnswer = z
  .object({
    /** in_yuki: it is in Yuki, mark as posted; not_in_yuki: it is not, post it. */
    decision: z.enum(['in_yuki', 'not_in_yuki']),
    /** The Yuki document id, when the person has it (only with in_yuki). */
    yukiDocumentId: z.string().trim().min(1).max(100).optional(),
  })
  .openapi('CheckInYukiAnswer');

const Settled = z
  .object({ id: z.uuid(), state: z.enum(['posted', 'planned']), yukiDocumentId: z.string().nullable() })
  .openapi('CheckInYukiResult');

const route = createRoute({
  method: 'post',
  path: '/api/administrations/{administrationId}/imports/items/{itemId}/check',
  tags: ['imports'],
  summary: 'Answer "check in Yuki": the document is in Yuki (mark as posted) or not (post it)',
  request: {
    params: z.object({ administrationId: z.uuid(), itemId: z.uuid() }),
    body: { content: { 'application/json': { schema: CheckAnswer } } },
  },
  responses: {
    200: { description: 'Settled', content: { 'application/json': { schema: Settled } } },
    400: errorResponses[400],
    401: errorResponses[401],
    403: errorResponses[403],
    404: errorResponses[404],
    409: {
      description: 'The item is not waiting for a check (any more)',
      content: { 'application/json': { schema: errorResponses[404].content['application/json'].schema } },
    },
  },
});

export const NOT_WAITING = {
  nl: 'Dit document wacht niet (meer) op controle in Yuki; misschien heeft iemand anders het al afgehandeld.',
  en: 'This document is not (or no longer) waiting for a check in Yuki; someone else may have settled it.',
};

export function checkInYuki(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    const params = c.req.valid('param');
    const guarded = await guardAdministration(c, params.administrationId, 'link.use');
    if (!guarded.ok) return guarded.response;
    const body = c.req.valid('json');
    const settled = await changeCheckInYuki(c.var.services, changedBy(c), guarded.value, params.itemId, {
      decision: body.decision,
      ...(body.decision === 'in_yuki' && body.yukiDocumentId ? { yukiDocumentId: body.yukiDocumentId } : {}),
    });
    if (!settled) return errorJson(c, 409, 'not_waiting_for_check', NOT_WAITING);
    return c.json(
      {
        id: settled.id,
        state: settled.state === 'posted' ? ('posted' as const) : ('planned' as const),
        yukiDocumentId: settled.yukiDocumentId,
      },
      200,
    );
  });
}
