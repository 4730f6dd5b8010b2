/**
 * @module routes/relation-code
 * PUT /api/administrations/{administrationId}/relation-code — set or clear the Relatiecode (Loket client
 * number); it is resolved in Loket and must be unique. When Loket's employer is another company than
 * the Yuki administration, 409 with both sides unless `confirm` is true. Authorized as `link.use`.
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { changeRelationCode, isRelationCodeMismatch } from '../../../app/administrations/change-relation-code.ts';
import { getAdministration } from '../../../app/administrations/get-administration.ts';
import type { AppEnv } from '../../context.ts';
import { appErrorJson, ErrorBody, errorResponses } from '../../errors.ts';
import { changedBy, guardAdministration } from '../../authorize.ts';
import { AdministrationDetail } from './administration.ts';

const Company = z.object({ name: z.string(), cocNumber: z.string().nullable() });

/** The refusal of a mismatching Relatiecode: both companies, so the caller can show them and confirm. */
const MismatchBody = ErrorBody.extend({
  sides: z.object({
    yuki: Company,
    loket: z.object({
      clientNumber: z.number().int(),
      companyName: z.string(),
      cocNumber: z.string().nullable(),
      payrollAdministrationName: z.string(),
      payrollTaxesNumber: z.string().nullable(),
    }),
  }),
}).openapi('RelationCodeMismatch');

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
          schema: z.object({
            relationCode: z.number().int().min(1).max(999_999_999).nullable(),
            confirm: z
              .boolean()
              .default(false)
              .describe('Link even though the Loket employer is another company than the Yuki administration'),
          }),
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
    409: {
      description: 'The Loket employer is another company than the Yuki administration; send confirm: true',
      content: { 'application/json': { schema: MismatchBody } },
    },
    422: errorResponses[422],
    503: errorResponses[503],
  },
});

export function putRelationCode(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    const guarded = await guardAdministration(c, c.req.valid('param').administrationId, 'link.use');
    if (!guarded.ok) return guarded.response;
    const { db, secrets, config } = c.var.services;
    const body = c.req.valid('json');
    try {
      const updated = await changeRelationCode({ db, secrets, config, logger: c.var.log }, changedBy(c), {
        target: guarded.value,
        relationCode: body.relationCode,
        confirm: body.confirm,
      });
      return c.json(await getAdministration(db, updated), 200);
    } catch (error) {
      if (isRelationCodeMismatch(error)) {
        return c.json({ error: error.code, message: error.text, sides: error.sides }, 409);
      }
      return appErrorJson(c, error);
    }
  });
}
