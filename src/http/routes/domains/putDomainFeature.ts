/**
 * @module routes/domain-feature
 * PUT and DELETE /api/domains/{domainId}/features/{feature} — add a feature to or remove it from the
 * domain's contract (`domain.contract.manage`); removing keeps link settings and history.
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { changeDomainFeature } from '../../../app/domains/change-domain-feature.ts';
import type { AppEnv } from '../../context.ts';
import { errorResponses } from '../../errors.ts';
import { changedBy, guardDomain } from '../../authorize.ts';

const params = z.object({ domainId: z.uuid(), feature: z.enum(['loket_payroll_link']) });
const ok = {
  description: 'Done',
  content: { 'application/json': { schema: z.object({ features: z.array(z.string()) }) } },
};
const responses = {
  200: ok,
  401: errorResponses[401],
  403: errorResponses[403],
  404: errorResponses[404],
};

const addRoute = createRoute({
  method: 'put',
  path: '/api/domains/{domainId}/features/{feature}',
  tags: ['domains'],
  summary: "Add a feature (Salariskoppeling met Loket) to the domain's contract (portal_admin)",
  request: { params },
  responses,
});

const removeRoute = createRoute({
  method: 'delete',
  path: '/api/domains/{domainId}/features/{feature}',
  tags: ['domains'],
  summary: "Remove a feature from the domain's contract (portal_admin); link settings and history stay",
  request: { params },
  responses,
});

export function putDomainFeature(app: OpenAPIHono<AppEnv>): void {
  for (const [route, action] of [
    [addRoute, 'add'],
    [removeRoute, 'remove'],
  ] as const) {
    app.openapi(route, async (c) => {
      const { domainId, feature } = c.req.valid('param');
      const guarded = await guardDomain(c, domainId, 'domain.contract.manage');
      if (!guarded.ok) return guarded.response;
      const features = await changeDomainFeature(c.var.services.db, changedBy(c), {
        scope: guarded.value,
        feature,
        change: action,
      });
      return c.json({ features }, 200);
    });
  }
}
