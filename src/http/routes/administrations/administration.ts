/**
 * @module routes/administration
 * GET /api/administrations/{administrationId} shows one administration's Relatiecode and link settings (tab
 * Administratie); PUT …/link-settings changes them. Both authorized as `link.use`.
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { getAdministration } from '../../../app/administrations/get-administration.ts';
import { changeLinkSettings, LinkSettingsInput } from '../../../app/administrations/change-link-settings.ts';
import type { AppEnv } from '../../context.ts';
import { appErrorJson, errorResponses } from '../../errors.ts';
import { changedBy, guardAdministration } from '../../authorize.ts';

export const AdministrationDetail = z
  .object({
    id: z.uuid(),
    domainId: z.uuid(),
    name: z.string(),
    cocNumber: z.string().nullable(),
    isStandard: z.boolean(),
    linkAllowed: z.boolean(),
    relationCode: z.number().int().nullable(),
    loketPayrollAdministrationId: z.string().nullable(),
    loketPayrollAdministrationName: z.string().nullable(),
    importFromPeriod: z.string().nullable(),
    autoImport: z.boolean().nullable(),
    importSchedule: z.string().nullable(),
    netPayComponentKey: z.number().int().nullable(),
    costCenterProjects: z.record(z.string(), z.string()),
  })
  .openapi('AdministrationDetail');

const params = z.object({ administrationId: z.uuid() });
const errors = { 401: errorResponses[401], 403: errorResponses[403], 404: errorResponses[404] };

const getRoute = createRoute({
  method: 'get',
  path: '/api/administrations/{administrationId}',
  tags: ['administrations'],
  summary: 'Tab Administratie: the Relatiecode and the link settings of one administration',
  request: { params },
  responses: {
    200: { description: 'Administration', content: { 'application/json': { schema: AdministrationDetail } } },
    ...errors,
  },
});

const putRoute = createRoute({
  method: 'put',
  path: '/api/administrations/{administrationId}/link-settings',
  tags: ['administrations'],
  summary: 'First period to import, automatic import, net pay component, cost centre → project',
  request: {
    params,
    body: { content: { 'application/json': { schema: LinkSettingsInput.openapi('LinkSettingsInput') } } },
  },
  responses: {
    200: { description: 'Saved', content: { 'application/json': { schema: AdministrationDetail } } },
    400: errorResponses[400],
    ...errors,
    422: errorResponses[422],
    503: errorResponses[503],
  },
});

export function administration(app: OpenAPIHono<AppEnv>): void {
  app.openapi(getRoute, async (c) => {
    const guarded = await guardAdministration(c, c.req.valid('param').administrationId, 'link.use');
    if (!guarded.ok) return guarded.response;
    return c.json(await getAdministration(c.var.services.db, guarded.value.administration), 200);
  });

  app.openapi(putRoute, async (c) => {
    const guarded = await guardAdministration(c, c.req.valid('param').administrationId, 'link.use');
    if (!guarded.ok) return guarded.response;
    const { db } = c.var.services;
    try {
      const updated = await changeLinkSettings(db, changedBy(c), {
        target: guarded.value,
        input: c.req.valid('json'),
      });
      return c.json(await getAdministration(db, updated), 200);
    } catch (error) {
      return appErrorJson(c, error);
    }
  });
}
