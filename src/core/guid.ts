/**
 * @module guid
 * One reading of the GUIDs Loket and Yuki send: any hex GUID, stored and compared lower-case and dashed.
 */
import { z } from 'zod';

/**
 * loket-openapi.json puts this pattern on every `format: uuid` field:
 * `^[{(]?[0-9A-F]{8}[-]?([0-9A-F]{4}[-]?){3}[0-9A-F]{12}[)}]?$` — any hex GUID, not only RFC 4122
 * versions/variants. The pattern lists upper case only, yet the spec's own examples are lower case
 * ("b14acd0d-75d7-4fc8-8b22-4a3924585cab"), so case is not significant (as in .NET's Guid parser).
 */
const SPEC_GUID = /^[{(]?[0-9A-F]{8}-?(?:[0-9A-F]{4}-?){3}[0-9A-F]{12}[)}]?$/i;

/** The lower-case, dashed, brace-less form, or null when the value is not a GUID the spec accepts. */
export function normaliseGuid(value: string): string | null {
  const trimmed = value.trim();
  if (!SPEC_GUID.test(trimmed)) return null;
  const hex = trimmed.replace(/[^0-9a-f]/gi, '').toLowerCase();
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A GUID from Loket or Yuki, read in any form the spec allows and given back normalised. */
export const guidSchema = z.string().transform((value, context) => {
  const normalised = normaliseGuid(value);
  if (normalised !== null) return normalised;
  context.addIssue({ code: 'custom', message: 'expected a GUID' });
  return z.NEVER;
});
