/**
 * @module routes/contract-line-request
 * POST /api/domains/{domainId}/contract-lines — ask the operator, by e-mail, to activate the link for a
 * non-standard administration of the domain. Authorized as `link.use`.
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { requestContractLine } from '../../../app/domains/request-contract-line.ts';
import type { AppEnv } from '../../context.ts';
import { appErrorJson, errorResponses } from '../../errors.ts';
import { changedBy, guardDomain } from '../../authorize.ts';

export const ContractLine = z
  .object({
    id: z.uuid(),
    domainId: z.uuid(),
    administrationId: z.uuid(),
    status: z.enum(['requested', 'active', 'refused', 'revoked']),
  })
  .openapi('ContractLine');

const route = createRoute({
  method: 'post',
  path: '/api/domains/{domainId}/contract-lines',
  tags: ['domains'],
  summary: 'Ask the operator to activate the link for a non-standard administration (sends an e-mail)',
  request: {
    params: z.object({ domainId: z.uuid() }),
    body: { content: { 'application/json': { schema: z.object({ administrationId: z.uuid() }) } } },
  },
  responses: {
    201: { description: 'Requested', content: { 'application/json': { schema: ContractLine } } },
    400: errorResponses[400],
    401: errorResponses[401],
    403: errorResponses[403],
    404: errorResponses[404],
    422: errorResponses[422],
    503: errorResponses[503],
  },
});

export function postContractLine(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    const guarded = await guardDomain(c, c.req.valid('param').domainId, 'link.use');
    if (!guarded.ok) return guarded.response;
    const { db, mailer, config } = c.var.services;
    try {
      const { line } = await requestContractLine({ db, mailer }, changedBy(c), {
        scope: guarded.value,
        administrationId: c.req.valid('json').administrationId,
        operatorEmail: config.operatorEmail,
        publicUrl: config.publicUrl,
      });
      const { id, domainId, administrationId, status } = line;
      return c.json({ id, domainId, administrationId, status }, 201);
    } catch (error) {
      return appErrorJson(c, error);
    }
  });
}
