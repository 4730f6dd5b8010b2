/**
 * @module app
 * The HTTP application that mounts both the API (src/http) and the pages (src/ui): middleware every
 * request passes through, the routes, and the OpenAPI document generated from the routes' zod definitions.
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import { HTTPException } from 'hono/http-exception';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import type { AppEnv, AppServices } from '../http/context.ts';
import { registerRoutes } from '../http/routes/index.ts';
import { registerPages } from '../ui/index.ts';
import { SESSIONLESS_AUTH_PATHS } from '../http/routes/auth/index.ts';
import { sessionMiddleware } from '../http/middleware/session.ts';
import { csrfProtection } from '../http/middleware/csrf.ts';
import { errorJson } from '../http/errors.ts';
import { badRequestPage } from '../ui/pages/error-pages.tsx';
import { noStore } from '../http/middleware/no-store.ts';
import { bodySizeLimit } from '../http/middleware/body-size.ts';
import { registerMetricsRoute } from '../http/metrics-route.ts';
import { withSecurity } from '../http/openapi-security.ts';

export function createApp(services: AppServices): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success) {
        const problems = result.error.issues.map((issue) => ({
          path: issue.path.join('.'),
          message: issue.message,
        }));
        return c.json({ error: 'invalid_request', problems }, 400);
      }
    },
  });

  app.use(requestId());
  app.use(
    secureHeaders({
      // same-origin: a form post must carry its Origin, or the CSRF check cannot tell it is ours.
      referrerPolicy: 'same-origin',
      // The pages load only our own script and stylesheet; no inline code, no other origin.
      contentSecurityPolicy: {
        defaultSrc: ["'none'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'"],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
      },
    }),
  );
  app.use(noStore);
  app.use(async (c, next) => {
    const log = services.logger.child({ requestId: c.var.requestId });
    c.set('services', services);
    c.set('log', log);
    const started = performance.now();
    await next();
    log.info(
      {
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round(performance.now() - started),
      },
      'request',
    );
  });
  app.use(
    bodySizeLimit(services.config.maxBodyBytes, (c, limit) =>
      badRequestPage(c, 'error.413.text', { limit }, 413),
    ),
  );
  app.use(sessionMiddleware);
  app.use(csrfProtection({ sessionlessPaths: SESSIONLESS_AUTH_PATHS }));
  app.onError((error, c) => {
    // Malformed JSON (400) and a wrong content type (415) are the client's, not ours.
    if (error instanceof HTTPException) return error.getResponse();
    if (isDataException(error)) {
      // A value the database cannot hold that validation let through: still the client's input, so 400.
      c.var.log.warn({ err: error }, 'input refused by the database');
      return c.req.path.startsWith('/api/')
        ? errorJson(c, 400, 'invalid_request', INVALID_INPUT)
        : badRequestPage(c, 'error.400.text');
    }
    c.var.log.error({ err: error }, 'unhandled error');
    return c.json({ error: 'internal_error', requestId: c.var.requestId }, 500);
  });

  registerMetricsRoute(app, services.db, services.config.metrics.token);
  registerRoutes(app);
  registerPages(app);

  const openApiConfig = {
    openapi: '3.1.0',
    info: {
      title: 'loket-yuki',
      version: '0.1.0',
      description:
        'Salariskoppeling met Loket: payslips, payroll journal entries and tax returns from Loket into Yuki.',
    },
  };
  app.get('/openapi.json', (c) => c.json(withSecurity(app.getOpenAPI31Document(openApiConfig))));
  return app;
}

const INVALID_INPUT = {
  nl: 'Een van de ingevulde waarden kan niet worden opgeslagen (bijvoorbeeld een onzichtbaar teken of een te groot getal).',
  en: 'One of the values cannot be stored (for instance an invisible character or too large a number).',
};

/** PostgreSQL's class 22 (data exception): a NUL in text, a number out of range, a malformed value. */
function isDataException(error: unknown): boolean {
  let cause: unknown = error;
  for (let depth = 0; cause && depth < 5; depth++, cause = (cause as { cause?: unknown }).cause) {
    const code = (cause as { code?: unknown }).code;
    if (typeof code === 'string' && /^22[0-9A-Z]{3}$/.test(code)) return true;
  }
  return false;
}
