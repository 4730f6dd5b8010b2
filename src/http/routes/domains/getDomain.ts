/**
 * @module routes/domain
 * GET /api/domains/{domainId} — a domain with its contract (features and contract lines) and its
 * administrations. Authorized as `domain.view`.
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { getDomain as readDomain } from '../../../app/domains/get-domain.ts';
import type { AppEnv } from '../../context.ts';
import { errorResponses } from '../../errors.ts';
import { guardDomain } from '../../authorize.ts';

const DomainDetail = z
  .object({
    id: z.uuid(),
    portalId: z.uuid(),
    name: z.string(),
    features: z.array(z.string()),
    administrations: z.array(
      z.object({ id: z.uuid(), name: z.string(), isStandard: z.boolean(), goneFromYuki: z.boolean() }),
    ),
    contractLines: z.array(
      z.object({
        id: z.uuid(),
        administrationId: z.uuid(),
        status: z.enum(['requested', 'active', 'refused', 'revoked']),
        requestedAt: z.string(),
        decidedAt: z.string().nullable(),
        note: z.string().nullable(),
      }),
    ),
  })
  .openapi('DomainDetail');

const route = createRoute({
  method: 'get',
  path: '/api/domains/{domainId}',
  tags: ['domains'],
  summary: 'A domain with its contract (features and contract lines) and administrations',
  request: { params: z.object({ domainId: z.uuid() }) },
  responses: {
    200: { description: 'Domain', content: { 'application/json': { schema: DomainDetail } } },
    401: errorResponses[401],
    403: errorResponses[403],
    404: errorResponses[404],
  },
});

export function getDomain(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    const guarded = await guardDomain(c, c.req.valid('param').domainId, 'domain.view');
    if (!guarded.ok) return guarded.response;
    const domain = await readDomain(c.var.services.db, guarded.value);
    return c.json(
      {
        ...domain,
        contractLines: domain.contractLines.map((line) => ({
          ...line,
          requestedAt: line.requestedAt.toISOString(),
          decidedAt: line.decidedAt?.toISOString() ?? null,
        })),
      },
      200,
    );
  });
}
