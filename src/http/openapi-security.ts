/**
 * @module http/openapi-security
 * How a script authenticates, in the OpenAPI document: the session cookie from POST /api/auth/login,
 * and on every state-changing request the session's CSRF token (the login answer's `csrfToken`) in the
 * X-CSRF-Token header. Public routes say they need neither.
 */
import type { OpenAPIHono } from '@hono/zod-openapi';

type OpenAPIObject = ReturnType<OpenAPIHono['getOpenAPI31Document']>;

/** Routes that take no session (they match the permission matrix's public ones). */
const PUBLIC = new Set([
  'get /healthz',
  'get /readyz',
  'get /loket/oauth/callback',
  'post /api/auth/login',
  'post /api/auth/logout',
  'post /api/auth/password-reset',
  'post /api/auth/password-reset/confirm',
]);
const SAFE_METHODS = new Set(['get', 'head', 'options']);

export function withSecurity(document: OpenAPIObject): OpenAPIObject {
  const paths = document.paths ?? {};
  for (const [path, item] of Object.entries(paths)) {
    for (const [method, operation] of Object.entries(item as Record<string, { security?: unknown }>)) {
      if (typeof operation !== 'object' || operation === null) continue;
      operation.security = PUBLIC.has(`${method} ${path}`)
        ? []
        : SAFE_METHODS.has(method)
          ? [{ session: [] }]
          : [{ session: [], csrf: [] }];
    }
  }
  return {
    ...document,
    components: {
      ...document.components,
      securitySchemes: {
        session: {
          type: 'apiKey',
          in: 'cookie',
          name: 'ly_session',
          description:
            'The session cookie POST /api/auth/login sets (named __Host-ly_session when served over https).',
        },
        csrf: {
          type: 'apiKey',
          in: 'header',
          name: 'X-CSRF-Token',
          description:
            "The session's CSRF token, `csrfToken` in the login answer; required on every POST, PUT, PATCH and DELETE with a session. Those requests must also send an Origin header of this site.",
        },
      },
    },
  };
}
