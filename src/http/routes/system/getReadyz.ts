/**
 * @module routes/readyz
 * GET /readyz — readiness: 200 when the database and the job engine answer, else 503 with the reason.
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../context.ts';
import { checkReadiness } from '../../../app/readiness.ts';

const Readiness = z
  .object({
    status: z.enum(['ready', 'not_ready']),
    checks: z.object({ database: z.string(), jobs: z.string() }),
  })
  .openapi('Readiness');

const route = createRoute({
  method: 'get',
  path: '/readyz',
  tags: ['system'],
  summary: 'The database and the job engine answer',
  responses: {
    200: { description: 'Ready', content: { 'application/json': { schema: Readiness } } },
    503: {
      description: 'Not ready, with the reason',
      content: { 'application/json': { schema: Readiness } },
    },
  },
});

export function getReadyz(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    const { db, jobs } = c.var.services;
    const { ready, checks } = await checkReadiness(db, jobs);
    return c.json({ status: ready ? ('ready' as const) : ('not_ready' as const), checks }, ready ? 200 : 503);
  });
}
