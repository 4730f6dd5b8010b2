/**
 * @module routes/relation-code
 * PUT /api/administrations/{administrationId}/relation-code — set or clear the Relatiecode (Loket client
 * number); it is resolved in Loket and must be unique. Authorized as `link.use`.
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { changeRelationCode } from '../../../app/administrations/change-relation-code.ts';
import { getAdministration } from '../../../app/administrations/get-administration.ts';
import type { AppEnv } from '../../context.ts';
import { appErrorJson, errorResponses } from '../../errors.ts';
import { changedBy, guardAdministration } from '../../authorize.ts';
import { AdministrationDetail } from './administration.ts';

const route = createRoute({
  method: 'put',
  path: '/api/administrations/{administrationId}/relation-code',
  tags: ['administrations'],
  summary: 'Set the Relatiecode (Loket client number); it is resolved in Loket and must be unique',
  request: {
    params: z.object({ administrationId: z.uuid() }),
    body: {
      content: {
        'application/json': {
          schema: z.object({ relationCode: z.number().int().min(1).max(999_999_999).nullable() }),
        },
      },
    },
  },
  responses: {
    200: { description: 'Linked', content: { 'application/json': { schema: AdministrationDetail } } },
    400: errorResponses[400],
    401: errorResponses[401],
    403: errorResponses[403],
    404: errorResponses[404],
    422: errorResponses[422],
    503: errorResponses[503],
  },
});

export function putRelationCode(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    const guarded = await guardAdministration(c, c.req.valid('param').administrationId, 'link.use');
    if (!guarded.ok) return guarded.response;
    const { db, secrets, config } = c.var.services;
    try {
      const updated = await changeRelationCode({ db, secrets, config, logger: c.var.log }, changedBy(c), {
        target: guarded.value,
        relationCode: c.req.valid('json').relationCode,
      });
      return c.json(await getAdministration(db, updated), 200);
    } catch (error) {
      return appErrorJson(c, error);
    }
  });
}
