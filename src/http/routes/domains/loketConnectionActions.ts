/**
 * @module routes/loket-connection-actions
 * What is done with a domain's Loket connection (`link.use`): test it (sign in and list missing rights), and
 * connect by OAuth — …/authorize redirects to Loket, /loket/oauth/callback completes it and is audited.
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { testLoketConnection } from '../../../app/domains/test-loket-connection.ts';
import { getLoketAuthorizeUrl } from '../../../app/domains/get-loket-authorize-url.ts';
import { createLoketOAuthConnection } from '../../../app/domains/create-loket-oauth-connection.ts';
import { isAppError } from '../../../core/errors.ts';
import type { AppEnv } from '../../context.ts';
import { appErrorJson, errorJson, errorResponses } from '../../errors.ts';
import { changedBy, guardDomain } from '../../authorize.ts';

const STATE_COOKIE = 'ly_loket_oauth';
const params = z.object({ domainId: z.uuid() });

const ConnectionTest = z
  .object({
    ok: z.boolean(),
    employers: z.array(z.object({ id: z.string(), name: z.string(), missingRights: z.array(z.string()) })),
    missingRights: z.array(z.string()),
    error: z.object({ code: z.string(), message: z.object({ nl: z.string(), en: z.string() }) }).nullable(),
  })
  .openapi('LoketConnectionTest');

const testRoute = createRoute({
  method: 'post',
  path: '/api/domains/{domainId}/loket-connection/test',
  tags: ['domains'],
  summary: 'Sign in at Loket as the domain user and list the rights the import needs that it lacks',
  request: { params },
  responses: {
    200: {
      description: 'The outcome, also kept on the connection',
      content: { 'application/json': { schema: ConnectionTest } },
    },
    401: errorResponses[401],
    403: errorResponses[403],
    404: errorResponses[404],
  },
});

const authorizeRoute = createRoute({
  method: 'get',
  path: '/api/domains/{domainId}/loket-connection/authorize',
  tags: ['domains'],
  summary: 'Connect with Loket: redirects to the Loket sign-in page',
  request: { params },
  responses: {
    302: { description: 'To Loket' },
    401: errorResponses[401],
    403: errorResponses[403],
    404: errorResponses[404],
    422: errorResponses[422],
    503: errorResponses[503],
  },
});

const callbackRoute = createRoute({
  method: 'get',
  path: '/loket/oauth/callback',
  tags: ['domains'],
  summary: 'Where Loket sends the person back after signing in',
  request: {
    query: z.object({
      code: z.string().optional(),
      state: z.string().optional(),
      error: z.string().optional(),
    }),
  },
  responses: {
    302: { description: 'Back to the domain Loket settings' },
    422: errorResponses[422],
    401: errorResponses[401],
    403: errorResponses[403],
    404: errorResponses[404],
  },
});

export function loketConnectionActions(app: OpenAPIHono<AppEnv>): void {
  app.openapi(testRoute, async (c) => {
    const guarded = await guardDomain(c, c.req.valid('param').domainId, 'link.use');
    if (!guarded.ok) return guarded.response;
    const { db, secrets, config } = c.var.services;
    const result = await testLoketConnection({ db, secrets, config, logger: c.var.log }, changedBy(c), {
      scope: guarded.value,
    });
    return c.json(result, 200);
  });

  app.openapi(authorizeRoute, async (c) => {
    const guarded = await guardDomain(c, c.req.valid('param').domainId, 'link.use');
    if (!guarded.ok) return guarded.response;
    const { db, secrets, config } = c.var.services;
    try {
      const { url, state } = await getLoketAuthorizeUrl({ db, secrets, config }, guarded.value.portalId);
      setCookie(c, STATE_COOKIE, `${state}.${guarded.value.domainId}`, {
        httpOnly: true,
        sameSite: 'Lax',
        secure: config.publicUrl.startsWith('https://'),
        path: '/loket/oauth',
        maxAge: 600,
      });
      return c.redirect(url, 302);
    } catch (error) {
      return appErrorJson(c, error);
    }
  });

  app.openapi(callbackRoute, async (c) => {
    const { code, state, error } = c.req.valid('query');
    const [expectedState, domainId] = (getCookie(c, STATE_COOKIE) ?? '').split('.');
    deleteCookie(c, STATE_COOKIE, { path: '/loket/oauth' });
    if (!code || !state || !domainId || state !== expectedState) {
      return errorJson(c, 422, 'oauth_state', {
        nl: `Het koppelen met Loket is niet gelukt${error ? ` (${error})` : ''}. Start het opnieuw vanaf de Loket-instellingen van het domein.`,
        en: `Connecting with Loket did not work${error ? ` (${error})` : ''}. Start again from the domain's Loket settings.`,
      });
    }
    const guarded = await guardDomain(c, domainId, 'link.use');
    if (!guarded.ok) return guarded.response;
    const { db, secrets, config } = c.var.services;
    let outcome: 'ok' | 'failed' = 'ok';
    try {
      // Audited either way by the command; Loket refusing the code shows as `connected=failed`.
      await createLoketOAuthConnection({ db, secrets, config }, changedBy(c), { scope: guarded.value, code });
    } catch (caught) {
      if (!isAppError(caught)) throw caught;
      outcome = 'failed';
    }
    return c.redirect(`/domains/${domainId}/loket?connected=${outcome}`, 302);
  });
}
