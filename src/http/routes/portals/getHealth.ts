/**
 * @module routes/portal-health
 * GET /api/portals/{portalId}/health — the portal's import health: imports and failures per administration
 * and period, Yuki quota per domain, Loket resource versions due to retire. `portal.health.read`.
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { periodKeyOf } from '../../../core/periods.ts';
import { getPortalHealth, HEALTH_PAGE_SIZE } from '../../../app/portals/get-portal-health.ts';
import type { AppEnv } from '../../context.ts';
import { errorJson, errorResponses, NOT_FOUND } from '../../errors.ts';
import { refusal } from '../../authorize.ts';

const Counts = z
  .object({
    posted: z.number().int(),
    open: z.number().int().openapi({ description: 'Planned or being posted' }),
    waitingForQuota: z.number().int(),
    failed: z.number().int(),
    skipped: z.number().int(),
    needsCheck: z.number().int().openapi({ description: 'Waiting for a person to check in Yuki' }),
  })
  .nullable()
  .openapi({ description: 'Items of this kind in this period; null when there are none' });

const PortalHealth = z
  .object({
    portal: z.object({ id: z.uuid(), name: z.string() }),
    /** The recent periods are those from this one on. */
    fromPeriod: z.string().openapi({ example: '2026-09' }),
    administrations: z
      .array(
        z.object({
          id: z.uuid(),
          name: z.string(),
          domainId: z.uuid(),
          domainName: z.string(),
          isStandard: z.boolean(),
          goneFromYuki: z.boolean(),
          linkComplete: z.boolean(),
          missing: z.array(z.string()),
          failed: z.number().int().openapi({ description: 'Failed items of every period' }),
          needsCheck: z
            .number()
            .int()
            .openapi({ description: 'Items of every period waiting for a person to check in Yuki' }),
          periods: z.array(
            z.object({
              period: z.string().openapi({ example: '2026-11' }),
              payslip: Counts,
              journal: Counts,
              tax_return: Counts,
            }),
          ),
        }),
      )
      .openapi({
        description: 'One page of administrations: with failures first, then by domain and name',
      }),
    page: z.number().int(),
    pageSize: z.number().int(),
    total: z
      .number()
      .int()
      .openapi({ description: 'Administrations in the link matching `q`, on all pages' }),
    notInLink: z.number().int().openapi({
      description: 'Administrations outside the link: not the standard one, no contract line, no Relatiecode',
    }),
    domains: z.array(
      z.object({
        id: z.uuid(),
        name: z.string(),
        yukiQuota: z
          .object({
            used: z.number().int(),
            limit: z.number().int(),
            left: z.number().int(),
            resetsAt: z
              .string()
              .openapi({ description: 'When the next Yuki day starts (midnight in Amsterdam)' }),
          })
          .nullable(),
        waitingForQuota: z.number().int().openapi({
          description: "Items of every period that wait for the next Yuki day (the domain's quota)",
        }),
      }),
    ),
    loketDeprecations: z
      .array(
        z.object({
          activity: z.string().openapi({ example: 'GetPayrollRunsByPayrollAdministrationId' }),
          method: z.string(),
          path: z
            .string()
            .openapi({ example: '/providers/employers/payrolladministrations/{id}/payrollruns' }),
          resourceVersion: z.string().openapi({ example: '2018-01-01' }),
          obsoleteDate: z.string().openapi({ example: '2027-06-30' }),
          lastSeenAt: z.string(),
        }),
      )
      .openapi({
        description: "Resource versions Loket announced it will retire (its answers' version.obsoleteDate)",
      }),
  })
  .openapi('PortalHealth');

const route = createRoute({
  method: 'get',
  path: '/api/portals/{portalId}/health',
  tags: ['portals'],
  summary:
    "The portal's import health: recent imports and failures per administration, Yuki quota per domain",
  request: {
    params: z.object({ portalId: z.uuid() }),
    query: z.object({
      page: z.coerce
        .number()
        .int()
        .min(1)
        .max(100_000)
        .optional()
        .openapi({ description: `Page of ${HEALTH_PAGE_SIZE} administrations, from 1` }),
      q: z
        .string()
        .max(100)
        .optional()
        .openapi({ description: "A part of the administration's name, or its whole Loket client number" }),
    }),
  },
  responses: {
    200: { description: 'Import health', content: { 'application/json': { schema: PortalHealth } } },
    401: errorResponses[401],
    403: errorResponses[403],
    404: errorResponses[404],
  },
});

export function getHealth(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    const { portalId } = c.req.valid('param');
    const refused = await refusal(c, 'portal.health.read', { kind: 'portal', portalId });
    if (refused) return refused;
    const { page, q } = c.req.valid('query');
    const health = await getPortalHealth(c.var.services.db, portalId, {
      ...(page ? { page } : {}),
      ...(q ? { q } : {}),
    });
    if (!health) return errorJson(c, 404, 'not_found', NOT_FOUND);
    return c.json(
      {
        portal: health.portal,
        fromPeriod: periodKeyOf(health.fromPeriodId),
        administrations: health.administrations.map(({ periods, ...administration }) => ({
          ...administration,
          linkComplete: administration.missing.length === 0,
          periods: periods.map((period) => ({ period: periodKeyOf(period.periodId), ...period.kinds })),
        })),
        page: health.page,
        pageSize: health.pageSize,
        total: health.total,
        notInLink: health.notInLink,
        domains: health.domains.map((domain) => ({
          id: domain.id,
          name: domain.name,
          yukiQuota: domain.quota && { ...domain.quota, resetsAt: domain.quota.resetsAt.toISOString() },
          waitingForQuota: domain.waitingForQuota,
        })),
        loketDeprecations: health.loketDeprecations.map((seen) => ({
          activity: seen.activity,
          method: seen.method,
          path: seen.path,
          resourceVersion: seen.resourceVersion,
          obsoleteDate: seen.obsoleteDate,
          lastSeenAt: seen.lastSeenAt.toISOString(),
        })),
      },
      200,
    );
  });
}
