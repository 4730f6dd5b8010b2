/**
 * @module routes/members
 * /api/portals/{portalId}/members (`portal.members.manage`): list everyone with a role in the portal or its
 * domains, invite someone to a role by e-mail, or take away all of someone's roles in the portal.
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { listMembers } from '../../../app/members/list-members.ts';
import { inviteMember, MemberInput } from '../../../app/members/invite-member.ts';
import { removeMember } from '../../../app/members/remove-member.ts';
import type { AppEnv } from '../../context.ts';
import { appErrorOrNotFound, errorResponses } from '../../errors.ts';
import { changedBy, refusal } from '../../authorize.ts';

const Member = z
  .object({
    userId: z.uuid(),
    email: z.string(),
    name: z.string(),
    portalRole: z.string().nullable(),
    domainRoles: z.array(z.object({ domainId: z.uuid(), domainName: z.string(), role: z.string() })),
  })
  .openapi('Member');

const portalParams = z.object({ portalId: z.uuid() });
const errors = { 401: errorResponses[401], 403: errorResponses[403], 404: errorResponses[404] };

const listRoute = createRoute({
  method: 'get',
  path: '/api/portals/{portalId}/members',
  tags: ['portals'],
  summary: 'Everyone with a role in the portal or its domains',
  request: { params: portalParams },
  responses: {
    200: { description: 'Members', content: { 'application/json': { schema: z.array(Member) } } },
    ...errors,
  },
});

const addRoute = createRoute({
  method: 'post',
  path: '/api/portals/{portalId}/members',
  tags: ['portals'],
  summary:
    'Invite someone to a portal or domain role by e-mail; the role is theirs once they accept. ' +
    'The answer is the same whether the address has an account or not.',
  request: {
    params: portalParams,
    body: { content: { 'application/json': { schema: MemberInput.openapi('MemberInput') } } },
  },
  responses: {
    202: {
      description: 'Invited; nothing changes until the person accepts',
      content: {
        'application/json': {
          schema: z
            .object({
              invitationId: z.uuid(),
              link: z
                .url()
                .optional()
                .describe('Only without SMTP: the single-use link to pass on, shown this once.'),
            })
            .openapi('Invitation'),
        },
      },
    },
    400: errorResponses[400],
    ...errors,
    422: errorResponses[422],
    503: errorResponses[503],
  },
});

const removeRoute = createRoute({
  method: 'delete',
  path: '/api/portals/{portalId}/members/{userId}',
  tags: ['portals'],
  summary: "Take away all of someone's roles in this portal (the account stays)",
  request: { params: portalParams.extend({ userId: z.uuid() }) },
  responses: { 204: { description: 'Removed' }, ...errors },
});

export function members(app: OpenAPIHono<AppEnv>): void {
  app.openapi(listRoute, async (c) => {
    const { portalId } = c.req.valid('param');
    const refused = await refusal(c, 'portal.members.manage', { kind: 'portal', portalId });
    if (refused) return refused;
    return c.json(await listMembers(c.var.services.db, portalId), 200);
  });

  app.openapi(addRoute, async (c) => {
    const { portalId } = c.req.valid('param');
    const refused = await refusal(c, 'portal.members.manage', { kind: 'portal', portalId });
    if (refused) return refused;
    const { db, mailer, config } = c.var.services;
    try {
      const deps = { db, mailer, publicUrl: config.publicUrl };
      const invited = await inviteMember(deps, changedBy(c), { portalId, input: c.req.valid('json') });
      return c.json(invited, 202);
    } catch (error) {
      // The operator may address any portal id; one that does not exist is simply not found.
      return appErrorOrNotFound(c, error);
    }
  });

  app.openapi(removeRoute, async (c) => {
    const { portalId, userId } = c.req.valid('param');
    const refused = await refusal(c, 'portal.members.manage', { kind: 'portal', portalId });
    if (refused) return refused;
    try {
      await removeMember(c.var.services.db, changedBy(c), { portalId, userId });
      return c.body(null, 204);
    } catch (error) {
      return appErrorOrNotFound(c, error);
    }
  });
}
