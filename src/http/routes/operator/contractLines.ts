/**
 * @module routes/operator-contract-lines
 * GET /api/operator/contract-lines lists contract-line requests and lines, newest first; POST
 * …/{lineId}/decision grants or refuses a request or revokes a line, and e-mails the requester. Operator only.
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { listContractLines } from '../../../app/operator/contract-lines.ts';
import { decideContractLine } from '../../../app/operator/decide-contract-line.ts';
import type { AppEnv } from '../../context.ts';
import { appErrorJson, errorResponses } from '../../errors.ts';
import { changedBy, refusal } from '../../authorize.ts';
import { ContractLine } from '../domains/postContractLine.ts';

const Request = z
  .object({
    id: z.uuid(),
    status: z.enum(['requested', 'active', 'refused', 'revoked']),
    portalName: z.string(),
    domainName: z.string(),
    administrationName: z.string(),
    requestedBy: z.string().nullable(),
    requestedAt: z.string(),
    note: z.string().nullable(),
  })
  .openapi('ContractLineRequest');

const listRoute = createRoute({
  method: 'get',
  path: '/api/operator/contract-lines',
  tags: ['operator'],
  summary: 'Contract-line requests and lines, newest first (operator only)',
  responses: {
    200: { description: 'Lines', content: { 'application/json': { schema: z.array(Request) } } },
    401: errorResponses[401],
    403: errorResponses[403],
  },
});

const decideRoute = createRoute({
  method: 'post',
  path: '/api/operator/contract-lines/{lineId}/decision',
  tags: ['operator'],
  summary: 'Grant or refuse a request, or revoke an active line (operator only); the requester is e-mailed',
  request: {
    params: z.object({ lineId: z.uuid() }),
    body: {
      content: {
        'application/json': {
          schema: z.object({
            decision: z.enum(['grant', 'refuse', 'revoke']),
            note: z.string().max(1000).optional(),
          }),
        },
      },
    },
  },
  responses: {
    200: { description: 'Decided', content: { 'application/json': { schema: ContractLine } } },
    400: errorResponses[400],
    401: errorResponses[401],
    403: errorResponses[403],
    422: errorResponses[422],
    503: errorResponses[503],
  },
});

export function operatorContractLines(app: OpenAPIHono<AppEnv>): void {
  app.openapi(listRoute, async (c) => {
    const refused = await refusal(c, 'operator', { kind: 'service' });
    if (refused) return refused;
    const rows = await listContractLines(c.var.services.db);
    return c.json(
      rows.map((line) => ({ ...line, requestedAt: line.requestedAt.toISOString() })),
      200,
    );
  });

  app.openapi(decideRoute, async (c) => {
    const refused = await refusal(c, 'operator', { kind: 'service' });
    if (refused) return refused;
    const { decision, note } = c.req.valid('json');
    try {
      const line = await decideContractLine(c.var.services, changedBy(c), {
        lineId: c.req.valid('param').lineId,
        decision,
        ...(note ? { note } : {}),
      });
      const { id, domainId, administrationId, status } = line;
      return c.json({ id, domainId, administrationId, status }, 200);
    } catch (error) {
      return appErrorJson(c, error);
    }
  });
}
