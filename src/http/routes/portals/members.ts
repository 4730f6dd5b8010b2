import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { addMember, listMembers, MemberInput, removeMember } from '../../../tenancy/members.ts';
import { recordAudit } from '../../../audit/record-audit.ts';
import type { AppEnv } from '../../context.ts';
import { appErrorJson, errorJson, errorResponses, NOT_FOUND } from '../../errors.ts';
import { refusal } from '../../authorize.ts';

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
  summary: 'Give someone a portal or domain role; a new person is invited by e-mail to choose a password',
  request: {
    params: portalParams,
    body: { content: { 'application/json': { schema: MemberInput.openapi('MemberInput') } } },
  },
  responses: {
    201: {
      description: 'Added',
      content: { 'application/json': { schema: z.object({ userId: z.uuid(), invited: z.boolean() }) } },
    },
    400: { description: 'Invalid input' },
    ...errors,
    422: errorResponses[422],
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
    if (refused) return refused as never;
    return c.json(await listMembers(c.var.services.db, portalId), 200);
  });

  app.openapi(addRoute, async (c) => {
    const { portalId } = c.req.valid('param');
    const refused = await refusal(c, 'portal.members.manage', { kind: 'portal', portalId });
    if (refused) return refused as never;
    const { db, mailer, config } = c.var.services;
    const actor = c.var.actor!;
    const input = c.req.valid('json');
    try {
      const added = await addMember({ db, mailer, publicUrl: config.publicUrl }, actor, portalId, input);
      await recordAudit(db, {
        actorUserId: actor.userId,
        actorLabel: actor.email,
        portalId,
        domainId: input.kind === 'domain' ? input.domainId : null,
        action: 'portal.member.add',
        targetType: 'user',
        targetId: added.userId,
        details: { role: input.role, invited: added.invited },
        requestId: c.var.requestId,
      });
      return c.json(added, 201);
    } catch (error) {
      return appErrorJson(c, error) as never;
    }
  });

  app.openapi(removeRoute, async (c) => {
    const { portalId, userId } = c.req.valid('param');
    const refused = await refusal(c, 'portal.members.manage', { kind: 'portal', portalId });
    if (refused) return refused as never;
    const { db } = c.var.services;
    if (!(await removeMember(db, portalId, userId))) return errorJson(c, 404, 'not_found', NOT_FOUND);
    const actor = c.var.actor!;
    await recordAudit(db, {
      actorUserId: actor.userId,
      actorLabel: actor.email,
      portalId,
      action: 'portal.member.remove',
      targetType: 'user',
      targetId: userId,
      requestId: c.var.requestId,
    });
    return c.body(null, 204);
  });
}
