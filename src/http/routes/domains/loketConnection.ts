/**
 * @module routes/loket-connection
 * GET and PUT /api/domains/{domainId}/loket-connection — the domain's Loket sign-in (the password is never
 * returned); PUT sets user name, password and environment code for Loket's password flow. `link.use`.
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { getLoketConnection } from '../../../app/domains/get-loket-connection.ts';
import {
  changeLoketConnection,
  PasswordConnectionInput,
} from '../../../app/domains/change-loket-connection.ts';
import type { AppEnv } from '../../context.ts';
import { appErrorJson, errorResponses } from '../../errors.ts';
import { changedBy, guardDomain } from '../../authorize.ts';

const LoketConnection = z
  .object({
    method: z.enum(['password', 'oauth', 'none']),
    username: z.string().nullable(),
    hasPassword: z.boolean(),
    environmentCode: z.string().nullable(),
    connected: z.boolean(),
    status: z.enum(['untested', 'ok', 'failed', 'none']),
    lastError: z.string().nullable().openapi({ description: "The last test's error in Dutch" }),
    lastErrorMessage: z
      .object({ nl: z.string(), en: z.string() })
      .nullable()
      .openapi({ description: "The last test's error in Dutch and English" }),
    missingRights: z.array(z.string()),
    checkedAt: z.string().nullable(),
  })
  .openapi('LoketConnection');

const params = z.object({ domainId: z.uuid() });
const errors = { 401: errorResponses[401], 403: errorResponses[403], 404: errorResponses[404] };

const getRoute = createRoute({
  method: 'get',
  path: '/api/domains/{domainId}/loket-connection',
  tags: ['domains'],
  summary: "The domain's Loket settings (the password is never returned)",
  request: { params },
  responses: {
    200: { description: 'Connection', content: { 'application/json': { schema: LoketConnection } } },
    ...errors,
  },
});

const putRoute = createRoute({
  method: 'put',
  path: '/api/domains/{domainId}/loket-connection',
  tags: ['domains'],
  summary:
    "Set the Loket user name, password and environment code (the Loket provider's name or id the user must reach) the import signs in with; only when the portal has switched on Loket's password flow",
  request: {
    params,
    body: {
      content: { 'application/json': { schema: PasswordConnectionInput.openapi('PasswordConnectionInput') } },
    },
  },
  responses: {
    200: { description: 'Saved', content: { 'application/json': { schema: LoketConnection } } },
    400: errorResponses[400],
    422: errorResponses[422],
    503: errorResponses[503],
    ...errors,
  },
});

export function loketConnection(app: OpenAPIHono<AppEnv>): void {
  app.openapi(getRoute, async (c) => {
    const guarded = await guardDomain(c, c.req.valid('param').domainId, 'link.use');
    if (!guarded.ok) return guarded.response;
    return c.json(await getLoketConnection(c.var.services.db, guarded.value.domainId), 200);
  });

  app.openapi(putRoute, async (c) => {
    const guarded = await guardDomain(c, c.req.valid('param').domainId, 'link.use');
    if (!guarded.ok) return guarded.response;
    const { db, secrets } = c.var.services;
    try {
      await changeLoketConnection({ db, secrets }, changedBy(c), {
        scope: guarded.value,
        input: c.req.valid('json'),
      });
    } catch (error) {
      // The portal has not switched on the password flow: 422 with the reason.
      return appErrorJson(c, error);
    }
    return c.json(await getLoketConnection(db, guarded.value.domainId), 200);
  });
}
