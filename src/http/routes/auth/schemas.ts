/**
 * @module auth-schemas
 * The zod shapes the auth routes share, named for the OpenAPI document.
 */
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../../context.ts';

export const Message = z.object({ nl: z.string(), en: z.string() }).openapi('Message');

export const Problem = z.object({ error: z.string(), message: Message }).openapi('Problem');

export const InvalidRequest = z
  .object({
    error: z.literal('invalid_request'),
    problems: z.array(z.object({ path: z.string(), message: z.string() })),
  })
  .openapi('InvalidRequest');

export const SignedInUser = z
  .object({ id: z.uuid(), email: z.string(), name: z.string(), locale: z.enum(['nl', 'en']) })
  .openapi('SignedInUser');

export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

/** Pages post forms and scripts post JSON; one zod schema checks whichever arrives. */
export const jsonOrForm = <T extends z.ZodType>(schema: T) => ({
  content: {
    'application/json': { schema },
    'application/x-www-form-urlencoded': { schema },
  },
});

export function isFormPost(c: Context): boolean {
  return /^(application\/x-www-form-urlencoded|multipart\/form-data)/i.test(
    c.req.header('content-type') ?? '',
  );
}

/** Without a content type neither body validator runs; refuse rather than hand the route nothing. */
export const contentTypeRequired = createMiddleware<AppEnv>(async (c, next) => {
  if (!c.req.header('content-type')) {
    return c.json(
      {
        error: 'unsupported_media_type',
        message: {
          nl: 'Stuur de gegevens als JSON of als formulier.',
          en: 'Send the data as JSON or as a form.',
        },
      },
      415,
    );
  }
  await next();
});
