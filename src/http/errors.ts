/**
 * @module http-errors
 * The JSON body of every refusal and error, with a message a person can act on in Dutch and English.
 */
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Message } from '../core/errors.ts';
import { isAppError, NotFoundError } from '../core/errors.ts';

export const ErrorBody = z
  .object({
    error: z.string(),
    message: z.object({ nl: z.string(), en: z.string() }),
    reason: z.string().optional(),
    allowedRoles: z.array(z.string()).optional(),
    detail: z.string().optional(),
  })
  .openapi('Error');

export type ErrorBody = z.infer<typeof ErrorBody>;

/** The 400 the app's defaultHook answers when a request does not match its route's schema. */
export const InvalidRequestBody = z
  .object({
    error: z.literal('invalid_request'),
    problems: z.array(z.object({ path: z.string(), message: z.string() })),
  })
  .openapi('InvalidRequest');

/** Spread these one by one (`401: errorResponses[401]`): a spread of the whole object loses the route typing. */
export const errorResponses = {
  400: {
    description: 'Invalid input: each problem names the field',
    content: { 'application/json': { schema: InvalidRequestBody } },
  },
  401: { description: 'Not signed in', content: { 'application/json': { schema: ErrorBody } } },
  403: {
    description: 'Not allowed, with the reason',
    content: { 'application/json': { schema: ErrorBody } },
  },
  404: { description: 'Not found (or not yours)', content: { 'application/json': { schema: ErrorBody } } },
  422: {
    description: 'Refused: the message says what to fix',
    content: { 'application/json': { schema: ErrorBody } },
  },
  503: {
    description: 'Loket or Yuki did not answer; try again later',
    content: { 'application/json': { schema: ErrorBody } },
  },
} as const;

export function errorJson<Status extends ContentfulStatusCode>(
  c: Context,
  status: Status,
  error: string,
  message: Message,
  extra: Partial<ErrorBody> = {},
) {
  return c.json({ error, message, ...extra } satisfies ErrorBody, status);
}

export const NOT_FOUND: Message = {
  nl: 'Niet gevonden, of je hebt er geen toegang toe.',
  en: 'Not found, or you have no access to it.',
};

/** Turns an AppError from a service into a 422 (the person can fix it) or 503 (try again later). */
export function appErrorJson(c: Context, error: unknown) {
  if (!isAppError(error)) throw error;
  return errorJson(
    c,
    error.retryable ? 503 : 422,
    error.code,
    error.text,
    error.detail ? { detail: error.detail } : {},
  );
}

/** Like appErrorJson, but a NotFoundError is the same 404 as any unknown or foreign id. */
export function appErrorOrNotFound(c: Context, error: unknown) {
  if (error instanceof NotFoundError) return errorJson(c, 404, 'not_found', NOT_FOUND);
  return appErrorJson(c, error);
}
