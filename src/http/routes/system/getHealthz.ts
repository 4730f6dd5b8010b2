/**
 * @module routes/healthz
 * GET /healthz — liveness: the process answers, without touching the database.
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../context.ts';

const route = createRoute({
  method: 'get',
  path: '/healthz',
  tags: ['system'],
  summary: 'The process is alive',
  responses: {
    200: {
      description: 'Alive',
      content: { 'application/json': { schema: z.object({ status: z.literal('ok') }) } },
    },
  },
});

/** Liveness only: it never touches the database, so a slow database does not get the process killed. */
export function getHealthz(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, (c) => c.json({ status: 'ok' as const }, 200));
}
