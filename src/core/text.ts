/**
 * @module text
 * One line of text as people type it (a name, a client id): no control characters. PostgreSQL cannot
 * store a NUL at all, and a CR/LF or escape code in a name only ever serves to break a mail or a log.
 */
import { z } from 'zod';

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

/** A trimmed single-line text of `min`–`max` characters without control characters. */
export function plainText(min: number, max: number) {
  return z
    .string()
    .trim()
    .min(min)
    .max(max)
    .refine(
      (value) => !CONTROL.test(value),
      'must not contain control characters (such as NUL or line breaks)',
    );
}
